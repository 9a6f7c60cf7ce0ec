import { NexusOperationFailure } from '@temporalio/common';
import { ActivityFailure, ApplicationFailure, createNexusServiceClient, proxyActivities } from '@temporalio/workflow';
import { since } from './patches.js';
import { FAILURES } from '../domain/failures.js';
import { rollUpService } from '../nexus/roll-up-service.js';
import type { CompileReportInput, RollUpInput, WorkflowActivities } from './activities-api.js';
import type { EmailRequest } from './email-request.js';
import { failureOf } from './failure-of.js';
import { emailSummary } from './item-labels.js';
import type { ItemModel, PlanNow } from './item-model.js';
import { nexusFailureOf } from './nexus-failure-of.js';
import type { PlannedSend } from './item-state.js';

const { sendEmail } = proxyActivities<WorkflowActivities>({
  // One SMTP exchange; a hung connection is abandoned after a minute and retried.
  startToCloseTimeout: '1 minute',
  // A mail outage can last hours: keep retrying, backing off to every 10 minutes. Rejected addresses are final.
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: [FAILURES.emailRejected],
  },
});

const { compileReport } = proxyActivities<WorkflowActivities>({
  // Rendering DOCX, XLSX and a chart for a year of data takes seconds, not minutes; the activity heartbeats, so a
  // worker that dies mid-compile is noticed in half a minute and the compile goes to another worker.
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '10 seconds', maximumAttempts: 10 },
});

const { rollUpReport } = proxyActivities<WorkflowActivities>({
  // One query and one Update on the parent's report item. The parent may be briefly unreachable (a deploy, a
  // worker restart): retry for about an hour; a refusal (the parent does not list this body) is final at once.
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    maximumAttempts: 12,
    nonRetryableErrorTypes: [FAILURES.rollUpRefused, FAILURES.rollUpTargetMissing],
  },
});

const { buildRollUpSubmission } = proxyActivities<WorkflowActivities>({
  // Two queries in this namespace, retried as the roll-up above; a namespace no endpoint leads to is final at once.
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    maximumAttempts: 12,
    nonRetryableErrorTypes: [FAILURES.rollUpEndpointMissing],
  },
});

/**
 * Whether a final activity failure becomes an incident (recorded, the office told, the item goes on). Runs recorded
 * before this version failed the item instead, and replay keeps that.
 */
const incidentOf = (err: unknown) => (err instanceof ActivityFailure && since('incidents') ? failureOf(err) : null);

const rejected = (err: unknown): err is ActivityFailure & { cause: ApplicationFailure } =>
  err instanceof ActivityFailure &&
  err.cause instanceof ApplicationFailure &&
  err.cause.type === FAILURES.emailRejected;

/** The item's activities, each outcome handed to the model: sent, bounced, filed, or an incident. */
export function itemActivities(model: ItemModel, now: () => PlanNow) {
  /** Sends one e-mail; a permanent refusal or a final failure is the model's to handle (the office is told). */
  const deliver = async (email: EmailRequest) => {
    try {
      await sendEmail.executeWithOptions({ summary: emailSummary(email) }, [email]);
    } catch (err) {
      if (rejected(err)) return model.bounced(email, err.cause.message);
      const failure = incidentOf(err);
      if (!failure) throw err;
      model.failed({ kind: 'email', email }, failure, now());
    }
  };
  const deliverStep = async (send: PlannedSend) => {
    const unit = model.settle(send);
    await deliver(send.email);
    model.escalated(send, unit);
  };
  /** Compiles and files the consolidated report; a final failure holds it until the office retries. */
  const compile = async (report: CompileReportInput, wfId: string, atIso: string, title: string) => {
    try {
      const compiled = await compileReport.executeWithOptions({ summary: `Tổng hợp báo cáo ${title}` }, [report]);
      model.filed(compiled, wfId, atIso);
    } catch (err) {
      const failure = incidentOf(err);
      if (!failure) throw err;
      model.failed({ kind: 'report' }, failure, now());
    }
  };
  /**
   * Sends the accepted report up to the parent body, through Nexus when its plan runs in another `namespace`; a final
   * failure is an incident the office can retry.
   */
  const rollUp = async (req: RollUpInput, namespace?: string) => {
    try {
      model.rolledUp(
        namespace
          ? await rollUpAcross(req, namespace)
          : await rollUpReport.executeWithOptions({ summary: `Gửi báo cáo lên ${req.parentItemWorkflowId}` }, [req]),
      );
    } catch (err) {
      const failure = err instanceof NexusOperationFailure ? nexusFailureOf(err) : incidentOf(err);
      if (!failure) throw err;
      model.failed({ kind: 'roll-up' }, failure, now());
    }
  };
  /** The report read here, then filed in the parent's namespace by its worker (nexus/roll-up-handler.ts). */
  const rollUpAcross = async (req: RollUpInput, namespace: string) => {
    const summary = `Gửi báo cáo lên ${req.parentItemWorkflowId} (${namespace})`;
    const { endpoint, report } = await buildRollUpSubmission.executeWithOptions({ summary }, [{ ...req, namespace }]);
    return createNexusServiceClient({ endpoint, service: rollUpService }).executeOperation(
      rollUpService.operations.submitSubordinateReport,
      report,
      // The parent's worker may be down for a while (a deploy): Temporal retries the handler for about an hour, as
      // the activity above retries; a refusal fails at once.
      { scheduleToCloseTimeout: '1 hour', summary },
    );
  };
  return { deliver, deliverStep, compile, rollUp };
}
