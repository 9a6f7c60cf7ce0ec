/** Typed helpers over the Temporal client, shared by the CLI, the portal, the start script and the tests. */
import {
  Client,
  Connection,
  WorkflowIdConflictPolicy,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type TLSConfig,
  type WorkflowHandle,
} from '@temporalio/client';
import type { AnswerInput, DifficultyInput } from '../domain/difficulties.js';
import { itemWorkflowId, planWorkflowId } from '../domain/ids.js';
import type { ClockRequest } from '../domain/plan-clock.js';
import { currentPlanShape, type Plan } from '../domain/plan-schema.js';
import type { OfficialYear } from '../domain/schedule-types.js';
import type { SubmissionInput } from '../domain/submission.js';
import type { RetryInput } from '../workflows/incidents.js';
import type { ItemDetail, ItemStatus } from '../workflows/item-types.js';
import {
  amendPlanUpdate,
  extendDeadlineUpdate,
  itemDetailQuery,
  itemStatusQuery,
  planDefinitionQuery,
  pauseRemindersSignal,
  planStatusQuery,
  reassignItemUpdate,
  requestAdHocReportUpdate,
  retryIncidentUpdate,
  raiseDifficultyUpdate,
  answerDifficultyUpdate,
  resumeRemindersSignal,
  recompileReportUpdate,
  reviewReportUpdate,
  reviewSubmissionUpdate,
  submitReportUpdate,
  updateCalendarUpdate,
  type AdHocInput,
  type RecompileInput,
  type ReportReviewInput,
  type AmendInput,
  type ExtendInput,
  type ReassignInput,
  type ReviewInput,
} from '../workflows/messages.js';
import type { PlanStatus } from '../workflows/plan-types.js';
import { planMemo } from '../workflows/plan-memo.js';
import { KhKind, KhOrg, KhPeople, KhStatus, KhUnits, KhYear } from '../workflows/search-attributes.js';
import { planPeople } from '../workflows/plan-visibility.js';
import type { yearPlanWorkflow } from '../workflows/year-plan.js';

/** A request the workflow's validator refused; `message` says what, where and what was expected. */
export class RequestRejectedError extends Error {
  override readonly name = 'RequestRejectedError';
}

/** Surfaces the validator's own message instead of the SDK's generic "Workflow Update failed". */
export async function explained<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause)
      throw new RequestRejectedError(err.cause.message, { cause: err });
    throw err;
  }
}

export interface PlanRef {
  org: string;
  year: number;
}

export async function connectClient(address: string, namespace: string, tls?: TLSConfig): Promise<Client> {
  const connection = await Connection.connect({ address, tls });
  return new Client({ connection, namespace });
}

/**
 * Starts the plan's year workflow, or returns the one already running under the same id (a second `npm start`
 * resumes the plan instead of starting a duplicate).
 */
export async function startPlan(
  client: Client,
  plan: Plan,
  opts: { taskQueue: string; clock?: ClockRequest },
): Promise<{ handle: WorkflowHandle<typeof yearPlanWorkflow>; started: boolean }> {
  const workflowId = planWorkflowId(plan.organisation.code, plan.plan.year);
  const existing = await client.workflow
    .getHandle(workflowId)
    .describe()
    .then((d) => d.status.name === 'RUNNING')
    .catch(() => false);
  const handle = await client.workflow.start<typeof yearPlanWorkflow>('yearPlanWorkflow', {
    taskQueue: opts.taskQueue,
    workflowId,
    args: [{ plan, clock: opts.clock }],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    // Lists read number and title from here, never by querying each plan (portal/lists/).
    memo: planMemo(plan),
    staticSummary: `${plan.plan.number} – ${plan.plan.title}`.slice(0, 200),
    staticDetails: [
      `**${plan.organisation.name}** (${plan.organisation.code}), năm ${plan.plan.year}`,
      '',
      `Kế hoạch số ${plan.plan.number} ngày ${plan.plan.signedOn.split('-').reverse().join('/')}: ${plan.plan.title}`,
      '',
      `Văn phòng: ${plan.office.name} <${plan.office.email}> · Lãnh đạo: ${plan.director.name}`,
      '',
      `Đơn vị: ${plan.units.map((u) => u.name).join('; ')}`,
    ].join('\n'),
    typedSearchAttributes: [
      { key: KhOrg, value: plan.organisation.code },
      { key: KhYear, value: plan.plan.year },
      { key: KhKind, value: 'plan' },
      { key: KhUnits, value: plan.units.map((u) => u.code) },
      { key: KhStatus, value: 'running' },
      { key: KhPeople, value: planPeople(plan) },
    ],
  });
  return { handle, started: !existing };
}

/** What `startOrAmendPlan` did with a plan file. */
export type StartOrAmendOutcome = 'started' | 'running' | 'amended';

/**
 * Starts the plan unless its year workflow is running. A running plan is never restarted: with a note it is amended
 * (a new version of the same plan-year, `by` whom), without one it is only reported as running. A refused amendment
 * throws RequestRejectedError with the validator's reason. Shared by the portal's upload and `kehoach plan start`.
 */
export async function startOrAmendPlan(
  client: Client,
  plan: Plan,
  opts: { taskQueue: string; clock?: ClockRequest } & ({ note?: undefined } | { note: string; by: string }),
): Promise<StartOrAmendOutcome> {
  const ref = { org: plan.organisation.code, year: plan.plan.year };
  const running = await planHandle(client, ref)
    .describe()
    .then((d) => d.status.name === 'RUNNING')
    .catch((err: unknown) => {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    });
  if (!running) {
    await startPlan(client, plan, { taskQueue: opts.taskQueue, clock: opts.clock });
    return 'started';
  }
  if (!opts.note) return 'running';
  await amendPlan(client, ref, { plan, note: opts.note, by: opts.by });
  return 'amended';
}

