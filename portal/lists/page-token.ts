/**
 * Page tokens in addresses. The server's token is opaque bytes; a link carries it as base64url, and carries the
 * tokens of the pages walked before it too (a "trail", newest last), so "previous" needs no state on the server.
 * The trail is signed: a token this portal did not hand out is refused before it reaches the server.
 */
import { derivedKey, hmac, sameString } from '../keys.js';
import { ListQueryError } from './query-values.js';

const TOKEN = /^[A-Za-z0-9_-]{1,1024}$/;
/** Pages remembered for "previous"; beyond that the oldest are forgotten (keeps addresses under ~32 KiB). */
export const MAX_TRAIL = 30;

/** The server's token as it goes into a link. */
export const tokenText = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/** A link's token back to the server's bytes; refused unless it is base64url of a sane length. */
export function tokenBytes(text: string): Uint8Array {
  if (!TOKEN.test(text)) throw new ListQueryError('page: not a page token');
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length === 0) throw new ListQueryError('page: not a page token');
  return new Uint8Array(bytes);
}

/** `?page=` as a trail: `''` or absent is the first page; each token must be one (`tokenBytes`). */
export function parseTrail(param: string | undefined): string[] {
  if (!param) return [];
  const tokens = param.split('.');
  if (tokens.length > MAX_TRAIL) throw new ListQueryError(`page: more than ${MAX_TRAIL} pages`);
  for (const t of tokens) tokenBytes(t);
  return tokens;
}

/** The trail of the next page: this one's, plus the token the server gave for the next. */
export const nextTrail = (trail: readonly string[], next: string): string[] => [...trail, next].slice(-MAX_TRAIL);

/** `?page=` of a trail. */
export const trailParam = (trail: readonly string[]): string => trail.join('.');

/** The signature a link carries beside its trail (`&sig=`), keyed by the portal's secret. */
export const trailSignature = (secret: string, trail: readonly string[]): string =>
  hmac(derivedKey(secret, 'page'), trailParam(trail));

/** The trail of `?page=&sig=`, refused unless this portal signed it. */
export function signedTrail(secret: string, page: string | undefined, sig: string | undefined): string[] {
  const trail = parseTrail(page);
  if (trail.length && !(sig && sameString(sig, trailSignature(secret, trail))))
    throw new ListQueryError('page: not a page link this portal made');
  return trail;
}
