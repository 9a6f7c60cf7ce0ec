/**
 * P9, one department's side of the quarter. Its plan starts once the schools' reports are filed, on a clock of its
 * own (plan time is per plan): the 21 plan days from its Q1 item's opening (Mon 02/03 08:00) to its one reminder
 * (Mon 23/03 08:00) last `windowS` real seconds, and its office deadline (Wed 25/03 08:00) comes 2 plan days later.
 * Its own three units report; once its request has reached every unit and school, the schools' reports come in, at
 * `readyRate` a second:
 * A, the roll-up: each school's director accepts, and the school's item sends the report up by itself;
 * B, the baseline: the bench submits each (already accepted) school report by hand, with the same three queries and
 * the same Update the roll-up activity makes. Its office accepts each as it arrives; its report compiles at its deadline.
 */
import type { Client } from '@temporalio/client';
import {
  getItemDetail,
  getItemStatus,
  reviewReport,
  reviewSubmission,
  startPlan,
  submitReport,
} from '../client/plan-client.js';
import { itemWorkflowId, planWorkflowId } from '../domain/ids.js';
import { REPORT_ITEM, runParentOffice, submitByHand } from './p9-parent-office.js';
import { directorOf, P9_PLAN_START, PARENT_OFFICE_DUE, PARENT_UNITS, parentPlan } from './p9-plans.js';
import { refOf, sleep, until, YEAR } from './p9-schools.js';
import type { Received, RemoteSink } from './remote-sink.js';
import { pool } from './stats.js';
import { anchorMs } from './variant-plans.js';

export type P9Variant = 'A' | 'B';

export interface PipelineOptions {
  variant: P9Variant;
  parent: string;
  schools: string[];
  taskQueue: string;
  windowS: number;
  lanes: number;
  /** Reports made ready per second (A: directors' accepts; B: the clerk's submissions); 0: as fast as `lanes` go. */
  readyRate: number;
  /** CPU-s of the worker process and the dev server so far. */
  cpu: () => { worker: number; server: number };
  log: (m: string) => void;
}

export interface P9Pipeline {
  variant: P9Variant;
  parent: string;
  /** Per school: its report ready (A: director's accept returned; B: the clerk starts) → arrived at the parent, ms. */
  latencyMs: number[];
  /** Seconds after the last school's report was ready: the last one in, the office's last accept. */
  lastInS: number;
  lastOfficeAcceptS: number;
  /** Seconds after the last report was ready: the parent's deadline (its clock), its compile starting, filed. */
  deadlineS: number;
  compileStartS: number;
  filedS: number;
  /** Seconds from the first report ready to the last one in at the parent. */
  drainS: number;
  /** Schools in the parent's report (accepted before it was compiled), schools not in exactly once, on time. */
  counted: number;
  notOnce: number;
  onTime: number;
  /** Worker and dev server CPU-s from the first report ready until the parent's report is filed. */
  workerCpuS: number;
  serverCpuS: number;
  /** E-mails of the parent's Q1 item received; the office's status queries of it, and its accepts refused (busy). */
  emails: number;
  officePolls: number;
  officeRefused: number;
  /** Bytes of the list attributes as the server stores them: the plan's `KhPeople`, its Q1 item's `KhUnits`. */
  attributeBytes: { people: number; units: number };
}

/** Bytes of one search attribute's value as the server holds it (the JSON of a list), read with `describe`. */
async function attributeBytes(client: Client, workflowId: string, key: string): Promise<number> {
  const d = await client.workflow.getHandle(workflowId).describe();
  return d.raw.workflowExecutionInfo?.searchAttributes?.indexedFields?.[key]?.data?.length ?? 0;
}

const DAY_MS = 86_400_000;

/** Everything the SMTP sink received (it hands each message out once). */
export function mailLog(sink: RemoteSink) {
  const all: Received[] = [];
  return {
    all,
    async count(match: (id: string) => boolean) {
      all.push(...(await sink.take()));
      return all.filter((m) => match(m.id)).length;
    },
  };
}

