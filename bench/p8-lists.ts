/**
 * P8: the office's lists at scale. 5,000 plans on a dev server of its own (bench/p8-population.ts), then the
 * dashboard as the portal app renders it in-process (`app.request`), 20 users at once, each logged in: A = today's
 * page (one visibility page of 25 plans + count, the items needing attention + count), B = the same page built the
 * old way (bench/old-plan-list.ts: one search capped at 200, one `planStatus` query per plan). Two lists: an
 * office's (one organisation, `?org=`) and the administrator's (every organisation). Runs alternate A, B, A, B.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createPortalApp } from '../portal/app.js';
import { hashPassword } from '../portal/passwords.js';
import { PLANS_PER_PAGE } from '../portal/plan-list.js';
import { LISTED_WORKFLOWS_PATH } from '../test/helpers/listed-workflows.js';
import { portalClient } from '../test/helpers/portal-client.js';
import { portalTestConfig } from '../test/helpers/portal-server.js';
import { startDevServer } from '../test/helpers/dev-server-process.js';
import { freePort } from '../test/helpers/free-port.js';
import { oldDashboardApp } from './old-dashboard-app.js';
import { startPopulation, untilWorked, type Population } from './p8-population.js';
import { procCpuSeconds, selfCpuSeconds } from './proc-cpu.js';
import { percentile } from './stats.js';

export type P8List = 'office' | 'admin';

export interface P8Run {
  variant: 'A' | 'B';
  list: P8List;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Plan rows on each page (median). */
  rows: number;
  /** Responses that were not 200 with the rows expected. */
  errors: number;
  /** Dev server CPU per page, and this process's (portal and the worker answering queries). */
  serverCpuMs: number;
  benchCpuMs: number;
  wallS: number;
}

export interface P8Result {
  population: Population;
  users: number;
  runs: P8Run[];
}

export interface P8Options {
  plans: number;
  users: number;
  /** Pages each user asks for in one run, per list (the old administrator list costs 200 queries a page). */
  requests: Record<P8List, number>;
  order: ('A' | 'B')[];
  /** The server's visibility calls per second for the namespace (`frontend.namespaceRPS.visibility`); 0: its default. */
  visibilityRps: number;
  log: (m: string) => void;
}

const PASSWORD = 'mat-khau-van-phong-bench';
const QUEUE = 'p8-plans';
/** `ORG/year` links of plan rows (item links go a level deeper). */
const PLAN_ROW = /<a href="\/van-phong\/[A-Z0-9-]+\/\d{4}">/g;

type User = ReturnType<typeof portalClient>;

/** A small deterministic generator: every run asks for the same spread of organisations. */
const lcg = (seed: number) => () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

async function measure(
  users: User[],
  list: P8List,
  requests: number,
  orgs: string[],
  expectRows: number,
  cpu: () => { server: number; bench: number },
) {
  const next = lcg(list === 'office' ? 7 : 11);
  const latencies: number[] = [];
  const rows: number[] = [];
  let errors = 0;
  const before = cpu();
  const t0 = performance.now();
  await Promise.all(
    users.map(async (u) => {
      for (let i = 0; i < requests; i++) {
        const org = orgs[Math.floor(next() * orgs.length)]!;
        const started = performance.now();
        const res = await u.get(list === 'office' ? `/van-phong?org=${org}` : '/van-phong');
        const page = await res.text();
        latencies.push(performance.now() - started);
        const n = page.match(PLAN_ROW)?.length ?? 0;
        rows.push(n);
        if (res.status !== 200 || n !== expectRows || (list === 'office' && !page.includes(`>${org} 2026</a>`)))
          errors++;
      }
    }),
  );
  const after = cpu();
  const pages = latencies.length;
  rows.sort((a, b) => a - b);
  return {
    requests: pages,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: Math.max(...latencies),
    rows: rows[rows.length >> 1] ?? 0,
    errors,
    serverCpuMs: ((after.server - before.server) * 1000) / pages,
    benchCpuMs: ((after.bench - before.bench) * 1000) / pages,
    wallS: (performance.now() - t0) / 1000,
  };
}

