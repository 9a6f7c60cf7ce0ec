/**
 * An ad hoc report may ask the plan's subordinate bodies (issue #18: the parent's office asks chosen schools), as
 * well as its units; every other rule for units holds. Pure: `adHocUnitCodes`, and the plan model's validator and
 * handler on the skeleton plan with two schools below it (request at 09:00 Tue 03/03/2026, due Tue 10/03/2026).
 */
import { describe, expect, it } from 'vitest';
import { buildPlanSchema, type Plan } from '../../domain/plan-schema.js';
import { adHocUnitCodes } from '../../domain/schedule.js';
import { initialPlanState, PlanModel } from '../../workflows/plan-model.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';

const withSchools: Plan = buildPlanSchema().parse({
  ...skeletonPlan,
  subordinates: ['TRUONG-A', 'TRUONG-B'].map((code) => ({
    code,
    name: `Trường ${code.slice(-1)}`,
    office: { name: 'Văn phòng trường', email: `vanphong.${code.toLowerCase()}@example.org` },
  })),
  reporting: { periods: ['Q1'], officeDeadlineDay: 25, unitWorkingDaysBeforeOffice: 3 },
});

const model = (plan: Plan) =>
  new PlanModel(initialPlanState({ plan }, 0, 2, { buildPlanSchema }), 'plan-SKEL-2026', { buildPlanSchema });
const now = Date.parse('2026-03-03T09:00:00+07:00');
const adHoc = {
  title: 'Số liệu tin bài',
  content: 'Từ đầu năm.',
  units: ['TRUONG-B'],
  dueDate: '2026-03-10',
  by: 'VP',
};

describe('ad hoc reports from subordinate bodies', () => {
  it('adHocUnitCodes: the units, then the subordinates; a plan kept from before subordinates has its units', () => {
    expect(adHocUnitCodes(withSchools)).toEqual(['VP', 'KHTC', 'TCCB', 'TRUONG-A', 'TRUONG-B']);
    const older: Partial<Plan> = structuredClone(skeletonPlan);
    delete older.subordinates;
    expect(adHocUnitCodes(older as Plan)).toEqual(['VP', 'KHTC', 'TCCB']);
  });

  it('the validator takes subordinates and units together, and still refuses what is neither, or nothing', () => {
    const m = model(withSchools);
    expect(() => m.checkAdHoc(adHoc, now)).not.toThrow();
    expect(() => m.checkAdHoc({ ...adHoc, units: ['KHTC', 'TRUONG-A'] }, now)).not.toThrow();
    expect(() => m.checkAdHoc({ ...adHoc, units: ['TRUONG-C'] }, now)).toThrow(
      'units: TRUONG-C is not a unit of the plan nor one of its subordinates',
    );
    expect(() => m.checkAdHoc({ ...adHoc, units: [] }, now)).toThrow('units: choose at least one unit');
    // A plan without subordinates refuses a school's code as before.
    expect(() => model(buildPlanSchema().parse(skeletonPlan)).checkAdHoc(adHoc, now)).toThrow(
      'units: TRUONG-B is not a unit of the plan',
    );
  });

  it('the item asks each chosen subordinate as a lead, with the request’s deadline', () => {
    const m = model(withSchools);
    const added = m.addAdHoc(
      { ...adHoc, units: ['TRUONG-A', 'TRUONG-B'] },
      { ms: now, iso: '2026-03-03T09:00:00.000+07:00' },
    );
    expect(added).toEqual({ itemId: 'report-adhoc-1', workflowId: 'plan-SKEL-2026-report-adhoc-1' });
    const item = m.state.items.find((i) => i.spec.itemId === 'report-adhoc-1')!;
    expect(item.spec.units.map((u) => [u.unit, u.role, u.due.date])).toEqual([
      ['TRUONG-A', 'lead', '2026-03-10'],
      ['TRUONG-B', 'lead', '2026-03-10'],
    ]);
    // Their offices are who the item writes to: the plan's context names each subordinate's office as its head.
    expect(m.childInput(item.spec).ctx.units['TRUONG-B']?.head.email).toBe('vanphong.truong-b@example.org');
  });
});
