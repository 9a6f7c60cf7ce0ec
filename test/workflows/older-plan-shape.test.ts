import { describe, expect, it } from 'vitest';
import { currentPlanShape, type Plan } from '../../domain/plan-schema.js';
import { reportItems } from '../../domain/reporting-periods.js';
import { buildWorkCalendar } from '../../domain/work-calendar.js';
import { planContext } from '../../workflows/plan-context.js';
import { bodyPlan } from '../fixtures/roll-up-plans.js';

/** A definition stored by a plan started before `subordinates` existed: the field is simply not there. */
const older = (() => {
  const plan: Partial<Plan> = bodyPlan({ code: 'CU', officeDeadlineDay: 20, unitWorkingDaysBeforeOffice: 2 });
  delete plan.subordinates;
  return plan as Plan;
})();

describe('a plan definition from before subordinates', () => {
  it('the workflow code reads the missing list as none: context and report items as before', () => {
    expect(Object.keys(planContext(older).units)).toEqual(['VP', 'TO']);
    expect(reportItems(older, buildWorkCalendar(older))[0]?.units.map((u) => u.unit)).toEqual(['VP', 'TO']);
  });

  it('readers outside the workflow get it in this version’s shape, with the defaults', () => {
    expect(currentPlanShape(older).subordinates).toEqual([]);
    expect(currentPlanShape(older).units).toEqual(older.units);
  });
});
