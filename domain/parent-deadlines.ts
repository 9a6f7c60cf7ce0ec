/**
 * The deadlines that tie a subordinate body's reports to the plan it carries out: per period, the parent's deadline for
 * its units (a subordinate reports by the same date, as one of them) and the latest day the subordinate's own office
 * deadline may fall on to leave the parent `leadWorkingDays` working days. Pure; dates are `yyyy-MM-dd`.
 */
import type { PeriodCode, Plan } from './plan-schema.js';
import { reportItems } from './reporting-periods.js';
import type { WorkCalendar } from './schedule-types.js';
import { addWorkingDays, buildWorkCalendar } from './work-calendar.js';

/** Working days a subordinate's report arrives ahead of its parent's deadline when nobody says otherwise. */
export const DEFAULT_LEAD_WORKING_DAYS = 2;

/** What the parent needs of a subordinate for one period. */
export interface ParentNeed {
  period: PeriodCode;
  /** The parent's deadline for its units in this period, after its deadline policy. */
  parentUnitDue: string;
  /** `parentUnitDue` less `leadWorkingDays` working days of the parent's calendar: the child's office is due by then. */
  latest: string;
}

/**
 * Per period of the parent's regime, its units' deadline and the latest child office deadline, e.g. `plans/demo.yaml`
 * (office the 20th, units 2 working days before) with 2 working days: Q1 2026 → units Wed 18/03, latest Mon 16/03.
 * Empty when the parent asks for no periodic report.
 */
export function parentNeeds(parent: Plan, leadWorkingDays: number, cal: WorkCalendar = buildWorkCalendar(parent)) {
  return reportItems(parent, cal).flatMap((item): ParentNeed[] => {
    const due = item.units[0]?.due.date;
    if (due === undefined) return [];
    return [{ period: item.period.code, parentUnitDue: due, latest: addWorkingDays(cal, due, -leadWorkingDays) }];
  });
}

/** The child's office deadline per period it reports, on its own calendar, e.g. Q1 → `2026-03-16`. */
export function officeDeadlines(child: Plan, cal: WorkCalendar = buildWorkCalendar(child)): Map<PeriodCode, string> {
  return new Map(reportItems(child, cal).map((item) => [item.period.code, item.period.officeDue.date]));
}
