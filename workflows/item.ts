import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { DateTime } from 'luxon';
import type { EmailRequest } from './email-request.js';
import { FAILURES } from '../domain/failures.js';
import { planTimeAt, realDelayUntil } from '../domain/plan-clock.js';
import type { WorkflowActivities } from './activities-api.js';
import { emailSummary, statusMarkdown, waitSummary } from './item-labels.js';
import { initialItemState, ItemModel, type PlanNow } from './item-model.js';
import type { PlannedSend } from './item-state.js';
import type { ItemStatus, ItemWorkflowInput } from './item-types.js';
import {
  calendarChangedSignal,
  closeItemSignal,
  extendDeadlineUpdate,
  itemAmendedSignal,
  itemClosedSignal,
  itemDetailQuery,
  itemStatusQuery,
  pauseRemindersSignal,
  reassignItemUpdate,
  resumeRemindersSignal,
  reviewSubmissionUpdate,
  submitReportUpdate,
} from './messages.js';
import { KhNextDeadline, KhOverdueUnits, KhStatus } from './search-attributes.js';
import { StepTimer } from './step-timer.js';

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
  // Rendering DOCX, XLSX and a chart for a year of data takes seconds, not minutes.
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', maximumAttempts: 10 },
});

/**
 * One item of a plan (a monthly task or a report for a period): opens it for each unit, reminds on working-day
 * offsets, takes submissions and reviews, escalates the late to the office then the director, each step once.
 * The rules are the model's (`item-model.ts`); this function wires messages to it, waits, sends and files.
 */
export async function itemWorkflow(input: ItemWorkflowInput): Promise<ItemStatus> {
  // New in a later version (the reporting chain): the office's own reminders, and no escalation to the office
  // about its own unit. Runs recorded before keep their command sequence on replay.
  const model = new ItemModel(input, input.state ?? initialItemState(input), { officeChain: patched('office-chain') });
  const { state } = model;
  const wfId = workflowInfo().workflowId;
  let dirty = false;
  const now = (): PlanNow => {
    const ms = planTimeAt(input.clock, Date.now());
    return { ms, iso: DateTime.fromMillis(ms, { zone: model.zone }).toISO() ?? '' };
  };
  /** Every message changes what the loop waits for: it wakes and looks again. */
  const changes =
    <A, R>(apply: (arg: A) => R) =>
    (arg: A): R => {
      const result = apply(arg);
      dirty = true;
      return result;
    };

  setHandler(itemStatusQuery, () => model.status(now().ms));
  setHandler(itemDetailQuery, () => model.detail(now()));
  setHandler(
    submitReportUpdate,
    changes((raw) => model.submit(raw, now())),
    {
      validator: (raw) => model.checkSubmission(raw),
      description: 'Nộp báo cáo của đơn vị (đơn vị, kết quả, số liệu theo hình thức, minh chứng)',
    },
  );
  setHandler(
    reviewSubmissionUpdate,
    // New in a later version: the unit hears that its report was accepted; runs started before keep their
    // recorded command sequence (no e-mail) on replay.
    changes((review) => model.review(review, now(), () => patched('notify-unit-on-accept'))),
    {
      validator: (review) => model.checkReview(review),
      description: 'Văn phòng duyệt hoặc trả lại báo cáo (kèm ý kiến)',
    },
  );
  setHandler(
    extendDeadlineUpdate,
    changes((req) => model.extend(req, now())),
    { validator: (req) => model.checkExtension(req), description: 'Gia hạn cho một đơn vị (ngày mới, lý do)' },
  );
  setHandler(
    reassignItemUpdate,
    changes((req) => model.reassign(req, now())),
    { validator: (req) => model.checkReassignment(req), description: 'Giao lại nhiệm vụ cho đơn vị khác' },
  );
  setHandler(
    pauseRemindersSignal,
    changes(() => model.pause()),
  );
  setHandler(
    resumeRemindersSignal,
    changes(() => model.resume()),
  );
  setHandler(
    closeItemSignal,
    changes(({ reason }) => model.close(reason)),
  );
  setHandler(
    calendarChangedSignal,
    changes(({ years }) => model.takeCalendar(years)),
  );
  setHandler(
    itemAmendedSignal,
    changes((spec) => model.amend(spec, now())),
  );

  let lastVisible = '';
  const publish = () => {
    const at = now().ms;
    setCurrentDetails(statusMarkdown(model.status(at), input.ctx.units));
    const { phase, overdue, nextDue } = model.visibility(at);
    const visible = JSON.stringify([phase, overdue, nextDue]);
    if (visible === lastVisible) return;
    lastVisible = visible;
    upsertSearchAttributes([
      { key: KhStatus, value: phase },
      { key: KhOverdueUnits, value: overdue.length ? overdue : null },
      { key: KhNextDeadline, value: nextDue && phase !== 'done' ? new Date(nextDue) : null },
    ]);
  };

  /** Sends one e-mail; a permanent refusal is the model's to handle (the office is told), anything else fails. */
  const deliver = async (email: EmailRequest) => {
    try {
      await sendEmail.executeWithOptions({ summary: emailSummary(email) }, [email]);
    } catch (err) {
      if (
        !(err instanceof ActivityFailure) ||
        !(err.cause instanceof ApplicationFailure) ||
        err.cause.type !== FAILURES.emailRejected
      )
        throw err;
      model.bounced(email, err.cause.message);
    }
  };
  const deliverStep = async (send: PlannedSend) => {
    const unit = model.settle(send);
    await deliver(send.email);
    model.escalated(send, unit);
  };

  const stepTimer = new StepTimer();
  while (true) {
    publish();
    const finished = model.finished;
    // E-mails queued by the handler that finished the item (the last acceptance) still go out; runs recorded before
    // this version stopped without them.
    if (finished && (state.outbox.length === 0 || !patched('send-outbox-before-close'))) break;

    const at = now();
    const { outbox, sends } = model.due(at.ms);
    if (outbox.length || sends.length) {
      await Promise.all([...outbox.map(deliver), ...sends.map(deliverStep)]);
      continue;
    }
    const report = model.reportDue(at.ms) ? model.reportRequest(wfId, at) : undefined;
    if (report) {
      const compiled = await compileReport.executeWithOptions({ summary: `Tổng hợp báo cáo ${input.item.title}` }, [
        report,
      ]);
      model.filed(compiled, wfId, at.iso);
      continue;
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      stepTimer.cancel();
      await continueAsNew<typeof itemWorkflow>({ ...input, state });
    }
    const next = model.nextWakeMs();
    dirty = false;
    await stepTimer.waitUntil(
      next,
      () => realDelayUntil(input.clock, next!, Date.now()),
      next === undefined ? '' : waitSummary(input, state, next),
      () => dirty,
    );
  }

  await condition(allHandlersFinished);
  const result = model.status(now().ms, true);
  setCurrentDetails(statusMarkdown(result, input.ctx.units));
  try {
    await getExternalWorkflowHandle(input.planWorkflowId).signal(itemClosedSignal, result);
  } catch {
    // The plan may already be gone (cancelled or terminated); the item's own result still records the outcome.
  }
  return result;
}
