import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { planSchema } from '../../domain/plan-schema.js';
import { scheduleItems } from '../../domain/schedule.js';
import { submissionProblems, submissionSchema } from '../../domain/submission.js';
import { buildWorkCalendar } from '../../domain/work-calendar.js';
import { initialItemState, ItemModel, type PlanNow } from '../../workflows/item-model.js';
import type { ItemWorkflowInput } from '../../workflows/item-types.js';
import { planContext } from '../../workflows/plan-context.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';

/*
 * The director's review of a consolidated report (since `kh-2026-12b`), on the skeleton's Q1 report driven by hand:
 * the item finishes only once the director accepts; a return lets the office reopen a unit's accepted report and
 * compile the report again (same number, next draft), and each decision reaches the office once.
 */
const plan = planSchema().parse({
  ...skeletonPlan,
  tasks: [],
  reporting: { periods: ['Q1'], officeDeadlineDay: 20, unitWorkingDaysBeforeOffice: 3 },
});
const cal = buildWorkCalendar(plan);
const spec = scheduleItems(plan, cal).find((i) => i.itemId === 'report-Q1')!;
const WF = 'plan-SKEL-2026-report-Q1';
const at = (iso: string): PlanNow => ({ ms: Date.parse(iso), iso });

function reportModel(directorReview: boolean): ItemModel {
  const input: ItemWorkflowInput = {
    planWorkflowId: 'plan-SKEL-2026',
    ctx: planContext(plan),
    item: structuredClone(spec),
    calendar: cal,
    clock: { speed: 1, realAnchorMs: 0, planAnchorMs: 0 },
  };
  return new ItemModel(input, initialItemState(input), {
    officeChain: true,
    directorReview: () => directorReview,
    rules: { submissionSchema, submissionProblems },
  });
}

function refusal(check: () => void): string {
  try {
    check();
  } catch (err) {
    expect(err).toBeInstanceOf(ApplicationFailure);
    return (err as ApplicationFailure).message;
  }
  throw new Error('expected a refusal');
}

/** Every unit submits and the office accepts each; the report is compiled on the office's deadline. */
function allAcceptedAndFiled(m: ItemModel): void {
  for (const u of m.state.units) {
    m.submit({ unit: u.unit, submittedBy: 'Trưởng đơn vị', results: 'Đã thực hiện.' }, at('2026-03-16T09:00:00+07:00'));
    m.review(
      { unit: u.unit, decision: 'accept', by: 'vanphong@example.org' },
      at('2026-03-16T10:00:00+07:00'),
      () => true,
    );
  }
  m.filed({ number: '05/BC-SKEL', files: { docx: `reports/${WF}.docx` } }, WF, '2026-03-20T08:00:00+07:00');
}

const officeMail = (m: ItemModel) =>
  m.state.outbox
    .splice(0)
    .filter((e) => e.key.includes('/office/'))
    .map((e) => `${e.key.replace(`${WF}/office/`, '')} ${e.to[0]?.email}`);

describe("ItemModel: the director's review of the consolidated report", () => {
  it('waits for the director after filing, and finishes on acceptance; the office is told once', () => {
    const m = reportModel(true);
    allAcceptedAndFiled(m);
    expect(officeMail(m)).toEqual(['report-delivered giamdoc@example.org']);
    expect(m.finished).toBe(false);
    expect(m.visibility(Date.parse('2026-03-21T08:00:00+07:00')).phase).toBe('open');
    expect(refusal(() => m.checkReportReview({ decision: 'return', comment: ' ', by: 'giamdoc@example.org' }))).toBe(
      'a returned report needs a comment',
    );
    m.checkReportReview({ decision: 'accept', by: 'giamdoc@example.org' });
    expect(
      m.reviewReport({ decision: 'accept', by: 'giamdoc@example.org' }, at('2026-03-23T09:00:00+07:00'), WF),
    ).toEqual({
      decision: 'accept',
      draft: 1,
    });
    expect(officeMail(m)).toEqual(['report-accept-d1 vanphong@example.org']);
    expect(m.finished).toBe(true);
    expect(m.status(Date.parse('2026-03-23T09:00:00+07:00')).report?.review?.by).toBe('giamdoc@example.org');
    expect(refusal(() => m.checkReportReview({ decision: 'accept', by: 'giamdoc@example.org' }))).toBe(
      'the consolidated report was already accepted',
    );
  });

  it('a return reopens the office’s work: a unit’s accepted report goes back, the report is compiled again as draft 2', () => {
    const m = reportModel(true);
    allAcceptedAndFiled(m);
    officeMail(m);
    expect(refusal(() => m.checkRecompile({ by: 'vanphong@example.org' }))).toBe(
      'only a consolidated report the director returned is compiled again',
    );
    // Before the return the office cannot send an accepted unit report back.
    expect(refusal(() => m.checkReview({ unit: 'KHTC', decision: 'return', comment: 'Bổ sung', by: 'vp' }))).toBe(
      'KHTC has no submission awaiting review (phase: accepted)',
    );
    const ret = {
      decision: 'return' as const,
      comment: 'Số liệu của Phòng KHTC chưa khớp.',
      by: 'giamdoc@example.org',
    };
    m.checkReportReview(ret);
    m.reviewReport(ret, at('2026-03-23T09:00:00+07:00'), WF);
    expect(officeMail(m)).toEqual(['report-return-d1 vanphong@example.org']);
    expect(refusal(() => m.checkReportReview({ decision: 'accept', by: 'giamdoc@example.org' }))).toBe(
      'the consolidated report was returned; the office has not compiled it again yet',
    );
    // The office sends KHTC's report back; KHTC resubmits; the office accepts; then compiles again.
    m.checkReview({ unit: 'KHTC', decision: 'return', comment: 'Bổ sung số tin', by: 'vanphong@example.org' });
    m.review(
      { unit: 'KHTC', decision: 'return', comment: 'Bổ sung số tin', by: 'vp' },
      at('2026-03-23T10:00:00+07:00'),
      () => true,
    );
    m.submit({ unit: 'KHTC', submittedBy: 'Trưởng phòng', results: 'Đã đăng 6 tin.' }, at('2026-03-24T09:00:00+07:00'));
    m.review({ unit: 'KHTC', decision: 'accept', by: 'vp' }, at('2026-03-24T10:00:00+07:00'), () => true);
    m.checkRecompile({ by: 'vanphong@example.org' });
    expect(m.recompile()).toEqual({ draft: 2 });
    expect(m.reportDue(Date.parse('2026-03-24T10:00:00+07:00'))).toBe(true);
    m.filed({ number: '05/BC-SKEL', files: { docx: `reports/${WF}.docx` } }, WF, '2026-03-24T10:01:00+07:00');
    expect(officeMail(m)).toEqual(['report-delivered-d2 giamdoc@example.org']);
    expect(m.status(0).returnedReports?.map((r) => r.review?.comment)).toEqual([ret.comment]);
    m.reviewReport({ decision: 'accept', by: 'giamdoc@example.org' }, at('2026-03-25T09:00:00+07:00'), WF);
    expect(officeMail(m)).toEqual(['report-accept-d2 vanphong@example.org']);
    expect(m.finished).toBe(true);
  });

  it('an item started before the review (or a task) refuses it and finishes on filing as before', () => {
    const m = reportModel(false);
    allAcceptedAndFiled(m);
    expect(m.finished).toBe(true);
    expect(refusal(() => m.checkReportReview({ decision: 'accept', by: 'giamdoc@example.org' }))).toBe(
      'report-Q1 started before directors reviewed reports',
    );
  });
});
