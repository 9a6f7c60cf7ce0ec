import { planTimeAt, type PlanClock } from './plan-clock.js';

/**
 * An item's plan time at the real moment `realNowMs`: the later of what its last workflow task saw (`now`) and what
 * its clock says now. An item asleep until its next step answers queries with the time it fell asleep.
 */
export function itemNowMs(detail: { now: string; clock?: PlanClock }, realNowMs: number): number {
  const byClock = detail.clock ? planTimeAt(detail.clock, realNowMs) : Number.NEGATIVE_INFINITY;
  return Math.max(Date.parse(detail.now), byClock);
}
