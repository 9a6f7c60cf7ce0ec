/**
 * P1: a whole plan-year on the time-skipping server: events, WFTs, actions, bytes, e-mails, lost/duplicates for
 * A (real plan + items), B (bare baseline) and B0 (bare, no-op e-mail). Counts are deterministic per scenario, so
 * the variants need not share a server: each runs its year alone on a fresh one. Sharing one server overloaded it
 * (a workflow task timed out in virtual time, after which its time lock went negative: "Unbalanced lock and unlock
 * calls", and the run wedged).
 */
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createEmailActivities, messageIdFor } from '../activities/email.js';
import { createMailer } from '../activities/mailer.js';
import { startPlan, submitReport } from '../client/plan-client.js';
import { itemWorkflowId } from '../domain/ids.js';
import { planTimeStepper } from '../test/helpers/plan-time.js';
import { startSmtpSink, type SmtpSink } from '../test/helpers/smtp-sink.js';
import { mailConfigFor, startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from '../test/helpers/temporal-env.js';
import { bareSubmitUpdate, type bareYearWorkflow } from './bare-workflows.js';
import { PLAN_START, planScript, type PlanScript } from './bench-plan.js';
import type { Bundles } from './bench-workers.js';
import { addCounts, countHistory, zeroCounts, type HistoryCounts } from './history-metrics.js';

const N = Number(process.env.BENCH_PLANS ?? 4);

export interface Variant {
  name: 'A' | 'B' | 'B0';
  counts: HistoryCounts;
  emails: number;
  lost: number;
  duplicates: number;
  wallS: number;
}

export interface P1Result {
  N: number;
  variants: Variant[];
  wallS: number;
  dupKeys: string[];
  lostKeys: string[];
}

/** One plan of a variant, started and driven through its year. */
interface Driven {
  workflowIds: string[];
  submit(atMs: number): Promise<void>;
  result(): Promise<unknown>;
}

export async function runP1(bundles: Bundles): Promise<P1Result> {
  const t0 = Date.now();
  const dupKeys: string[] = [];
  const lostKeys: string[] = [];
  const variants: Variant[] = [];
  for (const name of ['A', 'B', 'B0'] as const) {
    const scripts = Array.from({ length: N }, (_, i) => planScript(i, name === 'B0' ? 'Z' : name));
    const run = await runVariant(name, scripts, bundles);
    if (name === 'A') {
      dupKeys.push(...run.dupKeys);
      lostKeys.push(...run.lostKeys);
    }
    variants.push(run.variant);
    console.error(`[bench] P1 ${name}: ${JSON.stringify(run.variant)}`);
  }
  return { N, variants, wallS: (Date.now() - t0) / 1000, dupKeys, lostKeys };
}

async function runVariant(
  name: Variant['name'],
  scripts: PlanScript[],
  bundles: Bundles,
): Promise<{ variant: Variant; dupKeys: string[]; lostKeys: string[] }> {
  const t0 = Date.now();
  const env = await startTimeSkippingEnv();
  const sink = await startSmtpSink();
  const worker = await startWorker(name, env, sink, bundles);
  try {
    const plans = await Promise.all(scripts.map((s) => drive(name, env, s)));
    const startedAt = (await env.client.workflow.getHandle(plans[0]!.workflowIds[0]!).describe()).startTime.getTime();
    const clock = planTimeStepper(env, PLAN_START, startedAt);
    const instants = [...new Set(scripts.flatMap((s) => s.submissions.map((x) => x.atMs)))].sort((x, y) => x - y);
    for (const at of instants) {
      await clock.sleepUntil(new Date(at).toISOString());
      await Promise.all(plans.map((p) => p.submit(at)));
    }
    // Awaiting a result lets the server skip to the year close; one at a time, so only one client holds time open.
    for (const p of plans) await p.result();
    const expected = name === 'B0' ? [] : scripts.flatMap((s) => s.expectedKeys);
    await sink.waitFor(expected.length, 30_000).catch(() => undefined);
    let counts = zeroCounts();
    for (const id of plans.flatMap((p) => p.workflowIds))
      counts = addCounts(counts, countHistory(await env.client.workflow.getHandle(id).fetchHistory()));
    const got = sink.messages.map((m) => m.messageId);
    const unique = new Set(got);
    const seen = new Set<string>();
    const dupKeys = got.filter((m) => (seen.has(m) ? true : (seen.add(m), false)));
    const lostKeys = expected.filter((k) => !unique.has(messageIdFor(k)));
    return {
      variant: {
        name,
        counts,
        emails: got.length,
        lost: lostKeys.length,
        duplicates: got.length - unique.size,
        wallS: (Date.now() - t0) / 1000,
      },
      dupKeys,
      lostKeys,
    };
  } finally {
    await worker.stop().catch(() => undefined);
    await sink.stop();
    await env.teardown();
  }
}

async function startWorker(
  name: Variant['name'],
  env: TestWorkflowEnvironment,
  sink: SmtpSink,
  bundles: Bundles,
): Promise<{ stop(): Promise<void> }> {
  if (name === 'A') return startTestWorker(env, sink);
  const mailer = createMailer(mailConfigFor(sink));
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: bundles.bare,
    activities:
      name === 'B' ? createEmailActivities({ mailer, config: mailConfigFor(sink) }) : { sendEmail: async () => ({}) },
  });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      mailer.close();
    },
  };
}

