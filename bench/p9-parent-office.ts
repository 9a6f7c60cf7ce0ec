/**
 * Bench P9, the parent's side as people drive it through the client: the department's office accepts each
 * subordinate's report as it arrives (one status query of the parent's Q1 item every few hundred ms, then an accept
 * per new submission), and, for baseline B, a clerk submits each accepted school report to the parent by hand: the
 * same three queries and the same Update the roll-up activity makes, sent from the bench instead of a workflow.
 */
import type { Client } from '@temporalio/client';
import { rollUpSubmission } from '../activities/roll-up.js';
import {
  getItemStatus,
  getPlanDefinition,
  RequestRejectedError,
  reviewSubmission,
  submitReport,
  type PlanRef,
} from '../client/plan-client.js';
import { itemWorkflowId, planWorkflowId } from '../domain/ids.js';
import { pool } from './stats.js';

export const REPORT_ITEM = 'report-Q1';
/** The portal address the worker's activities use (test/helpers/temporal-env.ts `mailConfigFor`). */
const PORTAL = 'http://portal.test';
/** Reviews in flight on the parent at once: its item takes at most 10 Updates in flight, roll-ups need room too. */
const REVIEWS_IN_FLIGHT = 4;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface OfficeLog {
  /** Unit code → epoch ms when the office's accept returned. */
  acceptedAt: Map<string, number>;
  /** Status queries the office made of the parent's item; its accepts the item refused (busy) and it sent again. */
  polls: number;
  refused: number;
}

/**
 * Accepts every unit of `expected` once it has submitted; resolves when all are accepted. `stop()` ends it early
 * (the run failed elsewhere); the office then resolves with what it accepted.
 */
export function runParentOffice(client: Client, parent: PlanRef, expected: string[], by: string, everyMs = 300) {
  const pending = new Set(expected);
  const log: OfficeLog = { acceptedAt: new Map(), polls: 0, refused: 0 };
  let stopped = false;
  const done = (async () => {
    while (pending.size && !stopped) {
      const status = await getItemStatus(client, parent, REPORT_ITEM);
      log.polls++;
      const ready = status.units.filter((u) => u.phase === 'submitted' && pending.has(u.unit));
      await pool(ready, REVIEWS_IN_FLIGHT, async (u) => {
        try {
          await reviewSubmission(client, parent, REPORT_ITEM, { unit: u.unit, decision: 'accept', by });
        } catch (err) {
          // A call given up on may still have been applied: the retry then finds the report accepted.
          const applied = err instanceof RequestRejectedError && err.message.includes('(phase: accepted)');
          if (err instanceof RequestRejectedError && !applied) throw err;
          log.refused++;
          // The item refused more Updates for now (10 in flight) even after the client's retries: try again later.
          if (!applied) return;
        }
        log.acceptedAt.set(u.unit, Date.now());
        pending.delete(u.unit);
      });
      if (!ready.length || ready.some((u) => pending.has(u.unit))) await sleep(everyMs);
    }
    return log;
  })();
  return {
    done,
    stop() {
      stopped = true;
    },
  };
}

/** Baseline B: a school's accepted report submitted to the parent's item from the client, as the activity would. */
export async function submitByHand(client: Client, school: PlanRef, parent: PlanRef, acceptedBy: string) {
  const planId = planWorkflowId(school.org, school.year);
  const itemId = itemWorkflowId(planId, REPORT_ITEM);
  const [plan, status, parentPlan] = await Promise.all([
    getPlanDefinition(client, school),
    getItemStatus(client, school, REPORT_ITEM),
    getPlanDefinition(client, parent),
  ]);
  const req = {
    key: itemId,
    planWorkflowId: planId,
    itemWorkflowId: itemId,
    parentItemWorkflowId: itemWorkflowId(planWorkflowId(parent.org, parent.year), REPORT_ITEM),
    unit: school.org,
    acceptedBy,
  };
  const forms = new Set(parentPlan.forms.map((f) => f.code));
  // Typed in by a clerk: no roll-up source, the rest as the activity builds it.
  const submission = rollUpSubmission(req, { plan, status }, forms, PORTAL);
  delete submission.source;
  return submitReport(client, parent, REPORT_ITEM, submission);
}
