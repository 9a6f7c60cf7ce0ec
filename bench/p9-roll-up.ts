/**
 * P9: the roll-up at scale (issue #18). N schools (default 200) and two departments that both list them, on a dev
 * server of the phase's own, the worker in its own process; Q1 end to end. The schools' quarter runs once
 * (bench/p9-schools.ts); then department A receives their reports by the roll-up (each director accepts, the school's
 * item sends it up) and, after A's report is filed, department B, the baseline, receives the same accepted reports
 * submitted by hand (bench/p9-pipeline.ts). Every history is counted (each run of each workflow).
 */
import { rmSync } from 'node:fs';
import { itemWorkflowId, planWorkflowId, registerWorkflowId } from '../domain/ids.js';
import type { Bundles } from './bench-workers.js';
import { startDevServer } from './dev-server.js';
import { addCounts, zeroCounts, type HistoryCounts } from './history-metrics.js';
import { activityAttempts, countAllRuns } from './history-runs.js';
import { REPORT_ITEM } from './p9-parent-office.js';
import { mailLog, runPipeline, type P9Pipeline, type P9Variant } from './p9-pipeline.js';
import { schoolCodes } from './p9-plans.js';
import { runSchools, YEAR, type SchoolPhase } from './p9-schools.js';
import { startRemoteSink } from './remote-sink.js';
import { pool } from './stats.js';
import { startWorkerProcesses, writeBundles } from './worker-procs.js';

export interface P9Options {
  subordinates: number;
  /** The departments' pipelines, in order: A (roll-up), then B (by hand), or A alone. */
  order: P9Variant[];
  /** Real seconds per plan day of the schools' clock. */
  schoolDayS: number;
  /** Real seconds for a department's 21 plan days from its request to its reminder; 0: sized by `subordinates`. */
  windowS: number;
  lanes: number;
  startRate: number;
  /** Schools' reports made ready a second in each pipeline (A: directors accept; B: the clerk submits); 0: at once. */
  readyRate: number;
  /** The server's limit on one search attribute value (`frontend.searchAttributesSizeOfValueLimit`); 0: its default. */
  attributeLimit: number;
  /** The phase fails after this many seconds, naming the step it was at (a wedged worker must not hang the bench). */
  limitS: number;
  log: (m: string) => void;
}

export interface Counted {
  counts: HistoryCounts;
  /** The longest single run among them, and whose. */
  longest: { events: number; workflowId: string };
}

export interface P9Result {
  subordinates: number;
  schoolDayS: number;
  windowS: number;
  readyRate: number;
  attributeLimit: number;
  schoolPhase: SchoolPhase;
  /** Worker and dev server CPU-s of the schools' quarter (start to every report filed, before any acceptance). */
  schoolCpuS: { worker: number; server: number };
  /** Every school's plan, Q1 item and number register, summed; the roll-up's attempts (one entry per school). */
  schools: Counted;
  rollUpAttempts: number[];
  pipelines: (P9Pipeline & { parentItem: Counted; parentPlan: Counted })[];
  emails: number;
  wallS: number;
}

/**
 * A department's window when none is given: the time its schools' reports take to become ready, plus 10 s, so that
 * its deadline falls ~10 s after the last report was made ready (the last ones arrive and are accepted within ~6 s).
 */
export const defaultWindowS = (subordinates: number, readyRate: number) =>
  Math.round((readyRate ? subordinates / readyRate : 0.15 * subordinates) + 10);

async function countAll(
  client: Parameters<typeof countAllRuns>[0],
  ids: string[],
  each?: Parameters<typeof countAllRuns>[2],
) {
  const all = await pool(ids, 10, async (id) => ({ id, counts: await countAllRuns(client, id, each) }));
  const longest = all.reduce((a, b) => (b.counts.maxEventsPerRun > a.counts.maxEventsPerRun ? b : a));
  return {
    counts: all.reduce((sum, x) => addCounts(sum, x.counts), zeroCounts()),
    longest: { events: longest.counts.maxEventsPerRun, workflowId: longest.id },
  };
}

