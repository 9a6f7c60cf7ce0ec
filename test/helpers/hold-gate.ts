import { createConnection, createServer, type Socket } from 'node:net';
import { freePort } from './free-port.js';

/**
 * A loopback TCP forwarder in front of a real server that a fault test can hold: while held it still accepts
 * connections and keeps the open ones, but forwards no byte either way, as a server that has stopped answering
 * mid-request (the client's connect succeeds; its request just hangs). Released, it passes on what it kept, in order.
 * A connection whose client goes away while held is cut upstream and what it had sent is dropped: the server never
 * sees the request of a process that died before it got through.
 */
export interface HoldGate {
  /** `http://127.0.0.1:<port>`: what clients are given instead of the server's own address. */
  url: string;
  hold(): void;
  release(): void;
  /** The request lines (`PUT /bucket/key HTTP/1.1`) clients sent while held and the gate kept, in arrival order. */
  heldRequests(): string[];
  /** Resolves with the first kept request line `match` accepts; rejects after `timeoutMs`. */
  waitForHeld(match: (requestLine: string) => boolean, timeoutMs: number): Promise<string>;
  /** Bytes of held requests dropped because their client closed before the release. */
  droppedBytes(): number;
  close(): Promise<void>;
}

const REQUEST_LINE = /^[A-Z]+ \S+ HTTP\/1\.[01]/;

export async function holdGate(target: { host: string; port: number }): Promise<HoldGate> {
  const port = await freePort();
  const flushers = new Set<() => void>();
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  let held = false;
  let dropped = 0;

  const server = createServer((client) => {
    const upstream = createConnection(target);
    const toUpstream: Buffer[] = [];
    const toClient: Buffer[] = [];
    const ended = { client: false, upstream: false };
    const flush = () => {
      for (const chunk of toUpstream.splice(0)) upstream.write(chunk);
      for (const chunk of toClient.splice(0)) client.write(chunk);
      if (ended.client) upstream.end();
      if (ended.upstream) client.end();
    };
    flushers.add(flush);
    const cut = () => {
      flushers.delete(flush);
      dropped += toUpstream.reduce((n, c) => n + c.length, 0);
      toUpstream.length = 0;
      toClient.length = 0;
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => {
        sockets.delete(s);
        cut();
      });
      s.on('error', () => s.destroy());
    }
    client.on('data', (chunk: Buffer) => {
      if (!held) return void upstream.write(chunk);
      const line = REQUEST_LINE.exec(chunk.subarray(0, 2048).toString('latin1'))?.[0];
      if (line) requests.push(line);
      toUpstream.push(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!held) return void client.write(chunk);
      toClient.push(chunk);
    });
    // A half-close goes on too, after what was kept.
    client.on('end', () => {
      ended.client = true;
      if (!held) upstream.end();
    });
    upstream.on('end', () => {
      ended.upstream = true;
      if (!held) client.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  return {
    url: `http://127.0.0.1:${port}`,
    hold() {
      held = true;
    },
    release() {
      held = false;
      for (const flush of flushers) flush();
    },
    heldRequests: () => [...requests],
    async waitForHeld(match, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = requests.find(match);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`no held request matched after ${timeoutMs} ms; held: ${JSON.stringify(requests)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    droppedBytes: () => dropped,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
