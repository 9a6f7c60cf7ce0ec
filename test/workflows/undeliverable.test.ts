import { defaultPayloadConverter } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { getItemStatus, startPlan } from '../../client/plan-client.js';
import { skeletonClock, skeletonPlan } from '../fixtures/skeleton-plan.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';
import { useTestStack } from '../helpers/test-stack.js';

const ITEM_ID = 'plan-SKEL-2026-task-03';

/** Keys of the e-mails whose send failed as EmailRejected, in history order, with the index of the last failure. */
async function bounces(env: TestWorkflowEnvironment): Promise<{ keys: string[]; last: number }> {
  const events = (await env.client.workflow.getHandle(ITEM_ID).fetchHistory()).events ?? [];
  const keys: string[] = [];
  let last = -1;
  events.forEach((e, i) => {
    const failed = e.activityTaskFailedEventAttributes;
    if (failed?.failure?.applicationFailureInfo?.type !== 'EmailRejected') return;
    const scheduled = events.find((s) => String(s.eventId) === String(failed.scheduledEventId));
    const input = scheduled?.activityTaskScheduledEventAttributes?.input?.payloads?.[0];
    keys.push(input ? defaultPayloadConverter.fromPayload<{ key: string }>(input).key : '?');
    last = i;
  });
  return { keys, last };
}

/** The first defined value of `check`, polled every 100 ms for up to 10 s. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within 10 s: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a permanently rejected address', () => {
  // The provider answers 550 for TCCB's head: that will never work, so it must not be retried forever.
  const refused: string[] = [];
  const rejectRecipients = (address: string) => {
    if (address !== 'tccb@example.org') return false;
    refused.push(address); // a bounced message reaches the sink only as this refused recipient
    return true;
  };
  const stack = useTestStack({ sink: { rejectRecipients } });

  it('is not retried, and the office is told once which address failed', async () => {
    const { env, sink } = stack();
    const { handle } = await startPlan(env.client, skeletonPlan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    const clock = planTimeStepper(env, skeletonClock.planStart, (await handle.describe()).startTime.getTime());

    await clock.sleepUntil('2026-03-02T12:00:00+07:00');
    const mails = await sink.waitFor(2);
    const kinds = mails.map((m) => `${m.to.join(',')} ${String(m.headers.get('x-kehoach-kind'))}`).sort();
    expect(kinds).toEqual(['khtc@example.org assignment', 'vanphong@example.org escalation-office']);
    const notice = mails.find((m) => m.to.includes('vanphong@example.org'))!;
    expect(notice.text).toContain('Không gửi được e-mail tới tccb@example.org');
    expect(notice.messageId).toBe('<plan-SKEL-2026-task-03.TCCB.open.undeliverable@kehoach>');

    // The failed send is recorded once as a failed activity, not retried: its history has exactly one attempt.
    const history = await env.client.workflow.getHandle(ITEM_ID).fetchHistory();
    const failed = history.events?.filter((e) => e.activityTaskFailedEventAttributes) ?? [];
    expect(failed).toHaveLength(1);
    expect(failed[0]?.activityTaskFailedEventAttributes?.failure?.applicationFailureInfo?.type).toBe('EmailRejected');
    expect(failed[0]?.activityTaskFailedEventAttributes?.failure?.applicationFailureInfo?.nonRetryable).toBe(true);

    // TCCB's later reminder also bounces: the office is not told a second time about the same address.
    await clock.sleepUntil('2026-03-05T12:00:00+07:00');
    const seen = await eventually('a second bounce', async () => {
      const b = await bounces(env);
      return b.keys.length >= 2 ? b : undefined;
    });
    expect(seen.keys).toEqual([`${ITEM_ID}/TCCB/open`, `${ITEM_ID}/TCCB/reminder-1@2026-03-06`]);
    expect(refused).toEqual(['tccb@example.org', 'tccb@example.org']); // each refused once at RCPT TO, not retried
    // Counted once settled: the workflow task that saw the second bounce completed and started no send still running.
    await eventually('the second bounce handled', async () => {
      const item = env.client.workflow.getHandle(ITEM_ID);
      const events = (await item.fetchHistory()).events ?? [];
      const handled = events.slice(seen.last).some((e) => e.workflowTaskCompletedEventAttributes);
      return handled && !(await item.describe()).raw.pendingActivities?.length ? true : undefined;
    });
    expect(sink.messages.filter((m) => m.to.includes('vanphong@example.org'))).toHaveLength(1);
    const status = await getItemStatus(env.client, { org: 'SKEL', year: 2026 }, 'task-03');
    expect(status.units.find((u) => u.unit === 'TCCB')?.state).toBe('pending-in-time');
  });
});
