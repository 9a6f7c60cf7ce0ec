/**
 * Bench workers as child processes (`worker-child.ts`), each with its own connections and pid: P5 and P6 put one or
 * two on a task queue and read each one's CPU. Same SDK options as in-process (`startVariantWorker`); the parent
 * bundles once and hands the code over as files, so a child starts in seconds instead of bundling again.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundles, VariantName } from './bench-workers.js';
import { procCpuSeconds } from './proc-cpu.js';

export interface ChildWorkerSpec {
  address: string;
  taskQueue: string;
  variant: VariantName;
  sink: { host: string; port: number };
  bundleDir: string;
  identity: string;
}

export interface WorkerStats {
  /** Workflow task completions the server refused as unknown (see worker-child.ts). */
  tasksNotFound: number;
}

export interface WorkerProcess {
  identity: string;
  cpuSeconds(): number;
  stats(): Promise<WorkerStats>;
  stop(): Promise<void>;
  /** SIGKILL, for a worker that no longer answers (a graceful stop waits for its activities). */
  kill(): void;
}

/** Writes the bundles where `worker-child.ts` reads them; returns the directory. */
export function writeBundles(b: Bundles): string {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-bench-bundle-'));
  for (const [name, bundle] of Object.entries(b)) {
    writeFileSync(join(dir, `${name}.js`), bundle.code);
    writeFileSync(join(dir, `${name}.js.map`), bundle.sourceMap);
  }
  return dir;
}

function startOne(spec: ChildWorkerSpec): Promise<WorkerProcess> {
  const child = fork(new URL('./worker-child.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_WORKER: JSON.stringify(spec) },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never leave a polling worker behind when the bench dies on an error.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const proc: WorkerProcess = {
    identity: spec.identity,
    cpuSeconds: () => procCpuSeconds(child.pid!),
    stats: () =>
      new Promise((resolve) => {
        const on = (m: Partial<WorkerStats>) => {
          if (m.tasksNotFound === undefined) return;
          child.off('message', on);
          resolve({ tasksNotFound: m.tasksNotFound });
        };
        child.on('message', on);
        child.send('stats');
      }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.send('stop');
      await exited;
      process.off('exit', kill);
    },
    kill,
  };
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(proc));
    child.once('exit', (code) => reject(new Error(`bench worker ${spec.identity} exited (${code}) before polling`)));
  });
}

/** `count` worker processes polling `taskQueue`, identities `<taskQueue>-w1`, `-w2`, …; resolves once all poll. */
export function startWorkerProcesses(count: number, spec: Omit<ChildWorkerSpec, 'identity'>): Promise<WorkerProcess[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => startOne({ ...spec, identity: `${spec.taskQueue}-w${i + 1}` })),
  );
}

export async function stopAll(procs: WorkerProcess[]): Promise<void> {
  await Promise.all(procs.map((p) => p.stop()));
}
