/**
 * P1: a whole plan-year on the time-skipping server: events, WFTs, actions, bytes, e-mails, lost/duplicates for
 * A (real plan + items), B (bare baseline) and B0 (bare, no-op e-mail). Counts are deterministic per scenario, so
 * the three run concurrently in one virtual year on separate task queues.
 */
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import { createEmailActivities, messageIdFor } from '../activities/email.js';
import { createMailer } from '../activities/mailer.js';
import { startPlan, submitReport } from '../client/plan-client.js';
import { itemWorkflowId } from '../domain/ids.js';
import { planTimeStepper } from '../test/helpers/plan-time.js';
import { startSmtpSink } from '../test/helpers/smtp-sink.js';
import { mailConfigFor, startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from '../test/helpers/temporal-env.js';
import { bareSubmitUpdate, type bareYearWorkflow } from './bare-workflows.js';
import { PLAN_START, planScript, type PlanScript } from './bench-plan.js';
import { addCounts, countHistory, zeroCounts, type HistoryCounts } from './history-metrics.js';

// 10 plans overran the time-skipping server (its time lock went negative, WFT start-to-close timeouts); 4 hold.
const N = Number(process.env.BENCH_PLANS ?? 4);
const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never;

export interface Variant {
  name: 'A' | 'B' | 'B0';
  counts: HistoryCounts;
  emails: number;
  lost: number;
  duplicates: number;
}

export interface P1Result {
  N: number;
  variants: Variant[];
  wallS: number;
  dupKeys: string[];
  lostKeys: string[];
}

export async function runP1(): Promise<P1Result> {
  const t0 = Date.now();
  const dupKeys: string[] = [];
  const lostKeys: string[] = [];
  const env = await startTimeSkippingEnv();
  const sink = await startSmtpSink();
  const a = await startTestWorker(env, sink);
  const mailer = createMailer(mailConfigFor(sink));
  const bareBundle = await bundleWorkflowCode({
    workflowsPath: new URL('./bare-workflows.ts', import.meta.url).pathname,
    logger: quiet,
  });
  const bareWorker = (taskQueue: string, activities: object) =>
    Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bareBundle, activities });
  const b = await bareWorker('bench-b', createEmailActivities({ mailer, config: mailConfigFor(sink) }));
  const b0 = await bareWorker('bench-b0', { sendEmail: async () => ({}) });
  const runs = [b.run(), b0.run()];
  try {
    const scripts = { A: [] as PlanScript[], B: [] as PlanScript[], B0: [] as PlanScript[] };
    for (let i = 0; i < N; i++) {
      scripts.A.push(planScript(i, 'A'));
      scripts.B.push(planScript(i, 'B'));
      scripts.B0.push(planScript(i, 'Z'));
    }
    const aHandles = await Promise.all(
      scripts.A.map((s) => startPlan(env.client, s.plan, { taskQueue: TASK_QUEUE, clock: { planStart: PLAN_START } })),
    );
    const bare = (s: PlanScript, q: string) =>
      env.client.workflow.start<typeof bareYearWorkflow>('bareYearWorkflow', {
        taskQueue: q,
        workflowId: `bare-${s.planId}`,
        args: [{ steps: s.steps, planStartMs: Date.parse(PLAN_START), speed: 1 }],
      });
    const bHandles = await Promise.all(scripts.B.map((s) => bare(s, 'bench-b')));
    const b0Handles = await Promise.all(scripts.B0.map((s) => bare(s, 'bench-b0')));
    const startedAt = (await aHandles[0]!.handle.describe()).startTime.getTime();
    const clock = planTimeStepper(env, PLAN_START, startedAt);
    const instants = [...new Set(scripts.A.flatMap((s) => s.submissions.map((x) => x.atMs)))].sort((x, y) => x - y);
    for (const at of instants) {
      await clock.sleepUntil(new Date(at).toISOString());
      // One update at a time per workflow: the time-skipping server loses concurrent updates to one execution.
      const calls: Promise<unknown>[] = [];
      // …and it sometimes answers "update not found" on the bare workflow: retry with the same update id (deduped).
      const serial = async (jobs: (() => Promise<unknown>)[]) => {
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
      };
      scripts.A.forEach((s) => {
        const due = s.submissions.filter((x) => x.atMs === at);
        const ref = { org: s.org, year: 2026 };
        const byItem = new Map<string, typeof due>();
        for (const x of due) byItem.set(x.itemWorkflowId, [...(byItem.get(x.itemWorkflowId) ?? []), x]);
        for (const [id, xs] of byItem)
          calls.push(
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
          );
      });
      for (const [list, handles] of [
        [scripts.B, bHandles],
        [scripts.B0, b0Handles],
      ] as const)
        list.forEach((s, i) =>
          calls.push(
            serial(
              s.submissions
                .filter((x) => x.atMs === at)
                .map(
                  (x) => () =>
                    handles[i]!.executeUpdate(bareSubmitUpdate, {
                      args: [{ unit: x.unit, receipt: x.receipt }],
                      updateId: x.receipt.key,
                    }),
                ),
            ),
          ),
        );
      await Promise.all(calls);
    }
    // Awaiting results lets the server skip to the year close.
    await Promise.all([
      ...aHandles.map((h) => h.handle.result()),
      ...bHandles.map((h) => h.result()),
      ...b0Handles.map((h) => h.result()),
    ]);
    const expectedA = scripts.A.flatMap((s) => s.expectedKeys);
    const expectedB = scripts.B.flatMap((s) => s.expectedKeys);
    await sink.waitFor(expectedA.length + expectedB.length, 30_000).catch(() => undefined);
    const variants: Variant[] = [];
    for (const name of ['A', 'B', 'B0'] as const) {
      let counts = zeroCounts();
      for (const s of scripts[name]) {
        const ids =
          name === 'A'
            ? [
                s.planId,
                ...s.plan.tasks.map((t) => itemWorkflowId(s.planId, `task-${String(t.number).padStart(2, '0')}`)),
              ]
            : [`bare-${s.planId}`];
        for (const id of ids)
          counts = addCounts(counts, countHistory(await env.client.workflow.getHandle(id).fetchHistory()));
      }
      const prefix = `<plan-${name === 'B0' ? 'Z' : name}`;
      const got = sink.messages.filter((m) => m.messageId.startsWith(prefix)).map((m) => m.messageId);
      const expected = name === 'A' ? expectedA : name === 'B' ? expectedB : [];
      const unique = new Set(got);
      if (name === 'A') {
        const seen = new Set<string>();
        dupKeys.push(...got.filter((m) => (seen.has(m) ? true : (seen.add(m), false))));
        lostKeys.push(...expected.filter((k) => !unique.has(messageIdFor(k))));
      }
      variants.push({
        name,
        counts,
        emails: got.length,
        lost: expected.filter((k) => !unique.has(messageIdFor(k))).length,
        duplicates: got.length - unique.size,
      });
    }
    return { N, variants, wallS: (Date.now() - t0) / 1000, dupKeys, lostKeys };
  } finally {
    b.shutdown();
    b0.shutdown();
    await Promise.all(runs);
    await a.stop().catch(() => undefined);
    mailer.close();
    await sink.stop();
    await env.teardown();
  }
}
