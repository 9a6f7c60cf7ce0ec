import { withLang, type Lang } from './i18n.js';
import { isOrgCode } from './office-params.js';
import { signedTrail, trailParam, trailSignature } from './lists/page-token.js';
import { PLAN_STATES, type PlanState } from './lists/plan-query.js';
import { ListQueryError, oneOf } from './lists/query-values.js';

/** The dashboard's GET form and pager: `/van-phong?org=SGDDT&year=2026&state=running&page=<trail>&sig=<mac>`. */
export interface DashboardParams {
  org?: string;
  year?: number;
  state?: PlanState;
  /** Page tokens walked so far, newest last; empty on the first page (lists/page-token.ts). */
  trail: string[];
}

/**
 * An empty field is no filter; anything else must be valid, and a page trail signed with `secret`, or the whole
 * request is refused (`ListQueryError`).
 */
export function parseDashboardParams(q: Record<string, string | undefined>, secret: string): DashboardParams {
  const org = (q.org ?? '').trim().toUpperCase();
  const year = (q.year ?? '').trim();
  const state = (q.state ?? '').trim();
  if (org && !isOrgCode(org)) throw new ListQueryError('org: not an organisation code');
  if (year && (!/^\d{4}$/.test(year) || Number(year) < 2000 || Number(year) > 2100))
    throw new ListQueryError('year: not a plan year (2000-2100)');
  return {
    org: org || undefined,
    year: year ? Number(year) : undefined,
    state: state ? oneOf('state', state, PLAN_STATES) : undefined,
    trail: signedTrail(secret, q.page, q.sig),
  };
}

/** The dashboard's address with these filters, on the page `trail` leads to (signed with `secret`). */
export function dashboardHref(p: DashboardParams, trail: readonly string[], lang: Lang, secret: string): string {
  const q = new URLSearchParams();
  if (p.org) q.set('org', p.org);
  if (p.year !== undefined) q.set('year', String(p.year));
  if (p.state) q.set('state', p.state);
  if (trail.length) {
    q.set('page', trailParam(trail));
    q.set('sig', trailSignature(secret, trail));
  }
  const query = q.toString();
  return withLang(query ? `/van-phong?${query}` : '/van-phong', lang);
}
