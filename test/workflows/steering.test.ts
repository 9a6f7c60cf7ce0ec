import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  amendPlan,
  extendDeadline,
  getItemStatus,
  getPlanStatus,
  pauseReminders,
  reassignItem,
  RequestRejectedError,
  requestAdHocReport,
  resumeReminders,
  startPlan,
  submitReport,
} from '../../client/plan-client.js';
import { steeringClock, steeringPlan, steeringPlanV2 } from '../fixtures/steering-plan.js';
import { eventTypesSince, historyText } from '../helpers/history-payloads.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';
import { useTestStack } from '../helpers/test-stack.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';

const ref = { org: 'STEER', year: 2026 };
const by = 'Văn phòng Sở';

/** One workflow's history as searchable text, payloads decoded: what a rejected request must not appear in. */
async function history(env: TestWorkflowEnvironment, workflowId: string): Promise<string> {
  return historyText(await env.client.workflow.getHandle(workflowId).fetchHistory());
}
async function eventCount(env: TestWorkflowEnvironment, workflowId: string): Promise<number> {
  return (await env.client.workflow.getHandle(workflowId).fetchHistory()).events?.length ?? 0;
}
async function eventsSince(env: TestWorkflowEnvironment, workflowId: string, from: number): Promise<string[]> {
  return eventTypesSince(await env.client.workflow.getHandle(workflowId).fetchHistory(), from);
}

/** A workflow's status once it has left RUNNING (the plan cancels its items asynchronously), or RUNNING after 5 s. */
async function settledStatus(env: TestWorkflowEnvironment, workflowId: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const { status } = await env.client.workflow.getHandle(workflowId).describe();
    if (status.name !== 'RUNNING') return status.name;
    await new Promise((r) => setTimeout(r, 100));
  }
  return 'RUNNING';
}
const accepted = (h: string) => (h.match(/workflowExecutionUpdateAcceptedEventAttributes/g) ?? []).length;

