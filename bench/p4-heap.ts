/**
 * P4: heap per cached plan. After 10 warm-up plans, K plans started (task 1 already open, so A caches the plan and
 * its first item) and left sleeping, each queried once; heapUsed and RSS after `gc()` minus the same before, divided
 * by K. The worker runs in
 * `debugMode` so workflow contexts live in this isolate (by default they run in a worker thread whose heap
 * `process.memoryUsage().heapUsed` does not see); e-mail is a no-op so SMTP buffers are not counted. Needs
 * `node --expose-gc` (what `npm run bench` uses).
 */
import { writeHeapSnapshot } from 'node:v8';
import { planStatusQuery } from '../workflows/messages.js';
import { planScript, type PlanScript } from './bench-plan.js';
import { startVariantWorker, type Bundles, type RunningWorker, type VariantName } from './bench-workers.js';
import type { DevServer } from './dev-server.js';
import type { RemoteSink } from './remote-sink.js';
import { pool } from './stats.js';
import { startVariantPlan, terminateAll, type StartedPlan } from './variant-plans.js';

export interface P4Run {
  variant: VariantName;
  plans: number;
  cachedWorkflows: number;
  heapDeltaMiB: number;
  rssDeltaMiB: number;
  heapPerPlanKiB: number;
  rssPerPlanKiB: number;
}

// After task 1 opened (Mon 05/01 08:00: 02/01/2026 is an official day off), days before its first reminder: at
// speed 1 everything sleeps.
const PLAN_START = Date.parse('2026-01-05T09:00:00+07:00');

async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 200));
  }
  return process.memoryUsage();
}

const WARM_UP_PLANS = 10;

/** Starts the plans and queries each once (a query needs the workflow in the worker's cache, so this also proves each
 * one is there), then waits until `cached` workflows sit idle in the cache. */
async function startCached(
  server: DevServer,
  w: RunningWorker,
  variant: VariantName,
  scripts: PlanScript[],
  taskQueue: string,
  cached: number,
): Promise<StartedPlan[]> {
  const started = await pool(scripts, 20, (s) =>
    startVariantPlan(server.client, variant, s, taskQueue, { planStartMs: PLAN_START, speed: 1 }),
  );
  await pool(started, 20, (p) => {
    const h = server.client.workflow.getHandle(p.anchorId);
    return variant === 'A' ? h.query(planStatusQuery) : h.query('__temporal_workflow_metadata');
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const st = w.worker.getStatus();
    if (st.numCachedWorkflows >= cached && st.numInFlightWorkflowActivations === 0 && st.numInFlightActivities === 0)
      break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return started;
}

export async function runP4(
  server: DevServer,
  sink: RemoteSink,
  bundles: Bundles,
  o: { plans: number; order: VariantName[] },
): Promise<P4Run[] | undefined> {
  if (!(globalThis as { gc?: unknown }).gc) return undefined;
  const runs: P4Run[] = [];
  for (const [k, variant] of o.order.entries()) {
    const taskQueue = `p4-${variant}-${k}`;
    const perPlan = variant === 'A' ? 2 : 1;
    const w = await startVariantWorker({
      variant,
      server,
      sink,
      taskQueue,
      bundles,
      noopEmail: true,
      maxCachedWorkflows: (WARM_UP_PLANS + o.plans) * perPlan + 100,
      debugMode: true,
    });
    try {
      // Warm-up plans first: the worker's first workflows compile the bundle's code and fill shared caches once per
      // worker, which is not a cost per plan. The scripts (a whole year of planned e-mails per plan) also exist before
      // the first reading, so the difference is only what the worker holds for the measured plans.
      const warm = WARM_UP_PLANS;
      const scripts = Array.from({ length: warm + o.plans }, (_, i) =>
        planScript(i, `P4${variant}${k}X`, { submit: false }),
      );
      const warmed = await startCached(server, w, variant, scripts.slice(0, warm), taskQueue, warm * perPlan);
      const before = await settledMemory();
      if (process.env.BENCH_P4_SNAPSHOT) writeHeapSnapshot(`${process.env.BENCH_P4_SNAPSHOT}-${k}-before.heapsnapshot`);
      const started = await startCached(server, w, variant, scripts.slice(warm), taskQueue, (warm + o.plans) * perPlan);
      started.push(...warmed);
      const cachedWorkflows = w.worker.getStatus().numCachedWorkflows - warm * perPlan;
      const after = await settledMemory();
      if (process.env.BENCH_P4_SNAPSHOT) writeHeapSnapshot(`${process.env.BENCH_P4_SNAPSHOT}-${k}-after.heapsnapshot`);
      const MiB = 1024 * 1024;
      runs.push({
        variant,
        plans: o.plans,
        cachedWorkflows,
        heapDeltaMiB: (after.heapUsed - before.heapUsed) / MiB,
        rssDeltaMiB: (after.rss - before.rss) / MiB,
        heapPerPlanKiB: (after.heapUsed - before.heapUsed) / 1024 / o.plans,
        rssPerPlanKiB: (after.rss - before.rss) / 1024 / o.plans,
      });
      console.error(`[bench] P4 ${variant} run ${k}: ${JSON.stringify(runs.at(-1))}`);
      await terminateAll(server.client, started);
    } finally {
      await w.stop();
    }
  }
  return runs;
}
