/**
 * P5: concurrent document-number allocation for ONE organisation and year: the register workflow, asked by Update
 * through the product's `allocateNumber`, with one and with two worker processes polling its task queue (runs
 * alternate 1, 2, 1, 2). N allocations from one client, `concurrency` in flight, each level in turn on a fresh
 * register; the numbers must be exactly 1..N, each key keeping the number it was given (the phase fails otherwise).
 * The dev server admits 10 in-flight Updates per workflow (`history.maxInFlightUpdates`) and refuses more with
 * RESOURCE_EXHAUSTED, which the client retries after ≥ 1 s: 20 in flight shows what that limit costs.
 */
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import { allocateNumber, ensureRegister, registerEntries, type RegisterRef } from '../client/register-client.js';
import type { DevServer } from './dev-server.js';
import { machineCpuSeconds, selfCpuSeconds } from './proc-cpu.js';
import type { RemoteSink } from './remote-sink.js';
import { percentile, pool } from './stats.js';
import { startWorkerProcesses, stopAll, type WorkerProcess } from './worker-procs.js';

const T = proto.temporal.api.enums.v1.EventType;

export interface P5Run {
  workers: number;
  n: number;
  concurrency: number;
  wallS: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Register runs the allocations spanned (> 1: continue-as-new happened under load). */
  registerRuns: number;
  /** Workflow tasks of the register each worker ran, in worker order: stickiness shows here. */
  wftsByWorker: number[];
  /** CPU during the allocations, in cores (CPU-s per wall second). */
  serverCores: number;
  workerCores: number;
  /** The whole machine minus the dev server, the workers and this process: load from outside the bench. */
  otherCores: number;
  /** Worker warnings "Task not found when completing": Update tasks the server dropped (the update was retried). */
  tasksNotFound: number;
}

export interface P5Options {
  n: number;
  /** Allocations in flight from the client, one level after the other in each run (e.g. [10, 20]). */
  concurrency: number[];
  /** Worker processes per run, e.g. [1, 2, 1, 2]. */
  order: number[];
}

/** Throws unless `numbers` is exactly 1..n; says which are missing or repeated. */
export function checkSequence(numbers: number[], n: number): void {
  const seen = new Map<number, number>();
  for (const x of numbers) seen.set(x, (seen.get(x) ?? 0) + 1);
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((x) => !seen.has(x));
  const repeated = [...seen].filter(([x, c]) => c > 1 || x < 1 || x > n).map(([x]) => x);
  if (missing.length || repeated.length)
    throw new Error(
      `numbers are not 1..${n}: missing [${missing.slice(0, 10).join(', ')}], repeated or out of range [${repeated.slice(0, 10).join(', ')}]`,
    );
}

/** Workflow tasks per worker identity over every run of the register (walking continue-as-new back to the first). */
async function wftsByIdentity(client: Client, workflowId: string): Promise<{ runs: number; by: Map<string, number> }> {
  const by = new Map<string, number>();
  let runId: string | undefined;
  let runs = 0;
  do {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs++;
    runId = undefined;
    for (const e of history.events ?? []) {
      if (e.eventType === T.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)
        runId = e.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
      const id = e.workflowTaskStartedEventAttributes?.identity;
      if (e.eventType === T.EVENT_TYPE_WORKFLOW_TASK_STARTED && id) by.set(id, (by.get(id) ?? 0) + 1);
    }
  } while (runId);
  return { runs, by };
}

export async function runP5(server: DevServer, sink: RemoteSink, bundleDir: string, o: P5Options): Promise<P5Run[]> {
  const runs: P5Run[] = [];
  for (const [k, workers] of o.order.entries()) {
    const taskQueue = `p5-${workers}w-${k}`;
    const procs = await startWorkerProcesses(workers, {
      address: server.address,
      taskQueue,
      variant: 'A',
      sink,
      bundleDir,
    });
    try {
      // Same workers for every level; a fresh register per level, so each starts at 1.
      for (const concurrency of o.concurrency) {
        const dropped = () =>
          Promise.all(procs.map((p) => p.stats())).then((s) => s.reduce((a, x) => a + x.tasksNotFound, 0));
        const before = await dropped();
        const run = await allocateAll(server, taskQueue, `P5R${k}C${concurrency}`, procs, { n: o.n, concurrency });
        runs.push({ ...run, tasksNotFound: (await dropped()) - before });
        console.error(`[bench] P5 ${workers} worker(s) run ${k}: ${JSON.stringify(runs.at(-1))}`);
      }
    } finally {
      await stopAll(procs);
    }
  }
  return runs;
}

/** N allocations on a fresh register of `org`; throws unless the numbers and the register agree and are 1..N. */
async function allocateAll(
  server: DevServer,
  taskQueue: string,
  org: string,
  procs: WorkerProcess[],
  o: { n: number; concurrency: number },
): Promise<Omit<P5Run, 'tasksNotFound'>> {
  const { client } = server;
  const ref: RegisterRef = { org, year: 2026 };
  const workflowId = await ensureRegister(client, ref, taskQueue);
  const keys = Array.from({ length: o.n }, (_, i) => `${org}-${i}`);
  const latency: number[] = [];
  const cpu = () => [
    machineCpuSeconds(),
    server.cpuSeconds(),
    selfCpuSeconds(),
    procs.reduce((a, p) => a + p.cpuSeconds(), 0),
  ];
  const cpu0 = cpu();
  const t0 = performance.now();
  const numbers = await pool(keys, o.concurrency, async (key) => {
    const t = performance.now();
    const { number } = await allocateNumber(client, ref, taskQueue, { key, symbol: 'BC-P5', issuedOn: '2026-03-02' });
    latency.push(performance.now() - t);
    return number;
  });
  const wallS = (performance.now() - t0) / 1000;
  const [machine, serverCpu, self, workersCpu] = cpu().map((c, i) => (c - cpu0[i]!) / wallS) as [
    number,
    number,
    number,
    number,
  ];
  checkSequence(numbers, o.n);
  // The register must agree with what the callers were told.
  const entries = (await registerEntries(client, ref)).entries;
  const told = new Map(keys.map((key, i) => [key, numbers[i]]));
  const disagree = entries.filter((e) => told.get(e.key) !== e.number);
  if (entries.length !== o.n || disagree.length)
    throw new Error(`register holds ${entries.length} entries, ${disagree.length} differ from the numbers returned`);
  const { runs: registerRuns, by } = await wftsByIdentity(client, workflowId);
  await client.workflow.getHandle(workflowId).terminate('bench run over');
  return {
    workers: procs.length,
    n: o.n,
    concurrency: o.concurrency,
    wallS,
    perSecond: o.n / wallS,
    p50Ms: percentile(latency, 50),
    p99Ms: percentile(latency, 99),
    maxMs: Math.max(...latency),
    registerRuns,
    wftsByWorker: procs.map((p) => by.get(p.identity) ?? 0),
    serverCores: serverCpu,
    workerCores: workersCpu,
    otherCores: Math.max(0, machine - serverCpu - self - workersCpu),
  };
}
