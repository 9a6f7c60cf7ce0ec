import { spawn, type ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { searchAttributeFlags } from '../../client/register-search-attributes.js';
import { toolPaths } from './tools.js';

/**
 * `temporal server start-dev` as our own child process, with the project's search attributes: a test can stop it and
 * start it again on the same SQLite file, and the bench reads its CPU from the pid.
 */
export interface DevServerProcess {
  address: string;
  proc: ChildProcess;
  /** Ctrl-C (the server shuts down cleanly) and wait for the exit. */
  stop(): Promise<void>;
}

export interface DevServerOptions {
  port: number;
  /** SQLite file that outlives the process; default: in memory. */
  dbFile?: string;
  /** More `start-dev` flags (ports, dynamic config). */
  extraArgs?: string[];
  /** Without the project's search attributes: a test of what registers them. */
  bare?: boolean;
  timeoutMs?: number;
}

export async function startDevServer(o: DevServerOptions): Promise<DevServerProcess> {
  const { port, timeoutMs = 30_000 } = o;
  const address = `127.0.0.1:${port}`;
  const proc = spawn(
    toolPaths().temporalCli,
    [
      'server',
      'start-dev',
      '--headless',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      ...(o.dbFile ? ['--db-filename', o.dbFile] : []),
      '--log-level',
      'error',
      ...(o.bare ? [] : searchAttributeFlags()),
      ...(o.extraArgs ?? []),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  proc.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`dev server exited (${proc.exitCode}):\n${err}`);
    const conn = await Connection.connect({ address, connectTimeout: 1000 }).catch(() => undefined);
    const healthy =
      conn &&
      (await conn.healthService.check({}).then(
        () => true,
        () => false,
      ));
    await conn?.close();
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`dev server on ${address} not up after ${timeoutMs} ms:\n${err}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    address,
    proc,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGINT');
      await exited;
    },
  };
}
