/**
 * Plans and items that exist only for lists: started with the search attributes and memo the product's own starters
 * set (client/plan-client.ts, workflows/plan-children.ts), of a stand-in workflow type. Shared by the lists tests and
 * bench P8. Items go to a task queue nobody polls: visibility lists a running workflow whether or not it ever ran.
 */
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { itemWorkflowId, planWorkflowId } from '../../domain/ids.js';
import type { PlanMemo } from '../../workflows/plan-memo.js';
import {
  KhIncident,
  KhItem,
  KhKind,
  KhNextDeadline,
  KhOrg,
  KhOverdueUnits,
  KhStatus,
  KhUnits,
  KhYear,
} from '../../workflows/search-attributes.js';
import type { ListedPlanInput } from '../fixtures/listed-plan-workflow.js';

/** The stand-in plan workflow's file, for `Worker.create({ workflowsPath })` or a bundle. */
export const LISTED_WORKFLOWS_PATH = fileURLToPath(new URL('../fixtures/listed-plan-workflow.ts', import.meta.url));
/** Where items are started: no worker polls it. */
export const UNPOLLED_QUEUE = 'kehoach-listed-nobody';

export interface ListedPlanSpec extends Omit<ListedPlanInput, 'items'> {
  orgName: string;
  units: string[];
  /** Items the status lists (default 12). */
  items?: number;
  /** A plan started before memos were set: none. */
  noMemo?: true;
}

/** Starts one stand-in plan as `plan-<org>-<year>`, with the plan's search attributes and memo. */
export async function startListedPlan(client: Client, s: ListedPlanSpec, taskQueue: string) {
  const memo: PlanMemo = { number: s.number, title: s.title, orgName: s.orgName };
  return client.workflow.start('listedPlanWorkflow', {
    taskQueue,
    workflowId: planWorkflowId(s.org, s.year),
    args: [
      { org: s.org, year: s.year, number: s.number, title: s.title, items: s.items ?? 12, close: s.close },
    ] satisfies [ListedPlanInput],
    ...(s.noMemo ? {} : { memo }),
    typedSearchAttributes: [
      { key: KhOrg, value: s.org },
      { key: KhYear, value: s.year },
      { key: KhKind, value: 'plan' },
      { key: KhUnits, value: s.units },
      { key: KhStatus, value: s.close === 'done' ? 'done' : 'running' },
    ],
  });
}

export interface ListedItemSpec {
  org: string;
  year: number;
  itemId: string;
  units: string[];
  overdue?: string[];
  incident?: true;
  nextDeadline?: Date;
}

/** Starts one stand-in item as `plan-<org>-<year>-<itemId>`, with an item's search attributes, on UNPOLLED_QUEUE. */
export async function startListedItem(client: Client, s: ListedItemSpec) {
  return client.workflow.start('listedItemWorkflow', {
    taskQueue: UNPOLLED_QUEUE,
    workflowId: itemWorkflowId(planWorkflowId(s.org, s.year), s.itemId),
    typedSearchAttributes: [
      { key: KhOrg, value: s.org },
      { key: KhYear, value: s.year },
      { key: KhKind, value: s.itemId.startsWith('report-') ? 'report' : 'task' },
      { key: KhItem, value: s.itemId },
      { key: KhUnits, value: s.units },
      { key: KhStatus, value: s.overdue?.length ? 'overdue' : 'open' },
      ...(s.overdue?.length ? [{ key: KhOverdueUnits, value: s.overdue }] : []),
      ...(s.nextDeadline ? [{ key: KhNextDeadline, value: s.nextDeadline }] : []),
      ...(s.incident ? [{ key: KhIncident, value: true }] : []),
    ],
  });
}

/**
 * Waits until visibility counts `n` workflows for `query` (it is eventually consistent: the dev server indexes a
 * start within a second or so), or throws after `timeoutMs` with the last count.
 */
export async function untilCounted(client: Client, query: string, n: number, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const { count } = await client.workflow.count(query);
    if (count === n) return;
    if (Date.now() > end) throw new Error(`visibility counts ${count}, not ${n}, for ${query} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
