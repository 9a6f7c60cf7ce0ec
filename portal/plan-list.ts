import { archivedOnlyRows } from './lists/archived-plans.js';
import { itemPage, type ItemPage } from './lists/item-page.js';
import { MAX_TRAIL } from './lists/page-token.js';
import { planPage, type PlanPage } from './lists/plan-page.js';
import type { PlanFilter } from './lists/plan-query.js';
import type { PlanRow } from './lists/plan-row.js';
import { ListQueryError } from './lists/query-values.js';
import type { OrgScope } from './lists/scope.js';
import type { ResolvedDeps } from './deps.js';
import { reused } from './lists/reused.js';

/** Plans per dashboard page: the dev server's visibility spends ~0.5 ms of CPU per row listed (bench P8). */
export const PLANS_PER_PAGE = 25;
/** Items in the dashboard's "needing attention" block (nearest deadlines of the first page). */
export const ATTENTION_ROWS = 10;

export interface PlanLists {
  /** The page of plans; absent when the server cannot search (`searchFailed`). */
  page?: PlanPage;
  searchFailed: boolean;
  /** On the first page, closed years only the archive still has (in scope, of the filter's year). */
  archived: PlanRow[];
}

/**
 * One page of the plans the filter matches, from Temporal's visibility alone (the dev server, a cluster, Temporal
 * Cloud), and on the first page the closed years only the archive still has. The time-skipping test server cannot
 * search: then `searchFailed`, only archived years list, and the office opens a plan by code and year. A filter or
 * page token no search may carry throws `ListQueryError`.
 */
export async function listPlans(deps: ResolvedDeps, filter: PlanFilter, trail: readonly string[]): Promise<PlanLists> {
  const closedToo = filter.state === undefined || filter.state === 'done';
  const [page, archived] = await Promise.all([
    planPage(deps.client, filter, {
      pageSize: PLANS_PER_PAGE,
      pageToken: trail.at(-1),
      // Every page before this one was full; once the trail forgot its oldest pages, the count is unknown.
      rowsBefore: trail.length < MAX_TRAIL ? trail.length * PLANS_PER_PAGE : undefined,
    }).catch((err: unknown) => {
      if (err instanceof ListQueryError) throw err;
      return undefined;
    }),
    trail.length === 0 && closedToo ? archivedOnlyRows(deps.client, deps.blobs, filter) : [],
  ]);
  return { page, searchFailed: page === undefined, archived };
}

/**
 * How long one scope's attention block is shown to everyone who asks: like a total, it summarises (the plan's own
 * page and the item lists are always fresh), and an administrator's block searches every item of the province,
 * the dashboard's dearest call after the count (bench P8).
 */
export const ATTENTION_TTL_MS = 30_000;

/**
 * The overdue items and those with an incident, of the organisations in scope; none when the server cannot search.
 * Everyone with the same scope and year within ATTENTION_TTL_MS shares one search.
 */
export async function listAttention(
  deps: ResolvedDeps,
  filter: { orgs: OrgScope; year?: number },
): Promise<ItemPage | undefined> {
  // No count: one visibility call fewer per dashboard (servers allow 10 a second by default: docs/benchmark.md, P8).
  const o = { pageSize: ATTENTION_ROWS, count: false };
  const key = `attention:${JSON.stringify(filter.orgs)}:${filter.year ?? ''}`;
  return reused(deps.client, key, ATTENTION_TTL_MS, () => itemPage(deps.client, { ...filter, show: 'attention' }, o));
}
