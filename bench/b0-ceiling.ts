/**
 * Ceiling: B0 plan-years per second on the dev server. The no-op floor with its year squeezed into one real second,
 * so timers all fall due at once and the rate is what the server + SDK can push, not what the clock allows.
 */
import { PLAN_START, planScript, yearCloseMs } from './bench-plan.js';
import { startVariantWorker, type Bundles } from './bench-workers.js';
import type { DevServer } from './dev-server.js';
import type { RemoteSink } from './remote-sink.js';
import { pool } from './stats.js';
import { startVariantPlan, terminateAll } from './variant-plans.js';

export async function b0PlanYearsPerSecond(
  server: DevServer,
  sink: RemoteSink,
  bundles: Bundles,
  plans: number,
): Promise<{ plans: number; wallS: number; perSecond: number }> {
  const taskQueue = 'ceiling-b0';
  const w = await startVariantWorker({
    variant: 'B0',
    server,
    sink,
    taskQueue,
    bundles,
  });
  const speed = yearCloseMs() - Date.parse(PLAN_START); // one plan-year per real second
  const t0 = performance.now();
  try {
    const started = await pool(
      Array.from({ length: plans }, (_, i) => planScript(i, 'CB0X', { submit: false })),
      20,
      (s) => startVariantPlan(server.client, 'B0', s, taskQueue, { planStartMs: Date.parse(PLAN_START), speed }),
    );
    await Promise.all(started.map((p) => p.result()));
    const wallS = (performance.now() - t0) / 1000;
    await terminateAll(server.client, started);
    return { plans, wallS, perSecond: plans / wallS };
  } finally {
    await w.stop();
  }
}
