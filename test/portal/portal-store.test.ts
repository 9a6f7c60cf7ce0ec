/**
 * The portal store's contract, the same for both drivers: the in-process one and Redis (a real redis-server on
 * loopback). Short TTLs on the real clock, as Redis keeps them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryPortalStore } from '../../portal/store/memory-store.js';
import { openPortalStore } from '../../portal/store/open-store.js';
import { storeKeys, type PortalStore } from '../../portal/store/portal-store.js';
import { loadConfig } from '../../worker/config.js';
import { freePort } from '../helpers/free-port.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let redis: RedisServer;
const opened: PortalStore[] = [];
let n = 0;
/** A key no other test uses. */
const fresh = (what: string) => `kehoach:test:${what}:${++n}`;

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  for (const s of opened) await s.close();
  await redis?.stop();
});

const drivers: [string, () => Promise<PortalStore>][] = [
  ['memory', async () => memoryPortalStore()],
  ['redis', async () => openPortalStore(redis.url)],
];

describe.each(drivers)('the %s driver', (_name, open) => {
  let store: PortalStore;

  beforeAll(async () => {
    store = await open();
    opened.push(store);
  });

  it('counts atomically in a fixed window that starts with the first increment, then starts again at 1', async () => {
    const key = fresh('incr');
    const first = await store.incr(key, 400);
    expect(first.count).toBe(1);
    expect(first.ttlMs).toBeGreaterThan(300);
    expect(first.ttlMs).toBeLessThanOrEqual(400);
    const counts = await Promise.all(Array.from({ length: 20 }, () => store.incr(key, 400)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    await sleep(150);
    // Later increments keep the first one's expiry: the window is not pushed on by each hit.
    const later = await store.incr(key, 400);
    expect(later.count).toBe(22);
    expect(later.ttlMs).toBeLessThanOrEqual(first.ttlMs - 100);
    await sleep(later.ttlMs + 50);
    expect(await store.incr(key, 400)).toMatchObject({ count: 1 });
  });

  it('decrements a live counter, never below zero and keeping its expiry; an expired one stays gone', async () => {
    const key = fresh('decr');
    await store.incr(key, 300);
    await store.incr(key, 300);
    await store.decr(key);
    expect(await store.get(key)).toBe('1');
    await store.decr(key);
    await store.decr(key);
    expect(await store.get(key)).toBe('0');
    expect((await store.incr(key, 10_000)).ttlMs).toBeLessThanOrEqual(300);
    await sleep(350);
    await store.decr(key);
    expect(await store.get(key)).toBeUndefined();
    expect((await store.incr(key, 300)).count).toBe(1);
    const never = fresh('decr-missing');
    await store.decr(never);
    expect(await store.get(never)).toBeUndefined();
  });

  it('sets, gets, replaces and deletes values, each living its TTL', async () => {
    const key = fresh('value');
    expect(await store.get(key)).toBeUndefined();
    await store.set(key, 'một', 10_000);
    expect(await store.get(key)).toBe('một');
    await store.set(key, 'hai', 200);
    expect(await store.get(key)).toBe('hai');
    await sleep(250);
    expect(await store.get(key)).toBeUndefined();
    await store.set(key, 'ba', 10_000);
    await store.del(key);
    expect(await store.get(key)).toBeUndefined();
    await store.del(key);
  });

  it('takes a value once: the first taker gets it and it is gone; an expired one is never taken', async () => {
    const key = fresh('take');
    await store.set(key, 'một lần', 10_000);
    expect(await store.take(key)).toBe('một lần');
    expect(await store.get(key)).toBeUndefined();
    expect(await store.take(key)).toBeUndefined();
    await store.set(key, 'hết hạn', 100);
    await sleep(150);
    expect(await store.take(key)).toBeUndefined();
    expect(await store.take(fresh('take-missing'))).toBeUndefined();
  });

  it('hands a value to exactly one of many takers at once', async () => {
    const key = fresh('take-race');
    await store.set(key, 'token', 10_000);
    const taken = await Promise.all(Array.from({ length: 20 }, () => store.take(key)));
    expect(taken.filter((v) => v === 'token')).toHaveLength(1);
    expect(taken.filter((v) => v === undefined)).toHaveLength(19);
  });
});

describe('the redis driver across clients and its configuration', () => {
  it('is one store for two clients: what one writes, counts or deletes, the other sees', async () => {
    const [a, b] = [await openPortalStore(redis.url), await openPortalStore(redis.url)];
    opened.push(a, b);
    const key = storeKeys.login('203.0.113.7');
    expect(key).toBe('kehoach:login:203.0.113.7');
    const counts = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).incr(key, 60_000)));
    expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const sid = storeKeys.session('abc');
    expect(sid).toBe('kehoach:session:abc');
    await a.set(sid, 'x', 60_000);
    expect(await b.get(sid)).toBe('x');
    await b.del(sid);
    expect(await a.get(sid)).toBeUndefined();
    // Two portals taking the same one-time link at once: only one of them gets it.
    const link = storeKeys.signInLink('hash');
    expect(link).toBe('kehoach:sign-in-link:hash');
    await a.set(link, 'record', 60_000);
    const taken = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).take(link)));
    expect(taken.filter((v) => v === 'record')).toHaveLength(1);
  });

  it('names PORTAL_STORE_URL when it is not a redis URL, or when nothing answers there, without its password', async () => {
    expect(() => loadConfig({ PORTAL_STORE_URL: 'http://127.0.0.1:6379' })).toThrow(
      /Invalid configuration:\n {2}PORTAL_STORE_URL: is not redis:\/\//,
    );
    expect(loadConfig({ PORTAL_STORE_URL: 'redis://:pw@redis:6379/0' }).PORTAL_STORE_URL).toBe(
      'redis://:pw@redis:6379/0',
    );
    expect(loadConfig({}).PORTAL_STORE_URL).toBeUndefined();
    const nobody = `redis://:hemmelig@127.0.0.1:${await freePort()}`;
    const refused = openPortalStore(nobody);
    await expect(refused).rejects.toThrow(/PORTAL_STORE_URL: cannot connect to redis:\/\/:\*\*\*@127\.0\.0\.1:\d+/);
    await expect(refused).rejects.not.toThrow(/hemmelig/);
  });

  it('refuses a wrong password at start-up and works with the right one', async () => {
    const locked = await startRedisServer({ password: 'mat-khau-redis' });
    try {
      const wrong = locked.url.replace('mat-khau-redis', 'sai');
      await expect(openPortalStore(wrong)).rejects.toThrow(/PORTAL_STORE_URL: cannot connect to .*(WRONGPASS|invalid)/);
      await expect(openPortalStore(locked.url.replace(/:[^:@/]+@/, ''))).rejects.toThrow(/PORTAL_STORE_URL/);
      const right = await openPortalStore(locked.url);
      await right.set('kehoach:test:auth', 'ok', 10_000);
      expect(await right.get('kehoach:test:auth')).toBe('ok');
      await right.close();
    } finally {
      await locked.stop();
    }
  });
});
