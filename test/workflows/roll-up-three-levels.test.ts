/**
 * Three levels on the time-skipping server, Q1 2026: a department (SO), two district offices (P1, P2), three schools
 * each. S12 is late, S13 never reports (it has no plan here), S22's head teacher returns draft 1 and accepts draft 2;
 * the others report on time. Every accepted report arrives exactly once one level up; each office's figures are its
 * units' plus its subordinates'; the late and missing schools are escalated with their heads in copy; the
 * department's report is rendered (its pages saved as images with KEHOACH_SCREENSHOTS=1).
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getItemStatus,
  recompileReport,
  reviewReport,
  reviewSubmission,
  startPlan,
  submitReport,
} from '../../client/plan-client.js';
import type { Plan } from '../../domain/plan-schema.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { ItemStatus } from '../../workflows/item-types.js';
import { bodyPlan, head, office } from '../fixtures/roll-up-plans.js';
import { skeletonClock } from '../fixtures/skeleton-plan.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from '../helpers/temporal-env.js';

const YEAR = 2026;
const SCHOOLS: Record<string, string[]> = { P1: ['S11', 'S12', 'S13'], P2: ['S21', 'S22', 'S23'] };
/** What each body's team reports on its task, on the website form: its own output. */
const TEAM_FIGURE: Record<string, number> = { SO: 10, P1: 2, P2: 3, S11: 4, S12: 5, S21: 6, S22: 7, S23: 8 };

// Schools report to their office by Thu 12/03 and to their district office on Fri 13/03; the district offices want
// them by Mon 16/03 and report on Thu 19/03; the department wants those by Fri 20/03 and reports on Wed 25/03.
const plans: Plan[] = [
  bodyPlan({ code: 'SO', subordinates: ['P1', 'P2'], officeDeadlineDay: 25, unitWorkingDaysBeforeOffice: 3 }),
  ...Object.entries(SCHOOLS).flatMap(([district, schools]) => [
    bodyPlan({
      code: district,
      reportsTo: 'SO',
      subordinates: schools,
      officeDeadlineDay: 19,
      unitWorkingDaysBeforeOffice: 3,
      cutOffDay: 12,
    }),
    // S13 never reports: it runs no plan here.
    ...schools
      .filter((s) => s !== 'S13')
      .map((s) =>
        bodyPlan({
          code: s,
          reportsTo: district,
          officeDeadlineDay: 13,
          unitWorkingDaysBeforeOffice: 1,
          cutOffDay: 10,
        }),
      ),
  ]),
];
const ref = (org: string) => ({ org, year: YEAR });
const q1 = (org: string): Promise<ItemStatus> => getItemStatus(env.client, ref(org), 'report-Q1');
let env: TestWorkflowEnvironment;

