/**
 * The roll-up on the time-skipping server, one quarter end to end: a department (SO) with its own units and four
 * schools. A reports on time; B's director accepts late; C's director returns draft 1 and accepts draft 2; D never
 * reports. Each accepted school report arrives in the department's Q1 report exactly once, as that school's
 * submission (its figures summed, its files as evidence); the department reminds and escalates the late schools
 * through their offices with their directors in copy; its consolidated report counts every school that reported.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { createMailer } from '../../activities/mailer.js';
import {
  getItemStatus,
  recompileReport,
  reviewReport,
  reviewSubmission,
  startPlan,
  submitReport,
  type PlanRef,
} from '../../client/plan-client.js';
import { itemWorkflowId, planWorkflowId } from '../../domain/ids.js';
import { planSchema, type Plan } from '../../domain/plan-schema.js';
import { LocalBlobStore } from '../../storage/local-blob-store.js';
import { KhOverdueUnits, KhUnits } from '../../workflows/search-attributes.js';
import { skeletonClock, skeletonPlan } from '../fixtures/skeleton-plan.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { mailConfigFor, startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from '../helpers/temporal-env.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const YEAR = 2026;
const SCHOOLS = ['TRUONG-A', 'TRUONG-B', 'TRUONG-C', 'TRUONG-D'] as const;
const office = (code: string) => `vanphong.${code.toLowerCase()}@example.org`;
const head = (code: string) => `hieutruong.${code.toLowerCase()}@example.org`;

/** Q1 2026: the department's units (and schools) are due Fri 20/03 (25/03 minus 3 working days). */
const department: Plan = planSchema().parse({
  ...skeletonPlan,
  organisation: { ...skeletonPlan.organisation, code: 'SO', name: 'Sở Giáo dục và Đào tạo (thử nghiệm)' },
  tasks: [],
  subordinates: SCHOOLS.map((code) => ({
    code,
    name: `Trường ${code.slice(-1)}`,
    office: { name: `Văn phòng trường ${code.slice(-1)}`, email: office(code) },
    director: { name: `Hiệu trưởng trường ${code.slice(-1)}`, email: head(code) },
  })),
  reporting: { periods: ['Q1'], officeDeadlineDay: 25, unitWorkingDaysBeforeOffice: 3 },
});

/** A school's plan carries out the department's; its office reports on Wed 18/03, its units by Tue 17/03. */
const school = (code: string): Plan =>
  planSchema().parse({
    ...skeletonPlan,
    organisation: { ...skeletonPlan.organisation, code, name: `Trường ${code.slice(-1)}`, reportsTo: 'SO' },
    plan: { ...skeletonPlan.plan, number: `01/KH-${code}`, carriesOut: { number: '01/KH-SGDĐT', org: 'SO' } },
    office: { name: `Văn phòng trường ${code.slice(-1)}`, email: office(code), unit: 'VP' },
    director: { name: `Hiệu trưởng trường ${code.slice(-1)}`, email: head(code) },
    units: [
      { code: 'VP', name: 'Văn phòng', head: { name: 'Văn thư', email: office(code) } },
      {
        code: 'TO-VAN',
        name: 'Tổ Ngữ văn',
        head: { name: 'Tổ trưởng', email: `tovan.${code.toLowerCase()}@example.org` },
      },
    ],
    // Its output is counted on its duties: one dated task of its teaching team.
    tasks: [
      {
        number: 1,
        title: 'Đăng tin về cải cách hành chính',
        content: 'Đăng tin trên trang thông tin điện tử của trường.',
        forms: ['WEBSITE'],
        units: [{ unit: 'TO-VAN', role: 'lead' }],
        opensOn: '2026-03-02',
        due: { on: '2026-03-10' },
      },
    ],
    reporting: { periods: ['Q1'], officeDeadlineDay: 18, unitWorkingDaysBeforeOffice: 1 },
  });

const ref = (org: string): PlanRef => ({ org, year: YEAR });
const by = 'vanphong@example.org';

