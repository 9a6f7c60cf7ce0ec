import {
  ChildWorkflowCancellationType,
  ParentClosePolicy,
  getExternalWorkflowHandle,
  isCancellation,
  type ChildWorkflowHandle,
  type ChildWorkflowOptions,
  type SignalDefinition,
} from '@temporalio/workflow';
import type { itemWorkflow } from './item.js';
import type { ItemStatus } from './item-types.js';
import { since } from './patches.js';
import { itemDetails, itemSummary } from './plan-state.js';
import type { PlanItem, PlanState } from './plan-types.js';
import { KhItem, KhKind, KhMonth, KhNextDeadline, KhOrg, KhStatus, KhUnits, KhYear } from './search-attributes.js';

/** How the plan starts an item workflow: its id, what the Temporal UI shows of it, and who cancels it. */
export function itemChildOptions(
  state: PlanState,
  item: PlanItem,
  /** The units' earliest deadline, set as `KhNextDeadline` with the start (since `fewer-upserts`). */
  nextDue?: string,
): Omit<ChildWorkflowOptions, 'typeInfo'> {
  const spec = item.spec;
  const dueMonth = spec.units[0] ? Number(spec.units[0].due.date.slice(5, 7)) : undefined;
  return {
    workflowId: item.workflowId,
    // The plan cancels its items itself; ABANDON keeps them alive across the plan's continue-as-new.
    parentClosePolicy: ParentClosePolicy.ABANDON,
    // Not cancelled by the SDK with the plan's scope: the plan's cancel handler cancels every running item itself
    // (also those started before a continue-as-new), and a second request for the same child fails its task.
    cancellationType: ChildWorkflowCancellationType.ABANDON,
    staticSummary: itemSummary(state, spec),
    staticDetails: itemDetails(state, spec),
    typedSearchAttributes: [
      { key: KhOrg, value: state.plan.organisation.code },
      { key: KhYear, value: state.plan.plan.year },
      { key: KhKind, value: spec.kind },
      { key: KhItem, value: spec.itemId },
      // The plan's own units: a province's subordinate bodies would pass the attribute's size limit (2 KB by default,
      // bench P9); their states are on the parent's dashboard (`cap-duoi`).
      {
        key: KhUnits,
        value: ownUnits(
          state,
          spec.units.map((u) => u.unit),
        ),
      },
      { key: KhStatus, value: 'open' },
      ...(dueMonth ? [{ key: KhMonth, value: dueMonth }] : []),
      ...(nextDue ? [{ key: KhNextDeadline, value: new Date(nextDue) }] : []),
    ],
  };
}

/** `codes` without the plan's subordinate bodies (a plan started before they existed has none). */
function ownUnits(state: PlanState, codes: string[]): string[] {
  const bodies = new Set((state.plan.subordinates ?? []).map((s) => s.code));
  return bodies.size ? codes.filter((c) => !bodies.has(c)) : codes;
}

const reasonOf = (err: unknown): string => {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  return cause instanceof Error ? cause.message : String(cause);
};

/**
 * The plan never waits for an item that cannot answer: one that fails or is terminated is `gone`. Only children
 * started in this run can be watched; the others are found out when a signal to them fails (`signalItems`).
 * Runs recorded before `incidents` ignored this, and replay keeps that.
 */
export function watchChild(
  child: ChildWorkflowHandle<typeof itemWorkflow>,
  gone: (reason: string) => void,
  /** Given when the item reports its end by completing (`reportsByCompletion`), not by signal. */
  closed?: (result: ItemStatus) => void,
): void {
  child.result().then(
    (result) => closed?.(result),
    (err: unknown) => {
      if (!isCancellation(err) && since('incidents')) gone(reasonOf(err));
    },
  );
}

/** Signals each item; one that is not there any more (terminated, failed earlier) is `gone`, not the plan's failure. */
export async function signalItems<Args extends unknown[]>(
  items: PlanItem[],
  gone: (item: PlanItem, reason: string) => void,
  def: SignalDefinition<Args>,
  ...args: Args
): Promise<void> {
  await Promise.all(
    items.map((item) =>
      getExternalWorkflowHandle(item.workflowId)
        .signal(def, ...args)
        .catch((err: unknown) => {
          if (!since('incidents')) throw err;
          gone(item, reasonOf(err));
        }),
    ),
  );
}
