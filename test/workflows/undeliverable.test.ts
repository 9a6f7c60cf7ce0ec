import { describe, expect, it } from 'vitest';
import { getItemStatus, startPlan } from '../../client/plan-client.js';
import { skeletonClock, skeletonPlan } from '../fixtures/skeleton-plan.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';
import { useTestStack } from '../helpers/test-stack.js';

describe('a permanently rejected address', () => {
  // The provider answers 550 for TCCB's head: that will never work, so it must not be retried forever.
  const stack = useTestStack({ sink: { rejectRecipients: (address) => address === 'tccb@example.org' } });

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
    const history = await env.client.workflow.getHandle('plan-SKEL-2026-task-03').fetchHistory();
    const failed = history.events?.filter((e) => e.activityTaskFailedEventAttributes) ?? [];
    expect(failed).toHaveLength(1);
    expect(failed[0]?.activityTaskFailedEventAttributes?.failure?.applicationFailureInfo?.type).toBe('EmailRejected');
    expect(failed[0]?.activityTaskFailedEventAttributes?.failure?.applicationFailureInfo?.nonRetryable).toBe(true);

    // TCCB's later reminder also bounces: the office is not told a second time about the same address.
    await clock.sleepUntil('2026-03-05T12:00:00+07:00');
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages.filter((m) => m.to.includes('vanphong@example.org'))).toHaveLength(1);
    const status = await getItemStatus(env.client, { org: 'SKEL', year: 2026 }, 'task-03');
    expect(status.units.find((u) => u.unit === 'TCCB')?.state).toBe('pending-in-time');
  });
});