export async function runP9(bundles: Bundles, o: P9Options): Promise<P9Result> {
  const t0 = performance.now();
  const server = await startDevServer(
    o.attributeLimit ? ['--dynamic-config-value', `frontend.searchAttributesSizeOfValueLimit=${o.attributeLimit}`] : [],
  );
  const sink = await startRemoteSink();
  const bundleDir = writeBundles(bundles);
  const taskQueue = 'p9';
  const [worker] = await startWorkerProcesses(1, { address: server.address, taskQueue, variant: 'A', sink, bundleDir });
  const { client } = server;
  const cpu = () => ({ worker: worker!.cpuSeconds(), server: server.cpuSeconds() });
  const windowS = o.windowS || defaultWindowS(o.subordinates, o.readyRate);
  const codes = schoolCodes(o.subordinates);
  const parents = o.order.map((v) => `SO-${v}`);
  const mail = mailLog(sink);
  let last = 'starting the schools';
  const log = (m: string) => {
    last = m;
    o.log(m);
  };
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`P9 did not finish within ${o.limitS} s; last step: ${last}`)),
      o.limitS * 1000,
    );
  });
  let finished = false;
  try {
    const result = await Promise.race([measure(), limit]);
    finished = true;
    return result;
  } finally {
    clearTimeout(timer);
    // A worker that failed the phase may hold activities that never end: a graceful stop would wait for them.
    if (finished) await worker!.stop();
    else worker!.kill();
    rmSync(bundleDir, { recursive: true, force: true });
    await sink.stop();
    await server.stop().catch((err: unknown) => o.log(`P9 server stop: ${String(err)}`));
  }

  async function measure(): Promise<P9Result> {
    const c0 = cpu();
    const schoolPhase = await runSchools(client, { ...o, log, codes, parent: 'SO-A', taskQueue, dayS: o.schoolDayS });
    const c1 = cpu();
    const pipelines: P9Result['pipelines'] = [];
    for (const [k, variant] of o.order.entries()) {
      log(`P9 ${variant}: ${parents[k]} starts`);
      const run = await runPipeline(client, mail, {
        ...o,
        log,
        variant,
        parent: parents[k]!,
        schools: codes,
        taskQueue,
        windowS,
        cpu,
      });
      const planId = planWorkflowId(run.parent, YEAR);
      const [parentItem, parentPlanCounts] = await Promise.all([
        countAll(client, [itemWorkflowId(planId, REPORT_ITEM)]),
        countAll(client, [planId, registerWorkflowId(run.parent, YEAR)]),
      ]);
      pipelines.push({ ...run, parentItem, parentPlan: parentPlanCounts });
      log(`P9 ${variant}: ${JSON.stringify(pipelines.at(-1), (k, v: unknown) => (k === 'latencyMs' ? undefined : v))}`);
    }
    const rollUpAttempts: number[] = [];
    const schools = await countAll(
      client,
      codes.flatMap((c) => {
        const planId = planWorkflowId(c, YEAR);
        return [planId, itemWorkflowId(planId, REPORT_ITEM), registerWorkflowId(c, YEAR)];
      }),
      (h) => rollUpAttempts.push(...activityAttempts(h, 'rollUpReport')),
    );
    await mail.count(() => false);
    return {
      subordinates: codes.length,
      schoolDayS: o.schoolDayS,
      windowS,
      readyRate: o.readyRate,
      attributeLimit: o.attributeLimit,
      schoolPhase,
      schoolCpuS: { worker: c1.worker - c0.worker, server: c1.server - c0.server },
      schools,
      rollUpAttempts,
      pipelines,
      emails: mail.all.length,
      wallS: (performance.now() - t0) / 1000,
    };
  }
}
