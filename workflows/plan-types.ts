import type { HandledUpdate } from './update-ledger.js';
import type { Difficulty } from '../domain/difficulties.js';
import type { ClockRequest, PlanClock } from '../domain/plan-clock.js';
import type { Plan } from '../domain/plan-schema.js';
import type { ScheduleRules } from '../domain/schedule.js';
import type { ItemSpec, WorkCalendar } from '../domain/schedule-types.js';
import type { ItemStatus } from './item-types.js';

export type PlanItemPhase = 'scheduled' | 'running' | 'closed' | 'dropped';

export interface PlanItem {
  spec: ItemSpec;
  workflowId: string;
  phase: PlanItemPhase;
  result?: ItemStatus;
  /** The item workflow failed or was terminated without reporting back (seen since `patched('incidents')`). */
  failure?: string;
  /** Started by this run with `reportsByCompletion` (since `kh-2026-12`): its end is its child completion here. */
  byCompletion?: true;
}

/** All the plan workflow carries across continue-as-new. */
export interface PlanState {
  plan: Plan;
  planVersion: number;
  calendar: WorkCalendar;
  clock: PlanClock;
  items: PlanItem[];
  adHocCount: number;
  paused: boolean;
  closing: boolean;
  amendments: { version: number; at: string; note: string; by: string; changes: string[] }[];
  /** The deadline rules the plan was scheduled with (absent: the first version; see `ScheduleRules`). */
  scheduleRules?: ScheduleRules;
  /** Difficulties units raised, with the office's answers (absent until the first is raised). */
  difficulties?: Difficulty[];
  /** The year's record written out of Temporal when it closed (since `patched('archive-at-close')`). */
  archive?: PlanArchive;
  /** The latest Updates taken, by id, with their answers: a client's repeat after continue-as-new is answered, not applied. */
  updates?: HandledUpdate[];
}

/**
 * Where the closed year's record was written (`prefix` in the blob store, every key, what it lacks), or why it could
 * not be after its retries: the plan still closes, and the office sees the error on the plan page.
 */
export type PlanArchive =
  { at: string; prefix: string; keys: string[]; problems?: string[] } | { at: string; error: string; type: string };

export interface YearPlanInput {
  plan: Plan;
  clock?: ClockRequest;
  state?: PlanState;
}

export interface PlanStatus {
  workflowId: string;
  organisation: string;
  year: number;
  number: string;
  title: string;
  planVersion: number;
  paused: boolean;
  closing: boolean;
  closesAt: string;
  now: string;
  items: {
    itemId: string;
    workflowId: string;
    kind: 'task' | 'report';
    title: string;
    opensAt: string;
    phase: PlanItemPhase;
    result?: ItemStatus;
    /** A periodic report's office deadline (plan time): where the units' difficulties are reported. */
    officeDueAt?: string;
    failure?: string;
  }[];
  amendments: PlanState['amendments'];
  difficulties: Difficulty[];
  /** The official calendar years the plan works on, and which are still computed (no approved document yet). */
  calendarYears: { year: number; source: string; provisional?: true }[];
  /** Set once the year closed and its record was archived (or failed to be). */
  archive?: PlanArchive;
}
