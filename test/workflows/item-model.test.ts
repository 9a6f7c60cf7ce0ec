import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { FAILURES } from '../../domain/failures.js';
import { submissionProblems, submissionSchema } from '../../domain/submission.js';
import { planSchema } from '../../domain/plan-schema.js';
import { scheduleItems } from '../../domain/schedule.js';
import { buildWorkCalendar } from '../../domain/work-calendar.js';
import { initialItemState, ItemModel, type PlanNow } from '../../workflows/item-model.js';
import type { ItemWorkflowInput } from '../../workflows/item-types.js';
import { planContext } from '../../workflows/plan-context.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';

/*
 * The skeleton's task-03 (Asia/Ho_Chi_Minh, 2026): opens Mon 02/03 08:00, reminder-1 Thu 05/03, due-today Fri 06/03,
 * overdue and escalate-office Mon 09/03, escalate-director Wed 11/03; every step at 08:00. No server: the model
 * is driven by hand, one message or tick at a time.
 */
const calendar = buildWorkCalendar(skeletonPlan);
const spec = scheduleItems(skeletonPlan, calendar).find((i) => i.itemId === 'task-03')!;
const at = (iso: string): PlanNow => ({ ms: Date.parse(iso), iso });
const KEY = 'plan-SKEL-2026-task-03';

function model(): ItemModel {
  const input: ItemWorkflowInput = {
    planWorkflowId: 'plan-SKEL-2026',
    ctx: planContext(skeletonPlan),
    item: structuredClone(spec),
    calendar,
    clock: { speed: 1, realAnchorMs: 0, planAnchorMs: 0 },
  };
  // The workflow loads zod lazily (webpack's require); here the schema module is imported directly.
  return new ItemModel(input, initialItemState(input), { rules: { submissionSchema, submissionProblems } });
}

/** What the workflow would send at `iso`: the queued e-mails and the due steps, as `unit/kind` keys. */
function tick(m: ItemModel, iso: string): string[] {
  const { outbox, sends } = m.due(Date.parse(iso));
  for (const s of sends) m.escalated(s, m.settle(s));
  return [...outbox, ...sends.map((s) => s.email)].map((e) => e.key.replace(`${KEY}/`, ''));
}

function refusal(check: () => void): string {
  try {
    check();
  } catch (err) {
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect((err as ApplicationFailure).type).toBe(FAILURES.invalidRequest);
    expect((err as ApplicationFailure).nonRetryable).toBe(true);
    return (err as ApplicationFailure).message;
  }
  throw new Error('expected a refusal');
}

const report = { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: 'Đã đăng 4 tin.', figures: { WEBSITE: 4 } };

