import type { HonoConfigType, Store } from 'hono-rate-limiter';
import { storeKeys, type PortalStore } from './portal-store.js';

/**
 * hono-rate-limiter's store interface on the portal store: each client address's failed logins are one counter
 * (`kehoach:login:<address>`) that every portal increments, so the limit holds across portals.
 */
export function throttleStore(store: PortalStore): Store {
  let windowMs = 60_000;
  return {
    init(options: HonoConfigType) {
      windowMs = options.windowMs;
    },
    async increment(address) {
      const { count, ttlMs } = await store.incr(storeKeys.login(address), windowMs);
      return { totalHits: count, resetTime: new Date(Date.now() + ttlMs) };
    },
    async decrement(address) {
      await store.decr(storeKeys.login(address));
    },
    async resetKey(address) {
      await store.del(storeKeys.login(address));
    },
  };
}
