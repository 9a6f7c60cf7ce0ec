/**
 * Proof with two of everything (issue): one dev server, one SeaweedFS, one redis-server; two worker processes
 * (`worker/main.ts`, each with its own REPORTS_DIR, both on `BLOB_STORE=s3`) on one task queue; two portals, each
 * with its own S3 store client and its own redis client. Twenty reports of one organisation compile at the same
 * plan instant across both workers and get the numbers 01..20; a report filed by one worker is attached by the other;
 * evidence uploaded through one portal downloads through the other; the login throttle counts across both portals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { getItemStatus, requestAdHocReport, startPlan, type PlanRef } from '../../client/plan-client.js';
import { registerEntries } from '../../client/register-client.js';
import { itemWorkflowId, planWorkflowId } from '../../domain/ids.js';
import { LOGIN_THROTTLE } from '../../portal/auth-routes.js';
import { storeKeys } from '../../portal/store/portal-store.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { faultPlan } from '../fixtures/fault-plans.js';
import { waitForSettledSends } from '../helpers/mail-audit.js';
import { overHttp, portalClient } from '../helpers/portal-client.js';
import { OFFICE_PASSWORD } from '../helpers/portal-stack.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import {
  activityRuns,
  mailKey,
  s3Env,
  s3Store,
  startScalePortal,
  startScaleWorker,
  waitForMails,
  type ScalePortal,
} from '../helpers/scale-stack.js';
import { startSeaweed, type SeaweedServer } from '../helpers/seaweed.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startLocalEnv } from '../helpers/temporal-env.js';

const TASK_QUEUE = 'kehoach-scale-two';
const BUCKET = 'kehoach-scale-two';
const REPORTS = 20;
const plan = faultPlan('HAI', 2);
const ref: PlanRef = { org: plan.organisation.code, year: plan.plan.year };
const planId = planWorkflowId(ref.org, ref.year);
// Plan time starts a few seconds before the plan's send time (08:00) on Mon 02/03, when the ad hoc reports asked
// for that day fall due: every one compiles at the same plan instant. The next step (Tuesday) is hours away.
const CLOCK = { planStart: '2026-03-02T07:59:55+07:00', speed: 1 };
const PDF = Buffer.from('%PDF-1.4\n%minh chung hai cong thong tin\n');

describe('two workers, two portals, one dev server, one SeaweedFS, one redis-server', () => {
  let env: TestWorkflowEnvironment;
  let seaweed: SeaweedServer;
  let redis: RedisServer;
  let sink: SmtpSink;
  let blobs: BlobStore;
  let workers: ReturnType<typeof startScaleWorker>[] = [];
  const portals: ScalePortal[] = [];
  const reportIds: string[] = [];
  const started = Date.now();

  beforeAll(async () => {
    [env, seaweed, redis, sink] = await Promise.all([
      // The dev server hands an activity to the worker whose workflow task scheduled it (eager execution); a
      // Temporal server's default is off, so every activity goes through the task queue to any of its workers.
      startLocalEnv(['--dynamic-config-value', 'system.enableActivityEagerExecution=false']),
      startSeaweed(),
      startRedisServer(),
      startSmtpSink(),
    ]);
    const storeEnv = s3Env(seaweed, BUCKET);
    blobs = s3Store(storeEnv);
    // Made once before the workers start, so their start-up checks only find it.
    await blobs.ensureReady();
    workers = [0, 1].map(() => startScaleWorker(env, { taskQueue: TASK_QUEUE, smtpPort: sink.port, env: storeEnv }));
    const portal = () => startScalePortal(env.client, { redisUrl: redis.url, env: storeEnv, taskQueue: TASK_QUEUE });
    portals.push(await portal(), await portal());
    // Each worker bundles the workflows with webpack at start-up: tens of seconds on a busy two-core machine.
    await Promise.all(workers.map((w) => w.ready(120_000)));
    console.log(`[two-of-everything] servers, workers and portals up after ${Date.now() - started} ms`);
  });

  afterAll(async () => {
    for (const p of portals) await p.stop();
    await Promise.all(workers.map((w) => w.stop()));
    await blobs?.close();
    await sink?.stop();
    await redis?.stop();
    await seaweed?.stop();
    await env?.teardown();
    console.log(`[two-of-everything] file took ${Date.now() - started} ms`);
  });

  it('20 reports of one organisation compiled at once across both workers get the numbers 01..20', async () => {
    await startPlan(env.client, plan, { taskQueue: TASK_QUEUE, clock: CLOCK });
    const asked = Date.now();
    // Five at a time: a workflow takes at most 10 Updates in flight (the server's default), and the first of a
    // batch's workflow tasks accepts them together.
    for (let from = 1; from <= REPORTS; from += 5) {
      const batch = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          requestAdHocReport(env.client, ref, {
            title: `Báo cáo đột xuất số ${from + i}`,
            content: `Nội dung báo cáo đột xuất số ${from + i}.`,
            units: ['U01'],
            dueDate: '2026-03-02',
            by: 'Văn phòng',
          }),
        ),
      );
      reportIds.push(...batch.map((b) => b.workflowId));
    }
    console.log(`[two-of-everything] ${REPORTS} ad hoc reports asked in ${Date.now() - asked} ms`);
    expect(new Set(reportIds).size).toBe(REPORTS);

    const delivered = await waitForMails(sink.messages, (m) => mailKey(m).kind === 'report-delivered', REPORTS, 60_000);
    expect(delivered.map((m) => mailKey(m).key).sort()).toEqual(
      reportIds.map((id) => `${id}/office/report-delivered`).sort(),
    );
    const symbol = plan.organisation.symbol;
    const want = Array.from({ length: REPORTS }, (_, i) => `${String(i + 1).padStart(2, '0')}/BC-${symbol}`);
    const statuses = await Promise.all(
      reportIds.map((id) => getItemStatus(env.client, ref, id.slice(`${planId}-`.length))),
    );
    expect(statuses.map((s) => s.report?.number).sort()).toEqual(want);

    const register = await registerEntries(env.client, ref);
    expect(register.entries.map((e) => e.number).sort((a, b) => a - b)).toEqual(want.map((_, i) => i + 1));
    expect(register.entries.map((e) => e.key).sort()).toEqual([...reportIds].sort());
    // The item keeps the number the register gave its key.
    for (const [i, id] of reportIds.entries()) {
      const entry = register.entries.find((e) => e.key === id)!;
      expect(statuses[i]!.report?.number).toBe(`${String(entry.number).padStart(2, '0')}/BC-${symbol}`);
    }
  });

  it('a report compiled by one worker is attached by the other; every e-mail carries the filed DOCX', async () => {
    await waitForSettledSends(env.client, reportIds, 30_000);
    const identities = new Set<string>();
    const compiledAt: number[] = [];
    let crossed = 0;
    for (const id of reportIds) {
      const runs = await activityRuns(env.client, id);
      const compiled = runs.filter((r) => r.type === 'compileReport');
      const sent = runs.filter((r) => r.type === 'sendEmail' && r.key === `${id}/office/report-delivered`);
      expect(compiled).toHaveLength(1);
      expect(sent).toHaveLength(1);
      expect(compiled[0]!.identity).toBeTruthy();
      expect(sent[0]!.identity).toBeTruthy();
      identities.add(compiled[0]!.identity!);
      compiledAt.push(compiled[0]!.scheduledAt);
      if (compiled[0]!.identity !== sent[0]!.identity) crossed++;
    }
    console.log(
      `[two-of-everything] ${REPORTS} compiles scheduled within ${Math.max(...compiledAt) - Math.min(...compiledAt)} ms, ` +
        `run by ${identities.size} workers; ${crossed} of ${REPORTS} reports attached by the worker that did not ` +
        'compile them',
    );
    expect(identities.size).toBe(2);
    expect(crossed).toBeGreaterThanOrEqual(1);

    for (const id of reportIds) {
      const status = await getItemStatus(env.client, ref, id.slice(`${planId}-`.length));
      const key = status.report?.files.docx;
      expect(key).toBe(`reports/${id}.docx`);
      const filed = await blobs.get(key!);
      expect(filed?.body.length).toBeGreaterThan(1_000);
      const mails = sink.messages.filter((m) => mailKey(m).key === `${id}/office/report-delivered`);
      expect(mails).toHaveLength(1);
      const docx = mails[0]!.attachments.filter((a) => a.filename.endsWith('.docx'));
      expect(docx.map((a) => a.filename)).toEqual([`${id}.docx`]);
      expect(docx[0]!.content.equals(filed!.body)).toBe(true);
    }
  });

  it('evidence uploaded through portal 1 downloads byte-identical through portal 2 (session shared in redis)', async () => {
    const [one, two] = [portals[0]!, portals[1]!];
    const taskId = itemWorkflowId(planId, 'task-01');
    const [open] = await waitForMails(sink.messages, (m) => mailKey(m).key === `${taskId}/U01/open`, 1, 30_000);
    expect(open).toBeDefined();
    const link = /http:\/\/portal\.test(\/nop\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(open!.text)?.[1];
    expect(link).toBeDefined();

    const unit = portalClient(overHttp, one.url);
    const sent = await unit.post(link!, {
      _csrf: await unit.csrfOf(link!),
      submittedBy: 'Trưởng U01',
      results: 'Đã đăng tin trên cổng thông tin.',
      files: new File([PDF], 'bien-ban.pdf'),
    });
    expect(sent.status).toBe(303);
    const evidence = (await getItemStatus(env.client, ref, 'task-01')).units.find((u) => u.unit === 'U01')
      ?.lastSubmission?.evidence[0]?.url;
    const path = /(\/minh-chung\/[a-f0-9]{64}\.pdf)$/.exec(evidence ?? '')?.[1];
    expect(path, evidence).toBeDefined();
    expect(evidence!.startsWith(one.url)).toBe(true);
    // Filed in the shared bucket (`evidence/<sha256>.pdf`), not in either portal's own folder.
    expect((await blobs.get(`evidence/${path!.slice('/minh-chung/'.length)}`))?.body.equals(PDF)).toBe(true);

    const office = portalClient(overHttp, one.url);
    expect((await office.login('vanphong', OFFICE_PASSWORD)).status).toBe(303);
    const onTwo = portalClient(overHttp, two.url);
    for (const [k, v] of office.cookies) onTwo.cookies.set(k, v);
    const res = await onTwo.get(path!);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    // Without the session portal 2 sends the browser to the login page.
    expect((await portalClient(overHttp, two.url).get(path!)).status).toBe(303);
  });

  it('10 failed logins split across the two portals lock the address out of both', async () => {
    const [one, two] = [portals[0]!, portals[1]!];
    await one.store.del(storeKeys.login('127.0.0.1'));
    const [on1, on2] = [portalClient(overHttp, one.url), portalClient(overHttp, two.url)];
    for (let i = 1; i <= LOGIN_THROTTLE.failures; i++)
      expect((await (i % 2 ? on1 : on2).login('vanphong', `sai-${i}`)).status, `attempt ${i}`).toBe(401);
    for (const b of [on1, on2]) expect((await b.login('vanphong', OFFICE_PASSWORD)).status).toBe(429);
    expect(await two.store.get(storeKeys.login('127.0.0.1'))).toBe(String(LOGIN_THROTTLE.failures));
  });
});
