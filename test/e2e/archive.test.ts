import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageIdFor } from '../../activities/email.js';
import { archiveCommand } from '../../client/archive-command.js';
import {
  answerDifficulty,
  getItemStatus,
  getPlanStatus,
  raiseDifficulty,
  reassignItem,
  requestAdHocReport,
  reviewSubmission,
  startPlan,
  submitReport,
} from '../../client/plan-client.js';
import { planSchema } from '../../domain/plan-schema.js';
import { createPortalApp } from '../../portal/app.js';
import { hashPassword } from '../../portal/passwords.js';
import { LocalBlobStore } from '../../storage/local-blob-store.js';
import { readPlanArchive, type ArchivedItemFile, type ArchivedPlanFile } from '../../storage/plan-archive.js';
import type { PlanStatus } from '../../workflows/plan-types.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';
import { portalClient } from '../helpers/portal-client.js';
import { portalTestConfig } from '../helpers/portal-server.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startLocalEnv, startTestWorker, TASK_QUEUE } from '../helpers/temporal-env.js';

/*
 * The dev server, because the time-skipping server cannot delete workflows. The plan clock runs half a plan day per
 * real second from Mon 21/12/2026 07:59, so the year closes (31/12 17:00) about 21 s after the start.
 */
const clock = { planStart: '2026-12-21T07:59:00+07:00', speed: 43_200 };
const ref = { org: 'ARCH', year: 2026 };
const PLAN_ID = 'plan-ARCH-2026';
const TASK_ID = `${PLAN_ID}-task-03`;
const RESULTS = 'Đã đăng 4 tin về cải cách thủ tục hành chính tháng 12.';
const PASSWORD = 'mat-khau-van-phong';
const plan = planSchema().parse({
  ...skeletonPlan,
  organisation: { ...skeletonPlan.organisation, code: 'ARCH' },
  tasks: [{ ...skeletonPlan.tasks[0]!, opensOn: '2026-12-21', due: { on: '2026-12-29' } }],
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('a closed plan-year outlives Temporal: archived at close, read from the archive once deleted', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let blobs: LocalBlobStore;
  let stopWorker: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    env = await startLocalEnv();
    sink = await startSmtpSink();
    blobs = new LocalBlobStore(mkdtempSync(join(tmpdir(), 'kehoach-archive-')));
    stopWorker = (await startTestWorker(env, sink, {}, { blobs })).stop;
  });
  afterAll(async () => {
    await stopWorker?.();
    await sink?.stop();
    await env?.teardown();
  });

  it('keeps who was asked, what they sent and how it was reviewed, with the report, after the workflows are gone', async () => {
    const { handle } = await startPlan(env.client, plan, { taskQueue: TASK_QUEUE, clock });
    await sink.waitFor(2, 20_000); // task-03 opened for KHTC and TCCB
    const by = 'vanphong';
    await submitReport(env.client, ref, 'task-03', { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: RESULTS });
    await reviewSubmission(env.client, ref, 'task-03', { unit: 'KHTC', decision: 'accept', comment: 'Tốt.', by });
    await reassignItem(env.client, ref, 'task-03', { from: 'TCCB', to: 'VP', reason: 'đổi phân công', by });
    const { id } = await raiseDifficulty(env.client, ref, {
      unit: 'KHTC',
      text: 'Thiếu kinh phí in tờ rơi.',
      raisedBy: 'Trần Thị Kế',
      itemId: 'task-03',
    });
    await answerDifficulty(env.client, ref, { id, answer: 'Văn phòng bổ sung kinh phí.', by });
    await requestAdHocReport(env.client, ref, {
      title: 'Báo cáo nhanh cuối năm',
      content: 'Kết quả tuyên truyền tháng 12.',
      units: ['KHTC'],
      dueDate: '2026-12-24',
      by,
    });
    // A report file gone by the time the year closes is recorded as missing; the others are archived.
    await until(
      'the consolidated report delivered',
      async () =>
        sink.messages.some((m) => m.headers.get('x-kehoach-kind') === 'report-delivered') ? true : undefined,
      60_000,
    );
    const filed = (await getItemStatus(env.client, ref, 'report-adhoc-1')).report?.files ?? {};
    expect(filed.csv).toMatch(/^reports\/.+\.csv$/);
    await blobs.delete(filed.csv!);

    const result: PlanStatus = await Promise.race([
      handle.result(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the plan did not close')), 90_000)),
    ]);
    const prefix = 'archive/ARCH/2026/';
    expect(result.archive).toMatchObject({ prefix });
    expect(result.archive && 'error' in result.archive).toBe(false);
    const keys = await blobs.list(prefix);
    expect(result.archive && 'keys' in result.archive ? result.archive.keys : []).toEqual(keys);
    expect(keys).toEqual(
      expect.arrayContaining([
        `${prefix}plan.json`,
        `${prefix}index.html`,
        `${prefix}items/task-03.json`,
        `${prefix}items/report-adhoc-1.json`,
      ]),
    );
    const docx = keys.find((k) => k.startsWith(`${prefix}reports/report-adhoc-1/`) && k.endsWith('.docx'));
    expect(docx).toBeDefined();
    expect((await blobs.get(docx!))?.body.subarray(0, 2).toString()).toBe('PK');

    const json = async <T>(key: string) => JSON.parse((await blobs.get(prefix + key))!.body.toString('utf8')) as T;
    const task = await json<ArchivedItemFile>('items/task-03.json');
    const khtc = task.units.find((u) => u.unit === 'KHTC')!;
    expect(khtc.outcome).toMatchObject({ state: 'done-on-time', phase: 'accepted' });
    expect(khtc.state!.versions).toHaveLength(1);
    expect(khtc.state!.versions[0]).toMatchObject({
      version: 1,
      onTime: true,
      submission: { submittedBy: 'Trần Thị Kế', results: RESULTS },
      review: { decision: 'accept', comment: 'Tốt.', by },
    });
    // Every e-mail about the unit, with its key and the Message-ID it carried, as the mail server received it.
    const kinds = khtc.emails.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['assignment', 'receipt', 'accepted']));
    const ids = new Set(sink.messages.map((m) => m.messageId));
    for (const e of khtc.emails) {
      expect(e.key.startsWith(`${TASK_ID}/KHTC/`)).toBe(true);
      expect(e).toMatchObject({ outcome: 'sent', messageId: messageIdFor(e.key) });
      expect(ids.has(e.messageId)).toBe(true);
    }
    expect(task.reassignments).toEqual([expect.objectContaining({ from: 'TCCB', to: 'VP', reason: 'đổi phân công' })]);
    expect(task.units.find((u) => u.unit === 'TCCB')).toMatchObject({ reassignedTo: 'VP' });
    expect(task.units.find((u) => u.unit === 'VP')?.state).toBeDefined();
    expect(task.messages.map((m) => m.name)).toEqual(
      expect.arrayContaining(['submitReport', 'reviewSubmission', 'reassignItem', 'closeItem']),
    );
    const planFile = await json<ArchivedPlanFile>('plan.json');
    expect(planFile.plan.organisation.code).toBe('ARCH');
    expect(planFile.status.difficulties[0]).toMatchObject({ answer: { text: 'Văn phòng bổ sung kinh phí.' } });
    expect(planFile.documents.filter((d) => d.path).length).toBeGreaterThan(0);
    expect(planFile.problems).toEqual([expect.stringContaining(filed.csv!)]);
    expect(planFile.documents.find((d) => d.kind === 'csv')).toMatchObject({
      source: filed.csv,
      missing: expect.any(String),
    });
    expect(result.archive).toMatchObject({ problems: planFile.problems });
    const index = (await blobs.get(`${prefix}index.html`))!.body.toString('utf8');
    expect(index).toContain('<html lang="vi">');
    expect(index).toContain('href="items/task-03.json"');
    expect(index).toMatch(/Lưu trữ ngày \d\d\/\d\d\/\d{4}/);

    // Retention: Temporal deletes the plan and its items.
    const status = await getPlanStatus(env.client, ref);
    const ids2 = [PLAN_ID, ...status.items.filter((i) => i.phase !== 'scheduled').map((i) => i.workflowId)];
    for (const workflowId of ids2)
      await env.client.workflowService.deleteWorkflowExecution({
        namespace: env.namespace ?? 'default',
        workflowExecution: { workflowId },
      });
    // The dev server removes a deleted execution some 30 s later (its deletion task runs in the background).
    await Promise.all(
      ids2.map((workflowId) =>
        until(
          `${workflowId} deleted`,
          () =>
            env.client.workflow
              .getHandle(workflowId)
              .describe()
              .then(
                () => undefined,
                (err: unknown) => (err instanceof WorkflowNotFoundError ? true : undefined),
              ),
          120_000,
        ),
      ),
    );

    // The portal shows the year from the archive.
    const config = portalTestConfig({
      PORTAL_BASE_URL: 'http://portal.test',
      PORTAL_USERS: `vanphong:${await hashPassword(PASSWORD)}`,
    });
    const office = portalClient(createPortalApp({ client: env.client, config, blobs }));
    await office.login('vanphong', PASSWORD);
    const res = await office.get('/van-phong/ARCH/2026');
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toContain('Năm kế hoạch đã đóng, xem từ lưu trữ');
    expect(page).toContain('Hoàn thành đúng hạn');
    expect(page).toContain(RESULTS);
    expect(page).toContain('Văn phòng bổ sung kinh phí.');
    expect(page).not.toContain('/dot-xuat');
    expect(page).toContain('csv: không lưu được');
    const link = /href="(\/van-phong\/ARCH\/2026\/luu-tru\?f=reports[^"]+\.docx)"/.exec(page)?.[1];
    expect(link).toBeDefined();
    const download = await office.get(link!.replaceAll('&amp;', '&'));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    // Nothing outside this plan-year's archive is served.
    expect((await office.get('/van-phong/ARCH/2026/luu-tru?f=../../../reports/x.docx')).status).toBe(404);
    expect((await office.get('/van-phong/ARCH/2026/luu-tru?f=')).status).toBe(404);
    // The dashboard still lists the year, from its archive.
    const dashboard = await (await office.get('/van-phong')).text();
    expect(dashboard).toContain('<a href="/van-phong/ARCH/2026">ARCH 2026</a>');
    expect(dashboard).toContain('(lưu trữ)');
  }, 240_000);

  it('an archive that fails for good is recorded on the plan, which still closes with its result', async () => {
    // A blob where the plan-year's folder must go: the store refuses every archive key under it, for good.
    await blobs.put('archive/ARCF', Buffer.from('not a folder'), { contentType: 'text/plain' });
    const failing = planSchema().parse({ ...plan, organisation: { ...plan.organisation, code: 'ARCF' } });
    const { handle } = await startPlan(env.client, failing, {
      taskQueue: TASK_QUEUE,
      clock: { ...clock, speed: 86_400 },
    });
    const result: PlanStatus = await Promise.race([
      handle.result(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the plan did not close')), 90_000)),
    ]);
    expect(result.items.every((i) => i.phase === 'closed')).toBe(true);
    expect(result.archive).toMatchObject({ type: 'ArchiveInvalid', error: expect.stringMatching(/conflicts/) });
    expect(await blobs.list('archive/ARCF/')).toEqual([]);

    const config = portalTestConfig({
      PORTAL_BASE_URL: 'http://portal.test',
      PORTAL_USERS: `vanphong:${await hashPassword(PASSWORD)}`,
    });
    const office = portalClient(createPortalApp({ client: env.client, config, blobs }));
    await office.login('vanphong', PASSWORD);
    const page = await (await office.get('/van-phong/ARCF/2026')).text();
    expect(page).toContain('Lưu trữ hồ sơ năm kế hoạch không thành công: ArchiveInvalid');
    expect(page).toContain('kehoach plan archive ARCF 2026');

    // Not from a store that still refuses: the office fixes the cause, then re-runs it.
    await expect(archiveCommand(env.client, blobs, { org: 'ARCF', year: 2026 })).rejects.toThrow(/conflicts/);
    await blobs.delete('archive/ARCF');
    const done = await archiveCommand(env.client, blobs, { org: 'ARCF', year: 2026 });
    expect(done).toMatch(/^Đã lưu trữ ARCF 2026: \d+ tệp trong archive\/ARCF\/2026\//);
    const record = await readPlanArchive(blobs, 'ARCF', 2026);
    expect(record?.plan.status.items.map((i) => i.phase)).toEqual(result.items.map((i) => i.phase));
    const after = await (await office.get('/van-phong/ARCF/2026')).text();
    expect(after).not.toContain('không thành công: ArchiveInvalid');
    expect(after).toContain('đã được lưu trữ lại ngày');
  }, 120_000);
});