/**
 * Updates one at a time per workflow (the time-skipping server loses concurrent updates to one execution), retried
 * with the same update id when it answers "update not found" (it sometimes does; the id dedupes).
 */
async function serial(jobs: (() => Promise<unknown>)[]): Promise<void> {
  for (const job of jobs)
    for (let attempt = 1; ; attempt++) {
      try {
        await job();
        break;
      } catch (err) {
        if (attempt >= 5 || !String(err).includes('not found')) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
}

async function drive(name: Variant['name'], env: TestWorkflowEnvironment, s: PlanScript): Promise<Driven> {
  const dueAt = (atMs: number) => s.submissions.filter((x) => x.atMs === atMs);
  if (name === 'A') {
    const { handle } = await startPlan(env.client, s.plan, { taskQueue: TASK_QUEUE, clock: { planStart: PLAN_START } });
    const ref = { org: s.org, year: 2026 };
    const items = s.plan.tasks.map((t) => itemWorkflowId(s.planId, `task-${String(t.number).padStart(2, '0')}`));
    return {
      workflowIds: [s.planId, ...items],
      async submit(atMs) {
        const byItem = new Map<string, ReturnType<typeof dueAt>>();
        for (const x of dueAt(atMs)) byItem.set(x.itemWorkflowId, [...(byItem.get(x.itemWorkflowId) ?? []), x]);
        await Promise.all(
          [...byItem].map(([id, xs]) =>
            serial(
              xs.map(
                (x) => () =>
                  submitReport(env.client, ref, id.slice(s.planId.length + 1), {
                    unit: x.unit,
                    submittedBy: 'Bench',
                    results: 'Đã đăng tin.',
                  }),
              ),
            ),
          ),
        );
      },
      result: () => handle.result(),
    };
  }
  const handle = await env.client.workflow.start<typeof bareYearWorkflow>('bareYearWorkflow', {
    taskQueue: TASK_QUEUE,
    workflowId: `bare-${s.planId}`,
    args: [{ steps: s.steps, planStartMs: Date.parse(PLAN_START), speed: 1 }],
  });
  return {
    workflowIds: [handle.workflowId],
    submit: (atMs) =>
      serial(
        dueAt(atMs).map(
          (x) => () =>
            handle.executeUpdate(bareSubmitUpdate, {
              args: [{ unit: x.unit, receipt: x.receipt }],
              updateId: x.receipt.key,
            }),
        ),
      ),
    result: () => handle.result(),
  };
}
