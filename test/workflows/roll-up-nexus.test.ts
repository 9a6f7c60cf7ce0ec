/**
 * The roll-up across namespaces, on one real dev server: a province's namespace (`tinh-a`) runs its schools' plans,
 * the ministry's (`bo`) runs the parent plan, and the Nexus endpoint `kehoach-bo` leads to the ministry worker's task
 * queue. A school's accepted Q1 report arrives once in the ministry's Q1 report, through Nexus (there is no ministry
 * plan in the province's namespace for an activity to reach), with its figures of the ministry's forms only; sending
 * it again gives the same version. A school the ministry does not list is refused, and a school whose parent's
 * namespace no endpoint leads to cannot send: each is an incident on the school's report.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { createMailer } from '../../activities/mailer.js';
import { registerSearchAttributes } from '../../client/register-search-attributes.js';
import { getItemStatus, reviewReport, reviewSubmission, startPlan, submitReport } from '../../client/plan-client.js';
import { itemWorkflowId, planWorkflowId } from '../../domain/ids.js';
import { planSchema, type Plan } from '../../domain/plan-schema.js';
import { rollUpService } from '../../nexus/roll-up-service.js';
import { LocalBlobStore } from '../../storage/local-blob-store.js';
import { createKehoachWorker } from '../../worker/create-worker.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { mailConfigFor, startLocalEnv, TASK_QUEUE, workflowBundle } from '../helpers/temporal-env.js';

const YEAR = 2026;
const ENDPOINT = 'kehoach-bo';
const ENDPOINTS = { bo: ENDPOINT };
const { EventType } = proto.temporal.api.enums.v1;

/*
 * Plan time runs at six hours per real second from Tue 17/03 09:00: the schools' units are due that day, their
 * offices compile on Wed 18/03 (≈4 s in), and the ministry's units are due Fri 20/03, its office Wed 25/03.
 */
const clock = { planStart: '2026-03-17T09:00:00+07:00', speed: 6 * 3600 };

/** The ministry lists TRUONG-A and TRUONG-Z below it, not TRUONG-X; it counts WEBSITE only. */
const ministry: Plan = planSchema().parse({
  ...skeletonPlan,
  organisation: { ...skeletonPlan.organisation, code: 'BO', name: 'Bộ Giáo dục và Đào tạo (thử nghiệm)' },
  tasks: [],
  subordinates: ['TRUONG-A', 'TRUONG-Z'].map((code) => ({
    code,
    name: `Trường ${code.slice(-1)}`,
    office: { name: `Văn phòng trường ${code.slice(-1)}`, email: `vanphong.${code.toLowerCase()}@example.org` },
  })),
  reporting: { periods: ['Q1'], officeDeadlineDay: 25, unitWorkingDaysBeforeOffice: 3 },
});

/** A school in tinh-a carrying out the ministry's plan in `namespace`, with a form of its own the ministry lacks. */
const school = (code: string, namespace: string): Plan =>
  planSchema().parse({
    ...skeletonPlan,
    organisation: { ...skeletonPlan.organisation, code, name: `Trường ${code.slice(-1)}`, reportsTo: 'BO' },
    plan: {
      ...skeletonPlan.plan,
      number: `01/KH-${code}`,
      carriesOut: { number: '01/KH-BGDĐT', org: 'BO', namespace },
    },
    office: { name: 'Văn phòng trường', email: `vanphong.${code.toLowerCase()}@example.org`, unit: 'VP' },
    director: { name: 'Hiệu trưởng', email: `hieutruong.${code.toLowerCase()}@example.org` },
    units: [
      { code: 'VP', name: 'Văn phòng', head: { name: 'Văn thư', email: `vanphong.${code.toLowerCase()}@example.org` } },
      {
        code: 'TO-VAN',
        name: 'Tổ Ngữ văn',
        head: { name: 'Tổ trưởng', email: `tovan.${code.toLowerCase()}@example.org` },
      },
    ],
    forms: [...skeletonPlan.forms, { code: 'BANG-TIN', title: 'Bảng tin của trường' }],
    // Its output is counted on its duties: one dated task of its teaching team, on both forms.
    tasks: [
      {
        number: 1,
        title: 'Đăng tin về cải cách hành chính',
        content: 'Đăng tin trên trang thông tin điện tử và bảng tin của trường.',
        forms: ['WEBSITE', 'BANG-TIN'],
        units: [{ unit: 'TO-VAN', role: 'lead' }],
        opensOn: '2026-03-02',
        due: { on: '2026-03-10' },
      },
    ],
    reporting: { periods: ['Q1'], officeDeadlineDay: 18, unitWorkingDaysBeforeOffice: 1 },
  });

