import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPlanStatus, requestAdHocReport, startPlan, submitReport } from '../../client/plan-client.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';
import { useTestStack } from '../helpers/test-stack.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';

const ref = { org: 'SKEL', year: 2026 };
const ITEM_ID = 'plan-SKEL-2026-task-03';
const SUGGEST_AT = 60;
const BURST = 100;

// A parent's report item takes 200 subordinates' reports at once (bench P9): each one queues a receipt, so while the
// Updates keep coming there is always e-mail to send and the run must still hand over when it is long.
describe('a burst of Updates on one item', () => {
  const stack = useTestStack({
    server: 'dev',
    devServerArgs: ['--dynamic-config-value', `limit.historyCount.suggestContinueAsNew=${SUGGEST_AT}`],
  });
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  beforeAll(() => ({ env, sink } = stack()));

  it('continues as new while e-mail is still queued: every submission and receipt once, no new send once the run is long', async () => {
    // Real time from 09:00 on the day the task opens: the deadline (Fri 06/03) is days away.
    await startPlan(env.client, skeletonPlan, {
      taskQueue: TASK_QUEUE,
      clock: { speed: 1, planStart: '2026-03-02T09:00:00+07:00' },
    });
    await sink.waitFor(2, 30_000); // the two assignments

    const units = ['KHTC', 'TCCB'] as const;
    const receipts = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        submitReport(env.client, ref, 'task-03', {
          unit: units[i % 2]!,
          submittedBy: 'Người nộp',
          results: `Lần nộp ${i + 1}`,
          figures: { WEBSITE: i + 1 },
        }),
      ),
    );
    // Each unit's versions are 1..50, each once, whichever run took it: a client still waiting when a run continues as
    // new sends its Update again to the next run, which answers it from the ledger instead of taking a second version.
    for (const unit of units)
      expect(
        receipts
          .filter((r) => r.unit === unit)
          .map((r) => r.version)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: BURST / 2 }, (_, i) => i + 1));

    const receiptMails = () => sink.messages.filter((m) => String(m.headers.get('x-kehoach-kind')) === 'receipt');
    await sink.waitFor(2 + BURST, 60_000);
    await new Promise((r) => setTimeout(r, 2_000));
    const keys = receiptMails().map((m) => String(m.headers.get('x-kehoach-key')));
    expect(keys.length).toBe(BURST);
    expect(new Set(keys).size).toBe(BURST);

    // Every run but the last hands over at its first pass after the suggestion: it finishes the sends in flight and
    // starts no new one. Before, the burst stayed in one run while e-mail was queued (331 events).
    const runs: { continued: boolean; sendsAfterSuggestion: number }[] = [];
    for await (const wf of env.client.workflow.list({ query: `WorkflowId="${ITEM_ID}"` })) {
      const events = (await env.client.workflow.getHandle(ITEM_ID, wf.runId).fetchHistory()).events ?? [];
      const suggested = events.find((e) => e.workflowTaskStartedEventAttributes && Number(e.eventId) > SUGGEST_AT);
      runs.push({
        continued: events.some((e) => e.workflowExecutionContinuedAsNewEventAttributes),
        sendsAfterSuggestion: suggested
          ? events.filter(
              (e) => e.activityTaskScheduledEventAttributes && Number(e.eventId) > Number(suggested.eventId),
            ).length
          : 0,
      });
    }
    const handedOver = runs.filter((r) => r.continued);
    expect(handedOver.length).toBeGreaterThan(1);
    expect(handedOver.map((r) => r.sendsAfterSuggestion)).toEqual(handedOver.map(() => 0));
  });

  it('a plan taking a burst of ad hoc requests across runs opens one report per request', async () => {
    const planRef = { org: 'SKEL', year: 2027 };
    const plan = { ...skeletonPlan, plan: { ...skeletonPlan.plan, year: 2027 }, tasks: [] };
    const { handle } = await startPlan(env.client, plan, {
      taskQueue: TASK_QUEUE,
      clock: { speed: 1, planStart: '2027-03-02T09:00:00+07:00' },
    });
    const firstRun = (await handle.describe()).runId;
    const ADHOC = 30;
    const answers = await Promise.all(
      Array.from({ length: ADHOC }, (_, i) =>
        requestAdHocReport(env.client, planRef, {
          title: `Báo cáo đột xuất số ${i + 1}`,
          content: 'Tình hình triển khai',
          units: ['KHTC'],
          dueDate: '2027-03-31',
          by: 'vanphong@example.org',
        }),
      ),
    );
    expect(new Set(answers.map((a) => a.itemId)).size).toBe(ADHOC);
    const status = await getPlanStatus(env.client, planRef);
    const adHoc = status.items.filter((i) => i.itemId.startsWith('report-adhoc'));
    expect(adHoc.map((i) => i.itemId).sort()).toEqual(answers.map((a) => a.itemId).sort());
    // The answers come back before the plan opens the reports and hands over, so wait for the hand-over itself (the
    // workflow's own record, not the list, which may lag): the burst did cross runs.
    await expect
      .poll(async () => (await env.client.workflow.getHandle('plan-SKEL-2027').describe()).runId, { timeout: 30_000 })
      .not.toBe(firstRun);
  });
});
