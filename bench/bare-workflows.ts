/**
 * Baseline B (and B0 with no-op activities): the same timer instants and e-mails as the real plan, one workflow per
 * plan, a no-logic submission handler that only queues the receipt. No children, upserts, validation or state.
 */
import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { EmailRequest } from '../workflows/email-request.js';
import type { PlannedStep } from './bench-plan.js';

const { sendEmail } = proxyActivities<{ sendEmail(req: EmailRequest): Promise<unknown> }>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export const bareSubmitUpdate = defineUpdate<void, [{ unit: string; receipt: EmailRequest }]>('submitReport');

export interface BareYearInput {
  steps: PlannedStep[];
  /** Plan instant of the first workflow task, and plan ms per real ms (as `domain/plan-clock.ts`). */
  planStartMs: number;
  speed: number;
}

export async function bareYearWorkflow(input: BareYearInput): Promise<number> {
  const realStart = Date.now();
  const outbox: EmailRequest[] = [];
  setHandler(bareSubmitUpdate, ({ receipt }) => {
    outbox.push(receipt);
  });
  let sent = 0;
  let i = 0;
  while (i < input.steps.length || outbox.length) {
    const send = outbox.splice(0);
    if (send.length) {
      await Promise.all(send.map((e) => sendEmail(e)));
      sent += send.length;
      continue;
    }
    const step = input.steps[i]!;
    const delay = Math.max(1, Math.ceil((step.atMs - input.planStartMs) / input.speed - (Date.now() - realStart)));
    if (await condition(() => outbox.length > 0, delay)) continue;
    await Promise.all(step.emails.map((e) => sendEmail(e)));
    sent += step.emails.length;
    i += 1;
  }
  return sent;
}
