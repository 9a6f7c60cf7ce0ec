import { describe, expect, it } from 'vitest';
import { buildPlanSchema } from '../../domain/plan-schema.js';
import type { Plan } from '../../domain/plan-schema.js';
import type { PlanNow } from '../../workflows/item-model.js';
import { initialPlanState, PlanModel, type ItemNotice } from '../../workflows/plan-model.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';

/** The skeleton plan (task-03, opens 02/03/2026, due 06/03) with a second task, on a plan clock of real time. */
const withTasks = (...numbers: number[]): Plan =>
  buildPlanSchema().parse({
    ...skeletonPlan,
    tasks: numbers.map((n) => ({ ...skeletonPlan.tasks[0]!, number: n, title: `Nhiệm vụ số ${n}` })),
  });
const at = (iso: string): PlanNow => ({ ms: Date.parse(iso), iso });

function model(plan: Plan = withTasks(3, 4)): PlanModel {
  const state = initialPlanState({ plan }, 0, 2, { buildPlanSchema });
  return new PlanModel(state, 'plan-SKEL-2026', { buildPlanSchema });
}

describe('PlanModel: a plan-year, driven message by message', () => {
  it('names each item workflow after the plan and opens an item when its day comes', () => {
    const m = model();
    expect(m.state.items.map((i) => i.workflowId)).toEqual(['plan-SKEL-2026-task-03', 'plan-SKEL-2026-task-04']);
    const item = m.state.items[0]!;
    expect(m.opensBy(item, Date.parse('2026-03-02T07:59:00+07:00'))).toBe(false);
    expect(m.opensBy(item, Date.parse('2026-03-02T08:00:00+07:00'))).toBe(true);
    expect(m.childInput(item.spec)).toMatchObject({ planWorkflowId: 'plan-SKEL-2026', reportScope: undefined });
  });

  it('an amendment adds, changes and drops items, and tells running items one by one in order', async () => {
    const m = model();
    for (const item of m.state.items) item.phase = 'running';
    const told: string[] = [];
    const amended = withTasks(3, 5);
    amended.tasks[0]!.title = 'Nhiệm vụ số 3 (điều chỉnh)';
    const result = await m.amend(
      { plan: amended, note: 'Theo chỉ đạo', by: 'Văn phòng' },
      () => at('2026-03-03T09:00:00.000+07:00'),
      async (item, notice: ItemNotice) => {
        told.push(`${item.spec.itemId} ${notice.kind}${notice.kind === 'closed' ? `: ${notice.reason}` : ''}`);
      },
    );
    expect(result).toEqual({ planVersion: 2, changes: ['~ task-03', '+ task-05', '- task-04'] });
    expect(told).toEqual(['task-03 amended', 'task-04 closed: bỏ theo điều chỉnh kế hoạch: Theo chỉ đạo']);
    expect(m.state.items.map((i) => `${i.spec.itemId} ${i.phase}`)).toEqual([
      'task-03 running',
      'task-04 dropped',
      'task-05 scheduled',
    ]);
    expect(m.state.amendments[0]).toMatchObject({ version: 2, at: '2026-03-03T09:00:00.000+07:00', by: 'Văn phòng' });
  });

  it('refuses what the validators must, saying why', () => {
    const m = model();
    const now = Date.parse('2026-03-03T09:00:00+07:00');
    const adHoc = { title: 'Báo cáo nhanh', content: '…', units: ['KHTC'], dueDate: '2026-03-10', by: 'VP' };
    expect(() => m.checkAdHoc(adHoc, now)).not.toThrow();
    expect(() => m.checkAdHoc({ ...adHoc, units: ['PC'] }, now)).toThrow('units: PC is not a unit of the plan');
    expect(() => m.checkAdHoc({ ...adHoc, dueDate: '10/03/2026' }, now)).toThrow(
      'dueDate: "10/03/2026" is not a date (expected yyyy-MM-dd)',
    );
    expect(() => m.checkAdHoc({ ...adHoc, dueDate: '2026-03-02' }, now)).toThrow('dueDate: 2026-03-02 is already past');
    expect(() =>
      m.checkAmendment({ plan: { ...withTasks(3), plan: { ...skeletonPlan.plan, year: 2027 } }, note: 'x', by: 'VP' }),
    ).toThrow('an amendment must keep the organisation code and the year');
    expect(() =>
      m.checkCalendar([{ year: 2026, source: 'VPCP', days: [{ date: '2027-01-01', kind: 'off', name: 'x' }] }]),
    ).toThrow('years[2026].days: 2027-01-01 is not in 2026');
    expect(m.addAdHoc(adHoc, at('2026-03-03T09:00:00.000+07:00'))).toEqual({
      itemId: 'report-adhoc-1',
      workflowId: 'plan-SKEL-2026-report-adhoc-1',
    });
  });

  it('a new official calendar reschedules the items not yet open', () => {
    const m = model();
    const before = m.state.items[1]!.spec.units[0]!.due.date;
    m.state.items[0]!.phase = 'running';
    const replaced = m.takeCalendar([
      { year: 2026, source: 'Thông báo thử nghiệm', days: [{ date: '2026-03-06', kind: 'off', name: 'Nghỉ thử' }] },
    ]);
    expect(replaced).toEqual([2026]);
    expect(before).toBe('2026-03-06');
    // Not yet open: its Friday deadline, now a day off, moves (its policy: to the next working day).
    expect(m.state.items[1]!.spec.units[0]!.due.date).not.toBe('2026-03-06');
    // Running: keeps its definition; it takes the calendar by signal.
    expect(m.state.items[0]!.spec.units[0]!.due.date).toBe('2026-03-06');
  });
});

