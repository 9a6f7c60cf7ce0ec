/**
 * A visibility search: the filter (`where`, also what `count` takes) and the order wanted. The SQL visibility stores
 * (SQLite of the dev server, PostgreSQL, MySQL) refuse ORDER BY; Elasticsearch takes it (see visibility-page.ts).
 */
export interface VisibilityQuery {
  where: string;
  orderBy: string;
}

/**
 * Still running (or paused), said as "not closed": on SQLite `ExecutionStatus = 'Running'` makes the store walk its
 * index of statuses, where nearly every plan and item is, instead of the organisation's (bench P8: 8-10 ms of server
 * CPU per call against 1-2 ms for one organisation among 2,000).
 */
export const STILL_OPEN = `ExecutionStatus NOT IN ('Completed', 'Failed', 'Canceled', 'Terminated', 'ContinuedAsNew', 'TimedOut')`;
