import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlan } from '../../client/plan-client.js';
import { itemWorkflowId, planWorkflowId } from '../../domain/ids.js';
import { expectedKeys, faultPlan } from '../fixtures/fault-plans.js';
import { auditMail, keyOf, retriedSends, waitForKeys, waitForSettledSends } from '../helpers/mail-audit.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { workerSpawner } from '../helpers/worker-process.js';
import { startLocalEnv } from '../helpers/temporal-env.js';

const TASK_QUEUE = 'kehoach-faults-stop';
const UNITS = 4;
// As in worker-kill.test.ts: the assignments fall due together 2 s after the start; the next step is far away.
const CLOCK = { planStart: '2026-03-02T07:59:58+07:00', speed: 60 };

/*
 * A planned restart (a deploy, `docker compose restart`) sends SIGTERM. The worker must let the send the SMTP server
 * is already answering finish and report it, rather than cancel it and leave a retry that sends a second copy.
 */
describe('worker stopped with SIGTERM while an e-mail is being sent (dev server, worker in a child process)', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let spawner: ReturnType<typeof workerSpawner> | undefined;
  const workers = () => spawner?.all ?? [];
  let stoppedOn: string | undefined;

  const plan = faultPlan('WSTOP', UNITS);
  const expected = expectedKeys(plan, Date.parse('2026-03-02T12:00:00+07:00'));
  const itemIds = [itemWorkflowId(planWorkflowId(plan.organisation.code, 2026), 'task-01')];

  beforeAll(async () => {
    env = await startLocalEnv();
    sink = await startSmtpSink({
      // The server holds the first message; the stop request comes before its 250, which follows a second later.
      beforeReply: async (mail, count) => {
        if (count !== 1) return;
        stoppedOn = keyOf(mail);
        workers()[0]?.proc.kill('SIGTERM');
        await new Promise((r) => setTimeout(r, 1_000));
      },
    });
  });

  afterAll(async () => {
    for (const w of workers()) await w.kill('SIGKILL');
    await sink?.stop();
    await env?.teardown();
  });

  const spawnWorker = () => (spawner ??= workerSpawner(env, sink, TASK_QUEUE)).spawn();

  it('finishes the send in flight before it exits: every e-mail once, none retried', async () => {
    expect(expected).toHaveLength(UNITS);
    await startPlan(env.client, plan, { taskQueue: TASK_QUEUE, clock: CLOCK });
    const first = spawnWorker();
    await first.ready();
    await new Promise<void>((resolve) => first.proc.once('exit', () => resolve()));
    expect(stoppedOn).toBeDefined();
    expect(first.proc.exitCode).toBe(0);

    const second = spawnWorker();
    await second.ready();
    const audit = await waitForKeys(sink.messages, expected, 90_000);
    expect(audit.missing).toEqual([]);
    await waitForSettledSends(env.client, itemIds, 60_000);

    const final = auditMail(sink.messages, expected);
    expect(final.duplicates).toEqual(new Map());
    expect(final.unexpected).toEqual([]);
    expect(await retriedSends(env.client, itemIds)).toEqual(new Map());
    expect(sink.messages).toHaveLength(UNITS);
  });
});
