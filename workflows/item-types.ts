import type { HandledUpdate } from './update-ledger.js';
import type { Incident, IncidentSummary } from './incidents.js';
import type { PlanClock } from '../domain/plan-clock.js';
import type { DatedStep, ItemSpec, WorkCalendar } from '../domain/schedule-types.js';
import type { Submission } from '../domain/submission.js';
import type { EmailRequest } from './email-request.js';
import type { PlanContext } from './plan-context.js';

/** The four completion states of official task tracking (QĐ 42/2014, BC 1270/BC-TCTTTg). */
export const OFFICIAL_STATES = ['done-on-time', 'done-late', 'pending-in-time', 'overdue'] as const;
export type OfficialState = (typeof OFFICIAL_STATES)[number];

/** Where a unit stands in the review cycle. */
export type UnitPhase = 'open' | 'submitted' | 'returned' | 'accepted' | 'dropped';

export interface SubmissionVersion {
  version: number;
  /** Plan time (ISO) when it arrived. */
  at: string;
  onTime: boolean;
  submission: Submission;
  review?: { decision: 'accept' | 'return'; comment: string; by: string; at: string };
}

export interface UnitState {
  unit: string;
  role: 'lead' | 'support';
  due: DatedStep;
  phase: UnitPhase;
  /** Step instances already acted on (sent, folded into a catch-up, or skipped), e.g. `reminder-3@2026-03-20`. */
  done: string[];
  versions: SubmissionVersion[];
  extensions: { from: string; to: string; reason: string; by: string; at: string }[];
  escalation: 'none' | 'office' | 'director';
  /** Addresses that bounced permanently: reported to the office once. */
  undeliverable: string[];
}

/** The director's word on a consolidated report (since `kh-2026-12b`). */
export interface ReportReview {
  decision: 'accept' | 'return';
  comment: string;
  by: string;
  /** Plan time (ISO). */
  at: string;
}

/** A consolidated report as filed: its number, its files by format, when, and the director's review once given. */
export interface FiledReport {
  number: string;
  files: Record<string, string>;
  at: string;
  /** 1 for the first compilation; one more each time the office compiles it again after a return. */
  draft?: number;
  /** Output per form code as the report states it: what rolls up to the parent once accepted. */
  totals?: Record<string, number>;
  review?: ReportReview;
}

/** Everything an item workflow carries, so continue-as-new loses nothing. */
export interface ItemState {
  units: UnitState[];
  outbox: EmailRequest[];
  paused: boolean;
  closeReason?: string;
  report?: FiledReport;
  /** Drafts the director returned, oldest first; the one in `report` is the latest. */
  returnedReports?: FiledReport[];
  /**
   * Set when the item started on a version where the director accepts or returns the consolidated report
   * (`kh-2026-12b`): the item then finishes only on acceptance. Kept in state so it holds across continue-as-new.
   */
  directorReview?: true;
  /**
   * The accepted report sent up to the parent body's report item of the same period (`ctx.rollUpTo`): pending until
   * the parent took it, failed (an incident the office retries) or sent, with the version it became there.
   */
  rollUp?: { status: 'pending' | 'sent' | 'failed'; to: string; version?: number; at?: string };
  /** The office's own reminder steps already sent on a report item (`office-reminder-3@2026-03-20`). */
  officeDone?: string[];
  /** Steps that failed for good (since `patched('incidents')`); absent until the first. */
  incidents?: Incident[];
  /** The plan continued as new and no longer sees this item's completion: it signals `itemClosed` at the end. */
  reportBack?: true;
  /** The latest Updates taken, by id, with their answers: a client's repeat after continue-as-new is answered, not applied. */
  updates?: HandledUpdate[];
}

export interface ItemWorkflowInput {
  planWorkflowId: string;
  ctx: PlanContext;
  item: ItemSpec;
  calendar: WorkCalendar;
  clock: PlanClock;
  /** For report items: the task workflows whose results the consolidated report covers. */
  reportScope?: { taskWorkflowIds: string[] };
  /**
   * Set by plans since `fewer-upserts`: the plan started the item with `KhStatus=open` and `KhNextDeadline` already set
   * to `nextDue` (the units' earliest deadline), so the item's first upsert would repeat them.
   */
  startedVisible?: { nextDue: string };
  /**
   * Set by plans since `kh-2026-12`: the plan watches this item's completion, so the item does not signal
   * `itemClosed` (one action saved per item) unless the plan asked for it with `reportBack` before continuing as new.
   */
  reportsByCompletion?: true;
  state?: ItemState;
}

/** One unit's outcome, as the plan and the reports see it. */
export interface UnitOutcome {
  unit: string;
  role: 'lead' | 'support';
  due: string;
  phase: UnitPhase;
  state: OfficialState;
  submittedAt?: string;
  versions: number;
  escalation: UnitState['escalation'];
  lastSubmission?: Submission;
}

/** What the `status` query and the workflow result return. */
export interface ItemStatus {
  itemId: string;
  kind: 'task' | 'report';
  title: string;
  opensAt: string;
  paused: boolean;
  closed: boolean;
  closeReason?: string;
  units: UnitOutcome[];
  report?: ItemState['report'];
  /** The director accepts or returns this report (since `kh-2026-12b`); `report.review` holds the decision. */
  directorReview?: true;
  /** Drafts the director returned before the one in `report`. */
  returnedReports?: FiledReport[];
  /** The accepted report sent up to the parent body (since `kh-2026-12b`, when the plan carries out one here). */
  rollUp?: ItemState['rollUp'];
  /** Steps that failed for good, open or retried (absent when none ever did). */
  incidents?: IncidentSummary[];
}

/** What the portal shows of one item: the spec, its plan's names, and every unit's full history (versions, reviews). */
export interface ItemDetail {
  status: ItemStatus;
  item: ItemSpec;
  ctx: PlanContext;
  units: UnitState[];
  /**
   * Plan time (ISO) at the run's last workflow task: a query does not move workflow time, so for an item asleep
   * until its next step this can be days old. `clock` gives plan time at any real moment (`itemNowMs`).
   */
  now: string;
  /** The item's plan clock (absent from items answering before it was added). */
  clock?: PlanClock;
}
