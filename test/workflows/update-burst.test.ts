import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { startPlan, submitReport } from '../../client/plan-client.js';
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

  it('continues as new while e-mail is still queued: every submission and receipt once, no run far past the suggestion', async () => {
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

    const lengths: number[] = [];
    for await (const wf of env.client.workflow.list({ query: `WorkflowId="${ITEM_ID}"` })) {
      const history = await env.client.workflow.getHandle(ITEM_ID, wf.runId).fetchHistory();
      lengths.push(history.events?.length ?? 0);
    }
    expect(lengths.length).toBeGreaterThan(1);
    // The run hands over at the first pass after the suggestion, past it only by what one workflow task brought in (a
    // few dozen Updates, two events each); before, the burst stayed in one run while e-mail was queued (400 events).
    expect(Math.max(...lengths)).toBeLessThanOrEqual(2 * SUGGEST_AT);
  });
});
