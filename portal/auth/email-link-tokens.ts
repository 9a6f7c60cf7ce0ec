import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { storeKeys, type PortalStore } from '../store/portal-store.js';

/** How long an e-mailed sign-in link stays valid after it was asked for. */
export const SIGN_IN_LINK_MINUTES = 15;

/** What a sign-in link stands for, kept in the portal store under the hash of its token. */
export interface SignInLink {
  /** The address it signs in, lower-cased (`normalEmail`). */
  email: string;
  /** `browserMark` of the browser that asked: the link opens there only. */
  browser: string;
  /** The office page to land on (already checked by `safeNext`). */
  next: string;
  /** Expiry, epoch ms on the portal's clock. */
  exp: number;
}

const linkSchema = z.object({ email: z.string(), browser: z.string(), next: z.string(), exp: z.number() });

/** 32 random bytes in base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** SHA-256, base64url: what the store keeps instead of a token or a pre-login cookie. */
export const digest = (value: string): string => createHash('sha256').update(value).digest('base64url');

/** What binds a link to the browser that asked: the hash of its pre-login cookie (`kh_pre`). */
export const browserMark = (preLoginId: string): string => digest(preLoginId);

/**
 * Makes a link's token (256 random bits) and stores its record under the token's hash for SIGN_IN_LINK_MINUTES: the
 * token itself is only in the e-mail, so whoever reads the store cannot sign in with what they find there.
 */
export async function issueSignInLink(store: PortalStore, link: SignInLink): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await store.set(storeKeys.signInLink(digest(token)), JSON.stringify(link), SIGN_IN_LINK_MINUTES * 60_000);
  return token;
}

function parse(value: string | undefined): SignInLink | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = linkSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The link's record, left in place (the confirmation page: opening a link must not use it up). */
export async function peekSignInLink(store: PortalStore, token: string): Promise<SignInLink | undefined> {
  return TOKEN.test(token) ? parse(await store.get(storeKeys.signInLink(digest(token)))) : undefined;
}

/** The link's record, removed in the same step: of two confirmations at once, across portals, one gets it. */
export async function takeSignInLink(store: PortalStore, token: string): Promise<SignInLink | undefined> {
  return TOKEN.test(token) ? parse(await store.take(storeKeys.signInLink(digest(token)))) : undefined;
}
