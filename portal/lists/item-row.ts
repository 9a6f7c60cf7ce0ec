import type { WorkflowExecutionInfo } from '@temporalio/client';
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

/** An item (task or report) as one visibility search shows it: only its search attributes. */
export interface ItemRow {
  workflowId: string;
  org: string;
  year: number;
  /** `task-03`, `report-Q1`. */
  itemId: string;
  kind: 'task' | 'report';
  units: string[];
  overdueUnits: string[];
  nextDeadline?: Date;
  incident: boolean;
  /** `open`, `overdue`, `done` (`KhStatus`). */
  status: string;
}

/** The row of one listed item execution. */
export function itemRowOf(info: WorkflowExecutionInfo): ItemRow {
  const sa = info.typedSearchAttributes;
  return {
    workflowId: info.workflowId,
    org: sa.get(KhOrg) ?? '',
    year: sa.get(KhYear) ?? 0,
    itemId: sa.get(KhItem) ?? '',
    kind: sa.get(KhKind) === 'report' ? 'report' : 'task',
    units: sa.get(KhUnits) ?? [],
    overdueUnits: sa.get(KhOverdueUnits) ?? [],
    nextDeadline: sa.get(KhNextDeadline),
    incident: sa.get(KhIncident) === true,
    status: sa.get(KhStatus) ?? '',
  };
}

/** Nearest deadline first (none last), then by workflow id: the order item lists are read in. */
export function byDeadline(a: ItemRow, b: ItemRow): number {
  const [x, y] = [a.nextDeadline?.getTime() ?? Infinity, b.nextDeadline?.getTime() ?? Infinity];
  return x === y ? a.workflowId.localeCompare(b.workflowId) : x - y;
}