describe('a plan keeps the deadline rules it started with (patched schedule-rules-2)', () => {
  it('an end-of-month deadline on a day off: next month under rules 1, the last working day under rules 2', () => {
    // April 2026: 30/04 (Giải phóng miền Nam) and 01/05 are days off, 02–03/05 a weekend.
    const plan = buildPlanSchema().parse({
      ...skeletonPlan,
      tasks: [{ ...skeletonPlan.tasks[0]!, opensOn: '2026-04-01', due: { endOfMonth: true } }],
    });
    const dueUnder = (rules: 1 | 2) =>
      initialPlanState({ plan }, 0, rules, { buildPlanSchema }).items[0]!.spec.units[0]!.due.date;
    expect(dueUnder(1)).toBe('2026-05-04');
    expect(dueUnder(2)).toBe('2026-04-29');
    // Version 1 leaves no trace in the state, as runs recorded before the patch have none.
    expect(initialPlanState({ plan }, 0, 1, { buildPlanSchema })).not.toHaveProperty('scheduleRules');
    expect(initialPlanState({ plan }, 0, 2, { buildPlanSchema }).scheduleRules).toBe(2);
  });

  it('keeps a unit’s difficulty, numbered, answers it once, and refuses what it must', () => {
    const m = model();
    const raise = { unit: 'KHTC', text: '  Chưa có kinh phí in tờ rơi.  ', raisedBy: 'Trần Thị Kế', itemId: 'task-03' };
    expect(() => m.checkDifficulty(raise)).not.toThrow();
    expect(() => m.checkDifficulty({ ...raise, unit: 'PC' })).toThrow('unit: PC is not a unit of the plan');
    expect(() => m.checkDifficulty({ ...raise, text: ' ' })).toThrow('text: say what the difficulty or proposal is');
    expect(() => m.checkDifficulty({ ...raise, text: 'x'.repeat(4_001) })).toThrow('text: at most 4000 characters');
    expect(() => m.checkDifficulty({ ...raise, raisedBy: '' })).toThrow('raisedBy: say who raises it');
    expect(() => m.checkDifficulty({ ...raise, itemId: 'task-99' })).toThrow(
      'itemId: task-99 is not an item of the plan',
    );

    expect(m.raiseDifficulty(raise, at('2026-03-04T10:00:00.000+07:00'))).toEqual({
      id: 1,
      at: '2026-03-04T10:00:00.000+07:00',
    });
    expect(m.raiseDifficulty({ ...raise, unit: 'TCCB' }, at('2026-03-05T10:00:00.000+07:00')).id).toBe(2);
    expect(m.state.difficulties?.[0]).toEqual({
      id: 1,
      unit: 'KHTC',
      text: 'Chưa có kinh phí in tờ rơi.',
      raisedBy: 'Trần Thị Kế',
      raisedAt: '2026-03-04T10:00:00.000+07:00',
      itemId: 'task-03',
    });

    const answer = { id: 1, answer: 'Văn phòng đã đề nghị bổ sung kinh phí.', by: 'Chánh Văn phòng' };
    expect(() => m.checkAnswer({ ...answer, id: 9 })).toThrow('id: no difficulty 9 in this plan');
    expect(() => m.checkAnswer({ ...answer, answer: '' })).toThrow('answer: must not be empty');
    m.checkAnswer(answer);
    m.answerDifficulty(answer, at('2026-03-06T09:00:00.000+07:00'));
    expect(() => m.checkAnswer(answer)).toThrow(
      'id: difficulty 1 was already answered on 2026-03-06T09:00:00.000+07:00',
    );
    expect(m.status(at('2026-03-06T09:00:00.000+07:00')).difficulties.map((d) => [d.id, d.answer?.by])).toEqual([
      [1, 'Chánh Văn phòng'],
      [2, undefined],
    ]);
  });
});
