import type { MiddlewareHandler } from 'hono';
import { getItemStatus } from '../../client/plan-client.js';
import type { ResolvedDeps } from '../deps.js';
import type { OfficeEnv } from '../office-env.js';
import { isOrgCode } from '../office-params.js';
import { forbidden } from './forbidden.js';
import { may } from './permissions.js';

/** The editor's path segment: `/van-phong/:org/soan-thao`. */
const EDITOR = 'soan-thao';
/** Pages of a plan-year that are not items: its archive, its audit trail, its year calendar, its subordinates. */
const PLAN_PAGES = new Set(['luu-tru', 'nhat-ky', 'lich-nam', 'sua', 'cap-duoi']);
/** An item's form for the director's review of its consolidated report: `…/:item/duyet-tong-hop`. */
export const DIRECTOR_REVIEW = 'duyet-tong-hop';
/** GET pages that change something: opening a running plan in the editor copies it into the office's draft. */
const STEERING_PAGES = new Set(['sua']);

/**
 * Every `/van-phong/:org/:year[/…]` request is checked against the organisation in its path before its route reads
 * or changes anything: a POST steers (the office of `org`), a GET reads (the plan; an item's page also for the heads
 * of its units). Paths that cannot name a plan fall through to the routes' own 404.
 */
export function planAccess(deps: ResolvedDeps): MiddlewareHandler<OfficeEnv> {
  return async (c, next) => {
    const [org, year, item, more] = c.req.path.replace(/^\/van-phong\//, '').split('/');
    if (!org || !isOrgCode(org)) return next();
    const roles = c.get('roles');
    // The plan editor (`/:org/soan-thao/…`) is the office's, even to look at: a draft is not yet anyone else's.
    if (year === EDITOR) return forbidden(c, { do: 'steer-plan', org }) ?? next();
    if (!year || !/^\d{4}$/.test(year)) return next();
    // The director's decision on a consolidated report is the director's, not the office's.
    if (c.req.method === 'POST' && more === DIRECTOR_REVIEW)
      return forbidden(c, { do: 'review-report', org }) ?? next();
    if (c.req.method !== 'GET' || (item !== undefined && STEERING_PAGES.has(item)))
      return forbidden(c, { do: 'steer-plan', org }) ?? next();
    const isItemPage = item !== undefined && !PLAN_PAGES.has(item) && more === undefined;
    if (!isItemPage || may(roles, { do: 'read-plan', org })) return forbidden(c, { do: 'read-plan', org }) ?? next();
    // A unit head of `org`: the item's own units decide (one query, for someone already named in this organisation).
    if (!roles.some((r) => r.kind === 'unit-head' && r.org === org)) return forbidden(c, { do: 'read-plan', org });
    const units = await getItemStatus(deps.client, { org, year: Number(year) }, item)
      .then((s) => s.units.map((u) => u.unit))
      .catch(() => undefined);
    // An item that is not there: the route's own 404.
    if (!units) return next();
    return forbidden(c, { do: 'read-item', org, units }) ?? next();
  };
}
