/**
 * A worker killed mid-compile: one number, one report (issue). Two worker processes (`worker/main.ts`, each with its
 * own REPORTS_DIR, both `BLOB_STORE=s3`) on one dev server and one task queue, one real SeaweedFS reached through a
 * gate the test can hold (connections accepted, no byte forwarded). The Q1 report of INCI compiles at its office
 * deadline, Wed 18/03/2026 08:00, a few real seconds after the plan starts; the gate holds the store, so the compile
 * has its number from the register and hangs filing its first document. The worker running it is SIGKILLed and the
 * gate released: the heartbeat timeout (30 s) hands the compile to the other worker, which gets the same number for
 * the same key. The report ends with one number, one register entry, one DOCX in the store and one delivery e-mail.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getItemStatus, itemHandle, startPlan, submitReport } from '../../client/plan-client.js';
import { registerEntries } from '../../client/register-client.js';
import { itemWorkflowId, planWorkflowId } from '../../domain/ids.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { incidentPlan } from '../fixtures/replay-plans.js';
import { holdGate, type HoldGate } from '../helpers/hold-gate.js';
import { waitForSettledSends } from '../helpers/mail-audit.js';
import { mailKey, s3Env, s3Store, startScaleWorker, waitForMails } from '../helpers/scale-stack.js';
import { startSeaweed, type SeaweedServer } from '../helpers/seaweed.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startLocalEnv } from '../helpers/temporal-env.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const TASK_QUEUE = 'kehoach-faults-compile-kill';
const BUCKET = 'kehoach-compile-kill';
const ref = { org: incidentPlan.organisation.code, year: incidentPlan.plan.year };
const planId = planWorkflowId(ref.org, ref.year);
const reportId = itemWorkflowId(planId, 'report-Q1');
// Plan time starts 3 s before the office deadline (Wed 18/03 08:00): the earlier steps are caught up at once, KHTC
// submits, and the compile starts ~3 s after the plan. The next step of the report item is a plan day away.
const CLOCK = { planStart: '2026-03-18T07:59:57+07:00', speed: 1 };
const { TimeoutType } = temporal.api.enums.v1;

describe('a worker SIGKILLed while it files a report (dev server, two worker processes, SeaweedFS held)', () => {
  let env: TestWorkflowEnvironment;
  let weed: SeaweedServer;
  let sink: SmtpSink;
  let gate: HoldGate;
  let blobs: BlobStore;
  let workers: ReturnType<typeof startScaleWorker>[] = [];
  const started = Date.now();

  beforeAll(async () => {
    [env, weed, sink] = await Promise.all([
      // Activities through the task queue, so either worker may take the compile (and its retry), as in production.
      startLocalEnv(['--dynamic-config-value', 'system.enableActivityEagerExecution=false']),
      startSeaweed(),
      startSmtpSink(),
    ]);
    gate = await holdGate({ host: '127.0.0.1', port: Number(new URL(weed.endpoint).port) });
    // The test's own store client goes to SeaweedFS directly; the workers go through the gate.
    blobs = s3Store(s3Env(weed, BUCKET));
    await blobs.ensureReady();
    const workerEnv = s3Env({ ...weed, endpoint: gate.url }, BUCKET);
    workers = [0, 1].map(() => startScaleWorker(env, { taskQueue: TASK_QUEUE, smtpPort: sink.port, env: workerEnv }));
    await Promise.all(workers.map((w) => w.ready(120_000)));
    console.log(`[compile-kill] servers and two workers up after ${Date.now() - started} ms`);
  });

  afterAll(async () => {
    gate?.release();
    await Promise.all(workers.map((w) => w.stop()));
    await blobs?.close();
    await gate?.close();
    await sink?.stop();
    await weed?.stop();
    await env?.teardown();
    console.log(`[compile-kill] file took ${Date.now() - started} ms`);
  });

  it('the other worker takes the compile: one number, one register entry, one DOCX, one delivery', async () => {
    await startPlan(env.client, incidentPlan, { taskQueue: TASK_QUEUE, clock: CLOCK });
    const planStarted = Date.now();
    const item = itemHandle(env.client, ref, 'report-Q1');
    // The plan starts its items in its first workflow task; the Update needs the item to exist.
    for (let tries = 0; ; tries++) {
      const running = await item.describe().then(
        () => true,
        () => false,
      );
      if (running) break;
      if (tries > 100) throw new Error(`${reportId} not started`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await submitReport(env.client, ref, 'report-Q1', { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: 'Quý I.' });
    const submitted = await getItemStatus(env.client, ref, 'report-Q1');
    expect(submitted.report).toBeUndefined();
    expect(submitted.units.find((u) => u.unit === 'KHTC')?.lastSubmission).toBeDefined();

    // From here no byte reaches SeaweedFS: the compile gets its number, renders, and hangs on its first PUT.
    gate.hold();
    const heldAt = Date.now();
    const put = await gate.waitForHeld((line) => line.startsWith(`PUT /${BUCKET}/reports/`), 30_000);
    const compiling = (await item.describe()).raw.pendingActivities?.find(
      (a) => a.activityType?.name === 'compileReport',
    );
    expect(compiling?.attempt).toBe(1);
    const firstIdentity = compiling?.lastWorkerIdentity ?? '';
    const pid = Number(/^(\d+)@/.exec(firstIdentity)?.[1]);
    const victim = workers.find((w) => w.proc.pid === pid);
    const survivor = workers.find((w) => w !== victim)!;
    expect(
      victim,
      `compile run by ${firstIdentity}, workers ${workers.map((w) => w.proc.pid).join(', ')}`,
    ).toBeDefined();
    // The number was given before filing: the register already holds it for the report's key.
    const before = await registerEntries(env.client, ref);
    expect(before.entries.map((e) => e.key)).toEqual([reportId]);

    await victim!.kill('SIGKILL');
    const killedAt = Date.now();
    expect(victim!.proc.signalCode).toBe('SIGKILL');
    gate.release();
    console.log(
      `[compile-kill] store held ${heldAt - planStarted} ms after the plan started; ${put} kept ` +
        `${killedAt - heldAt} ms later; pid ${pid} killed ${killedAt - started} ms into the file`,
    );

    // Killed a few seconds in (before or just after its first heartbeat, 5 s in): the server times attempt 1 out
    // 30 s after its start or that heartbeat, and the retry policy waits its initial 10 s: ~40 s kill to delivery.
    const [delivered] = await waitForMails(sink.messages, (m) => mailKey(m).kind === 'report-delivered', 1, 90_000);
    expect(delivered, 'report-delivered e-mail').toBeDefined();
    console.log(`[compile-kill] delivered ${Date.now() - killedAt} ms after the kill`);
    await waitForSettledSends(env.client, [reportId], 30_000);

    const status = await getItemStatus(env.client, ref, 'report-Q1');
    const number = status.report?.number;
    expect(number).toBe(`01/BC-${incidentPlan.organisation.symbol}`);
    expect(status.report?.files.docx).toBe(`reports/${reportId}.docx`);
    expect(status.incidents ?? []).toEqual([]);

    const register = await registerEntries(env.client, ref);
    expect(register.entries.filter((e) => e.key === reportId)).toHaveLength(1);
    expect(register.entries.map((e) => [e.key, e.number])).toEqual([[reportId, 1]]);

    // History: one compile scheduled, started (attempt 2, after attempt 1's heartbeat timeout) by the survivor.
    const events = (await item.fetchHistory()).events ?? [];
    const scheduled = events.filter(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'compileReport',
    );
    expect(scheduled).toHaveLength(1);
    const startedEvents = events.filter(
      (e) => String(e.activityTaskStartedEventAttributes?.scheduledEventId) === String(scheduled[0]!.eventId),
    );
    expect(startedEvents).toHaveLength(1);
    const st = startedEvents[0]!.activityTaskStartedEventAttributes!;
    expect(st.attempt).toBe(2);
    expect(st.lastFailure?.timeoutFailureInfo?.timeoutType).toBe(TimeoutType.TIMEOUT_TYPE_HEARTBEAT);
    expect(st.identity).toBe(`${survivor.proc.pid}@${firstIdentity.slice(firstIdentity.indexOf('@') + 1)}`);
    expect(st.identity).not.toBe(firstIdentity);
    expect(
      events.filter(
        (e) => String(e.activityTaskCompletedEventAttributes?.scheduledEventId) === String(scheduled[0]!.eventId),
      ),
    ).toHaveLength(1);

    // One DOCX in the store, attached byte for byte to the one delivery.
    const docxKeys = (await blobs.list('reports/')).filter((k) => k.endsWith('.docx'));
    expect(docxKeys).toEqual([`reports/${reportId}.docx`]);
    const filed = await blobs.get(docxKeys[0]!);
    expect(filed?.body.length).toBeGreaterThan(1_000);
    const deliveries = sink.messages.filter((m) => mailKey(m).kind === 'report-delivered');
    expect(deliveries.map((m) => mailKey(m).key)).toEqual([`${reportId}/office/report-delivered`]);
    const docx = deliveries[0]!.attachments.filter((a) => a.filename.endsWith('.docx'));
    expect(docx.map((a) => a.filename)).toEqual([`${reportId}.docx`]);
    expect(docx[0]!.content.equals(filed!.body)).toBe(true);
    expect(deliveries[0]!.text).toContain(`Số: ${number}`);
  });
});