describe('steering a running plan: extend, reassign, amend, ad hoc report, pause/resume, cancel', () => {
  const stack = useTestStack();
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  beforeAll(() => ({ env, sink } = stack()));

  it('each steering request changes exactly the e-mails it should, and rejected ones leave no trace', async () => {
    const { handle } = await startPlan(env.client, steeringPlan, { taskQueue: TASK_QUEUE, clock: steeringClock });
    const clock = planTimeStepper(env, steeringClock.planStart, (await handle.describe()).startTime.getTime());
    let seen = 0;
    /** Steps to a plan instant, waits for `n` new e-mails and returns them as sorted `item kind recipients`. */
    const until = async (instant: string, n: number): Promise<string[]> => {
      await clock.sleepUntil(instant);
      await sink.waitFor(seen + n, 5_000);
      const fresh = sink.messages.slice(seen).map((m) => {
        const item = /task-\d+|report-adhoc-\d+/.exec(String(m.headers.get('x-kehoach-key')))?.[0];
        return `${item} ${String(m.headers.get('x-kehoach-kind'))} ${m.to.slice().sort().join(',')}`;
      });
      seen = sink.messages.length;
      return fresh.sort();
    };

    expect(await until('2026-03-02T09:00:00+07:00', 4)).toEqual([
      'task-03 assignment khtc@example.org',
      'task-03 assignment tccb@example.org',
      'task-04 assignment tccb@example.org',
      'task-05 assignment khtc@example.org',
    ]);
    await clock.sleepUntil('2026-03-03T10:00:00+07:00');
    await submitReport(env.client, ref, 'task-03', {
      unit: 'KHTC',
      submittedBy: 'Trần Thị Kế',
      results: 'Đã đăng 3 tin.',
    });
    expect(await until('2026-03-03T10:00:00+07:00', 1)).toEqual(['task-03 receipt khtc@example.org']);

    // Wed 04/03: rejected requests first; none may reach any history.
    await clock.sleepUntil('2026-03-04T10:00:00+07:00');
    const taskBefore = await eventCount(env, 'plan-STEER-2026-task-03');
    const planBefore = await eventCount(env, 'plan-STEER-2026');
    await expect(
      extendDeadline(env.client, ref, 'task-03', { unit: 'XYZ', newDate: '2026-03-13', reason: 'lý do XYZ', by }),
    ).rejects.toThrow(new RequestRejectedError('unit XYZ is not assigned to task-03'));
    await expect(
      extendDeadline(env.client, ref, 'task-03', { unit: 'TCCB', newDate: '2026-03-02', reason: 'ngày đã qua', by }),
    ).rejects.toThrow(new RequestRejectedError('newDate 2026-03-02 must be after the current deadline 2026-03-06'));
    await expect(
      extendDeadline(env.client, ref, 'task-03', { unit: 'TCCB', newDate: '2027-01-05', reason: 'sang năm', by }),
    ).rejects.toThrow(
      new RequestRejectedError('newDate 2027-01-05 is after the plan year (last possible deadline 2026-12-31)'),
    );
    await expect(
      extendDeadline(env.client, ref, 'task-03', { unit: 'TCCB', newDate: '2026-03-13', reason: '  ', by }),
    ).rejects.toThrow(new RequestRejectedError('reason: an extension needs a reason'));
    await expect(reassignItem(env.client, ref, 'task-04', { from: 'TCCB', to: 'PC', reason: '', by })).rejects.toThrow(
      new RequestRejectedError('reason: a reassignment needs a reason'),
    );
    await expect(
      requestAdHocReport(env.client, ref, {
        title: 'Báo cáo quá khứ',
        content: 'x',
        units: ['KHTC'],
        dueDate: '2026-03-03',
        by,
      }),
    ).rejects.toThrow(new RequestRejectedError('dueDate: 2026-03-03 is already past'));
    const task03 = await history(env, 'plan-STEER-2026-task-03');
    const planHistory = await history(env, 'plan-STEER-2026');
    // Decoded, each history shows what it was sent (KHTC's submission, the plan file) and none of the refused.
    expect(task03).toContain('Đã đăng 3 tin.');
    expect(planHistory).toContain('Nhiệm vụ thử nghiệm số 5');
    for (const text of ['lý do XYZ', 'ngày đã qua', 'Báo cáo quá khứ'])
      expect(task03 + planHistory).not.toContain(text);
    expect(await eventsSince(env, 'plan-STEER-2026-task-03', taskBefore)).toEqual([]);
    expect(await eventsSince(env, 'plan-STEER-2026', planBefore)).toEqual([]);
    const task04 = await history(env, 'plan-STEER-2026-task-04');
    expect(task04).not.toContain('workflowExecutionUpdate');

    // Extension: TCCB's deadline moves from Fri 06/03 to Fri 13/03; reassignment: task-04 goes from TCCB to PC.
    expect(
      await extendDeadline(env.client, ref, 'task-03', {
        unit: 'TCCB',
        newDate: '2026-03-13',
        reason: 'Chờ số liệu của Sở Nội vụ',
        by,
      }),
    ).toEqual({ unit: 'TCCB', due: '2026-03-13' });
    await reassignItem(env.client, ref, 'task-04', { from: 'TCCB', to: 'PC', reason: 'Thuộc lĩnh vực pháp chế', by });
    expect(await until('2026-03-04T12:00:00+07:00', 2)).toEqual([
      'task-03 extended tccb@example.org',
      'task-04 assignment phapche@example.org',
    ]);

    // Thu 05/03: the amendment drops task-05 (running: it closes) and adds task-07 (opens Wed 01/04).
    await clock.sleepUntil('2026-03-05T10:00:00+07:00');
    expect(await amendPlan(env.client, ref, { plan: steeringPlanV2, note: 'Gộp nhiệm vụ 5 vào 7', by })).toEqual({
      planVersion: 2,
      changes: ['+ task-07', '- task-05'],
    });
    // Nothing on the old deadline of TCCB (reminder 05/03, due 06/03, overdue 09/03, director 11/03).
    expect(await until('2026-03-11T12:00:00+07:00', 0)).toEqual([]);
    const dropped = (await getPlanStatus(env.client, ref)).items.find((i) => i.itemId === 'task-05')!;
    expect(dropped.phase).toBe('dropped');
    expect(dropped.result?.closeReason).toBe('bỏ theo điều chỉnh kế hoạch: Gộp nhiệm vụ 5 vào 7');
    expect((await env.client.workflow.getHandle('plan-STEER-2026-task-05').describe()).status.name).toBe('COMPLETED');

    // The new deadline's round: reminder Thu 12/03, due-today Fri 13/03.
    expect(await until('2026-03-13T09:00:00+07:00', 2)).toEqual([
      'task-03 due-today tccb@example.org',
      'task-03 reminder tccb@example.org',
    ]);
    await clock.sleepUntil('2026-03-16T10:00:00+07:00');
    const adHoc = await requestAdHocReport(env.client, ref, {
      title: 'Báo cáo đột xuất về phản ánh, kiến nghị',
      content: 'Kết quả tiếp nhận, xử lý phản ánh về thủ tục hành chính.',
      units: ['KHTC', 'PC'],
      dueDate: '2026-03-20',
      by,
    });
    expect(adHoc.itemId).toBe('report-adhoc-1');
    expect(await until('2026-03-16T10:00:00+07:00', 4)).toEqual([
      'report-adhoc-1 report-request khtc@example.org',
      'report-adhoc-1 report-request phapche@example.org',
      'task-03 escalation-office vanphong@example.org',
      'task-03 overdue tccb@example.org',
    ]);
    // The office is reminded too, 3 working days before its own deadline to the director (Fri 20/03): Tue 17/03.
    expect(await until('2026-03-17T09:00:00+07:00', 3)).toEqual([
      'report-adhoc-1 office-reminder vanphong@example.org',
      'report-adhoc-1 reminder khtc@example.org',
      'report-adhoc-1 reminder phapche@example.org',
    ]);
    await clock.sleepUntil('2026-03-18T10:00:00+07:00');
    await submitReport(env.client, ref, 'report-adhoc-1', {
      unit: 'KHTC',
      submittedBy: 'Trần Thị Kế',
      results: '5 phản ánh.',
    });
    expect(await until('2026-03-18T10:00:00+07:00', 2)).toEqual([
      'report-adhoc-1 receipt khtc@example.org',
      'task-03 escalation-director giamdoc@example.org,vanphong@example.org',
    ]);
    // Thu 19/03 the office's last reminder; Fri 20/03 the ad hoc report is compiled at its deadline; PC gets
    // task-04's notices, TCCB none.
    expect(await until('2026-03-20T09:00:00+07:00', 6)).toEqual([
      'report-adhoc-1 due-today phapche@example.org',
      'report-adhoc-1 office-reminder vanphong@example.org',
      'report-adhoc-1 reminder phapche@example.org',
      'report-adhoc-1 report-delivered giamdoc@example.org,vanphong@example.org',
      'task-04 due-today phapche@example.org',
      'task-04 reminder phapche@example.org',
    ]);
    expect((await getItemStatus(env.client, ref, 'report-adhoc-1')).report?.files.docx).toMatch(/\.docx$/);
    expect(await until('2026-03-25T12:00:00+07:00', 6)).toEqual([
      'report-adhoc-1 escalation-director giamdoc@example.org,vanphong@example.org',
      'report-adhoc-1 escalation-office vanphong@example.org',
      'report-adhoc-1 overdue phapche@example.org',
      'task-04 escalation-director giamdoc@example.org,vanphong@example.org',
      'task-04 escalation-office vanphong@example.org',
      'task-04 overdue phapche@example.org',
    ]);
    expect(await until('2026-04-01T09:00:00+07:00', 1)).toEqual(['task-07 assignment khtc@example.org']);

    // Paused over task-07's reminder (Thu 09/04) and due day (Fri 10/04): nothing then, and no burst on resume.
    await clock.sleepUntil('2026-04-08T10:00:00+07:00');
    await pauseReminders(env.client, ref, by);
    expect(await until('2026-04-10T12:00:00+07:00', 0)).toEqual([]);
    expect((await getItemStatus(env.client, ref, 'task-07')).paused).toBe(true);
    await resumeReminders(env.client, ref, by);
    expect(await until('2026-04-10T18:00:00+07:00', 0)).toEqual([]);
    expect((await getItemStatus(env.client, ref, 'task-07')).paused).toBe(false);
    expect(await until('2026-04-13T09:00:00+07:00', 2)).toEqual([
      'task-07 escalation-office vanphong@example.org',
      'task-07 overdue khtc@example.org',
    ]);

    // One accepted update per successful request; the rejected ones left nothing.
    expect(accepted(await history(env, 'plan-STEER-2026-task-03'))).toBe(2);
    expect(accepted(await history(env, 'plan-STEER-2026'))).toBe(2);

    // Cancelling the plan cancels every running item.
    await clock.sleepUntil('2026-04-13T10:00:00+07:00');
    const running = (await getPlanStatus(env.client, ref)).items.filter((i) => i.phase === 'running');
    expect(running.map((i) => i.itemId).sort()).toEqual(['report-adhoc-1', 'task-03', 'task-04', 'task-07']);
    await handle.cancel();
    await expect(handle.result()).rejects.toThrow();
    for (const i of running)
      expect([i.itemId, await settledStatus(env, i.workflowId)]).toEqual([i.itemId, 'CANCELLED']);
    expect((await handle.describe()).status.name).toBe('CANCELLED');
    // Nothing is sent once cancellation is asked for: no item schedules an e-mail after its cancel request.
    for (const i of running) {
      const events = (await env.client.workflow.getHandle(i.workflowId).fetchHistory()).events ?? [];
      const asked = events.findIndex((e) => e.workflowExecutionCancelRequestedEventAttributes);
      expect(asked, i.itemId).toBeGreaterThan(0);
      expect(
        events.slice(asked).filter((e) => e.activityTaskScheduledEventAttributes),
        i.itemId,
      ).toEqual([]);
    }
  });
});
