/**
 * Plan and item pages from visibility alone, against the real dev server (its SQLite visibility): 30 plans of 3
 * organisations over 10 years, paged 10 at a time, filtered by organisation, year and state, totals from `count`.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemPage } from '../../../portal/lists/item-page.js';
import { planPage } from '../../../portal/lists/plan-page.js';
import { planQuery, type PlanFilter } from '../../../portal/lists/plan-query.js';
import { ListQueryError } from '../../../portal/lists/query-values.js';
import { forgetCounts, visibilityPage } from '../../../portal/lists/visibility-page.js';
import { startDevServer, type DevServerProcess } from '../../helpers/dev-server-process.js';
import { freePort } from '../../helpers/free-port.js';
import {
  LISTED_WORKFLOWS_PATH,
  startListedItem,
  startListedPlan,
  untilCounted,
} from '../../helpers/listed-workflows.js';

const QUEUE = 'kehoach-lists-test';
const ORGS = ['LA', 'LB', 'LC'];
const YEARS = Array.from({ length: 10 }, (_, i) => 2017 + i);
const day = (d: string) => new Date(`${d}T17:00:00+07:00`);

let server: DevServerProcess;
let connection: Connection;
let native: NativeConnection;
let client: Client;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  server = await startDevServer({ port: await freePort() });
  connection = await Connection.connect({ address: server.address });
  native = await NativeConnection.connect({ address: server.address });
  client = new Client({ connection });
  worker = await Worker.create({ connection: native, taskQueue: QUEUE, workflowsPath: LISTED_WORKFLOWS_PATH });
  running = worker.run();
  // LA's first three years completed, LB's first two cancelled, LC's first terminated; LC 2026 started without memo.
  const handles = await Promise.all(
    ORGS.flatMap((org) =>
      YEARS.map(async (year) => {
        const done = org === 'LA' && year < 2020;
        const h = await startListedPlan(
          client,
          {
            org,
            year,
            number: `${year - 2000}/KH-${org}`,
            title: `Kế hoạch tuyên truyền năm ${year} của ${org}`,
            orgName: `Cơ quan ${org}`,
            units: ['VP', 'U1'],
            ...(done ? { close: 'done' as const } : {}),
            ...(org === 'LC' && year === 2026 ? { noMemo: true as const } : {}),
          },
          QUEUE,
        );
        return { org, year, h };
      }),
    ),
  );
  for (const { org, year, h } of handles) {
    if (org === 'LB' && year < 2019) await h.cancel();
    if (org === 'LC' && year === 2017) await h.terminate('thử nghiệm');
  }
  const items = [
    { org: 'LA', itemId: 'task-01', overdue: ['U1'], nextDeadline: day('2026-03-06') },
    { org: 'LA', itemId: 'task-02', overdue: ['VP'], nextDeadline: day('2026-02-06') },
    { org: 'LA', itemId: 'report-Q1', incident: true as const, nextDeadline: day('2026-04-10') },
    { org: 'LA', itemId: 'task-04', nextDeadline: day('2026-05-06') },
    { org: 'LA', itemId: 'task-05' },
    { org: 'LB', itemId: 'task-01', overdue: ['U1'], nextDeadline: day('2026-01-06') },
  ];
  await Promise.all(items.map((i) => startListedItem(client, { year: 2026, units: ['VP', 'U1'], ...i })));
  // A closed item still carrying its last overdue units is no one's business any more.
  const closed = await startListedItem(client, {
    org: 'LA',
    year: 2026,
    itemId: 'task-09',
    units: ['U1'],
    overdue: ['U1'],
  });
  await closed.terminate('thử nghiệm');
  await untilCounted(client, planQuery({ orgs: 'all', state: 'running' }).where, 24);
  await untilCounted(client, planQuery({ orgs: 'all', state: 'done' }).where, 3);
  await untilCounted(client, planQuery({ orgs: 'all', state: 'cancelled' }).where, 2);
  await untilCounted(client, planQuery({ orgs: 'all', state: 'failed' }).where, 1);
  await untilCounted(client, `KhKind IN ('task', 'report')`, 7);
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await native?.close();
  await connection?.close();
  await server?.stop();
});

/** Every page of `filter`, `pageSize` at a time, following the server's tokens. */
async function allPages(filter: PlanFilter, pageSize: number) {
  const pages = [];
  let token: string | undefined;
  do {
    const rowsBefore = pages.length * pageSize;
    const page = await planPage(client, filter, { pageSize, pageToken: token, rowsBefore });
    pages.push(page);
    token = page.nextPageToken;
  } while (token && pages.length < 10);
  return pages;
}

