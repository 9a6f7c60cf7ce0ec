import { FAILURES } from '../../domain/failures.js';
import type { OrgScope } from './scope.js';

/** A filter value no visibility query may carry; thrown before anything reaches the server. */
export class ListQueryError extends Error {
  override readonly name = 'ListQueryError';
  readonly type = FAILURES.listQueryInvalid;
}

/** Organisation and unit codes as plan files spell them (`code` in domain/plan-schema.ts): no quote, no space. */
const CODE = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
/** At most this many organisations in one `KhOrg IN (…)`: a bounded query, whatever the scope. */
export const MAX_ORGS_PER_QUERY = 500;

/**
 * A code as a quoted literal of the visibility query language, e.g. `'SGDDT-HCM'`. Only codes of the plan files'
 * pattern pass, so a value can never close its quotes and add syntax (`X' OR KhOrg != '`).
 */
export function quotedCode(what: string, value: string): string {
  if (!CODE.test(value)) throw new ListQueryError(`${what}: ${JSON.stringify(value)} is not a code (expected ${CODE})`);
  return `'${value}'`;
}

/** A plan year as an integer literal: 2000–2100, like the portal's addresses. */
export function yearLiteral(year: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new ListQueryError(`year: ${String(year)} is not a plan year (expected an integer 2000-2100)`);
  return String(year);
}

/** `KhOrg IN ('A', 'B')` for a list of organisations; nothing for `'all'`. An empty list matches nothing: refused. */
export function orgClause(orgs: OrgScope): string | undefined {
  if (orgs === 'all') return undefined;
  if (!Array.isArray(orgs) || orgs.length === 0 || orgs.length > MAX_ORGS_PER_QUERY)
    throw new ListQueryError(`orgs: expected 'all' or 1-${MAX_ORGS_PER_QUERY} organisation codes`);
  return `KhOrg IN (${orgs.map((o) => quotedCode('orgs', o)).join(', ')})`;
}

/** Throws unless `value` is one of `allowed` (a state from a request typed as anything). */
export function oneOf<T extends string>(what: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new ListQueryError(`${what}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  return value as T;
}

/** A plan's workflow id as a quoted literal, `'plan-SGDDT-HCM-2026'`, from a validated code and year. */
export function quotedPlanId(org: string, year: number): string {
  quotedCode('org', org);
  return `'plan-${org}-${yearLiteral(year)}'`;
}
