/**
 * P2: CPU per plan-year on the dev server. N bench plans run a whole year compressed by the plan clock (no
 * submissions: every reminder and escalation fires). Runs A, B, A, B, B0 one after another, never overlapping, so
 * this process's CPU delta is one variant's worker (the SMTP sink lives in its own process and is reported apart).
 */
import { PLAN_START, planScript, yearCloseMs } from './bench-plan.js';
import { startVariantWorker, type Bundles, type VariantName } from './bench-workers.js';
import type { DevServer } from './dev-server.js';
import { selfCpuSeconds } from './proc-cpu.js';
import type { RemoteSink } from './remote-sink.js';
import { pool } from './stats.js';
import { startVariantPlan, terminateAll, type StartedPlan } from './variant-plans.js';

export interface P2Run {
  variant: VariantName;
  plans: number;
  wallS: number;
  workerCpuS: number;
  serverCpuS: number;
  sinkCpuS: number;
  emails: number;
  completed: number;
}

export interface P2Options {
  plans: number;
  yearSeconds: number;
  order: VariantName[];
}

const DAY = 86_400_000;

export async function runP2(server: DevServer, sink: RemoteSink, bundles: Bundles, o: P2Options): Promise<P2Run[]> {
  const speed = (yearCloseMs() - Date.parse(PLAN_START)) / (o.yearSeconds * 1000);
  const runs: P2Run[] = [];
  for (const [k, variant] of o.order.entries()) {
    const taskQueue = `p2-${variant}-${k}`;
    const w = await startVariantWorker({
      variant,
      server,
      sink,
      taskQueue,
      bundles,
    });
    try {
      const scripts = Array.from({ length: o.plans }, (_, i) => planScript(i, `P2${variant}${k}X`, { submit: false }));
      await sink.take();
      const [cpu0, srv0, sink0, t0] = [selfCpuSeconds(), server.cpuSeconds(), sink.cpuSeconds(), performance.now()];
      // Plan i runs i/N of a plan day later, so plans don't all hit 08:00 in the same millisecond (spread, as in production).
      const started: StartedPlan[] = await pool(scripts, 20, (s, i) =>
        startVariantPlan(server.client, variant, s, taskQueue, {
          planStartMs: Date.parse(PLAN_START) - (i * DAY) / o.plans,
          speed,
        }),
      );
      const results = await Promise.allSettled(
        started.map((p) => withTimeout(p.result(), o.yearSeconds * 1000 * 3 + 30_000)),
      );
      const [cpu1, srv1, sink1, t1] = [selfCpuSeconds(), server.cpuSeconds(), sink.cpuSeconds(), performance.now()];
      await new Promise((r) => setTimeout(r, 500));
      const emails = (await sink.take()).length;
      await terminateAll(server.client, started);
      runs.push({
        variant,
        plans: o.plans,
        wallS: (t1 - t0) / 1000,
        workerCpuS: cpu1 - cpu0,
        serverCpuS: srv1 - srv0,
        sinkCpuS: sink1 - sink0,
        emails,
        completed: results.filter((r) => r.status === 'fulfilled').length,
      });
      console.error(`[bench] P2 ${variant} run ${k}: ${JSON.stringify(runs.at(-1))}`);
    } finally {
      await w.stop();
    }
  }
  return runs;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms))),
  ]).finally(() => clearTimeout(timer));
}