describe('roll-up: schools’ accepted reports arrive once in the department’s report', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let stop: () => Promise<void>;
  let clock: ReturnType<typeof planTimeStepper>;

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    sink = await startSmtpSink();
    stop = (await startTestWorker(env, sink)).stop;
    const { handle } = await startPlan(env.client, department, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    // D has no plan here: it never reports.
    for (const code of SCHOOLS.slice(0, 3))
      await startPlan(env.client, school(code), { taskQueue: TASK_QUEUE, clock: skeletonClock });
    clock = planTimeStepper(env, skeletonClock.planStart, (await handle.describe()).startTime.getTime());
  }, 120_000);

  afterAll(async () => {
    await stop?.();
    await sink?.stop();
    await env?.teardown();
  });

  const schoolUnits = async (code: string, results: string, website: number) => {
    await submitReport(env.client, ref(code), 'task-01', {
      unit: 'TO-VAN',
      submittedBy: 'Tổ trưởng',
      results,
      figures: { WEBSITE: website },
    });
    await reviewSubmission(env.client, ref(code), 'task-01', { unit: 'TO-VAN', decision: 'accept', by: office(code) });
    for (const [unit, n] of [
      ['VP', 1],
      ['TO-VAN', website],
    ] as const) {
      await submitReport(env.client, ref(code), 'report-Q1', {
        unit,
        submittedBy: 'Tổ trưởng',
        results: `${results} (${unit})`,
        proposals: unit === 'TO-VAN' ? `Đề xuất của ${code}` : '',
        figures: { WEBSITE: n },
      });
      await reviewSubmission(env.client, ref(code), 'report-Q1', { unit, decision: 'accept', by: office(code) });
    }
  };
  const parentQ1 = () => getItemStatus(env.client, ref('SO'), 'report-Q1');
  const versionsOf = async (unit: string) => (await parentQ1()).units.find((u) => u.unit === unit)?.versions ?? -1;

  it('one quarter: on time, late, returned then accepted, and missing', async () => {
    await clock.sleepUntil('2026-03-16T10:00:00+07:00');
    await schoolUnits('TRUONG-A', 'Đăng 4 tin', 4);
    await schoolUnits('TRUONG-B', 'Đăng 2 tin', 2);
    await schoolUnits('TRUONG-C', 'Đăng 7 tin', 7);
    // The department's own units.
    for (const unit of ['VP', 'KHTC', 'TCCB']) {
      await submitReport(env.client, ref('SO'), 'report-Q1', {
        unit,
        submittedBy: 'Trưởng phòng',
        results: 'Đã thực hiện',
        figures: { WEBSITE: 10 },
      });
      await reviewSubmission(env.client, ref('SO'), 'report-Q1', { unit, decision: 'accept', by });
    }

    // Wed 18/03 after 08:00: each school's report is compiled and waits for its director.
    await clock.sleepUntil('2026-03-18T12:00:00+07:00');
    for (const code of ['TRUONG-A', 'TRUONG-B', 'TRUONG-C'])
      await expect
        .poll(async () => (await getItemStatus(env.client, ref(code), 'report-Q1')).report?.number)
        .toBeTruthy();
    expect(await versionsOf('TRUONG-A')).toBe(0);

    await reviewReport(env.client, ref('TRUONG-A'), 'report-Q1', { decision: 'accept', by: head('TRUONG-A') });
    await reviewReport(env.client, ref('TRUONG-C'), 'report-Q1', {
      decision: 'return',
      comment: 'Bổ sung đề xuất.',
      by: head('TRUONG-C'),
    });
    await expect.poll(() => versionsOf('TRUONG-A')).toBe(1);
    // A return sends nothing up; the draft compiled again and accepted does, once.
    expect(await versionsOf('TRUONG-C')).toBe(0);
    await recompileReport(env.client, ref('TRUONG-C'), 'report-Q1', { by: office('TRUONG-C') });
    await expect
      .poll(async () => (await getItemStatus(env.client, ref('TRUONG-C'), 'report-Q1')).report?.draft)
      .toBe(2);
    await reviewReport(env.client, ref('TRUONG-C'), 'report-Q1', { decision: 'accept', by: head('TRUONG-C') });
    await expect.poll(() => versionsOf('TRUONG-C')).toBe(1);

    // What arrived is the school's report: its figures as its report states them (its team's 4 posts, stated on
    // its task and again in its report for the quarter, once, and its office's 1), texts by unit, files as evidence.
    const a = (await parentQ1()).units.find((u) => u.unit === 'TRUONG-A')!;
    expect((await getItemStatus(env.client, ref('TRUONG-A'), 'report-Q1')).report?.totals).toEqual({ WEBSITE: 4 + 1 });
    expect(a.lastSubmission?.figures).toEqual({ WEBSITE: 4 + 1 });
    expect(a.lastSubmission?.results).toContain('Tổ Ngữ văn: Đăng 4 tin (TO-VAN)');
    expect(a.lastSubmission?.proposals).toContain('Đề xuất của TRUONG-A');
    expect(a.lastSubmission?.evidence.map((e) => e.url)).toContain(
      `http://portal.test/van-phong/bao-cao?f=${encodeURIComponent(`reports/${itemWorkflowId(planWorkflowId('TRUONG-A', YEAR), 'report-Q1')}.docx`)}`,
    );
    expect(a.lastSubmission?.source).toEqual({
      kind: 'roll-up',
      key: itemWorkflowId(planWorkflowId('TRUONG-A', YEAR), 'report-Q1'),
    });
    expect(a.state).toBe('done-on-time');

    // Sent again (an activity retry, another worker): the parent takes it once.
    const reportsDir = mkdtempSync(join(tmpdir(), 'kehoach-rollup-'));
    const again = createActivities({
      mailer: createMailer(mailConfigFor(sink)),
      mailConfig: mailConfigFor(sink),
      client: env.client,
      reportsDir,
      blobs: new LocalBlobStore(reportsDir),
    });
    const childItem = itemWorkflowId(planWorkflowId('TRUONG-A', YEAR), 'report-Q1');
    const repeat = await again.rollUpReport({
      key: childItem,
      planWorkflowId: planWorkflowId('TRUONG-A', YEAR),
      itemWorkflowId: childItem,
      parentItemWorkflowId: itemWorkflowId(planWorkflowId('SO', YEAR), 'report-Q1'),
      unit: 'TRUONG-A',
      acceptedBy: head('TRUONG-A'),
    });
    expect(repeat.version).toBe(1);
    expect(await versionsOf('TRUONG-A')).toBe(1);
    const childStatus = await getItemStatus(env.client, ref('TRUONG-A'), 'report-Q1');
    expect(childStatus.rollUp).toMatchObject({ status: 'sent', version: 1 });
    // Accepted and sent up, the school's report item is done.
    await expect
      .poll(async () => (await env.client.workflow.getHandle(childItem).describe()).status.name)
      .toBe('COMPLETED');

    // Mon 23/03, one working day after the schools' deadline: B and D are escalated to the department's office,
    // each with its own director in copy (the sink's recipients are the envelope's: to and cc); B's report,
    // accepted on 24/03, arrives late.
    await clock.sleepUntil('2026-03-24T10:00:00+07:00');
    const escalations = sink.messages.filter((m) => m.headers.get('x-kehoach-kind') === 'escalation-office');
    for (const code of ['TRUONG-B', 'TRUONG-D']) {
      const mail = escalations.find((m) => m.to.includes(head(code)));
      expect(mail, code).toBeDefined();
      expect(mail!.to).toContain('vanphong@example.org');
    }
    expect(escalations.some((m) => m.to.includes(head('TRUONG-A')))).toBe(false);
    const reminded = sink.messages.filter(
      (m) => m.to.includes(office('TRUONG-D')) && m.headers.get('x-kehoach-key')?.toString().startsWith('plan-SO-'),
    );
    expect(reminded.length).toBeGreaterThan(0);
    await reviewReport(env.client, ref('TRUONG-B'), 'report-Q1', { decision: 'accept', by: head('TRUONG-B') });
    await expect.poll(() => versionsOf('TRUONG-B')).toBe(1);
    const b = (await parentQ1()).units.find((u) => u.unit === 'TRUONG-B')!;
    expect(b.state).toBe('done-late');
    expect((await parentQ1()).units.find((u) => u.unit === 'TRUONG-D')?.state).toBe('overdue');
    // The item's search attributes name the department's own units only: 200 schools would pass their size limit.
    const attributes = (
      await env.client.workflow.getHandle(itemWorkflowId(planWorkflowId('SO', YEAR), 'report-Q1')).describe()
    ).typedSearchAttributes;
    expect(attributes.get(KhUnits)).toEqual(['VP', 'KHTC', 'TCCB']);
    expect(attributes.get(KhOverdueUnits)).toBeUndefined();

    // The department accepts the schools' reports and compiles its own on Wed 25/03: every school that reported counts.
    for (const unit of ['TRUONG-A', 'TRUONG-B', 'TRUONG-C'])
      await reviewSubmission(env.client, ref('SO'), 'report-Q1', { unit, decision: 'accept', by });
    await clock.sleepUntil('2026-03-25T12:00:00+07:00');
    const parent = await parentQ1();
    expect(parent.report?.number).toBeTruthy();
    // The department's three units report 10 posts each for the quarter; the schools A, B and C what they reported.
    expect(parent.report?.totals).toEqual({ WEBSITE: 3 * 10 + (4 + 1) + (2 + 1) + (7 + 1) });
  }, 240_000);
});
