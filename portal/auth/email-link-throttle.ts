import type { PortalStore } from '../store/portal-store.js';
import { storeKeys } from '../store/portal-store.js';
import { digest } from './email-link-tokens.js';

/**
 * How many sign-in links may be asked for, per address and per client, in fixed windows counted in the portal store
 * (so across every portal). Per address: nobody can fill someone's inbox; every address counts, known or not, so the
 * refusal says nothing about who is known. Per client: one visitor cannot try addresses by the hundred.
 */
export const SIGN_IN_LINK_THROTTLE = {
  perAddress: { limit: 5, windowMs: 60 * 60_000 },
  perClient: { limit: 20, windowMs: 15 * 60_000 },
} as const;

/** Counts one request; the ms until the window ends when it is over the limit, else undefined. */
async function count(store: PortalStore, key: string, rule: { limit: number; windowMs: number }) {
  const { count: n, ttlMs } = await store.incr(key, rule.windowMs);
  return n > rule.limit ? Math.max(ttlMs, 1_000) : undefined;
}

/** One request from the client address `address`. */
export const clientOverLimit = (store: PortalStore, address: string): Promise<number | undefined> =>
  count(store, storeKeys.signInClient(address), SIGN_IN_LINK_THROTTLE.perClient);

/** One link asked for the (lower-cased) e-mail address `email`, kept under its hash. */
export const addressOverLimit = (store: PortalStore, email: string): Promise<number | undefined> =>
  count(store, storeKeys.signInAddress(digest(email)), SIGN_IN_LINK_THROTTLE.perAddress);