describe('roll-up over three levels: schools → district offices → department', () => {
  let sink: SmtpSink;
  let stop: () => Promise<void>;
  let blobs: BlobStore;
  let clock: ReturnType<typeof planTimeStepper>;

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    sink = await startSmtpSink();
    const worker = await startTestWorker(env, sink);
    stop = worker.stop;
    blobs = worker.blobs;
    let first: number | undefined;
    for (const plan of plans) {
      const { handle } = await startPlan(env.client, plan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
      first ??= (await handle.describe()).startTime.getTime();
    }
    clock = planTimeStepper(env, skeletonClock.planStart, first!);
  }, 120_000);

  afterAll(async () => {
    await stop?.();
    await sink?.stop();
    await env?.teardown();
  });

  /** A body's team does its task, and its two units report for the quarter; its office accepts each. */
  const ownUnits = async (org: string) => {
    await submitReport(env.client, ref(org), 'task-01', {
      unit: 'TO',
      submittedBy: 'Tổ trưởng',
      results: `${org}: đăng ${TEAM_FIGURE[org]} tin`,
      figures: { WEBSITE: TEAM_FIGURE[org]! },
    });
    await reviewSubmission(env.client, ref(org), 'task-01', { unit: 'TO', decision: 'accept', by: office(org) });
    for (const [unit, n] of [
      ['VP', 1],
      ['TO', TEAM_FIGURE[org]!],
    ] as const) {
      await submitReport(env.client, ref(org), 'report-Q1', {
        unit,
        submittedBy: 'Trưởng đơn vị',
        results: `${org} ${unit}: ${n} tin`,
        figures: { WEBSITE: n },
      });
      await reviewSubmission(env.client, ref(org), 'report-Q1', { unit, decision: 'accept', by: office(org) });
    }
  };
  const accept = (org: string) =>
    reviewReport(env.client, ref(org), 'report-Q1', { decision: 'accept', by: head(org) });
  const compiled = (org: string, draft = 1) =>
    expect
      .poll(async () => (await q1(org)).report?.draft ?? ((await q1(org)).report ? 1 : 0), { timeout: 20_000 })
      .toBe(draft);
  const versions = async (parent: string, child: string) =>
    (await q1(parent)).units.find((u) => u.unit === child)?.versions;
  /** What a body's report counts on the website form. */
  const websiteOf = (s: ItemStatus) => s.report?.totals?.WEBSITE;

  it('each accepted report arrives once a level up, figures add up, the late are escalated, the top report renders', async () => {
    await clock.sleepUntil('2026-03-11T10:00:00+07:00');
    for (const org of ['S11', 'S12', 'S21', 'S22', 'S23']) await ownUnits(org);

    // Fri 13/03: the schools compile; S11, S21, S23 accept at once; S22 returns, compiles again, accepts.
    await clock.sleepUntil('2026-03-13T10:00:00+07:00');
    for (const org of ['S11', 'S12', 'S21', 'S22', 'S23']) await compiled(org);
    for (const org of ['S11', 'S21', 'S23']) await accept(org);
    await reviewReport(env.client, ref('S22'), 'report-Q1', {
      decision: 'return',
      comment: 'Bổ sung.',
      by: head('S22'),
    });
    await recompileReport(env.client, ref('S22'), 'report-Q1', { by: office('S22') });
    await compiled('S22', 2);
    await accept('S22');
    for (const [parent, child] of [
      ['P1', 'S11'],
      ['P2', 'S21'],
      ['P2', 'S22'],
      ['P2', 'S23'],
    ] as const)
      await expect.poll(() => versions(parent, child), { timeout: 20_000 }).toBe(1);

    // Tue 17/03, a working day after the district offices' deadline for schools (Mon 16/03): S12 and S13 are
    // escalated to P1's office with their heads in copy; S12's head accepts late that day.
    await clock.sleepUntil('2026-03-17T10:00:00+07:00');
    const escalated = sink.messages.filter((m) => m.headers.get('x-kehoach-kind') === 'escalation-office');
    for (const school of ['S12', 'S13'])
      expect(
        escalated.some((m) => m.to.includes(office('P1')) && m.to.includes(head(school))),
        school,
      ).toBe(true);
    for (const school of ['S11', 'S21', 'S22', 'S23'])
      expect(
        escalated.some((m) => m.to.includes(head(school))),
        school,
      ).toBe(false);
    await accept('S12');
    await expect.poll(() => versions('P1', 'S12'), { timeout: 20_000 }).toBe(1);
    expect((await q1('P1')).units.find((u) => u.unit === 'S12')?.state).toBe('done-late');
    expect((await q1('P1')).units.find((u) => u.unit === 'S13')?.state).toBe('overdue');

    // The district offices accept what arrived, their own units report; they compile on Thu 19/03 and accept.
    for (const [district, schools] of Object.entries(SCHOOLS)) {
      await ownUnits(district);
      for (const school of schools.filter((s) => s !== 'S13'))
        await reviewSubmission(env.client, ref(district), 'report-Q1', {
          unit: school,
          decision: 'accept',
          by: office(district),
        });
    }
    await clock.sleepUntil('2026-03-19T10:00:00+07:00');
    for (const district of ['P1', 'P2']) {
      await compiled(district);
      await accept(district);
      await expect.poll(() => versions('SO', district), { timeout: 20_000 }).toBe(1);
    }

    // What went up is what each district office's report counts: its team's task (stated again in the team's report
    // for the quarter, counted once), its office's own 1, and its schools' reports (each its team's and office's).
    const so = await q1('SO');
    const p1 = await q1('P1');
    const p2 = await q1('P2');
    expect(websiteOf(p1)).toBe(2 + 1 + (4 + 1) + (5 + 1));
    expect(websiteOf(p2)).toBe(3 + 1 + (6 + 1) + (7 + 1) + (8 + 1));
    expect(so.units.find((u) => u.unit === 'P1')?.lastSubmission?.figures).toEqual({ WEBSITE: websiteOf(p1) });
    expect(so.units.find((u) => u.unit === 'P2')?.lastSubmission?.figures).toEqual({ WEBSITE: websiteOf(p2) });
    // Each arrived once, at every level.
    for (const s of [so, p1, p2]) expect(s.units.every((u) => u.versions <= 1)).toBe(true);

    // The department: its units, the two district offices accepted; its report on Wed 25/03 counts them all.
    await ownUnits('SO');
    for (const district of ['P1', 'P2'])
      await reviewSubmission(env.client, ref('SO'), 'report-Q1', {
        unit: district,
        decision: 'accept',
        by: office('SO'),
      });
    await clock.sleepUntil('2026-03-25T10:00:00+07:00');
    await compiled('SO');
    const top = await q1('SO');
    expect(websiteOf(top)).toBe(10 + 1 + websiteOf(p1)! + websiteOf(p2)!);
    // The rendered report sums the form over units and bodies below, and gives each body below its row.
    const page = (await blobs.get(top.report!.files.html!))!.body.toString('utf8').replace(/<[^>]+>/g, ' ');
    expect(page).toContain('Kết quả của các cơ quan, đơn vị cấp dưới');
    expect(page).toMatch(new RegExp(`Đăng tin trên trang thông tin điện tử\\s+${websiteOf(top)}\\s`));
    for (const district of ['P1', 'P2']) expect(page).toMatch(new RegExp(`Cơ quan ${district}\\s+Đã gửi đúng hạn`));
    const docx = await blobs.get(top.report!.files.docx!);
    expect(docx?.body.length).toBeGreaterThan(5_000);
    if (process.env.KEHOACH_SCREENSHOTS === '1') savePages(docx!.body);
  }, 300_000);
});

/** The department's report as page images (LibreOffice to PDF, poppler to PNG) in docs/img/, for a person to read. */
function savePages(docx: Buffer): void {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-rollup-pages-'));
  writeFileSync(join(dir, 'report.docx'), docx);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], {
    stdio: 'ignore',
  });
  execFileSync('pdftoppm', ['-png', '-r', '80', join(dir, 'report.pdf'), join(dir, 'page')]);
  mkdirSync('docs/img', { recursive: true });
  for (const [i, page] of readdirSync(dir)
    .filter((f) => f.startsWith('page'))
    .sort()
    .entries())
    renameSync(join(dir, page), join('docs/img', `roll-up-report-page-${i + 1}.png`));
}