describe('ItemModel: one task, driven message by message', () => {
  it('opens for both units, then reminds only the unit that has not submitted', () => {
    const m = model();
    expect(tick(m, '2026-03-02T08:00:00.000+07:00')).toEqual(['TCCB/open', 'KHTC/open']);
    const receipt = m.submit(report, at('2026-03-04T09:00:00.000+07:00'));
    expect(receipt).toMatchObject({ unit: 'KHTC', version: 1, onTime: true });
    expect(tick(m, '2026-03-05T08:00:00.000+07:00')).toEqual([
      'KHTC/receipt-v1@2026-03-06',
      'TCCB/reminder-1@2026-03-06',
    ]);
    expect(tick(m, '2026-03-05T08:00:00.000+07:00')).toEqual([]);
  });

  it('refuses what the validator must, with the failure type of the catalogue and a message that says why', () => {
    const m = model();
    expect(refusal(() => m.checkSubmission({ ...report, unit: 'PC' }))).toBe('unit PC is not assigned to task-03');
    expect(
      refusal(() => m.checkSubmission({ ...report, evidence: [{ title: 'x', url: 'javascript:alert(1)' }] })),
    ).toBe('evidence.0.url: "javascript:alert(1)" is not an http:// or https:// link');
    m.submit(report, at('2026-03-04T09:00:00.000+07:00'));
    expect(refusal(() => m.checkReview({ unit: 'KHTC', decision: 'return', by: 'VP' }))).toBe(
      'a returned submission needs a comment',
    );
    m.review({ unit: 'KHTC', decision: 'accept', by: 'VP' }, at('2026-03-04T10:00:00.000+07:00'), () => true);
    expect(refusal(() => m.checkSubmission(report))).toBe("KHTC's report on task-03 was already accepted");
    expect(refusal(() => m.checkExtension({ unit: 'TCCB', newDate: '2027-01-04', reason: 'x', by: 'VP' }))).toBe(
      'newDate 2027-01-04 is after the plan year (last possible deadline 2026-12-31)',
    );
    m.close('hết năm kế hoạch');
    expect(refusal(() => m.checkSubmission({ ...report, unit: 'TCCB' }))).toBe('task-03 is closed (hết năm kế hoạch)');
  });

  it('a return settles the first round and restarts it on the same deadline; an acceptance is told only when patched', () => {
    const m = model();
    tick(m, '2026-03-02T08:00:00.000+07:00');
    m.submit(report, at('2026-03-06T09:00:00.000+07:00'));
    m.review(
      { unit: 'KHTC', decision: 'return', comment: 'Bổ sung số liệu', by: 'VP' },
      at('2026-03-06T10:00:00.000+07:00'),
      () => true,
    );
    // The round's past steps (open, reminder-1, due-today) are not sent again; the returned e-mail carries the comment.
    const { outbox } = m.due(Date.parse('2026-03-06T10:00:00.000+07:00'));
    expect(outbox.map((e) => [e.kind, e.comment])).toEqual([
      ['receipt', undefined],
      ['returned', 'Bổ sung số liệu'],
    ]);
    m.submit(report, at('2026-03-06T11:00:00.000+07:00'));
    let asked = 0;
    m.review({ unit: 'KHTC', decision: 'accept', by: 'VP' }, at('2026-03-06T12:00:00.000+07:00'), () => {
      asked++;
      return false;
    });
    expect(asked).toBe(1);
    expect(m.due(Date.parse('2026-03-06T12:00:00.000+07:00')).outbox.map((e) => e.kind)).toEqual(['receipt']);
  });

  it('an extension moves the deadline and its steps; a reassigned unit is not sent what is already past', () => {
    const m = model();
    tick(m, '2026-03-02T08:00:00.000+07:00');
    expect(
      m.extend(
        { unit: 'TCCB', newDate: '2026-03-13', reason: 'Chờ số liệu', by: 'VP' },
        at('2026-03-03T09:00:00.000+07:00'),
      ),
    ).toEqual({ unit: 'TCCB', due: '2026-03-13' });
    m.reassign({ from: 'KHTC', to: 'VP', reason: 'Đổi đầu mối', by: 'VP' }, at('2026-03-05T09:00:00.000+07:00'));
    // VP gets its own assignment, but not KHTC's reminder of 05/03 08:00, which is already past.
    expect(tick(m, '2026-03-05T09:00:00.000+07:00')).toEqual(['TCCB/extended-2026-03-13@2026-03-13', 'VP/open']);
    expect(tick(m, '2026-03-06T08:00:00.000+07:00')).toEqual(['VP/due-today@2026-03-06']);
    // 12/03: TCCB's reminder one working day before its new deadline; VP's overdue notice and both escalations.
    expect(tick(m, '2026-03-12T08:00:00.000+07:00').sort()).toEqual([
      'TCCB/reminder-1@2026-03-13',
      'VP/escalate-director@2026-03-06',
      'VP/escalate-office@2026-03-06',
      'VP/overdue@2026-03-06',
    ]);
  });

  it('paused, nudges are settled unsent; overdue notices and escalations still go', () => {
    const m = model();
    tick(m, '2026-03-02T08:00:00.000+07:00');
    m.pause();
    expect(tick(m, '2026-03-06T08:00:00.000+07:00')).toEqual([]);
    m.resume();
    expect(tick(m, '2026-03-06T08:00:00.000+07:00')).toEqual([]);
    expect(tick(m, '2026-03-09T08:00:00.000+07:00').sort()).toEqual([
      'KHTC/escalate-office@2026-03-06',
      'KHTC/overdue@2026-03-06',
      'TCCB/escalate-office@2026-03-06',
      'TCCB/overdue@2026-03-06',
    ]);
    expect(m.state.units.map((u) => u.escalation)).toEqual(['office', 'office']);
  });

  it('a bounce is remembered and told to the office once; a bounce of the office itself is not', () => {
    const m = model();
    const [first] = m.due(Date.parse('2026-03-02T08:00:00.000+07:00')).sends;
    m.bounced(first!.email, '550 no such user');
    m.bounced(first!.email, '550 no such user');
    const notices = m.due(Date.parse('2026-03-02T08:01:00.000+07:00')).outbox;
    expect(notices.map((n) => [n.kind, n.to[0]?.email, n.comment])).toEqual([
      ['escalation-office', 'vanphong@example.org', 'Không gửi được e-mail tới tccb@example.org: 550 no such user'],
    ]);
    m.bounced({ ...first!.email, to: [{ name: 'VP', email: 'vanphong@example.org' }] }, '550');
    expect(m.due(Date.parse('2026-03-02T08:02:00.000+07:00')).outbox).toEqual([]);
  });

  it('is finished when every unit is accepted, or when the plan closes it', () => {
    const m = model();
    expect(m.finished).toBe(false);
    for (const unit of ['KHTC', 'TCCB']) {
      m.submit({ ...report, unit }, at('2026-03-04T09:00:00.000+07:00'));
      m.review({ unit, decision: 'accept', by: 'VP' }, at('2026-03-04T10:00:00.000+07:00'), () => true);
    }
    expect(m.finished).toBe(true);
    const closed = model();
    closed.close('bỏ theo điều chỉnh kế hoạch');
    expect(closed.finished).toBe(true);
    expect(closed.due(Date.parse('2026-03-09T08:00:00.000+07:00')).sends).toEqual([]);
  });
});

