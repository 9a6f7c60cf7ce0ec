import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { startPlan } from '../../client/plan-client.js';
import { itemWorkflowId, planWorkflowId } from '../../domain/ids.js';
import { expectedKeys, faultPlan } from '../fixtures/fault-plans.js';
import { auditMail, retriedSends, waitForKeys, waitForSettledSends } from '../helpers/mail-audit.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';
import { useTestStack } from '../helpers/test-stack.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';
import { pendingSends } from './dev-env.js';

// One plan day per 15 real seconds, starting a minute before the tasks open (Mon 02/03 08:00): the reminders
// (Tue 03/03 08:00) fall due ~15 s in, due-today (Wed 04/03) ~30 s in.
const CLOCK = { planStart: '2026-03-02T07:59:00+07:00', speed: 86_400 / 15 };
const plans = [faultPlan('OUTA', 3), faultPlan('OUTB', 3)];
const itemIds = plans.map((p) => itemWorkflowId(planWorkflowId(p.organisation.code, 2026), 'task-01'));
const upTo = (iso: string) => plans.flatMap((p) => expectedKeys(p, Date.parse(iso)));

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('SMTP outage (421) while reminders fall due (dev server, real SMTP sink)', () => {
  const stack = useTestStack({ server: 'dev' });
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  beforeAll(() => ({ env, sink } = stack()));

  it('retries the sends through the outage and delivers each e-mail exactly once when the server is back', async () => {
    for (const plan of plans) await startPlan(env.client, plan, { taskQueue: TASK_QUEUE, clock: CLOCK });
    const assignments = upTo('2026-03-02T12:00:00+07:00');
    const audit1 = await waitForKeys(sink.messages, assignments, 30_000);
    expect(audit1.missing).toEqual([]);

    sink.setDown(true);
    const atOutage = sink.messages.length;
    // Down until every reminder has failed at least once with the sink's 421 and is waiting for its retry.
    const failing = await until('every reminder to fail', 40_000, async () => {
      const p = await pendingSends(env, itemIds);
      return p.length === 6 && p.every((a) => a.attempt >= 2 && /421/.test(a.failure)) ? p : undefined;
    });
    expect(sink.messages.length).toBe(atOutage);
    sink.setDown(false);

    const expected = upTo('2026-03-04T12:00:00+07:00');
    expect(expected).toHaveLength(18);
    const audit = await waitForKeys(sink.messages, expected, 60_000);
    expect(audit.missing).toEqual([]);
    await waitForSettledSends(env.client, itemIds, 30_000);

    const final = auditMail(sink.messages, expected);
    const retried = await retriedSends(env.client, itemIds);
    const reminders = expected.filter((k) => k.includes('/reminder-1@'));
    console.log(
      `[smtp-outage] ${failing.length} sends failing during the outage (attempts ${failing.map((f) => f.attempt).join(',')}), ` +
        `${sink.messages.length} received, retried ${retried.size}, duplicates ${final.duplicates.size}, lost ${final.missing.length}`,
    );
    expect(final.duplicates).toEqual(new Map());
    expect(final.mismatchedIds).toEqual([]);
    // Only later steps (the overdue notices from Thu 05/03) may have come on top, never something unknown.
    const later = new Set(plans.flatMap((p) => expectedKeys(p, Infinity)));
    expect(final.unexpected.filter((k) => !later.has(k))).toEqual([]);
    // Every reminder got through on a retry, none before the outage ended.
    expect([...retried.keys()].sort()).toEqual(reminders.sort());
  });
});
