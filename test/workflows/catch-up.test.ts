import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlan } from '../../client/plan-client.js';
import { planSchema } from '../../domain/plan-schema.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startLocalEnv, startTestWorker, TASK_QUEUE } from '../helpers/temporal-env.js';

/*
 * A real outage needs a server whose clock runs while no worker does: the time-skipping server freezes its clock
 * while a workflow task waits for a worker, so there the first missed timer would simply wait and no step would be
 * missed. This file runs the dev server with the plan clock at one plan day per real second.
 *
 * Task 03 (2026, Asia/Ho_Chi_Minh): opens Mon 02/03; due Fri 13/03; reminder-3 Tue 10/03, reminder-1 Thu 12/03,
 * due-today Fri 13/03, overdue + office Mon 16/03, director (10 working days) Fri 27/03; every step at 08:00.
 * The worker is down from 02/03 noon to 16/03 noon: four unit-facing steps and the office escalation fall due.
 */
const SPEED = 86_400;
const clockRequest = { planStart: '2026-03-01T20:00:00+07:00', speed: SPEED };
const plan = planSchema().parse({
  ...skeletonPlan,
  organisation: { ...skeletonPlan.organisation, code: 'OUTAGE' },
  tasks: [
    {
      ...skeletonPlan.tasks[0]!,
      due: { on: '2026-03-13' },
      reminders: [3, 1],
      // Ten working days leave ~11 real seconds between the worker's return and the director's step, so a loaded
      // machine restarting the worker slowly cannot let the director's step into the catch-up window.
      escalation: { officeAfter: 1, directorAfter: 10 },
    },
  ],
});

/** `tccb@example.org catch-up`, sorted: who got which kind of e-mail. */
function log(sink: SmtpSink, from = 0): string[] {
  return sink.messages
    .slice(from)
    .map((m) => `${m.to.join(',')} ${String(m.headers.get('x-kehoach-kind'))}`)
    .sort();
}

describe('catch-up after a worker outage (dev server, plan clock at 1 day per second)', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let stopWorker: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    env = await startLocalEnv();
    sink = await startSmtpSink();
    stopWorker = (await startTestWorker(env, sink)).stop;
  });

  afterAll(async () => {
    await stopWorker?.();
    await sink?.stop();
    await env?.teardown();
  });

  it('each unit gets exactly one catch-up e-mail for the steps it missed, not a pile of stale reminders', async () => {
    const { handle } = await startPlan(env.client, plan, { taskQueue: TASK_QUEUE, clock: clockRequest });
    const clock = planTimeStepper(env, clockRequest.planStart, (await handle.describe()).startTime.getTime(), SPEED);

    await clock.sleepUntil('2026-03-02T12:00:00+07:00');
    await sink.waitFor(2);
    expect(log(sink)).toEqual(['khtc@example.org assignment', 'tccb@example.org assignment']);

    await stopWorker!();
    stopWorker = undefined;
    expect(await clock.now()).toBeLessThan(Date.parse('2026-03-09T08:00:00+07:00'));
    await clock.sleepUntil('2026-03-16T12:00:00+07:00');
    expect(sink.messages).toHaveLength(2);

    stopWorker = (await startTestWorker(env, sink)).stop;
    await sink.waitFor(6);
    // Time for a stray stale reminder to arrive before asserting there is none; still before the director's date.
    await env.sleep(1000);
    expect(await clock.now()).toBeLessThan(Date.parse('2026-03-27T08:00:00+07:00'));
    expect(log(sink, 2)).toEqual([
      'khtc@example.org catch-up',
      'tccb@example.org catch-up',
      'vanphong@example.org escalation-office',
      'vanphong@example.org escalation-office',
    ]);
    const catchUp = sink.messages.find(
      (m) => m.to.includes('tccb@example.org') && m.headers.get('x-kehoach-kind') === 'catch-up',
    )!;
    expect(catchUp.messageId).toBe('<plan-OUTAGE-2026-task-03.TCCB.catch-up-overdue-2026-03-13@kehoach>');
    expect(catchUp.text).toContain('Nhắc trước hạn 3 ngày làm việc');
    expect(catchUp.text).toContain('Nhắc trước hạn 1 ngày làm việc');
    expect(catchUp.text).toContain('Hôm nay là hạn nộp');

    // Back to normal: the director escalation goes on its own date, once per unit.
    await clock.sleepUntil('2026-03-27T12:00:00+07:00');
    await sink.waitFor(8);
    expect(log(sink, 6)).toEqual([
      'giamdoc@example.org,vanphong@example.org escalation-director',
      'giamdoc@example.org,vanphong@example.org escalation-director',
    ]);
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(sink.messages.length);
    await handle.cancel();
  });
});
