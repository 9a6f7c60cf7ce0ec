/**
 * P9, the schools' quarter: N school plans start (paced: a plan's first workflow task is its heaviest), each on the
 * plan clock from Mon 02/03 07:00 at `dayS` real seconds a plan day; as soon as a school's Q1 item opens its two units
 * submit and its office accepts them; every office compiles its report on Wed 18/03 08:00 (its own clock). Resolves
 * when every school's report is filed, and waits for its director.
 */
import type { Client } from '@temporalio/client';
import {
  getItemDetail,
  getItemStatus,
  reviewSubmission,
  startPlan,
  submitReport,
  type PlanRef,
} from '../client/plan-client.js';
import { REPORT_ITEM } from './p9-parent-office.js';
import { P9_PLAN_START, SCHOOL_OFFICE_DUE, SCHOOL_UNITS, schoolPlan } from './p9-plans.js';
import { pool } from './stats.js';

export interface SchoolPhaseOptions {
  codes: string[];
  /** The department whose plan the schools carry out (their reports roll up there). */
  parent: string;
  taskQueue: string;
  dayS: number;
  startRate: number;
  lanes: number;
  log: (m: string) => void;
}

export interface SchoolPhase {
  /** Seconds from the first start: the last school started, the last unit accepted, the last report filed. */
  startedS: number;
  unitsS: number;
  filedS: number;
  /** Schools whose report was compiled with both units accepted (the clock left the bench time enough). */
  complete: number;
}

const DAY_MS = 86_400_000;
export const YEAR = 2026;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const refOf = (org: string): PlanRef => ({ org, year: YEAR });

/** Polls `probe` every `everyMs` until it returns a value (errors count as not yet: the item may not exist). */
export async function until<T>(probe: () => Promise<T | undefined>, what: string, limitMs: number, everyMs = 250) {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const got = await probe().catch(() => undefined);
    if (got !== undefined) return got;
    if (Date.now() > deadline) throw new Error(`P9: ${what} not within ${limitMs / 1000} s`);
    await sleep(everyMs);
  }
}

export async function runSchools(client: Client, o: SchoolPhaseOptions): Promise<SchoolPhase> {
  const t0 = performance.now();
  const since = () => (performance.now() - t0) / 1000;
  const clock = { planStart: P9_PLAN_START, speed: DAY_MS / (o.dayS * 1000) };
  const starting = Promise.all(
    o.codes.map(async (code, i) => {
      await sleep((i * 1000) / o.startRate);
      await startPlan(client, schoolPlan(code, i, o.parent), { taskQueue: o.taskQueue, clock });
    }),
  ).then(since);
  await pool(o.codes, o.lanes, async (code) => {
    await until(() => getItemStatus(client, refOf(code), REPORT_ITEM), `${code}'s Q1 item`, 120_000);
    for (const [k, unit] of SCHOOL_UNITS.entries()) {
      await submitReport(client, refOf(code), REPORT_ITEM, {
        unit,
        submittedBy: 'Tổ trưởng',
        results: `Đăng ${k + 3} tin về hoạt động của trường.`,
        proposals: k === 1 ? `Đề xuất của ${code}: tập huấn viết tin.` : '',
        figures: { WEBSITE: k + 3 },
      });
      await reviewSubmission(client, refOf(code), REPORT_ITEM, { unit, decision: 'accept', by: `vp.${code}` });
    }
  });
  const unitsS = since();
  const startedS = await starting;
  o.log(
    `P9: ${o.codes.length} schools started by ${startedS.toFixed(1)} s, their units accepted by ${unitsS.toFixed(1)} s`,
  );
  // The last school started compiles 16 plan days and an hour after its start; then poll those not yet filed.
  const compileS = (Date.parse(SCHOOL_OFFICE_DUE) - Date.parse(P9_PLAN_START)) / clock.speed / 1000;
  await sleep(Math.max(0, (startedS + compileS - since()) * 1000));
  let unfiled = o.codes;
  const limit = Date.now() + 300_000;
  while (unfiled.length) {
    if (Date.now() > limit) throw new Error(`P9: ${unfiled.length} school reports not filed within 300 s`);
    const filed = await pool(unfiled, o.lanes, async (code) =>
      Boolean((await getItemStatus(client, refOf(code), REPORT_ITEM)).report?.number),
    );
    unfiled = unfiled.filter((_, i) => !filed[i]);
    if (unfiled.length) await sleep(1000);
  }
  const filedS = since();
  const complete = await pool(o.codes, o.lanes, async (code) => {
    const { units, status } = await getItemDetail(client, refOf(code), REPORT_ITEM);
    const filedAt = status.report?.at ?? '';
    return units.every((u) => u.phase === 'accepted' && (u.versions.at(-1)?.review?.at ?? '~') <= filedAt);
  });
  const n = complete.filter(Boolean).length;
  o.log(`P9: every school report filed by ${filedS.toFixed(1)} s, ${n} with both units in`);
  return { startedS, unitsS, filedS, complete: n };
}
