import { describe, expect, it } from 'vitest';
import {
  getItemStatus,
  getPlanStatus,
  RequestRejectedError,
  reviewSubmission,
  startPlan,
  submitReport,
} from '../../client/plan-client.js';
import { skeletonClock, skeletonPlan } from '../fixtures/skeleton-plan.js';
import { historyText } from '../helpers/history-payloads.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';
import { useTestStack } from '../helpers/test-stack.js';

const ref = { org: 'SKEL', year: 2026 };
const ITEM = 'task-03';

/** Who got which kind of e-mail, in arrival order: `khtc@example.org assignment`. */
function log(sink: SmtpSink): string[] {
  return sink.messages.map((m) => `${m.to.join(',')} ${String(m.headers.get('x-kehoach-kind'))}`);
}

describe('walking skeleton: one task, two departments, on the time-skipping server with real SMTP', () => {
  const stack = useTestStack();

  it('assigns, reminds, takes one submission, escalates the other unit once each, and summarises at the end', async () => {
    const { env, sink } = stack();
    const { handle, started } = await startPlan(env.client, skeletonPlan, {
      taskQueue: TASK_QUEUE,
      clock: skeletonClock,
    });
    expect(started).toBe(true);
    const startedAt = (await handle.describe()).startTime.getTime();
    const clock = planTimeStepper(env, skeletonClock.planStart, startedAt);

    // Mon 02/03 08:00: the task opens; both heads get the assignment with a submit link.
    await clock.sleepUntil('2026-03-02T09:00:00+07:00');
    await sink.waitFor(2);
    expect(log(sink).sort()).toEqual(['khtc@example.org assignment', 'tccb@example.org assignment']);
    const assignment = sink.messages.find((m) => m.to.includes('khtc@example.org'))!;
    expect(assignment.text).toContain('06/03/2026');
    expect(assignment.text).toContain('http://portal.test/nop/');
    expect(assignment.messageId).toBe('<plan-SKEL-2026-task-03.KHTC.open@kehoach>');

    // Tue 03/03: KHTC submits. Bad updates are refused by the validator and leave no trace in history.
    await clock.sleepUntil('2026-03-03T10:00:00+07:00');
    await expect(
      submitReport(env.client, ref, ITEM, { unit: 'XYZ', submittedBy: 'kẻ lạ', results: 'không thuộc nhiệm vụ' }),
    ).rejects.toThrow(new RequestRejectedError('unit XYZ is not assigned to task-03'));
    await expect(
      submitReport(env.client, ref, ITEM, { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: '   ' }),
    ).rejects.toThrow(/results must not be empty/);
    const receipt = await submitReport(env.client, ref, ITEM, {
      unit: 'KHTC',
      submittedBy: 'Trần Thị Kế',
      results: 'Đã đăng 4 tin bài về cải cách thủ tục hành chính.',
      figures: { WEBSITE: 4 },
    });
    expect(receipt).toMatchObject({ unit: 'KHTC', version: 1, onTime: true });
    await sink.waitFor(3);
    expect(log(sink)[2]).toBe('khtc@example.org receipt');

    const history = historyText(await env.client.workflow.getHandle(`plan-SKEL-2026-${ITEM}`).fetchHistory());
    expect(history).toContain('Đã đăng 4 tin bài về cải cách thủ tục hành chính.'); // the accepted update's input
    expect(history).not.toContain('kẻ lạ');
    expect(history).not.toContain('không thuộc nhiệm vụ');
    expect(history.match(/workflowExecutionUpdateAcceptedEventAttributes/g) ?? []).toHaveLength(1);

    // Thu 05/03 reminder and Fri 06/03 due-today go to TCCB only: KHTC has submitted.
    await clock.sleepUntil('2026-03-06T12:00:00+07:00');
    await sink.waitFor(5);
    expect(log(sink).slice(3)).toEqual(['tccb@example.org reminder', 'tccb@example.org due-today']);

    // Mon 09/03: TCCB is overdue, the office is told; Wed 11/03 the director is told (the office in copy).
    await clock.sleepUntil('2026-03-12T12:00:00+07:00');
    await sink.waitFor(8);
    expect(log(sink).slice(5).sort()).toEqual([
      'giamdoc@example.org,vanphong@example.org escalation-director',
      'tccb@example.org overdue',
      'vanphong@example.org escalation-office',
    ]);
    const status = await getItemStatus(env.client, ref, ITEM);
    expect(status.units.map((u) => [u.unit, u.state, u.escalation])).toEqual([
      ['KHTC', 'done-on-time', 'none'],
      ['TCCB', 'overdue', 'director'],
    ]);

    // The office accepts KHTC's report (KHTC is told, once); nothing more is sent to anyone until the year closes.
    await reviewSubmission(env.client, ref, ITEM, { unit: 'KHTC', decision: 'accept', by: 'Văn phòng' });
    await clock.sleepUntil('2026-03-12T13:00:00+07:00');
    await sink.waitFor(9);
    expect(log(sink)[8]).toBe('khtc@example.org accepted');
    // Awaiting the result lets the server skip to the year's close (31/12 17:00); env.sleep past the workflows'
    // completion can hang the time-skipping server, so the last stretch is skipped this way.
    const summary = await handle.result();
    // The summary is taken at the year's close (31/12 17:00 plan time), not later.
    expect(summary.closesAt).toBe('2026-12-31T17:00:00.000+07:00');
    const closedAt = Date.parse(summary.now) - Date.parse(summary.closesAt);
    expect(closedAt).toBeGreaterThanOrEqual(0);
    expect(closedAt).toBeLessThan(60_000);
    expect(sink.messages).toHaveLength(9);
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(9);
    expect(summary.items).toHaveLength(1);
    expect(summary.items[0]?.result?.units.map((u) => [u.unit, u.state, u.phase])).toEqual([
      ['KHTC', 'done-on-time', 'accepted'],
      ['TCCB', 'overdue', 'open'],
    ]);
    expect((await getPlanStatus(env.client, ref)).items[0]?.phase).toBe('closed');
  });
});
