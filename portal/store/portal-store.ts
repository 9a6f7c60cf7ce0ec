/**
 * The portal's own state (open sessions, one-time sign-in links, the throttles' counters), kept where every portal replica sees the
 * same: N portals behind one proxy must behave as one. Two drivers: in this process (`npm start` runs one portal)
 * and Redis (PORTAL_STORE_URL), where every operation is atomic across portals and each key expires by itself.
 */
export interface PortalStore {
  /**
   * Adds one to the counter at `key` and returns the new count with the time left on it. An absent (or expired)
   * counter starts at 1 and lives `ttlMs`; later increments keep that expiry (a fixed window).
   */
  incr(key: string, ttlMs: number): Promise<{ count: number; ttlMs: number }>;
  /** Takes one off a live counter, never below zero and keeping its expiry; an expired counter stays gone. */
  decr(key: string): Promise<void>;
  /** The value at `key`, or undefined once it has expired or been deleted. */
  get(key: string): Promise<string | undefined>;
  /** Sets `key` to `value` for `ttlMs` (replacing any value and expiry it had). */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  del(key: string): Promise<void>;
  /**
   * The value at `key`, deleted in the same step (Redis `GETDEL`): of two portals taking the same key at once, one
   * gets the value and the other undefined. What makes a one-time link single-use.
   */
  take(key: string): Promise<string | undefined>;
  /** Lets go of the connection (Redis); the memory driver forgets everything. */
  close(): Promise<void>;
}

/** Every key the portal writes: prefixed `kehoach:` (a shared Redis may hold other apps' keys) and namespaced. */
export const storeKeys = {
  session: (sid: string) => `kehoach:session:${sid}`,
  login: (address: string) => `kehoach:login:${address}`,
  /** A sign-in link's record, by the hash of its token (the token itself is only in the e-mail). */
  signInLink: (tokenHash: string) => `kehoach:sign-in-link:${tokenHash}`,
  /** Sign-in links asked for one address (by its hash, so the store lists no addresses). */
  signInAddress: (addressHash: string) => `kehoach:sign-in-address:${addressHash}`,
  /** Sign-in links asked from one client address. */
  signInClient: (address: string) => `kehoach:sign-in-client:${address}`,
  /** An SSO sign-in under way (state, nonce, PKCE verifier), by the random id in the browser's `kh_oidc` cookie. */
  oidc: (id: string) => `kehoach:oidc:${id}`,
  /** The plan an organisation's office is writing in the editor (portal/editor/draft-store.ts). */
  planDraft: (org: string) => `kehoach:plan-draft:${org}`,
} as const;