describe('ItemModel: the reporting chain (office-chain)', () => {
  const plan = planSchema().parse({
    ...skeletonPlan,
    tasks: [],
    reporting: { periods: ['Q1'], officeDeadlineDay: 20, unitWorkingDaysBeforeOffice: 3 },
  });
  const cal = buildWorkCalendar(plan);
  const report = scheduleItems(plan, cal).find((i) => i.itemId === 'report-Q1')!;
  const reportModel = (officeChain: boolean) => {
    const input: ItemWorkflowInput = {
      planWorkflowId: 'plan-SKEL-2026',
      ctx: planContext(plan),
      item: structuredClone(report),
      calendar: cal,
      clock: { speed: 1, realAnchorMs: 0, planAnchorMs: 0 },
    };
    return new ItemModel(input, initialItemState(input), {
      officeChain,
      rules: { submissionSchema, submissionProblems },
    });
  };
  const sent = (m: ItemModel, iso: string) => {
    const { sends } = m.due(Date.parse(iso));
    for (const s of sends) m.escalated(s, m.settle(s));
    return sends.map((s) => `${s.email.kind} ${s.email.to.map((t) => t.email).join(',')}`).sort();
  };

  it('reminds the office before its own deadline (Fri 20/03/2026), saying who has not submitted', () => {
    const m = reportModel(true);
    sent(m, '2026-03-02T08:00:00.000+07:00');
    // Units are due Tue 17/03 (3 working days before 20/03); the office is reminded 3 and 1 working days before its
    // deadline: Tue 17/03 and Thu 19/03, at 08:00.
    expect(sent(m, '2026-03-17T08:00:00.000+07:00')).toContain('office-reminder vanphong@example.org');
    const [thursday] = m
      .due(Date.parse('2026-03-19T08:00:00.000+07:00'))
      .sends.filter((s) => s.email.kind === 'office-reminder');
    expect(thursday?.email.key).toBe('plan-SKEL-2026-report-Q1/office/office-reminder-1@2026-03-20');
    expect(thursday?.email.comment).toBe(
      'Chưa nộp: Văn phòng, Phòng Kế hoạch - Tài chính, Phòng Tổ chức cán bộ. Chờ duyệt: không có.',
    );
  });

  it("never tells the office about its own unit: VP's late share goes to the director only", () => {
    const chain = reportModel(true);
    const before = reportModel(false);
    for (const m of [chain, before]) sent(m, '2026-03-02T08:00:00.000+07:00');
    // 18/03, one working day after the units' deadline of 17/03: the office hears about KHTC and TCCB, not VP.
    const day = '2026-03-18T08:00:00.000+07:00';
    expect(sent(chain, day).filter((s) => s.startsWith('escalation-office'))).toHaveLength(2);
    expect(sent(before, day).filter((s) => s.startsWith('escalation-office'))).toHaveLength(3);
    expect(chain.state.units.find((u) => u.unit === 'VP')?.done).toContain('escalate-office@2026-03-17');
  });

  it('an e-mail that failed for good is an incident: the office told once, the item goes on, the retry resends it', () => {
    const m = model();
    tick(m, '2026-03-02T08:00:00.000+07:00');
    const { sends } = m.due(Date.parse('2026-03-05T08:00:00.000+07:00'));
    const reminder = sends.find((s) => s.unit === 'KHTC')!;
    for (const s of sends) m.settle(s); // TCCB's went out; KHTC's is the one that failed
    const incident = m.failed(
      { kind: 'email', email: reminder.email },
      { type: FAILURES.emailAttachmentMissing, message: 'attachment han-nop.pdf not found' },
      at('2026-03-05T08:01:00.000+07:00'),
    );
    expect(incident).toMatchObject({ id: 1, unit: 'KHTC', type: 'EmailAttachmentMissing' });
    const notice = m.state.outbox[0]!;
    expect([notice.kind, notice.key, notice.to.map((r) => r.email)]).toEqual([
      'incident',
      `${KEY}/office/incident-1`,
      ['vanphong@example.org'],
    ]);
    expect(notice.comment).toContain('EmailAttachmentMissing: attachment han-nop.pdf not found');
    expect(m.visibility(Date.parse('2026-03-05T09:00:00.000+07:00')).incident).toBe(true);
    expect(m.status(Date.parse('2026-03-05T09:00:00.000+07:00')).incidents?.[0]?.step).toEqual({
      kind: 'email',
      emailKind: 'reminder',
      emailKey: reminder.email.key,
    });

    // The next steps still come; the retry queues the same e-mail (same key, so the same Message-ID).
    m.state.outbox.splice(0);
    expect(tick(m, '2026-03-06T08:00:00.000+07:00')).toEqual([
      'TCCB/due-today@2026-03-06',
      'KHTC/due-today@2026-03-06',
    ]);
    expect(refusal(() => m.checkRetry({ id: 2, by: 'VP' }))).toBe('id: no incident 2 on this item');
    expect(refusal(() => m.checkRetry({ id: 1, by: ' ' }))).toBe('by: say who retries');
    m.checkRetry({ id: 1, by: 'Chánh Văn phòng' });
    m.retry({ id: 1, by: 'Chánh Văn phòng' }, at('2026-03-06T09:00:00.000+07:00'));
    expect(m.state.outbox.map((e) => e.key)).toEqual([reminder.email.key]);
    expect(refusal(() => m.checkRetry({ id: 1, by: 'VP' }))).toBe(
      'id: incident 1 was already retried by Chánh Văn phòng at 2026-03-06T09:00:00.000+07:00',
    );
    expect(m.visibility(Date.parse('2026-03-06T09:00:00.000+07:00')).incident).toBe(false);
  });

  it('an e-mail to the office itself that fails is recorded but not told to the office again', () => {
    const m = model();
    const email = tickEmail(m);
    email.to = [{ name: 'Văn phòng', email: 'vanphong@example.org' }];
    m.failed({ kind: 'email', email }, { type: 'Error', message: 'boom' }, at('2026-03-02T08:01:00.000+07:00'));
    expect(m.state.incidents).toHaveLength(1);
    expect(m.state.outbox).toEqual([]);
  });
});

/** The first e-mail the task sends (KHTC's assignment), for building an e-mail step by hand. */
function tickEmail(m: ItemModel) {
  const { sends } = m.due(Date.parse('2026-03-02T08:00:00.000+07:00'));
  for (const s of sends) m.settle(s);
  return structuredClone(sends[0]!.email);
}
