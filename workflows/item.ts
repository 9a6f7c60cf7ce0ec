import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  setCurrentDetails,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { DateTime } from 'luxon';
import { planTimeAt, realDelayUntil } from '../domain/plan-clock.js';
import { itemActivities } from './item-activities.js';
import { statusMarkdown, waitSummary } from './item-labels.js';
import { initialItemState, ItemModel, type PlanNow } from './item-model.js';
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
  recompileReportUpdate,
  reportBackSignal,
  resumeRemindersSignal,
  retryIncidentUpdate,
  reviewReportUpdate,
  reviewSubmissionUpdate,
  submitReportUpdate,
} from './messages.js';
import { visibilityPublisher } from './item-visibility.js';
import { current, since } from './patches.js';
import { runIsLong } from './run-budget.js';
import { StepTimer } from './step-timer.js';
import { UpdateLedger } from './update-ledger.js';

/**
 * One item of a plan (a monthly task or a report for a period): opens it for each unit, reminds on working-day
 * offsets, takes submissions and reviews, escalates the late to the office then the director, each step once.
 * The rules are the model's (`item-model.ts`); this function wires messages to it, waits, sends and files.
 */
export async function itemWorkflow(input: ItemWorkflowInput): Promise<ItemStatus> {
  // New in a later version (the reporting chain): the office's own reminders, and no escalation to the office
  // about its own unit. Runs recorded before keep their command sequence on replay.
  // Since `kh-2026-12b` the director accepts or returns a report item's consolidated report (asked at the start only).
  const model = new ItemModel(input, input.state ?? initialItemState(input), {
    officeChain: since('office-chain'),
    directorReview: () => since('kh-2026-12b'),
  });
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
  // An Update a client sends again after the run continued as new gets its first answer, not a second version.
  const ledger = new UpdateLedger((state.updates ??= []), () => {
    dirty = true;
  });

  setHandler(itemStatusQuery, () => model.status(now().ms));
  setHandler(itemDetailQuery, () => model.detail(now()));
  ledger.handle(submitReportUpdate, (raw) => model.submit(raw, now()), {
    validator: (raw) => model.checkSubmission(raw),
    description: 'Nộp báo cáo của đơn vị (đơn vị, kết quả, số liệu theo hình thức, minh chứng)',
  });
  ledger.handle(
    reviewSubmissionUpdate,
    // New in a later version: the unit hears that its report was accepted; runs started before keep their
    // recorded command sequence (no e-mail) on replay.
    (review) => model.review(review, now(), () => since('notify-unit-on-accept')),
    {
      validator: (review) => model.checkReview(review),
      description: 'Văn phòng duyệt hoặc trả lại báo cáo (kèm ý kiến)',
    },
  );
  ledger.handle(reviewReportUpdate, (req) => model.reviewReport(req, now(), wfId), {
    validator: (req) => model.checkReportReview(req),
    description: 'Giám đốc duyệt hoặc trả lại báo cáo tổng hợp (kèm ý kiến)',
  });
  ledger.handle(recompileReportUpdate, () => model.recompile(), {
    validator: (req) => model.checkRecompile(req),
    description: 'Văn phòng tổng hợp lại báo cáo sau khi Giám đốc trả lại',
  });
  ledger.handle(extendDeadlineUpdate, (req) => model.extend(req, now()), {
    validator: (req) => model.checkExtension(req),
    description: 'Gia hạn cho một đơn vị (ngày mới, lý do)',
  });
  ledger.handle(reassignItemUpdate, (req) => model.reassign(req, now()), {
    validator: (req) => model.checkReassignment(req),
    description: 'Giao lại nhiệm vụ cho đơn vị khác',
  });
  ledger.handle(retryIncidentUpdate, (req) => model.retry(req, now()), {
    validator: (req) => model.checkRetry(req),
    description: 'Văn phòng cho thử lại bước bị sự cố',
  });
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
  setHandler(reportBackSignal, () => {
    state.reportBack = true;
  });
  setHandler(
    calendarChangedSignal,
    changes(({ years }) => model.takeCalendar(years)),
  );
  setHandler(
    itemAmendedSignal,
    changes((spec) => model.amend(spec, now())),
  );

  const publish = visibilityPublisher(model, input, () => now().ms);
  const { deliver, deliverStep, compile, rollUp } = itemActivities(model, now);

  const stepTimer = new StepTimer();
  const handOver = async (): Promise<never> => {
    await condition(allHandlersFinished);
    stepTimer.cancel();
    return continueAsNew<typeof itemWorkflow>({ ...input, state });
  };
  while (true) {
    publish();
    const finished = model.finished;
    // E-mails queued by the handler that finished the item (the last acceptance) still go out; runs recorded before
    // this version stopped without them.
    if (finished && (state.outbox.length === 0 || !since('send-outbox-before-close'))) break;
    // Since `kh-2026-12c` a long run hands over here, before sending: while Updates keep coming there is always
    // e-mail queued, and the run never reached the check before its sleep (1,201 events in bench P9). What is queued
    // travels in `state.outbox` and the next run sends it; nothing is in flight between passes.
    if (runIsLong() && current()) await handOver();

    const at = now();
    const { outbox, sends } = model.due(at.ms);
    if (outbox.length || sends.length) {
      await Promise.all([...outbox.map(deliver), ...sends.map(deliverStep)]);
      continue;
    }
    const report = model.reportDue(at.ms) ? model.reportRequest(wfId, at) : undefined;
    if (report) {
      await compile(report, wfId, at.iso, input.item.title);
      continue;
    }
    // Only reports accepted since `kh-2026-12b` of a plan that carries out one here are ever due to roll up; through
    // Nexus only for a plan whose parent runs in another namespace (`carriesOut.namespace`), which no older run has.
    if (model.rollUpDue) {
      await rollUp(model.rollUpRequest(wfId), input.ctx.rollUpTo?.namespace);
      continue;
    }
    if (workflowInfo().continueAsNewSuggested) await handOver();
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
  // A plan that watches this item's completion reads the result below; others (older plans, or one that continued
  // as new since it started this item) are told by signal.
  if (!input.reportsByCompletion || state.reportBack) {
    try {
      await getExternalWorkflowHandle(input.planWorkflowId).signal(itemClosedSignal, result);
    } catch {
      // The plan may already be gone (cancelled or terminated); the item's own result still records the outcome.
    }
  }
  return result;
}
