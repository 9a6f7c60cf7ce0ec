import { oneOf, orgClause, yearLiteral } from './query-values.js';
import type { OrgScope } from './scope.js';
import { STILL_OPEN, type VisibilityQuery } from './visibility-query.js';

/** A plan's state as lists filter it, from the workflow's own execution status (a terminated plan is `failed`). */
export const PLAN_STATES = ['running', 'done', 'cancelled', 'failed'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export interface PlanFilter {
  /** Required: what the caller's authorization lets them see (scope.ts). */
  orgs: OrgScope;
  year?: number;
  state?: PlanState;
}

const EXECUTION: Record<PlanState, string> = {
  running: STILL_OPEN,
  done: `ExecutionStatus = 'Completed'`,
  cancelled: `ExecutionStatus = 'Canceled'`,
  failed: `ExecutionStatus IN ('Failed', 'Terminated', 'TimedOut')`,
};

/**
 * The search for plans: `KhKind = 'plan' AND …`, or with organisations `KhKind STARTS_WITH 'plan' AND … AND KhOrg IN
 * ('A') AND KhYear = 2026`.
 * Every value is validated and quoted (query-values.ts); a run that continued as new is never listed twice.
 */
export function planQuery(f: PlanFilter): VisibilityQuery {
  const orgs = orgClause(f.orgs);
  // With organisations named, the kind is a prefix: an equality on KhKind, true of most rows, is what SQLite (no
  // statistics) walks instead of the organisation's index (bench P8: 12-40 ms of server CPU against 1-2 ms).
  const parts = [orgs ? `KhKind STARTS_WITH 'plan'` : `KhKind = 'plan'`, `ExecutionStatus != 'ContinuedAsNew'`];
  if (orgs) parts.push(orgs);
  if (f.year !== undefined) parts.push(`KhYear = ${yearLiteral(f.year)}`);
  if (f.state !== undefined) parts.push(EXECUTION[oneOf('state', f.state, PLAN_STATES)]);
  return { where: parts.join(' AND '), orderBy: 'KhYear DESC, KhOrg ASC' };
}
