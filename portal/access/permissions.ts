import type { Role } from './roles.js';

/**
 * What a request asks to do, and on what. Reads cover pages and files; steering covers every message that changes a
 * running plan or item (start, amend, ad hoc reports, calendar, pausing, answers, reviews, extensions, retries).
 */
export type Action =
  | { do: 'read-plan'; org: string }
  | { do: 'steer-plan'; org: string }
  /** The director's decision on a consolidated report: accept it, or return it to the office. */
  | { do: 'review-report'; org: string }
  /** An item's page: `units` are the item's units, which a unit head of one of them may read. */
  | { do: 'read-item'; org: string; units: readonly string[] }
  | { do: 'administer' };

/**
 * The rules, in one place: an administrator may do everything; an organisation's office reads and steers its plans;
 * its director reads them and accepts or returns their consolidated reports; a unit head reads the items of their unit; the
 * office of a body above reads its subordinates' plans. Nobody else may do anything.
 */
export function may(roles: readonly Role[], action: Action): boolean {
  if (roles.some((r) => r.kind === 'administrator')) return true;
  switch (action.do) {
    case 'administer':
      return false;
    case 'steer-plan':
      return roles.some((r) => r.kind === 'office' && r.org === action.org);
    case 'review-report':
      return roles.some((r) => r.kind === 'director' && r.org === action.org);
    case 'read-plan':
      return roles.some(
        (r) => (r.kind === 'office' || r.kind === 'director' || r.kind === 'parent-office') && r.org === action.org,
      );
    case 'read-item':
      return (
        may(roles, { do: 'read-plan', org: action.org }) ||
        roles.some((r) => r.kind === 'unit-head' && r.org === action.org && action.units.includes(r.unit))
      );
  }
}

/** The organisations whose plans a person may list: every one for an administrator. */
export function readableOrgs(roles: readonly Role[]): 'all' | string[] {
  if (roles.some((r) => r.kind === 'administrator')) return 'all';
  const orgs = roles.flatMap((r) => (r.kind === 'unit-head' || r.kind === 'administrator' ? [] : [r.org]));
  return [...new Set(orgs)].sort();
}

/** The units a person heads, by organisation: what their own page lists. */
export function headedUnits(roles: readonly Role[]): { org: string; unit: string }[] {
  return roles.flatMap((r) => (r.kind === 'unit-head' ? [{ org: r.org, unit: r.unit }] : []));
}
