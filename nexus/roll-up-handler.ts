/**
 * The parent namespace's side of the roll-up across namespaces: files a subordinate's report, sent through this
 * namespace's endpoint, in the parent's report item, by the same code as a roll-up within one namespace
 * (`sendSubordinateReport`: one Update whose id is the report's key, so a repeat is the version already taken).
 */
import { ApplicationFailure } from '@temporalio/common';
import { getClient } from '@temporalio/nexus';
import * as nexus from 'nexus-rpc';
import { sendSubordinateReport } from '../activities/roll-up.js';
import { FAILURES } from '../domain/failures.js';
import type { SubordinateReport } from '../workflows/activities-api.js';
import { rollUpService } from './roll-up-service.js';

/** `plan-BO-2026-report-Q1`: a periodic report item (not `report-adhoc-1`), all this endpoint files into. */
const PERIODIC_REPORT = /^plan-[A-Z0-9][A-Z0-9-]*-\d{4}-(report-[A-Z0-9]+)$/;

/**
 * Why the report cannot be filed as sent, or nothing: it must go to a periodic report item, and come from the same
 * period's report of the body it names (its key is that report's workflow id).
 */
export function subordinateReportProblem(report: SubordinateReport): string | undefined {
  const item = PERIODIC_REPORT.exec(report.parentItemWorkflowId ?? '')?.[1];
  if (!item) return `${String(report.parentItemWorkflowId)} is not a periodic report item`;
  if (!report.key?.startsWith(`plan-${report.unit}-`) || !report.key.endsWith(`-${item}`))
    return `${String(report.key)} is not the ${item} of ${String(report.unit)}`;
  return undefined;
}

/** The `kehoach-roll-up` service as this worker serves it, with the worker's own client (the parent's namespace). */
export function createRollUpHandler() {
  return nexus.serviceHandler(rollUpService, {
    async submitSubordinateReport(_ctx, report) {
      const problem = subordinateReportProblem(report);
      if (problem) throw refusal(ApplicationFailure.nonRetryable(problem, FAILURES.rollUpRefused));
      try {
        return await sendSubordinateReport(getClient(), report);
      } catch (err) {
        // A refusal or a parent that does not run is the operation's answer; anything else (the parent briefly
        // unreachable) is the handler's error, and Temporal retries the operation until its timeout.
        if (err instanceof ApplicationFailure && err.nonRetryable) throw refusal(err);
        throw err;
      }
    },
  });
}

/** The operation failed for good, carrying the catalogue failure (domain/failures.ts) for the caller's incident. */
const refusal = (cause: ApplicationFailure) => new nexus.OperationError('failed', cause.message, { cause });