const SCHOOLS = { 'TRUONG-A': 'bo', 'TRUONG-X': 'bo', 'TRUONG-Z': 'khac' } as const;
const ref = (org: string) => ({ org, year: YEAR });
const reportOf = (org: string) => itemWorkflowId(planWorkflowId(org, YEAR), 'report-Q1');

describe('roll-up across namespaces: through the Nexus endpoint of the parent’s namespace', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let province: Client;
  let bo: Client;
  const stops: (() => Promise<void>)[] = [];

  /** A worker of one namespace with the real activities; the ministry's also serves the roll-up over Nexus. */
  const startWorker = async (client: Client, rollUpHandler: boolean) => {
    const mailConfig = mailConfigFor(sink);
    const mailer = createMailer(mailConfig);
    const reportsDir = mkdtempSync(join(tmpdir(), `kehoach-nexus-${client.options.namespace}-`));
    const blobs = new LocalBlobStore(reportsDir);
    const worker = await createKehoachWorker({
      connection: env.nativeConnection,
      namespace: client.options.namespace,
      taskQueue: TASK_QUEUE,
      workflowBundle: await workflowBundle(),
      activities: createActivities({ mailer, mailConfig, client, reportsDir, blobs, nexusEndpoints: ENDPOINTS }),
      rollUpHandler,
    });
    const running = worker.run();
    stops.push(async () => {
      worker.shutdown();
      await running;
      mailer.close();
    });
    return { mailer, mailConfig, reportsDir, blobs };
  };

  beforeAll(async () => {
    // Standalone Nexus operations let the test call the operation from a client, as a second sender would.
    env = await startLocalEnv([
      ...['--namespace', 'tinh-a', '--namespace', 'bo'],
      ...['--dynamic-config-value', 'nexusoperation.enableStandalone=true'],
    ]);
    for (const namespace of ['tinh-a', 'bo']) await registerSearchAttributes(env.connection, namespace);
    await env.connection.operatorService.createNexusEndpoint({
      spec: { name: ENDPOINT, target: { worker: { namespace: 'bo', taskQueue: TASK_QUEUE } } },
    });
    province = new Client({ connection: env.connection, namespace: 'tinh-a' });
    bo = new Client({ connection: env.connection, namespace: 'bo' });
    sink = await startSmtpSink();
    await startWorker(province, false);
    await startWorker(bo, true);
    await startPlan(bo, ministry, { taskQueue: TASK_QUEUE, clock });
    for (const [code, namespace] of Object.entries(SCHOOLS))
      await startPlan(province, school(code, namespace), { taskQueue: TASK_QUEUE, clock });
  }, 120_000);

  afterAll(async () => {
    for (const stop of stops) await stop();
    await sink?.stop();
    await env?.teardown();
  });

  it('files the school’s report once in the ministry’s namespace, and says why the others could not go up', async () => {
    const opened = (code: string, itemId: string) =>
      expect
        .poll(
          () =>
            getItemStatus(province, ref(code), itemId).then(
              () => 'open',
              (e: Error) => e.message,
            ),
          {
            timeout: 20_000,
          },
        )
        .toBe('open');
    for (const code of Object.keys(SCHOOLS)) {
      await opened(code, 'task-01');
      await submitReport(province, ref(code), 'task-01', {
        unit: 'TO-VAN',
        submittedBy: 'Tổ trưởng',
        results: 'Đăng 4 tin, 2 bảng tin',
        figures: { WEBSITE: 4, 'BANG-TIN': 2 },
      });
      await reviewSubmission(province, ref(code), 'task-01', { unit: 'TO-VAN', decision: 'accept', by: 'vanphong' });
      await opened(code, 'report-Q1');
      for (const unit of ['VP', 'TO-VAN']) {
        await submitReport(province, ref(code), 'report-Q1', {
          unit,
          submittedBy: 'Tổ trưởng',
          results: `Đăng 4 tin (${unit})`,
        });
        await reviewSubmission(province, ref(code), 'report-Q1', { unit, decision: 'accept', by: 'vanphong' });
      }
    }
    // Wed 18/03: each school's report is compiled, and its director accepts it.
    for (const code of Object.keys(SCHOOLS)) {
      await expect
        .poll(async () => (await getItemStatus(province, ref(code), 'report-Q1')).report?.number, { timeout: 30_000 })
        .toBeTruthy();
      await reviewReport(province, ref(code), 'report-Q1', { decision: 'accept', by: `hieutruong.${code}` });
    }

    const parentQ1 = () => getItemStatus(bo, ref('BO'), 'report-Q1');
    const unitOf = async (unit: string) => (await parentQ1()).units.find((u) => u.unit === unit);
    await expect.poll(async () => (await unitOf('TRUONG-A'))?.versions, { timeout: 20_000 }).toBe(1);
    const a = (await unitOf('TRUONG-A'))!;
    expect(a.lastSubmission?.source).toEqual({ kind: 'roll-up', key: reportOf('TRUONG-A') });
    // Its report's output, of the forms the ministry counts: the school's own bulletin board stays in the school.
    expect(a.lastSubmission?.figures).toEqual({ WEBSITE: 4 });
    expect(a.lastSubmission?.results).toContain('Tổ Ngữ văn: Đăng 4 tin (TO-VAN)');

    // It went through Nexus: the school's report item scheduled a Nexus operation on the endpoint, no roll-up activity.
    const history = await province.workflow.getHandle(reportOf('TRUONG-A')).fetchHistory();
    const events = history.events ?? [];
    const scheduled = events.find((e) => e.eventType === EventType.EVENT_TYPE_NEXUS_OPERATION_SCHEDULED);
    expect(scheduled?.nexusOperationScheduledEventAttributes).toMatchObject({
      endpoint: ENDPOINT,
      service: 'kehoach-roll-up',
      operation: 'submitSubordinateReport',
    });
    expect(events.some((e) => e.eventType === EventType.EVENT_TYPE_NEXUS_OPERATION_COMPLETED)).toBe(true);
    const activities = events.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name).filter(Boolean);
    expect(activities).toContain('buildRollUpSubmission');
    expect(activities).not.toContain('rollUpReport');
    await expect
      .poll(async () => (await getItemStatus(province, ref('TRUONG-A'), 'report-Q1')).rollUp)
      .toMatchObject({ status: 'sent', version: 1 });

    // Sent again, twice (another worker, a retry after a lost answer): the ministry answers with the same version.
    const mailConfig = mailConfigFor(sink);
    const reportsDir = mkdtempSync(join(tmpdir(), 'kehoach-nexus-again-'));
    const again = createActivities({
      mailer: createMailer(mailConfig),
      mailConfig,
      client: province,
      reportsDir,
      blobs: new LocalBlobStore(reportsDir),
      nexusEndpoints: ENDPOINTS,
    });
    const prepared = await again.buildRollUpSubmission({
      key: reportOf('TRUONG-A'),
      planWorkflowId: planWorkflowId('TRUONG-A', YEAR),
      itemWorkflowId: reportOf('TRUONG-A'),
      parentItemWorkflowId: reportOf('BO'),
      unit: 'TRUONG-A',
      acceptedBy: 'hieutruong.TRUONG-A',
      namespace: 'bo',
    });
    expect(prepared.endpoint).toBe(ENDPOINT);
    const nexus = province.nexus.createServiceClient({ endpoint: prepared.endpoint, service: rollUpService });
    for (const attempt of [1, 2]) {
      const receipt = await nexus.executeOperation('submitSubordinateReport', prepared.report, {
        id: `again-${attempt}-${reportOf('TRUONG-A')}`,
        scheduleToCloseTimeout: '30 seconds',
      });
      expect(receipt.version).toBe(1);
    }
    expect((await unitOf('TRUONG-A'))?.versions).toBe(1);
    await expect
      .poll(async () => (await province.workflow.getHandle(reportOf('TRUONG-A')).describe()).status.name)
      .toBe('COMPLETED');

    // X is not listed by the ministry: refused there, an incident here. Z's parent namespace has no endpoint.
    const incidentOf = async (code: string) => (await getItemStatus(province, ref(code), 'report-Q1')).incidents?.[0];
    await expect
      .poll(() => incidentOf('TRUONG-X'), { timeout: 20_000 })
      .toMatchObject({
        step: { kind: 'roll-up' },
        type: 'RollUpRefused',
      });
    expect((await incidentOf('TRUONG-X'))?.error).toContain('refused the report of TRUONG-X');
    await expect
      .poll(() => incidentOf('TRUONG-Z'))
      .toMatchObject({
        step: { kind: 'roll-up' },
        type: 'RollUpEndpointMissing',
      });
    expect((await incidentOf('TRUONG-Z'))?.error).toContain('NEXUS_ENDPOINTS');
    expect((await getItemStatus(province, ref('TRUONG-X'), 'report-Q1')).rollUp?.status).toBe('failed');
    expect((await unitOf('TRUONG-Z'))?.versions).toBe(0);
  }, 90_000);
});
