import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlan } from '../../client/plan-client.js';
import { itemWorkflowId, planWorkflowId } from '../../domain/ids.js';
import { expectedKeys, faultPlan } from '../fixtures/fault-plans.js';
import { auditMail, keyOf, retriedSends, waitForKeys, waitForSettledSends } from '../helpers/mail-audit.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { workerSpawner } from '../helpers/worker-process.js';
import { startLocalEnv } from '../helpers/temporal-env.js';

const TASK_QUEUE = 'kehoach-faults-kill';
const PLANS = 40;
const UNITS = 3;
// Plan time starts 2 s before the task opens (Mon 02/03 08:00) at one plan minute per second, so every plan's
// assignments fall due together and the next step (Tue's reminder) is 24 real minutes away, far beyond the test.
const CLOCK = { planStart: '2026-03-02T07:59:58+07:00', speed: 60 };

describe('worker SIGKILLed in the middle of a burst of e-mails (dev server, worker in a child process)', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let spawner: ReturnType<typeof workerSpawner> | undefined;
  const workers = () => spawner?.all ?? [];
  let killedOn: { key: string; count: number } | undefined;

  const plans = Array.from({ length: PLANS }, (_, i) => faultPlan(`WK${String(i + 1).padStart(2, '0')}`, UNITS));
  const expected = plans.flatMap((p) => expectedKeys(p, Date.parse('2026-03-02T12:00:00+07:00')));
  const killAt = Math.ceil(expected.length * 0.3);
  const itemIds = plans.map((p) => itemWorkflowId(planWorkflowId(p.organisation.code, 2026), 'task-01'));

  beforeAll(async () => {
    env = await startLocalEnv();
    sink = await startSmtpSink({
      // Killed while the server holds the message and before its 250 goes out: that send is surely in flight.
      beforeReply: (mail, count) => {
        if (count !== killAt || killedOn) return;
        workers()[0]?.proc.kill('SIGKILL');
        killedOn = { key: keyOf(mail), count };
      },
    });
  });

  afterAll(async () => {
    for (const w of workers()) await w.kill('SIGKILL');
    await sink?.stop();
    await env?.teardown();
  });

  const spawnWorker = () => (spawner ??= workerSpawner(env, sink, TASK_QUEUE)).spawn();

  it('loses no e-mail; only sends in flight at the kill repeat, once, with the same Message-ID', async () => {
    expect(expected).toHaveLength(PLANS * UNITS);
    // Started before any worker polls, so every plan anchors its clock within the same moment.
    for (const plan of plans) await startPlan(env.client, plan, { taskQueue: TASK_QUEUE, clock: CLOCK });

    const first = spawnWorker();
    await first.ready();
    await sink.waitFor(killAt, 60_000);
    await first.kill('SIGKILL');
    expect(killedOn?.count).toBe(killAt);
    expect(first.proc.signalCode).toBe('SIGKILL');
    const beforeRestart = sink.messages.length;

    const second = spawnWorker();
    await second.ready();
    // A killed worker's activities are retried only after their 1-minute start-to-close timeout (workflows/item.ts).
    const audit = await waitForKeys(sink.messages, expected, 150_000);
    expect(audit.missing).toEqual([]);
    // Only once every completion is in history can the audit and the retried set below be final.
    await waitForSettledSends(env.client, itemIds, 120_000);

    const final = auditMail(sink.messages, expected);
    const retried = await retriedSends(env.client, itemIds);
    const dupCopies = [...final.duplicates.values()].reduce((n, c) => n + c - 1, 0);
    console.log(
      `[worker-kill] expected ${expected.length}, killed at ${killedOn?.count}, ${beforeRestart} before restart, ` +
        `${sink.messages.length} received, in flight at kill (retried) ${retried.size}, duplicates ${dupCopies}, ` +
        `lost ${final.missing.length}`,
    );
    expect(final.missing).toEqual([]);
    expect(final.unexpected).toEqual([]);
    expect(final.mismatchedIds).toEqual([]);
    // The send the kill interrupted was stored by the server: its retry must be exactly one extra copy.
    expect(retried.has(killedOn!.key)).toBe(true);
    expect(final.duplicates.get(killedOn!.key)).toBe(2);
    for (const [key, copies] of final.duplicates) {
      expect({ key, copies, retried: retried.has(key) }).toEqual({ key, copies: 2, retried: true });
    }
    expect(sink.messages).toHaveLength(expected.length + dupCopies);
    expect(dupCopies).toBeLessThanOrEqual(retried.size);
  });
});