export async function runPipeline(
  client: Client,
  mail: ReturnType<typeof mailLog>,
  o: PipelineOptions,
): Promise<P9Pipeline> {
  const parent = refOf(o.parent);
  const planId = planWorkflowId(o.parent, YEAR);
  const itemId = itemWorkflowId(planId, REPORT_ITEM);
  const speed = (21 * DAY_MS) / (o.windowS * 1000);
  await startPlan(client, parentPlan(o.parent, o.schools), {
    taskQueue: o.taskQueue,
    clock: { planStart: P9_PLAN_START, speed },
  });
  const anchor = await until(() => anchorMs(client, planId), `${o.parent}'s first task`, 60_000);
  const realOf = (planIso: string) => anchor + (Date.parse(planIso) - Date.parse(P9_PLAN_START)) / speed;
  await until(() => getItemStatus(client, parent, REPORT_ITEM), `${o.parent}'s Q1 item`, 60_000, 50);
  for (const unit of PARENT_UNITS) {
    await submitReport(client, parent, REPORT_ITEM, {
      unit,
      submittedBy: 'Trưởng phòng',
      results: 'Đã thực hiện các nhiệm vụ tuyên truyền của quý.',
      figures: { WEBSITE: 10 },
    });
    await reviewSubmission(client, parent, REPORT_ITEM, { unit, decision: 'accept', by: `vp.${o.parent}` });
  }
  const ofItem = (id: string) => id.includes(`${itemId}.`);
  await until(
    async () => ((await mail.count(ofItem)) >= o.schools.length + PARENT_UNITS.length ? true : undefined),
    `${o.parent}'s request to every unit and school`,
    120_000,
    100,
  );

  o.log(`P9 ${o.variant}: ${o.parent}'s request reached every unit and school; the reports come in`);
  const c0 = o.cpu();
  const office = runParentOffice(client, parent, o.schools, `vp.${o.parent}`);
  const readyAt = new Map<string, number>();
  const t0 = performance.now();
  await pool(o.schools, o.lanes, async (code, i) => {
    if (o.readyRate) await sleep(t0 + (i * 1000) / o.readyRate - performance.now());
    if (o.variant === 'A') {
      await reviewReport(client, refOf(code), REPORT_ITEM, { decision: 'accept', by: directorOf(code) });
      readyAt.set(code, Date.now());
    } else {
      readyAt.set(code, Date.now());
      await submitByHand(client, refOf(code), parent, directorOf(code));
    }
  });
  const lastReady = Math.max(...readyAt.values());
  o.log(`P9 ${o.variant}: every school's report is ready; ${o.parent}'s office accepts them as they arrive`);
  let timer: NodeJS.Timeout | undefined;
  const log = await Promise.race([
    office.done,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        office.stop();
        reject(new Error(`P9 ${o.variant}: ${o.parent}'s office did not accept every school within 300 s`));
      }, 300_000);
    }),
  ]).finally(() => clearTimeout(timer));
  o.log(`P9 ${o.variant}: ${o.parent}'s office accepted every school; its report compiles at its deadline`);
  const report = await until(
    async () => (await getItemStatus(client, parent, REPORT_ITEM)).report,
    `${o.parent}'s report`,
    300_000,
    100,
  );
  const filedAt = Date.now();
  const c1 = o.cpu();
  o.log(
    `P9 ${o.variant}: ${o.parent}'s report ${report.number} filed ${((filedAt - lastReady) / 1000).toFixed(1)} s after the last school's was ready`,
  );

  const detail = await getItemDetail(client, parent, REPORT_ITEM);
  const schools = detail.units.filter((u) => readyAt.has(u.unit));
  const arrivedAt = new Map(schools.map((u) => [u.unit, realOf(u.versions[0]?.at ?? '')]));
  const s = (ms: number) => ms / 1000;
  return {
    variant: o.variant,
    parent: o.parent,
    latencyMs: o.schools.map((c) => arrivedAt.get(c)! - readyAt.get(c)!),
    lastInS: s(Math.max(...arrivedAt.values()) - lastReady),
    lastOfficeAcceptS: s(Math.max(...log.acceptedAt.values()) - lastReady),
    deadlineS: s(realOf(PARENT_OFFICE_DUE) - lastReady),
    compileStartS: s(realOf(report.at) - lastReady),
    filedS: s(filedAt - lastReady),
    drainS: s(Math.max(...arrivedAt.values()) - Math.min(...readyAt.values())),
    counted: schools.filter((u) => u.phase === 'accepted' && (u.versions.at(-1)?.review?.at ?? '~') <= report.at)
      .length,
    notOnce: schools.filter((u) => u.versions.length !== 1).length + (o.schools.length - schools.length),
    onTime: schools.filter((u) => u.versions[0]?.onTime).length,
    workerCpuS: c1.worker - c0.worker,
    serverCpuS: c1.server - c0.server,
    emails: await mail.count(ofItem),
    officePolls: log.polls,
    officeRefused: log.refused,
    attributeBytes: {
      people: await attributeBytes(client, planId, 'KhPeople'),
      units: await attributeBytes(client, itemId, 'KhUnits'),
    },
  };
}
