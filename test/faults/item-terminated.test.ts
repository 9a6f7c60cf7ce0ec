import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlanStatus, itemHandle, startPlan } from '../../client/plan-client.js';
import { planSchema } from '../../domain/plan-schema.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startLocalEnv, startTestWorker, TASK_QUEUE } from '../helpers/temporal-env.js';

/*
 * The dev server, because the Java time-skipping server does not tell a parent that its child was terminated. The
 * plan clock runs one plan day per real second from Mon 21/12/2026 07:59, so the year closes (31/12 17:00) in ~11 s.
 */
const SPEED = 86_400;
const clock = { planStart: '2026-12-21T07:59:00+07:00', speed: SPEED };
const planOf = (code: string) =>
  planSchema().parse({
    ...skeletonPlan,
    organisation: { ...skeletonPlan.organisation, code },
    tasks: [
      { ...skeletonPlan.tasks[0]!, opensOn: '2026-12-21', due: { on: '2026-12-23' } },
      { ...skeletonPlan.tasks[0]!, number: 4, opensOn: '2026-12-21', due: { on: '2026-12-23' } },
    ],
  });

describe('the plan never waits for an item that cannot answer (dev server, plan clock at 1 day per second)', () => {
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

  it('an item terminated by hand is accounted for with the reason, the others close, and the year closes', async () => {
    const ref = { org: 'TERM', year: 2026 };
    const { handle } = await startPlan(env.client, planOf('TERM'), { taskQueue: TASK_QUEUE, clock });
    await sink.waitFor(4, 20_000); // both tasks opened for both units
    await itemHandle(env.client, ref, 'task-03').terminate('dọn thử nghiệm');
    const closed = await Promise.race([
      handle.result(),
      new Promise<'still waiting'>((r) => setTimeout(() => r('still waiting'), 60_000)),
    ]);
    expect(closed).not.toBe('still waiting');
    const status = await getPlanStatus(env.client, ref);
    const byId = Object.fromEntries(status.items.map((i) => [i.itemId, i]));
    expect(byId['task-03']).toMatchObject({ phase: 'closed', failure: expect.stringMatching(/terminated/i) });
    expect(byId['task-03']!.result).toBeUndefined();
    expect(byId['task-04']).toMatchObject({ phase: 'closed', result: { closed: true } });
  }, 90_000);
});
