import { createClient } from '@redis/client';
import type { PortalStore } from './portal-store.js';

/** INCR, and a fresh counter (no expiry yet) gets its window: one script, so two portals cannot race between them. */
const INCR = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }`;

/** DECR only a live positive counter: a bare DECR on an expired key would make a -1 that never expires. */
const DECR = `
local count = tonumber(redis.call('GET', KEYS[1]))
if count and count > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

/** The address without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

const positiveMs = (ms: number) => Math.max(1, Math.ceil(ms));

/**
 * The Redis driver (node-redis): connects at once, so a wrong address or password stops the portal at start-up with
 * an error naming PORTAL_STORE_URL. Once connected it reconnects by itself; while it is disconnected, commands fail
 * at once (no offline queue) and the portal answers 503 rather than letting requests hang.
 */
export async function redisPortalStore(url: string): Promise<PortalStore> {
  const where = redactedUrl(url);
  let ready = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5_000,
      // Before the first connection, give up (start-up fails); after it, back off up to 5 s and keep trying.
      reconnectStrategy: (retries, cause) => (ready ? Math.min(100 * 2 ** retries, 5_000) : cause),
    },
  });
  client.on('error', (err: unknown) => {
    if (ready) console.error(`[portal] store ${where}: ${err instanceof Error ? err.message : String(err)}`);
  });
  try {
    await client.connect();
  } catch (err) {
    client.destroy();
    throw new Error(
      `Portal store unavailable:\n  PORTAL_STORE_URL: cannot connect to ${where}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  ready = true;
  return {
    async incr(key, ttlMs) {
      const [count, ttl] = (await client.eval(INCR, { keys: [key], arguments: [String(positiveMs(ttlMs))] })) as [
        number,
        number,
      ];
      return { count, ttlMs: ttl };
    },
    async decr(key) {
      await client.eval(DECR, { keys: [key] });
    },
    async get(key) {
      return (await client.get(key)) ?? undefined;
    },
    async set(key, value, ttlMs) {
      await client.set(key, value, { expiration: { type: 'PX', value: positiveMs(ttlMs) } });
    },
    async del(key) {
      await client.del(key);
    },
    async take(key) {
      // GETDEL (Redis 6.2+): read and delete in one command, atomic across portals.
      return (await client.getDel(key)) ?? undefined;
    },
    async close() {
      ready = false;
      if (client.isOpen) await client.close();
    },
  };
}
