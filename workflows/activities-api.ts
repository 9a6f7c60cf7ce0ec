import type { SubmissionInput } from '../domain/submission.js';
import type { EmailReceipt, EmailRequest } from './email-request.js';

/** What the report item asks for when its office deadline comes: the consolidated report of its period. */
export interface CompileReportInput {
  /** Stable per report (`plan-X-2026-report-Q1`): a retry gets the same document number. */
  key: string;
  planWorkflowId: string;
  itemWorkflowId: string;
  /** Task workflows whose outcomes the report covers; their status is read with a query. */
  taskWorkflowIds: string[];
  /** The period and its cut-off window (ND 09/2019 Điều 12); `adhoc` for a đột xuất request. */
  period: { code: string; from: string; to: string };
  /** Plan date of signing, `yyyy-MM-dd`: the office's deadline day. */
  issuedOn: string;
}

export interface CompiledReport {
  number: string;
  files: Record<string, string>;
  /** Output per form code as the report states it (absent from reports compiled before roll-ups). */
  totals?: Record<string, number>;
}

/** A subordinate's accepted consolidated report, sent up as its submission to the parent's report of the period. */
export interface RollUpInput {
  /** The subordinate's report item workflow id: the submission's source key and the update's id (taken once). */
  key: string;
  planWorkflowId: string;
  itemWorkflowId: string;
  /** The parent body's report item of the same period. */
  parentItemWorkflowId: string;
  /** The subordinate's organisation code: its unit code in the parent's plan. */
  unit: string;
  /** Who accepted it (the subordinate's director). */
  acceptedBy: string;
}

export interface RollUpReceipt {
  version: number;
  at: string;
}

/** A roll-up to a parent whose plan runs in another Temporal namespace (`ctx.rollUpTo.namespace`). */
export interface RollUpAcrossInput extends RollUpInput {
  namespace: string;
}

/** The subordinate's report as it travels to the parent's namespace (nexus/roll-up-service.ts). */
export interface SubordinateReport extends RollUpInput {
  /** Read in the subordinate's namespace; the parent keeps the figures of its own forms. */
  submission: SubmissionInput;
}

/** The report read in this namespace, and the Nexus endpoint (NEXUS_ENDPOINTS) that leads to the parent's. */
export interface PreparedRollUp {
  endpoint: string;
  report: SubordinateReport;
}

/** Asked once when a plan-year closes: its record is copied out of Temporal (storage/plan-archive.ts). */
export interface ArchivePlanInput {
  planWorkflowId: string;
}

export interface ArchivedPlan {
  /** `archive/<ORG>/<year>/`. */
  prefix: string;
  /** Every key written, sorted. */
  keys: string[];
  /** What the record lacks: items that could not be read, report files that were gone. */
  problems: string[];
}

/**
 * The activities workflows call, as types only (workflows never import activity code). The worker checks that
 * `createActivities(...)` satisfies this interface.
 */
export interface WorkflowActivities {
  sendEmail(req: EmailRequest): Promise<EmailReceipt>;
  compileReport(req: CompileReportInput): Promise<CompiledReport>;
  archivePlanYear(req: ArchivePlanInput): Promise<ArchivedPlan>;
  rollUpReport(req: RollUpInput): Promise<RollUpReceipt>;
  buildRollUpSubmission(req: RollUpAcrossInput): Promise<PreparedRollUp>;
}
