import { memoryPortalStore } from './store/memory-store.js';
import { storeKeys, type PortalStore } from './store/portal-store.js';

/**
 * The sessions that are open: a signed cookie alone cannot be taken back, so each request's session id must also be
 * found here, and logging out removes it. Every portal replica must see the same store: with PORTAL_STORE_URL
 * (Redis) a logout on one portal ends the session on all, and a restarted portal keeps them.
 */
export interface SessionStore {
  open(sid: string, expiresAtMs: number, nowMs: number): Promise<void>;
  isOpen(sid: string, nowMs: number): Promise<boolean>;
  close(sid: string): Promise<void>;
}

/**
 * Sessions in the portal store: `kehoach:session:<sid>` holds the expiry (epoch ms, on the portal's clock) and lives
 * until then, so the store drops closed-by-time sessions by itself.
 */
export function portalSessionStore(store: PortalStore): SessionStore {
  return {
    async open(sid, expiresAtMs, nowMs) {
      if (expiresAtMs > nowMs) await store.set(storeKeys.session(sid), String(expiresAtMs), expiresAtMs - nowMs);
    },
    async isOpen(sid, nowMs) {
      const exp = await store.get(storeKeys.session(sid));
      return exp !== undefined && Number(exp) > nowMs;
    },
    async close(sid) {
      await store.del(storeKeys.session(sid));
    },
  };
}

/** Sessions in a store of their own in this process (one portal only). */
export function memorySessionStore(): SessionStore {
  return portalSessionStore(memoryPortalStore());
}

/** How long a session lasts after login. */
export const SESSION_HOURS = 8;
