import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_LINK_SECRET } from './test-secret.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `worker/main.ts` (what `npm run worker` runs) as a child process, so a test can SIGKILL it mid-send. */
export interface WorkerProcess {
  proc: ChildProcess;
  output(): string;
  /** Resolves when the worker has bundled its workflows and polls its task queue. */
  ready(timeoutMs?: number): Promise<void>;
  /** Sends `signal` and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface WorkerProcessEnv {
  temporalAddress: string;
  taskQueue: string;
  smtpPort: number;
  reportsDir: string;
  /** More variables for the worker, applied last (e.g. `BLOB_STORE=s3` and the `S3_*` of a test's SeaweedFS). */
  env?: NodeJS.ProcessEnv;
}

export function startWorkerProcess(opts: WorkerProcessEnv): WorkerProcess {
  // `node --import tsx` rather than the tsx CLI: the CLI runs the script in a grandchild that a SIGKILL would orphan.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: opts.temporalAddress,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: opts.taskQueue,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(opts.smtpPort),
      SMTP_POOL: 'true',
      PORTAL_BASE_URL: 'http://portal.test',
      REPORTS_DIR: opts.reportsDir,
      LINK_SECRET: TEST_LINK_SECRET,
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    proc,
    output: () => out,
    async ready(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!out.includes('[worker] polling task queue')) {
        if (proc.exitCode !== null || proc.signalCode !== null)
          throw new Error(`worker exited (${proc.exitCode ?? proc.signalCode}) before polling:\n${out}`);
        if (Date.now() > deadline) throw new Error(`worker not polling after ${timeoutMs} ms:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async kill(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
}

/**
 * Spawns workers of one task queue against `env` and `sink`, each with a reports folder of its own; `all` is every
 * worker spawned, for the test's teardown.
 */
export function workerSpawner(env: { address: string }, sink: { port: number }, taskQueue: string) {
  const all: WorkerProcess[] = [];
  return {
    all,
    spawn(): WorkerProcess {
      const w = startWorkerProcess({
        temporalAddress: env.address,
        taskQueue,
        smtpPort: sink.port,
        reportsDir: mkdtempSync(join(tmpdir(), 'kehoach-worker-')),
      });
      all.push(w);
      return w;
    },
  };
}
