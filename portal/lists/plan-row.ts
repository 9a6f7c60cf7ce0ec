import type { WorkflowExecutionInfo } from '@temporalio/client';
import { KhOrg, KhUnits, KhYear } from '../../workflows/search-attributes.js';
import type { PlanState } from './plan-query.js';

/** A plan as one visibility search shows it: search attributes, memo, status, start and close time. */
export interface PlanRow {
  workflowId: string;
  org: string;
  year: number;
  /** From the memo; absent on plans started before it was set. */
  number?: string;
  title?: string;
  orgName?: string;
  /** `other` for a status lists do not filter on (a run that continued as new, an unknown one). */
  state: PlanState | 'other';
  units?: number;
  /** Absent for a plan listed from its archive. */
  startTime?: Date;
  closeTime?: Date;
  /** Listed from its archive: Temporal deleted it after the namespace's retention. */
  archived?: true;
}

const PLAN_ID = /^plan-([A-Z0-9][A-Z0-9-]*)-(\d{4})$/;

const STATE: Partial<Record<WorkflowExecutionInfo['status']['name'], PlanState>> = {
  RUNNING: 'running',
  COMPLETED: 'done',
  CANCELLED: 'cancelled',
  FAILED: 'failed',
  TERMINATED: 'failed',
  TIMED_OUT: 'failed',
};

const text = (memo: Record<string, unknown> | undefined, key: string): string | undefined => {
  const v = memo?.[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/** The row of one listed plan execution; organisation and year from the search attributes, else from the id. */
export function planRowOf(info: WorkflowExecutionInfo): PlanRow {
  const sa = info.typedSearchAttributes;
  const id = PLAN_ID.exec(info.workflowId);
  return {
    workflowId: info.workflowId,
    org: sa.get(KhOrg) ?? id?.[1] ?? '',
    year: sa.get(KhYear) ?? Number(id?.[2] ?? 0),
    number: text(info.memo, 'number'),
    title: text(info.memo, 'title'),
    orgName: text(info.memo, 'orgName'),
    state: STATE[info.status.name] ?? 'other',
    units: sa.get(KhUnits)?.length,
    startTime: info.startTime,
    closeTime: info.closeTime,
  };
}

/** Newest year first, then by organisation code: the order plan lists are read in. */
export const byYearThenOrg = (a: PlanRow, b: PlanRow): number => b.year - a.year || a.org.localeCompare(b.org);
