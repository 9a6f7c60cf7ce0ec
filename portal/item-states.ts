import type { Client } from '@temporalio/client';
import type { CurrentDeadline } from '../domain/year-calendar.js';
import { getItemStatus, type PlanRef } from '../client/plan-client.js';
import type { ItemStatus, OfficialState } from '../workflows/item-types.js';
import type { PlanStatus } from '../workflows/plan-types.js';

/** One item of the plan's status, with its own status once it has opened (a closed item's is its result). */
export interface ItemWithStatus {
  entry: PlanStatus['items'][number];
  status?: ItemStatus;
}

/**
 * Each of `entries` with its status: a running item answers its own (one query each, side by side; one that cannot
 * answer just now has none), a closed one left its result with the plan.
 */
export function withStatuses(
  client: Client,
  ref: PlanRef,
  entries: readonly PlanStatus['items'][number][],
): Promise<ItemWithStatus[]> {
  return Promise.all(
    entries.map(async (entry) => ({
      entry,
      status:
        entry.result ??
        (entry.phase === 'running' ? await getItemStatus(client, ref, entry.itemId).catch(() => undefined) : undefined),
    })),
  );
}

/** An item's state from its units': overdue if one is, done (late if one was) when all are, else still open. */
function itemState(units: ItemStatus['units']): OfficialState | undefined {
  const live = units.filter((u) => u.phase !== 'dropped');
  if (!live.length) return undefined;
  if (live.some((u) => u.state === 'overdue')) return 'overdue';
  if (live.every((u) => u.state === 'done-on-time' || u.state === 'done-late'))
    return live.some((u) => u.state === 'done-late') ? 'done-late' : 'done-on-time';
  return 'pending-in-time';
}

/**
 * What has happened to each item, for the year calendar's colours: by item id, and by `itemId/unit` for each unit's
 * share (a unit can be late while the item is still open for the others). A dropped item or share is `cancelled`;
 * an item not yet opened has no state.
 */
export function itemStates(items: readonly ItemWithStatus[]): Record<string, string> {
  const states: Record<string, string> = {};
  for (const { entry, status } of items) {
    if (entry.phase === 'dropped') {
      states[entry.itemId] = 'cancelled';
      continue;
    }
    if (!status) continue;
    const state = itemState(status.units);
    if (state) states[entry.itemId] = state;
    for (const u of status.units) states[`${entry.itemId}/${u.unit}`] = u.phase === 'dropped' ? 'cancelled' : u.state;
  }
  return states;
}

/** Every unit's deadline now on the items that have opened, for the year calendar to show what the schedule does not. */
export function currentDeadlines(items: readonly ItemWithStatus[]): CurrentDeadline[] {
  return items.flatMap(({ entry, status }) =>
    entry.phase === 'dropped' || !status
      ? []
      : status.units
          .filter((u) => u.phase !== 'dropped')
          .map((u) => ({
            itemId: status.itemId,
            itemKind: status.kind,
            title: status.title,
            unit: u.unit,
            due: u.due,
            opensAt: status.opensAt,
          })),
  );
}
