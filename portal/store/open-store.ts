import { memoryPortalStore } from './memory-store.js';
import type { PortalStore } from './portal-store.js';
import { redisPortalStore } from './redis-store.js';

/** The store PORTAL_STORE_URL names: Redis when it is set, else this process's memory (one portal only). */
export function openPortalStore(url: string | undefined): Promise<PortalStore> {
  return url ? redisPortalStore(url) : Promise.resolve(memoryPortalStore());
}
