import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AnswerInput, DifficultyInput } from '../domain/difficulties.js';
import type { ItemSpec, OfficialYear } from '../domain/schedule-types.js';
import type { Plan, PlanInput } from '../domain/plan-schema.js';
import type { SubmissionInput } from '../domain/submission.js';
import type { RetryInput } from './incidents.js';
import type { ItemDetail, ItemStatus } from './item-types.js';
import type { AllocateInput, RecordIssuedInput, RegisterState } from './register-model.js';
import type { PlanStatus } from './plan-types.js';

/** A unit's report on an item. Rejected by the validator (no history) for a wrong unit, empty or oversized content. */
export const submitReportUpdate = defineUpdate<SubmitReceipt, [SubmissionInput]>('submitReport');
export interface SubmitReceipt {
  itemId: string;
  unit: string;
  version: number;
  at: string;
  onTime: boolean;
}

/** The office accepts a submission or returns it for revision with a comment. */
export const reviewSubmissionUpdate = defineUpdate<{ unit: string; phase: string }, [ReviewInput]>('reviewSubmission');
export interface ReviewInput {
  unit: string;
  decision: 'accept' | 'return';
  comment?: string;
  by: string;
}

/** Moves one unit's deadline, with a reason; reminders and escalations follow the new date. */
/** The director accepts the consolidated report, or returns it to the office with a comment (since `kh-2026-12b`). */
export const reviewReportUpdate = defineUpdate<{ decision: 'accept' | 'return'; draft: number }, [ReportReviewInput]>(
  'reviewReport',
);
export interface ReportReviewInput {
  decision: 'accept' | 'return';
  /** Required to return: what the office must change. */
  comment?: string;
  /** Who decides (the portal: the signed-in director's address). */
  by: string;
}

/** After the director returned it, the office compiles the consolidated report again (same number, next draft). */
export const recompileReportUpdate = defineUpdate<{ draft: number }, [RecompileInput]>('recompileReport');
export interface RecompileInput {
  by: string;
  note?: string;
}

export const extendDeadlineUpdate = defineUpdate<{ unit: string; due: string }, [ExtendInput]>('extendDeadline');
export interface ExtendInput {
  unit: string;
  /** New deadline, `yyyy-MM-dd`, moved by the item's deadline policy if it is not a working day. */
  newDate: string;
  reason: string;
  by: string;
}

/** The office retries a step that failed for good (an incident) once its cause is fixed. */
export const retryIncidentUpdate = defineUpdate<{ id: number; at: string }, [RetryInput]>('retryIncident');

/** Hands a unit's share of an item to another unit. */
export const reassignItemUpdate = defineUpdate<{ from: string; to: string }, [ReassignInput]>('reassignItem');
export interface ReassignInput {
  from: string;
  to: string;
  reason: string;
  by: string;
}

/** Amends a running plan with a new version of the plan file; running items take the changes. */
export const amendPlanUpdate = defineUpdate<{ planVersion: number; changes: string[] }, [AmendInput]>('amendPlan');
export interface AmendInput {
  plan: PlanInput;
  note: string;
  by: string;
}

/** Asks chosen units for an ad hoc report (báo cáo đột xuất, ND 09/2019 Điều 4) with its own deadline. */
export const requestAdHocReportUpdate = defineUpdate<{ itemId: string; workflowId: string }, [AdHocInput]>(
  'requestAdHocReport',
);
export interface AdHocInput {
  title: string;
  content: string;
  units: string[];
  dueDate: string;
  by: string;
}

/** The government announces next year's days off in the autumn: running plans take them by message. */
export const updateCalendarUpdate = defineUpdate<{ years: number[] }, [{ years: OfficialYear[] }]>('updateCalendar');

/** A unit raises a difficulty or proposal (kiến nghị, vướng mắc) with the office, from its link, at any time. */
export const raiseDifficultyUpdate = defineUpdate<{ id: number; at: string }, [DifficultyInput]>('raiseDifficulty');
/** The office answers a difficulty, once; the answer shows on the unit's page and in the next report. */
export const answerDifficultyUpdate = defineUpdate<{ id: number; at: string }, [AnswerInput]>('answerDifficulty');

export const pauseRemindersSignal = defineSignal<[{ by: string }]>('pauseReminders');
export const resumeRemindersSignal = defineSignal<[{ by: string }]>('resumeReminders');
/** Sent by the plan to its items at year end (or when a task is dropped). */
export const closeItemSignal = defineSignal<[{ reason: string }]>('closeItem');
/** Sent by an item to its plan when it finishes, unless the plan hears it through the child's completion. */
export const itemClosedSignal = defineSignal<[ItemStatus]>('itemClosed');
/**
 * Sent by a plan about to continue as new to the items it watches through their completion: the next run cannot see
 * that, so they send `itemClosed` when they finish.
 */
export const reportBackSignal = defineSignal('reportBack');
/** Forwarded by the plan to running items. */
export const calendarChangedSignal = defineSignal<[{ years: OfficialYear[] }]>('calendarChanged');
/** Forwarded by the plan when an amendment changes a running item. */
export const itemAmendedSignal = defineSignal<[ItemSpec]>('itemAmended');

export const itemStatusQuery = defineQuery<ItemStatus>('itemStatus');
/** The item with every version and review, for the portal's pages (a query: no history). */
export const itemDetailQuery = defineQuery<ItemDetail>('itemDetail');
export const planStatusQuery = defineQuery<PlanStatus>('planStatus');
/** The plan as currently in force (after amendments), for reports and the portal. */
export const planDefinitionQuery = defineQuery<Plan>('planDefinition');

/** The next document number of a body's year (ND 30/2020 Điều 15); the same key always gets the same number. */
export const allocateNumberUpdate = defineUpdate<{ number: number }, [AllocateInput]>('allocateNumber');
/** A number the office's own register issued (sổ đăng ký văn bản đi): kept, and the sequence continues after it. */
export const recordIssuedNumberUpdate = defineUpdate<{ next: number }, [RecordIssuedInput]>('recordIssuedNumber');
export const registerQuery = defineQuery<RegisterState>('register');
