import { oneOf, orgClause, quotedCode, yearLiteral } from './query-values.js';
import type { OrgScope } from './scope.js';
import { STILL_OPEN, type VisibilityQuery } from './visibility-query.js';

/** Which running items: every open one, the overdue, those with an incident, or both of the last (`attention`). */
export const ITEM_SHOWS = ['open', 'overdue', 'incident', 'attention'] as const;
export type ItemShow = (typeof ITEM_SHOWS)[number];

export interface ItemFilter {
  /** Required: what the caller's authorization lets them see (scope.ts). */
  orgs: OrgScope;
  year?: number;
  /** One unit's share: items assigned to it, and for `overdue` those where it is the one overdue. */
  unit?: string;
  show: ItemShow;
}

/** The clause of each `show`, for all units or for one (`u` is already quoted). */
function showClause(show: ItemShow, u: string | undefined): string {
  const overdue = u ? `KhOverdueUnits = ${u}` : `KhOverdueUnits IS NOT NULL`;
  const assigned = u ? [`KhUnits = ${u}`] : [];
  switch (show) {
    case 'open':
      return [...assigned, `KhStatus IN ('open', 'overdue')`].join(' AND ');
    case 'overdue':
      return overdue;
    case 'incident':
      return [...assigned, `KhIncident = true`].join(' AND ');
    case 'attention':
      return [...assigned, `(${overdue} OR KhIncident = true)`].join(' AND ');
  }
}

/**
 * The search for running items (tasks and reports) of the organisations in scope, e.g. `… AND KhOrg IN ('A') AND
 * (KhOverdueUnits IS NOT NULL OR KhIncident = true)`, wanted in deadline order. Values validated and quoted.
 */
export function itemQuery(f: ItemFilter): VisibilityQuery {
  const parts = [`KhKind IN ('task', 'report')`, STILL_OPEN];
  const orgs = orgClause(f.orgs);
  if (orgs) parts.push(orgs);
  if (f.year !== undefined) parts.push(`KhYear = ${yearLiteral(f.year)}`);
  const unit = f.unit === undefined ? undefined : quotedCode('unit', f.unit);
  parts.push(showClause(oneOf('show', f.show, ITEM_SHOWS), unit));
  return { where: parts.join(' AND '), orderBy: 'KhNextDeadline ASC' };
}
