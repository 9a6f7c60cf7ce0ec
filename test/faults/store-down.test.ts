import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getItemStatus, retryIncident, startPlan, submitReport } from '../../client/plan-client.js';
import { S3BlobStore } from '../../storage/s3-blob-store.js';
import { incidentPlan } from '../fixtures/replay-plans.js';
import { skeletonClock } from '../fixtures/skeleton-plan.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { startSeaweed, type SeaweedServer } from '../helpers/seaweed.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { tcpGate, type TcpGate } from '../helpers/tcp-gate.js';
import { startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from '../helpers/temporal-env.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/*
 * The object store goes away while the Q1 report compiles (Wed 18/03/2026 08:00): the worker reaches a real
 * SeaweedFS through a TCP gate the test closes, so every attempt to file the report is refused. After its retries
 * (skipped over by the time-skipping server) the item records an incident and tells the office once; the store comes
 * back on the same address, the office retries, the report is filed and delivered, and the year closes.
 */
describe('the object store down while a report compiles (time-skipping server, real SeaweedFS behind a gate)', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let weed: SeaweedServer;
  let gate: TcpGate;
  let blobs: S3BlobStore;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    weed = await startSeaweed();
    gate = await tcpGate({ host: '127.0.0.1', port: Number(new URL(weed.endpoint).port) });
    blobs = new S3BlobStore({
      endpoint: gate.url,
      region: weed.region,
      bucket: 'kehoach',
      accessKeyId: weed.accessKeyId,
      secretAccessKey: weed.secretAccessKey,
    });
    env = await startTimeSkippingEnv();
    sink = await startSmtpSink();
    stopWorker = (await startTestWorker(env, sink, {}, { blobs })).stop;
  }, 90_000);
  afterAll(async () => {
    await stopWorker?.();
    await blobs?.close();
    await gate?.close();
    await sink?.stop();
    await env?.teardown();
    await weed?.stop();
  });

  it('records an incident, tells the office once, and files the report when the office retries after it is back', async () => {
    const ref = { org: 'INCI', year: 2026 };
    const { handle } = await startPlan(env.client, incidentPlan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    const clock = planTimeStepper(env, skeletonClock.planStart, (await handle.describe()).startTime.getTime());
    await clock.sleepUntil('2026-03-16T10:00:00+07:00');
    await submitReport(env.client, ref, 'report-Q1', { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: 'Quý I.' });

    await gate.close();
    await clock.sleepUntil('2026-03-18T12:00:00+07:00');
    const held = await getItemStatus(env.client, ref, 'report-Q1');
    expect(held.report).toBeUndefined();
    expect(held.incidents?.map((i) => [i.id, i.step.kind, i.retried])).toEqual([[1, 'report', undefined]]);
    expect(held.incidents![0]!.error).toMatch(/ECONNREFUSED|connect/i);
    const kinds = () => sink.messages.map((m) => String(m.headers.get('x-kehoach-kind')));
    expect(kinds().filter((k) => k === 'incident')).toHaveLength(1);

    await gate.open();
    await retryIncident(env.client, ref, 'report-Q1', { id: 1, by: 'Chánh Văn phòng' });
    await clock.sleepUntil('2026-03-18T13:00:00+07:00');
    const filed = await getItemStatus(env.client, ref, 'report-Q1');
    expect(filed.report?.number).toMatch(/^01\/BC-/);
    const delivered = sink.messages.find((m) => m.headers.get('x-kehoach-kind') === 'report-delivered');
    expect(delivered).toBeDefined();
    const docx = await blobs.get(filed.report!.files.docx!);
    expect(docx?.body.length).toBeGreaterThan(1000);
    expect(kinds().filter((k) => k === 'incident')).toHaveLength(1);

    const summary = await handle.result();
    expect(summary.items.every((i) => i.phase === 'closed')).toBe(true);
  }, 120_000);
});
