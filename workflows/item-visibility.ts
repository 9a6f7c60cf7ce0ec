import { setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import { statusMarkdown } from './item-labels.js';
import type { ItemModel } from './item-model.js';
import type { ItemWorkflowInput } from './item-types.js';
import { KhIncident, KhNextDeadline, KhOverdueUnits, KhStatus } from './search-attributes.js';

/**
 * What the Temporal UI shows of an item: the current details table on every pass, and the search attributes only
 * when they change (each change is a command in history).
 */
export function visibilityPublisher(model: ItemModel, input: ItemWorkflowInput, nowMs: () => number) {
  // A plan that set the opening status with the start (`startedVisible`) saves the first upsert; older plans did not.
  let lastVisible = input.startedVisible ? visibleKey('open', [], input.startedVisible.nextDue, undefined) : '';
  return () => {
    const at = nowMs();
    setCurrentDetails(statusMarkdown(model.status(at), input.ctx.units));
    const { phase, overdue, nextDue, incident } = model.visibility(at);
    const visible = visibleKey(phase, overdue, nextDue, incident);
    if (visible === lastVisible) return;
    lastVisible = visible;
    upsertSearchAttributes([
      { key: KhStatus, value: phase },
      { key: KhOverdueUnits, value: overdue.length ? overdue : null },
      { key: KhNextDeadline, value: nextDue && phase !== 'done' ? new Date(nextDue) : null },
      // Only items that ever had an incident carry the key, so runs recorded before keep their attributes.
      ...(incident === undefined ? [] : [{ key: KhIncident, value: incident ? true : null }]),
    ]);
  };
}

/** What the search attributes show, as one comparable string. */
function visibleKey(phase: string, overdue: string[], nextDue: string | undefined, incident: boolean | undefined) {
  return JSON.stringify([phase, overdue, nextDue, incident]);
}
