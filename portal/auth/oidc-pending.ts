import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { ResolvedDeps } from '../deps.js';
import { storeKeys } from '../store/portal-store.js';

/** How long a visitor has at the SSO's login page before the sign-in must start again. */
export const PENDING_SIGN_IN_MS = 10 * 60_000;

/** Holds the random id of the browser's SSO sign-in under way; the secrets themselves stay in the portal store. */
export const OIDC_COOKIE = 'kh_oidc';

const pendingSchema = z.strictObject({
  state: z.string().min(1),
  nonce: z.string().min(1),
  /** PKCE code verifier: proves at the token endpoint that this portal asked for the code. */
  verifier: z.string().min(1),
  /** The office page to land on afterwards (checked again by `completeSignIn`). */
  next: z.string(),
});

/** What the portal keeps between sending a visitor to the SSO and their coming back. */
export type PendingSignIn = z.output<typeof pendingSchema>;

// Only the callback reads it; Lax, because the SSO's redirect back is a top-level navigation from another site.
const cookieOptions = (deps: ResolvedDeps) => ({
  httpOnly: true,
  sameSite: 'Lax' as const,
  path: '/dang-nhap/oidc',
  secure: deps.config.PORTAL_BASE_URL.startsWith('https:'),
});

/**
 * Keeps `pending` in the portal store for 10 minutes, under a fresh random id that the browser holds in a cookie:
 * the callback is accepted only from the browser that started the sign-in, and only once.
 */
export async function keepPendingSignIn(c: Context, deps: ResolvedDeps, pending: PendingSignIn): Promise<void> {
  const id = randomBytes(16).toString('base64url');
  await deps.store.set(storeKeys.oidc(id), JSON.stringify(pending), PENDING_SIGN_IN_MS);
  setCookie(c, OIDC_COOKIE, id, { ...cookieOptions(deps), maxAge: PENDING_SIGN_IN_MS / 1000 });
}

/**
 * The browser's sign-in under way, removed from the store as it is read (a replayed callback finds nothing), and
 * its cookie cleared; undefined when there is no cookie, it expired, or it was already used.
 */
export async function takePendingSignIn(c: Context, deps: ResolvedDeps): Promise<PendingSignIn | undefined> {
  const id = getCookie(c, OIDC_COOKIE);
  deleteCookie(c, OIDC_COOKIE, cookieOptions(deps));
  if (!id || !/^[A-Za-z0-9_-]{22}$/.test(id)) return undefined;
  const value = await deps.store.take(storeKeys.oidc(id));
  if (value === undefined) return undefined;
  try {
    return pendingSchema.parse(JSON.parse(value));
  } catch {
    return undefined;
  }
}
