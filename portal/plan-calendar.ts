import type { PlanStatus } from '../workflows/plan-types.js';

/**
 * Whether the plan's own year is on a provisional calendar (computed from the Labour Code, no approved document):
 * e.g. a 2027 plan before the 2027 calendar is published and uploaded. A year the plan holds no calendar for is
 * computed too.
 */
export function planYearProvisional(status: PlanStatus): boolean {
  const own = status.calendarYears.find((y) => y.year === status.year);
  return own === undefined || own.provisional === true;
}