describe('plan pages from visibility', () => {
  it('pages through all 30 plans 10 at a time, each plan once, each page in year order, the total on every page', async () => {
    const pages = await allPages({ orgs: 'all' }, 10);
    expect(pages.map((p) => p.rows.length)).toEqual([10, 10, 10]);
    expect(pages.map((p) => p.total)).toEqual([30, 30, 30]);
    expect(pages.at(-1)!.nextPageToken).toBeUndefined();
    const ids = pages.flatMap((p) => p.rows.map((r) => r.workflowId));
    expect(new Set(ids).size).toBe(30);
    expect(ids).toContain('plan-LB-2021');
    for (const p of pages) expect(p.rows.map((r) => r.year)).toEqual(p.rows.map((r) => r.year).sort((a, b) => b - a));
  });

  it('filters by organisation, year and state; rows carry the memo and the execution state', async () => {
    const la = await allPages({ orgs: ['LA'] }, 4);
    expect(la.map((p) => p.total)).toEqual([10, 10, 10]);
    expect(la.flatMap((p) => p.rows.map((r) => r.org))).toEqual(Array(10).fill('LA'));
    const y2026 = await planPage(client, { orgs: ['LA', 'LC'], year: 2026 }, { pageSize: 10 });
    expect(y2026.total).toBe(2);
    expect(y2026.rows.map((r) => [r.org, r.number, r.title, r.orgName, r.state, r.units])).toEqual([
      ['LA', '26/KH-LA', 'Kế hoạch tuyên truyền năm 2026 của LA', 'Cơ quan LA', 'running', 2],
      // Started without a memo (before memos were set): listed from its search attributes alone.
      ['LC', undefined, undefined, undefined, 'running', 2],
    ]);
    const states = async (state: PlanFilter['state']) =>
      (await planPage(client, { orgs: 'all', state }, { pageSize: 50 })).rows.map((r) => r.workflowId).sort();
    expect(await states('done')).toEqual(['plan-LA-2017', 'plan-LA-2018', 'plan-LA-2019']);
    expect(await states('cancelled')).toEqual(['plan-LB-2017', 'plan-LB-2018']);
    expect(await states('failed')).toEqual(['plan-LC-2017']);
    expect(await states('running')).toHaveLength(24);
    const closed = await planPage(client, { orgs: ['LA'], state: 'done', year: 2018 }, { pageSize: 5 });
    expect(closed.rows[0]?.closeTime).toBeInstanceOf(Date);
    expect(await planPage(client, { orgs: [] }, { pageSize: 5 })).toEqual({ rows: [], total: 0 });
  });

  it('refuses a page token the server does not take, and orders within the page where the server cannot', async () => {
    const forged = Buffer.from('not a token').toString('base64url');
    const started = Date.now();
    await expect(planPage(client, { orgs: 'all' }, { pageSize: 5, pageToken: forged })).rejects.toThrow(ListQueryError);
    // Not the client's ~20 s of retries of the server's UNKNOWN: a token call has its own deadline.
    expect(Date.now() - started).toBeLessThan(10_000);
    // Without the rows before it, a full last page keeps the server's token, which leads to an empty page.
    const raw = await planPage(client, { orgs: ['LA'] }, { pageSize: 10 });
    expect(raw.nextPageToken).toBeDefined();
    const after = await planPage(client, { orgs: ['LA'] }, { pageSize: 10, pageToken: raw.nextPageToken });
    expect(after.rows).toEqual([]);
    // The dev server's SQLite visibility refuses ORDER BY: pages are sorted here (docs/architecture.md, Lists).
    const page = await visibilityPage(client, planQuery({ orgs: 'all' }), { pageSize: 5 });
    expect(page.serverSorted).toBe(false);
  });
});

describe('item pages from visibility', () => {
  it('lists the running items needing attention of the organisations in scope, nearest deadline first', async () => {
    const attention = await itemPage(client, { orgs: ['LA'], show: 'attention' }, { pageSize: 10 });
    expect(attention.total).toBe(3);
    expect(attention.rows.map((r) => [r.itemId, r.overdueUnits, r.incident, r.kind])).toEqual([
      ['task-02', ['VP'], false, 'task'],
      ['task-01', ['U1'], false, 'task'],
      ['report-Q1', [], true, 'report'],
    ]);
    const everyOrg = await itemPage(client, { orgs: 'all', show: 'overdue' }, { pageSize: 10 });
    expect(everyOrg.rows.map((r) => r.workflowId)).toEqual([
      'plan-LB-2026-task-01',
      'plan-LA-2026-task-02',
      'plan-LA-2026-task-01',
    ]);
    const unit = await itemPage(client, { orgs: ['LA'], unit: 'U1', show: 'overdue' }, { pageSize: 10 });
    expect(unit.rows.map((r) => r.itemId)).toEqual(['task-01']);
    const incidents = await itemPage(client, { orgs: ['LA', 'LB'], show: 'incident' }, { pageSize: 10 });
    expect(incidents.rows.map((r) => r.itemId)).toEqual(['report-Q1']);
    const open = await itemPage(client, { orgs: ['LA'], year: 2026, show: 'open' }, { pageSize: 2 });
    expect(open.total).toBe(5);
    expect(open.rows).toHaveLength(2);
    expect(open.nextPageToken).toBeDefined();
    const rest = await itemPage(
      client,
      { orgs: ['LA'], year: 2026, show: 'open' },
      { pageSize: 10, pageToken: open.nextPageToken },
    );
    expect(new Set([...open.rows, ...rest.rows].map((r) => r.itemId)).size).toBe(5);
    expect((await itemPage(client, { orgs: ['LA'], year: 2025, show: 'open' }, { pageSize: 10 })).total).toBe(0);
  });

  it('reuses a total for the same search for a while (counting scans); the next count after it sees the change', async () => {
    const filter: PlanFilter = { orgs: ['LB'] };
    const before = await planPage(client, filter, { pageSize: 5 });
    expect(before.total).toBe(10);
    await startListedPlan(
      client,
      { org: 'LB', year: 2016, number: '16/KH-LB', title: 'Kế hoạch năm 2016', orgName: 'Cơ quan LB', units: ['VP'] },
      QUEUE,
    );
    await untilCounted(client, planQuery(filter).where, 11);
    expect((await planPage(client, filter, { pageSize: 5 })).total).toBe(10);
    forgetCounts(client);
    expect((await planPage(client, filter, { pageSize: 5 })).total).toBe(11);
  });
});
