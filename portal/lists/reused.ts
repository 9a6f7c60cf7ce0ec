import type { Client } from '@temporalio/client';

/** What one server (client) was last asked, by key: the answer's promise, shared by every caller meanwhile. */
const caches = new WeakMap<Client, Map<string, { at: number; value: Promise<unknown> }>>();
/** Distinct keys kept per client: one per filter asked, so a handful in practice; the oldest goes first. */
const MAX_KEYS = 1_000;

/**
 * The answer to `key` asked of `client` within the last `ttlMs`, or a new one from `ask`: every caller in that time,
 * including those arriving while the call is still under way, shares one visibility call. A failed answer
 * (`undefined`) is not kept. For what may be a little old (totals, the dashboard's attention block), never rows.
 */
export function reused<T>(
  client: Client,
  key: string,
  ttlMs: number,
  ask: () => Promise<T | undefined>,
  /** Whether an answer is kept for the callers after this call's (those meanwhile share it whatever it is). */
  keep: (answer: T) => boolean = () => true,
) {
  const mine = caches.get(client) ?? new Map<string, { at: number; value: Promise<unknown> }>();
  caches.set(client, mine);
  const hit = mine.get(key);
  if (hit && Date.now() - hit.at < ttlMs) return hit.value as Promise<T | undefined>;
  const value = ask().catch(() => undefined);
  mine.set(key, { at: Date.now(), value });
  void value.then((v) => (v === undefined || !keep(v)) && mine.get(key)?.value === value && mine.delete(key));
  if (mine.size > MAX_KEYS) mine.delete(mine.keys().next().value!);
  return value;
}

/** Forgets everything asked of `client` (a test that needs the next call to reach the server). */
export function forgetReused(client: Client): void {
  caches.delete(client);
}
