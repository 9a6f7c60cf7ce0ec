import { rmSync } from 'node:fs';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import {
  getItemStatus,
  itemHandle,
  RequestRejectedError,
  retryIncident,
  startPlan,
  submitReport,
} from '../../client/plan-client.js';
import { FAILURES } from '../../domain/failures.js';
import { KhIncident } from '../../workflows/search-attributes.js';
import { incidentPlan } from '../fixtures/replay-plans.js';
import { skeletonClock, skeletonPlan } from '../fixtures/skeleton-plan.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { useBlockedReportsStack } from '../helpers/blocked-reports-stack.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';

const kinds = (sink: SmtpSink) =>
  sink.messages.map((m) => `${String(m.headers.get('x-kehoach-kind'))} ${m.to.join(',')}`);

/*
 * A step that fails for good does not stop the plan: the item records an incident, tells the office once, goes on,
 * and the office retries once the cause is fixed. The fault is real: the worker's reports folder is a file, so every
 * attempt to write the report fails (ENOTDIR/EEXIST) until the test removes it.
 */
describe('incidents: a final failure is recorded, told once, retried by the office; no plan hangs', () => {
  const { blocked, stack } = useBlockedReportsStack();

  it('a report that cannot be written: incident, office told once, the rest goes on, retried after the fix', async () => {
    const { env, sink } = stack();
    const ref = { org: 'INCI', year: 2026 };
    const { handle } = await startPlan(env.client, incidentPlan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    const clock = planTimeStepper(env, skeletonClock.planStart, (await handle.describe()).startTime.getTime());
    await clock.sleepUntil('2026-03-16T10:00:00+07:00');
    await submitReport(env.client, ref, 'report-Q1', { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: 'Quý I.' });

    // The office's deadline, Wed 18/03 08:00: ten attempts, backing off over ~85 minutes, all fail.
    await clock.sleepUntil('2026-03-18T12:00:00+07:00');
    const status = await getItemStatus(env.client, ref, 'report-Q1');
    expect(status.report).toBeUndefined();
    expect(status.incidents).toHaveLength(1);
    expect(status.incidents![0]).toMatchObject({ id: 1, step: { kind: 'report' }, type: 'Error' });
    expect(status.incidents![0]!.error).toMatch(/ENOTDIR|EEXIST/);
    const notices = sink.messages.filter((m) => m.headers.get('x-kehoach-kind') === 'incident');
    expect(notices.map((m) => [m.to, m.messageId])).toEqual([
      [['vanphong@example.org'], '<plan-INCI-2026-report-Q1.office.incident-1@kehoach>'],
    ]);
    expect(notices[0]!.text).toContain('tổng hợp báo cáo: Error:');
    const q1 = itemHandle(env.client, ref, 'report-Q1');
    expect((await q1.describe()).typedSearchAttributes.get(KhIncident)).toBe(true);

    // The item goes on: TCCB still submits late and gets its receipt; no second notice.
    await submitReport(env.client, ref, 'report-Q1', { unit: 'TCCB', submittedBy: 'Lê Văn Tổ', results: 'Quý I.' });
    await clock.sleepUntil('2026-03-19T12:00:00+07:00');
    expect(kinds(sink).filter((k) => k.startsWith('incident'))).toHaveLength(1);
    expect(kinds(sink)).toContain('receipt tccb@example.org');

    // The office frees the folder and retries: the report is compiled and delivered, the attribute cleared.
    rmSync(blocked);
    await expect(retryIncident(env.client, ref, 'report-Q1', { id: 1, by: 'Chánh Văn phòng' })).resolves.toMatchObject({
      id: 1,
    });
    await clock.sleepUntil('2026-03-19T13:00:00+07:00');
    const after = await getItemStatus(env.client, ref, 'report-Q1');
    expect(after.report?.number).toMatch(/^01\/BC-/);
    expect(after.incidents![0]!.retried).toMatchObject({ by: 'Chánh Văn phòng' });
    expect(kinds(sink)).toContain('report-delivered giamdoc@example.org,vanphong@example.org');
    expect((await q1.describe()).typedSearchAttributes.get(KhIncident)).toBeUndefined();
    const again = await retryIncident(env.client, ref, 'report-Q1', { id: 1, by: 'x' }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(RequestRejectedError);
    expect((again as Error).message).toMatch(/^id: incident 1 was already retried by Chánh Văn phòng at 2026-03-19/);

    // The year closes with every item accounted for.
    const summary = await handle.result();
    expect(summary.items.map((i) => [i.itemId, i.phase]).sort()).toEqual([
      ['report-Q1', 'closed'],
      ['task-03', 'closed'],
    ]);
  }, 120_000);

  it('a plan that does not pass the schema fails its workflow at once, naming the problems', async () => {
    const { env } = stack();
    const handle = await env.client.workflow.start('yearPlanWorkflow', {
      workflowId: 'plan-BAD-2026',
      taskQueue: TASK_QUEUE,
      args: [{ plan: { ...skeletonPlan, units: [], office: { ...skeletonPlan.office, email: 'không phải e-mail' } } }],
    });
    const err = await handle.result().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    const cause = (err as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe(FAILURES.planInvalid);
    expect((cause as ApplicationFailure).nonRetryable).toBe(true);
    expect(cause!.message).toMatch(/^the plan does not pass the schema \(\d+ problems\): .*office\.email/);
  }, 30_000);
});
