import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getItemStatus, retryIncident, reviewSubmission, startPlan, submitReport } from '../../client/plan-client.js';
import { FAILURES } from '../../domain/failures.js';
import type { StoredBlob } from '../../storage/blob-store.js';
import { LocalBlobStore } from '../../storage/local-blob-store.js';
import { incidentPlan } from '../fixtures/replay-plans.js';
import { skeletonClock } from '../fixtures/skeleton-plan.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { tcpGate, type TcpGate } from '../helpers/tcp-gate.js';
import { startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from '../helpers/temporal-env.js';

/*
 * The report is filed, then its file goes missing before the delivery e-mail could leave: the mail server is behind a
 * TCP gate the test closes, so the send retries while the test removes the report's blobs, then opens the gate. The
 * next attempt finds no attachment (`EmailAttachmentMissing`, final): an incident, the office told once, the item
 * goes on; the office puts the files back and retries; the e-mail goes with them; the year closes.
 */
describe('an e-mail attachment missing from the store (time-skipping server, mail server behind a gate)', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let gate: TcpGate;
  let blobs: LocalBlobStore;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    gate = await tcpGate({ host: '127.0.0.1', port: sink.port });
    blobs = new LocalBlobStore(mkdtempSync(join(tmpdir(), 'kehoach-missing-')));
    env = await startTimeSkippingEnv();
    const port = Number(new URL(gate.url).port);
    stopWorker = (await startTestWorker(env, sink, { port, pool: false }, { blobs })).stop;
  }, 60_000);
  afterAll(async () => {
    await stopWorker?.();
    await gate?.close();
    await sink?.stop();
    await env?.teardown();
  });

  it('records an incident, tells the office once, and sends the report once the files are back and retried', async () => {
    const ref = { org: 'INCI', year: 2026 };
    const { handle } = await startPlan(env.client, incidentPlan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    const clock = planTimeStepper(env, skeletonClock.planStart, (await handle.describe()).startTime.getTime());
    await clock.sleepUntil('2026-03-16T10:00:00+07:00');
    await submitReport(env.client, ref, 'report-Q1', { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: 'Quý I.' });
    await submitReport(env.client, ref, 'report-Q1', { unit: 'TCCB', submittedBy: 'Lê Văn Tổ', results: 'Quý I.' });

    // The receipt has gone; then the mail server becomes unreachable. An item sends before it files, so nothing may
    // be left to send when the office's deadline (Wed 18/03 08:00) comes: the report is filed, its delivery waits.
    await clock.sleepUntil('2026-03-17T12:00:00+07:00');
    await sink.waitFor(2, 5_000);
    await gate.close();
    await clock.sleepUntil('2026-03-18T08:30:00+07:00');
    const filed = await getItemStatus(env.client, ref, 'report-Q1');
    expect(filed.report?.number).toMatch(/^01\/BC-/);
    const keys = Object.values(filed.report!.files);
    expect(keys.length).toBeGreaterThan(0);
    const saved = new Map<string, StoredBlob>();
    for (const key of keys) {
      const blob = await blobs.get(key);
      expect(blob, key).toBeDefined();
      saved.set(key, blob!);
      await blobs.delete(key);
    }
    const kinds = () => sink.messages.map((m) => `${String(m.headers.get('x-kehoach-kind'))} ${m.to.join(',')}`);
    const delivered = () => sink.messages.filter((m) => m.headers.get('x-kehoach-kind') === 'report-delivered');
    expect(delivered()).toHaveLength(0);

    await gate.open();
    await clock.sleepUntil('2026-03-18T10:00:00+07:00');
    const status = await getItemStatus(env.client, ref, 'report-Q1');
    expect(status.incidents).toHaveLength(1);
    expect(status.incidents![0]).toMatchObject({
      id: 1,
      step: { kind: 'email' },
      type: FAILURES.emailAttachmentMissing,
    });
    const notices = sink.messages.filter((m) => m.headers.get('x-kehoach-kind') === 'incident');
    expect(notices.map((m) => m.to)).toEqual([['vanphong@example.org']]);
    expect(delivered()).toHaveLength(0);

    // The item goes on: the office accepts a unit's report and the unit hears so.
    const before = sink.messages.length;
    await reviewSubmission(env.client, ref, 'report-Q1', { unit: 'TCCB', decision: 'accept', by: 'Chánh Văn phòng' });
    await clock.sleepUntil('2026-03-18T11:00:00+07:00');
    expect(kinds().slice(before)).toEqual(['accepted tccb@example.org']);

    // The office puts the files back (from its own copy) and retries: the report goes out once, with them.
    for (const [key, blob] of saved) await blobs.put(key, blob.body, blob);
    await retryIncident(env.client, ref, 'report-Q1', { id: 1, by: 'Chánh Văn phòng' });
    await clock.sleepUntil('2026-03-18T12:00:00+07:00');
    expect(delivered()).toHaveLength(1);
    const attached = delivered()[0]!.attachments.map((a) => a.content);
    for (const [key, blob] of saved)
      expect(
        attached.some((c) => c.equals(blob.body)),
        key,
      ).toBe(true);
    expect(sink.messages.filter((m) => m.headers.get('x-kehoach-kind') === 'incident')).toHaveLength(1);

    const summary = await handle.result();
    expect(summary.items.find((i) => i.itemId === 'report-Q1')).toMatchObject({ phase: 'closed' });
  });
});
