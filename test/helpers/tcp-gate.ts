import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './free-port.js';

/**
 * A loopback TCP forwarder in front of a real server, which a fault test closes and opens again: while closed,
 * nothing listens on its port (connections are refused) and open connections are cut, as when the server's host
 * goes away; reopened on the same port, clients reconnect without being told anything.
 */
export interface TcpGate {
  /** `http://127.0.0.1:<port>`: what clients are given instead of the server's own address. */
  url: string;
  close(): Promise<void>;
  open(): Promise<void>;
}

export async function tcpGate(target: { host: string; port: number }): Promise<TcpGate> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = createConnection(target);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  await open();
  return {
    url: `http://127.0.0.1:${port}`,
    open,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = undefined;
    },
  };
}
