/**
 * Bench P8's population: N plans as two years (2025 closed, 2026 running) of N/2 organisations, with the product's
 * search attributes and memo, of a stand-in workflow type (test/fixtures/listed-plan-workflow.ts: no items, timers
 * or e-mails, so 5,000 plans are cheap), and one running item for every fourth 2026 plan, a fifth of them overdue
 * and one in fifty with an incident. Workflow ids are one per organisation and year, so 5,000 plans need 2,500 organisations.
 */
import type { Client } from '@temporalio/client';
import { planQuery } from '../portal/lists/plan-query.js';
import { startListedItem, startListedPlan, untilCounted } from '../test/helpers/listed-workflows.js';
import { pool } from './stats.js';

export interface Population {
  plans: number;
  items: number;
  orgs: string[];
  /** From the first start to visibility counting every plan and item. */
  seconds: number;
  startsPerS: number;
}

/** Waits until every closed plan-year has completed: by then the worker has run (nearly) every plan's first task. */
export async function untilWorked(client: Client, p: Population): Promise<void> {
  await untilCounted(client, planQuery({ orgs: 'all', state: 'done' }).where, Math.floor(p.plans / 2), 120_000);
}

const UNITS = ['VP', 'KHTC', 'TCCB', 'GDTrH', 'GDTH', 'GDMN', 'TTra', 'CNTT'];
const orgCode = (i: number) => `TH${String(i + 1).padStart(4, '0')}`;

export async function startPopulation(
  client: Client,
  o: { plans: number; concurrency: number; taskQueue: string },
): Promise<Population> {
  const orgs = Array.from({ length: Math.ceil(o.plans / 2) }, (_, i) => orgCode(i));
  const plans = orgs.flatMap((org, i) =>
    [2025, 2026].map((year) => ({
      org,
      year,
      number: `${(i % 300) + 1}/KH-${org}`,
      title: `Kế hoạch tuyên truyền cải cách hành chính năm ${year}`,
      orgName: `Trường Tiểu học số ${i + 1}`,
      units: UNITS.slice(0, 4 + (i % 5)),
      items: 24,
      ...(year === 2025 ? { close: 'done' as const } : {}),
    })),
  );
  const items = orgs
    .filter((_, i) => i % 4 === 0)
    .map((org, i) => ({
      org,
      year: 2026,
      itemId: `task-${String((i % 12) + 1).padStart(2, '0')}`,
      units: UNITS.slice(0, 4),
      ...(i % 5 === 0 ? { overdue: [UNITS[1 + (i % 3)]!] } : {}),
      ...(i % 50 === 0 ? { incident: true as const } : {}),
      nextDeadline: new Date(Date.UTC(2026, i % 12, 1 + (i % 28), 10)),
    }));
  const t0 = performance.now();
  await pool(plans.slice(0, o.plans), o.concurrency, (p) => startListedPlan(client, p, o.taskQueue));
  await pool(items, o.concurrency, (i) => startListedItem(client, i));
  await untilCounted(client, planQuery({ orgs: 'all' }).where, Math.min(o.plans, plans.length), 120_000);
  await untilCounted(client, `KhKind IN ('task', 'report')`, items.length, 120_000);
  const seconds = (performance.now() - t0) / 1000;
  return {
    plans: Math.min(o.plans, plans.length),
    items: items.length,
    orgs,
    seconds,
    startsPerS: (o.plans + items.length) / seconds,
  };
}
