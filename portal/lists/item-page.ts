import type { Client } from '@temporalio/client';
import { itemQuery, type ItemFilter } from './item-query.js';
import { byDeadline, itemRowOf, type ItemRow } from './item-row.js';
import { isEmptyScope } from './scope.js';
import { lastPage, visibilityPage } from './visibility-page.js';

export interface ItemPage {
  /** Nearest deadline first: by the server where it can order (Elasticsearch), else within this page. */
  rows: ItemRow[];
  nextPageToken?: string;
  total?: number;
}

/**
 * One page of the running items `filter` matches (organisations in scope, year, one unit, open / overdue /
 * incident), from one visibility search and one count. Throws `ListQueryError` for a filter no search may carry.
 */
export async function itemPage(
  client: Client,
  filter: ItemFilter,
  o: { pageSize: number; pageToken?: string; rowsBefore?: number; count?: boolean },
): Promise<ItemPage> {
  if (isEmptyScope(filter.orgs)) return { rows: [], total: 0 };
  const query = itemQuery(filter);
  const page = await visibilityPage(client, query, o);
  const rows = page.executions.map(itemRowOf);
  if (!page.serverSorted) rows.sort(byDeadline);
  return {
    rows,
    nextPageToken: lastPage(o.rowsBefore, rows.length, page.total) ? undefined : page.nextPageToken,
    total: page.total,
  };
}
