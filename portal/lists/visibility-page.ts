/**
 * One page of a visibility search and the total it matches: one `ListWorkflowExecutions` call and one `count`,
 * whatever the number of workflows. The SDK's `client.workflow.list` pages internally and never hands out the page
 * token, so this calls the service itself and decodes each execution as `list` does (`executionInfoFromRaw`).
 */
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { executionInfoFromRaw } from '@temporalio/client/lib/helpers.js';
import { ListQueryError } from './query-values.js';
import { forgetReused, reused } from './reused.js';
import { tokenBytes, tokenText } from './page-token.js';
import type { VisibilityQuery } from './visibility-query.js';

export interface VisibilityPage {
  executions: WorkflowExecutionInfo[];
  /** The next page's token as a link carries it; absent on the last page. */
  nextPageToken?: string;
  /** What `count` says the filter matches; absent when the server could not count. */
  total?: number;
  /** The server applied the order (Elasticsearch); otherwise only this page is in order, sorted here. */
  serverSorted: boolean;
}

/**
 * Whether a page is the last although the server gave a token: the SQL stores hand one out after every full page,
 * so the page after the last full one would be empty. Known only with the rows before it and the total.
 */
export function lastPage(rowsBefore: number | undefined, rows: number, total: number | undefined): boolean {
  return rowsBefore !== undefined && total !== undefined && rowsBefore + rows >= total;
}

/** A call that carries a page token gives up after this long: the dev server answers a token it cannot read with
 * UNKNOWN, which the client would retry for ~20 s. */
const TOKEN_CALL_MS = 5_000;

/** Whether each client's server took ORDER BY, once known: the SQL visibility stores refuse it on every call. */
const orderBySupported = new WeakMap<Client, boolean>();

const refusesOrderBy = (err: unknown) => err instanceof Error && /ORDER BY/i.test(err.message);

async function listRaw(client: Client, query: string, pageSize: number, token: Uint8Array | undefined) {
  return client.workflowService.listWorkflowExecutions({
    namespace: client.options.namespace,
    query,
    pageSize,
    nextPageToken: token,
  });
}

/** The page, in the query's order where the server can; the first refusal of ORDER BY is remembered per client. */
async function listOrdered(client: Client, q: VisibilityQuery, pageSize: number, token: Uint8Array | undefined) {
  if (orderBySupported.get(client) !== false) {
    try {
      const res = await listRaw(client, `${q.where} ORDER BY ${q.orderBy}`, pageSize, token);
      orderBySupported.set(client, true);
      return { res, serverSorted: true };
    } catch (err) {
      if (!refusesOrderBy(err)) throw err;
      orderBySupported.set(client, false);
    }
  }
  return { res: await listRaw(client, q.where, pageSize, token), serverSorted: false };
}

/**
 * How long a total is reused for the same search. Counting scans every matching workflow (SQLite visibility: ~12 ms
 * for 5,000 plans, the largest part of an administrator's page, docs/benchmark.md P8), and a province's total moves
 * slowly; the rows of each page are always fresh.
 */
export const COUNT_TTL_MS = 30_000;
/** Forgets every cached total (a test that needs the next count to reach the server). */
export function forgetCounts(client: Client): void {
  forgetReused(client);
}

function countOf(client: Client, where: string): Promise<number | undefined> {
  return reused(client, `count:${where}`, COUNT_TTL_MS, () => client.workflow.count(where).then((c) => c.count));
}

/**
 * One page of `q` and its total. Servers allow few visibility calls a second (10 by default), so `count` is asked
 * only when it tells something: a first page that is all there is counts its own rows; a later page counts while it
 * lists; `count: false` never. A token the server refuses (forged, from an older server) is a `ListQueryError` when
 * the same search without it works; any other failure (a server that cannot search) is thrown as it came.
 */
export async function visibilityPage(
  client: Client,
  q: VisibilityQuery,
  o: { pageSize: number; pageToken?: string; count?: boolean },
): Promise<VisibilityPage> {
  const token = o.pageToken === undefined ? undefined : tokenBytes(o.pageToken);
  const counting = o.count !== false;
  const early = counting && token ? countOf(client, q.where) : undefined;
  let listed: Awaited<ReturnType<typeof listOrdered>>;
  try {
    const list = () => listOrdered(client, q, o.pageSize, token);
    listed = await (token ? client.withDeadline(Date.now() + TOKEN_CALL_MS, list) : list());
  } catch (err) {
    await early;
    const works = () =>
      listRaw(client, q.where, 1, undefined).then(
        () => true,
        () => false,
      );
    if (token && (await works())) throw new ListQueryError('page: the server refused this page token', { cause: err });
    throw err;
  }
  const { res, serverSorted } = listed;
  const dataConverter = client.options.loadedDataConverter;
  const executions = await Promise.all(
    res.executions.map((raw) => executionInfoFromRaw(raw, dataConverter, raw, client.options.namespace)),
  );
  const next = res.nextPageToken?.length ? tokenText(res.nextPageToken) : undefined;
  const whole = !token && !next && executions.length < o.pageSize;
  const total = !counting ? undefined : whole ? executions.length : await (early ?? countOf(client, q.where));
  return { executions, nextPageToken: next, total, serverSorted };
}