/** Gives a running plan the approved calendar of one or more years; items not yet open are rescheduled on it. */
export async function updateCalendar(client: Client, ref: PlanRef, years: OfficialYear[]) {
  return explained(planHandle(client, ref).executeUpdate(updateCalendarUpdate, { args: [{ years }] }));
}

export function planHandle(client: Client, ref: PlanRef): WorkflowHandle<typeof yearPlanWorkflow> {
  return client.workflow.getHandle(planWorkflowId(ref.org, ref.year));
}

export function itemHandle(client: Client, ref: PlanRef, itemId: string) {
  return client.workflow.getHandle(itemWorkflowId(planWorkflowId(ref.org, ref.year), itemId));
}

export async function getPlanStatus(client: Client, ref: PlanRef): Promise<PlanStatus> {
  return planHandle(client, ref).query(planStatusQuery);
}

export async function getItemStatus(client: Client, ref: PlanRef, itemId: string): Promise<ItemStatus> {
  return itemHandle(client, ref, itemId).query(itemStatusQuery);
}

/** The item with every unit's versions and reviews (what the portal shows). */
export async function getItemDetail(client: Client, ref: PlanRef, itemId: string): Promise<ItemDetail> {
  return itemHandle(client, ref, itemId).query(itemDetailQuery);
}

/** The plan as currently in force (after amendments). */
/** The running plan's definition, with the fields added since it started at their defaults (`currentPlanShape`). */
export async function getPlanDefinition(client: Client, ref: PlanRef): Promise<Plan> {
  return currentPlanShape(await planHandle(client, ref).query(planDefinitionQuery));
}

/** What an Update call takes from `opts`: its id when the caller has one (the same id again is the same Update). */
const onceBy = (opts: { updateId?: string }) => (opts.updateId ? { updateId: opts.updateId } : {});

/**
 * A unit's report for an item. `updateId` makes it once: the same id again (a second click on the same form) gets the
 * first receipt, in the same run by the server and after continue-as-new by the item's ledger.
 */
export async function submitReport(
  client: Client,
  ref: PlanRef,
  itemId: string,
  submission: SubmissionInput,
  opts: { updateId?: string } = {},
) {
  return explained(
    itemHandle(client, ref, itemId).executeUpdate(submitReportUpdate, {
      args: [submission],
      ...onceBy(opts),
    }),
  );
}

export async function reviewSubmission(client: Client, ref: PlanRef, itemId: string, review: ReviewInput) {
  return explained(itemHandle(client, ref, itemId).executeUpdate(reviewSubmissionUpdate, { args: [review] }));
}

/** The director accepts the consolidated report of a report item, or returns it to the office with a comment. */
export async function reviewReport(client: Client, ref: PlanRef, itemId: string, review: ReportReviewInput) {
  return explained(itemHandle(client, ref, itemId).executeUpdate(reviewReportUpdate, { args: [review] }));
}

/** After the director returned it, the office has the consolidated report compiled again. */
export async function recompileReport(client: Client, ref: PlanRef, itemId: string, req: RecompileInput) {
  return explained(itemHandle(client, ref, itemId).executeUpdate(recompileReportUpdate, { args: [req] }));
}

export async function extendDeadline(client: Client, ref: PlanRef, itemId: string, req: ExtendInput) {
  return explained(itemHandle(client, ref, itemId).executeUpdate(extendDeadlineUpdate, { args: [req] }));
}

export async function reassignItem(client: Client, ref: PlanRef, itemId: string, req: ReassignInput) {
  return explained(itemHandle(client, ref, itemId).executeUpdate(reassignItemUpdate, { args: [req] }));
}

/** The office retries a step that failed for good (an incident on the item) once its cause is fixed. */
export async function retryIncident(client: Client, ref: PlanRef, itemId: string, req: RetryInput) {
  return explained(itemHandle(client, ref, itemId).executeUpdate(retryIncidentUpdate, { args: [req] }));
}

export async function amendPlan(client: Client, ref: PlanRef, req: AmendInput) {
  return explained(planHandle(client, ref).executeUpdate(amendPlanUpdate, { args: [req] }));
}

/** An ad hoc report of the plan; `updateId` makes it once (the same form sent twice opens one report). */
export async function requestAdHocReport(
  client: Client,
  ref: PlanRef,
  req: AdHocInput,
  opts: { updateId?: string } = {},
) {
  return explained(
    planHandle(client, ref).executeUpdate(requestAdHocReportUpdate, {
      args: [req],
      ...onceBy(opts),
    }),
  );
}

/** A unit's difficulty or proposal for the office; refused (RequestRejectedError) by the plan's validator. */
export async function raiseDifficulty(
  client: Client,
  ref: PlanRef,
  req: DifficultyInput,
  opts: { updateId?: string } = {},
) {
  return explained(
    planHandle(client, ref).executeUpdate(raiseDifficultyUpdate, {
      args: [req],
      ...onceBy(opts),
    }),
  );
}

/** The office's answer to difficulty `req.id`, given once. */
export async function answerDifficulty(client: Client, ref: PlanRef, req: AnswerInput) {
  return explained(planHandle(client, ref).executeUpdate(answerDifficultyUpdate, { args: [req] }));
}

export async function pauseReminders(client: Client, ref: PlanRef, by: string) {
  await planHandle(client, ref).signal(pauseRemindersSignal, { by });
}

export async function resumeReminders(client: Client, ref: PlanRef, by: string) {
  await planHandle(client, ref).signal(resumeRemindersSignal, { by });
}

export async function cancelPlan(client: Client, ref: PlanRef) {
  await planHandle(client, ref).cancel();
}
