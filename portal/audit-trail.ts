import type { Client } from '@temporalio/client';
import { readItemHistory } from '../activities/archive-history.js';
import type { PlanStatus } from '../workflows/plan-types.js';

/** One steering action or submission: when (plan time), on what, which message, by whom (from the session). */
export interface AuditEntry {
  at: string;
  /** `plan`, or the item's id (`task-03`). */
  on: string;
  action: string;
  by: string;
  detail?: string;
}

/** Messages that are plumbing between the plan and its items, not anyone's action. */
const INTERNAL = new Set(['reportBack', 'itemClosed']);

/** Who sent a message, as its argument names them: `by` for steering, `submittedBy` / `raisedBy` for units. */
function byOf(args: unknown[] | undefined): string {
  const a = (args?.[0] ?? {}) as { by?: unknown; submittedBy?: unknown; raisedBy?: unknown };
  const who = a.by ?? a.submittedBy ?? a.raisedBy;
  return typeof who === 'string' ? who : '';
}

function unitOf(args: unknown[] | undefined): string | undefined {
  const a = (args?.[0] ?? {}) as { unit?: unknown; from?: unknown; to?: unknown };
  if (typeof a.from === 'string' && typeof a.to === 'string') return `${a.from} → ${a.to}`;
  return typeof a.unit === 'string' ? a.unit : undefined;
}

/**
 * The plan-year's audit trail, newest first: the plan's amendments and answers (kept in its state, with who), and
 * every message each started item received, read from its history (all runs). Closed and running items alike.
 */
export async function auditTrail(client: Client, status: PlanStatus): Promise<AuditEntry[]> {
  const plan: AuditEntry[] = [
    ...status.amendments.map((a) => ({
      at: a.at,
      on: 'plan',
      action: 'amendPlan',
      by: a.by,
      detail: `v${a.version}: ${a.note}`,
    })),
    ...status.difficulties.flatMap((d) =>
      d.answer
        ? [{ at: d.answer.at, on: 'plan', action: 'answerDifficulty', by: d.answer.by, detail: `#${d.id} ${d.unit}` }]
        : [],
    ),
  ];
  const started = status.items.filter((i) => i.phase !== 'scheduled' && i.phase !== 'dropped');
  const items = await Promise.all(
    started.map(async (i) => {
      const history = await readItemHistory(client, i.workflowId).catch(() => undefined);
      return (history?.messages ?? [])
        .filter((m) => !INTERNAL.has(m.name))
        .map((m) => ({ at: m.at, on: i.itemId, action: m.name, by: byOf(m.args), detail: unitOf(m.args) }));
    }),
  );
  return [...plan, ...items.flat()].sort((a, b) => b.at.localeCompare(a.at));
}
