import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

/** A redis-server of our own on loopback, nothing written to disk, for the portal store's tests. */
export interface RedisServer {
  /** `redis://[:password@]127.0.0.1:<port>`, as PORTAL_STORE_URL takes it. */
  url: string;
  port: number;
  /** What it printed (last 64 KiB), for a failing test's message. */
  output(): string;
  /** SIGTERM (SIGKILL after 5 s), then removes its folder. */
  stop(): Promise<void>;
}

/** Debian's redis-server, which `scripts/setup.mjs` installs for the tests, or `KEHOACH_REDIS_SERVER`. */
export function redisServerPath(): string {
  const path = process.env.KEHOACH_REDIS_SERVER ?? '/usr/bin/redis-server';
  if (!existsSync(path)) throw new Error(`${path} does not exist: run npm run setup (apt-get install redis-server)`);
  return path;
}

/** One PING over a plain socket: true once the server answers (`-NOAUTH` too, when it wants a password). */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG') || reply.startsWith('-NOAUTH'));
    });
  });
}

/**
 * Starts `redis-server --port <free> --bind 127.0.0.1 --save '' --appendonly no` in a temporary folder (with
 * `--requirepass` when a password is given) and resolves once it answers PING.
 */
export async function startRedisServer(opts: { password?: string; timeoutMs?: number } = {}): Promise<RedisServer> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  if (opts.password) args.push('--requirepass', opts.password);
  const proc = spawn(redisServerPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (c: Buffer) => (out = (out + c.toString()).slice(-65_536));
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await pings(port))) {
    if (proc.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const auth = opts.password ? `:${encodeURIComponent(opts.password)}@` : '';
  return { url: `redis://${auth}127.0.0.1:${port}`, port, output: () => out, stop };
}
