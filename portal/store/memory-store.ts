import type { PortalStore } from './portal-store.js';

interface Entry {
  value: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** How often, at most, a write also drops every expired entry (reads skip expired ones anyway). */
const SWEEP_EVERY_MS = 60_000;

/**
 * The in-process driver: a map of key to value and expiry, on the real clock (as Redis keeps its TTLs). Correct for
 * one portal only: a second process has a map of its own.
 */
export function memoryPortalStore(): PortalStore {
  const entries = new Map<string, Entry>();
  let lastSweep = Date.now();
  const live = (key: string, now: number): Entry | undefined => {
    const e = entries.get(key);
    if (e && e.expiresAt <= now) entries.delete(key);
    return e && e.expiresAt > now ? e : undefined;
  };
  const sweep = (now: number) => {
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    for (const [k, e] of entries) if (e.expiresAt <= now) entries.delete(k);
  };
  return {
    async incr(key, ttlMs) {
      const now = Date.now();
      sweep(now);
      const e = live(key, now);
      const next = e
        ? { value: String(Number(e.value) + 1), expiresAt: e.expiresAt }
        : { value: '1', expiresAt: now + ttlMs };
      entries.set(key, next);
      return { count: Number(next.value), ttlMs: next.expiresAt - now };
    },
    async decr(key) {
      const e = live(key, Date.now());
      if (e && Number(e.value) > 0) e.value = String(Number(e.value) - 1);
    },
    async get(key) {
      return live(key, Date.now())?.value;
    },
    async set(key, value, ttlMs) {
      const now = Date.now();
      sweep(now);
      entries.set(key, { value, expiresAt: now + ttlMs });
    },
    async del(key) {
      entries.delete(key);
    },
    async take(key) {
      // One synchronous step between the read and the delete: no other caller runs in between.
      const value = live(key, Date.now())?.value;
      entries.delete(key);
      return value;
    },
    async close() {
      entries.clear();
    },
  };
}
