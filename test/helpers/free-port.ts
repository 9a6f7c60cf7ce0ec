import { createServer } from 'node:net';

/** Below Linux's ephemeral range (32768 up), so no port the OS hands out for `listen(0)` can land in it. */
const OWN_RANGE_START = 20_000;
const BLOCK = 1_000;
let next = 0;

/** Resolves with `port` if it can be bound on loopback right now, else `undefined`. */
function bindable(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const bound = (server.address() as { port: number }).port;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * A loopback port free right now. In a vitest worker it comes from that worker's own block of 1,000 ports below the
 * ephemeral range, handed out in turn: the ports are not held once returned, and servers started in the other worker
 * (or by the Temporal SDK, which asks the OS) would otherwise sometimes take one first.
 */
export async function freePort(): Promise<number> {
  const pool = Number(process.env.VITEST_POOL_ID);
  if (!Number.isInteger(pool) || pool < 1) {
    const port = await bindable(0);
    if (port === undefined) throw new Error('no free loopback port');
    return port;
  }
  const start = OWN_RANGE_START + ((pool - 1) % 12) * BLOCK;
  for (let tried = 0; tried < BLOCK; tried++) {
    const port = start + (next++ % BLOCK);
    if ((await bindable(port)) !== undefined) return port;
  }
  throw new Error(`no free loopback port in ${start}–${start + BLOCK - 1}`);
}