/** A dev server of the phase's own, in memory: its 5,625 workflows would be in every other phase's lists. */
async function startServer(visibilityRps: number) {
  const [port, httpPort, metricsPort] = [await freePort(), await freePort(), await freePort()];
  const server = await startDevServer({
    port,
    extraArgs: [
      ...['--http-port', String(httpPort), '--metrics-port', String(metricsPort)],
      // The default (10 a second) throttles 20 users' dashboards: the client retries RESOURCE_EXHAUSTED for seconds.
      ...(visibilityRps ? ['--dynamic-config-value', `frontend.namespaceRPS.visibility=${visibilityRps}`] : []),
    ],
  });
  process.once('exit', () => server.proc.kill('SIGKILL'));
  const connection = await Connection.connect({ address: server.address });
  const native = await NativeConnection.connect({ address: server.address });
  return {
    client: new Client({ connection }),
    native,
    cpuSeconds: () => procCpuSeconds(server.proc.pid!),
    async stop() {
      await native.close();
      await connection.close();
      await server.stop();
    },
  };
}

export async function runP8(o: P8Options): Promise<P8Result> {
  const server = await startServer(o.visibilityRps);
  const worker = await Worker.create({
    connection: server.native,
    taskQueue: QUEUE,
    workflowsPath: LISTED_WORKFLOWS_PATH,
    // Every running stand-in stays cached, as sleeping plans would be on a worker with room for them.
    maxCachedWorkflows: o.plans,
  });
  const running = worker.run();
  try {
    o.log(`P8: starting ${o.plans} plans…`);
    const population = await startPopulation(server.client, { plans: o.plans, concurrency: 50, taskQueue: QUEUE });
    o.log(
      `P8: ${population.plans} plans and ${population.items} items listed after ${population.seconds.toFixed(1)} s`,
    );
    // The worker ran every plan's first task (the closed years completed): queries no longer wait behind starts.
    await untilWorked(server.client, population);
    const config = portalTestConfig({
      PORTAL_BASE_URL: 'http://portal.bench',
      PORTAL_USERS: `vanphong:${await hashPassword(PASSWORD)}`,
    });
    const apps = {
      A: createPortalApp({ client: server.client, config }),
      B: oldDashboardApp({ client: server.client, config }),
    };
    const users = { A: [] as User[], B: [] as User[] };
    for (const v of ['A', 'B'] as const)
      for (let i = 0; i < o.users; i++) {
        const u = portalClient(apps[v]);
        await u.login('vanphong', PASSWORD);
        users[v].push(u);
      }
    const cpu = () => ({ server: server.cpuSeconds(), bench: selfCpuSeconds() });
    const oldCap = Math.min(200, population.plans);
    const expectRows = (v: 'A' | 'B', list: P8List) =>
      list === 'office' ? 2 : v === 'A' ? Math.min(PLANS_PER_PAGE, population.plans) : oldCap;
    // Warm-up, not counted: sessions, connections, the SQL store's pages. Not B's administrator list: its 200
    // queries a page hit running plans the worker already holds, and one round of it costs half a minute.
    for (const [v, list] of [
      ['A', 'office'],
      ['B', 'office'],
      ['A', 'admin'],
    ] as const)
      await measure(users[v], list, 1, population.orgs, expectRows(v, list), cpu);
    const runs: P8Run[] = [];
    for (const list of ['office', 'admin'] as const)
      for (const variant of o.order) {
        const r = await measure(
          users[variant],
          list,
          o.requests[list],
          population.orgs,
          expectRows(variant, list),
          cpu,
        );
        runs.push({ variant, list, ...r });
        o.log(
          `P8 ${list} ${variant}: p50 ${r.p50Ms.toFixed(0)} ms, p99 ${r.p99Ms.toFixed(0)} ms, ${r.requests} pages, ${r.errors} errors, ${r.wallS.toFixed(1)} s`,
        );
      }
    return { population, users: o.users, runs };
  } finally {
    worker.shutdown();
    await running;
    await server.stop();
  }
}
