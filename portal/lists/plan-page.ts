import type { Client } from '@temporalio/client';
import { planQuery, type PlanFilter } from './plan-query.js';
import { byYearThenOrg, planRowOf, type PlanRow } from './plan-row.js';
import { isEmptyScope } from './scope.js';
import { lastPage, visibilityPage } from './visibility-page.js';

export interface PlanPage {
  /** Newest year first, then by organisation: by the server where it can order, else within this page. */
  rows: PlanRow[];
  nextPageToken?: string;
  /** Plans the filter matches, from `count`; absent when the server could not count. */
  total?: number;
}

/**
 * One page of the plans `filter` matches (organisations in scope, year, state), from one visibility search and one
 * count: no plan is queried. Throws `ListQueryError` for a filter or token no search may carry.
 */
export async function planPage(
  client: Client,
  filter: PlanFilter,
  o: { pageSize: number; pageToken?: string; rowsBefore?: number },
): Promise<PlanPage> {
  if (isEmptyScope(filter.orgs)) return { rows: [], total: 0 };
  const query = planQuery(filter);
  const page = await visibilityPage(client, query, o);
  const rows = page.executions.map(planRowOf);
  if (!page.serverSorted) rows.sort(byYearThenOrg);
  return {
    rows,
    nextPageToken: lastPage(o.rowsBefore, rows.length, page.total) ? undefined : page.nextPageToken,
    total: page.total,
  };
}
