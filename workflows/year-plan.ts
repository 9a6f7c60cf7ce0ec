import {
  CancellationScope,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  patched,
  setCurrentDetails,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
  type SignalDefinition,
} from '@temporalio/workflow';
import { DateTime } from 'luxon';
import { planTimeAt, realDelayUntil } from '../domain/plan-clock.js';
import { itemWorkflow } from './item.js';
import type { PlanNow } from './item-model.js';
import {
  amendPlanUpdate,
  answerDifficultyUpdate,
  calendarChangedSignal,
  closeItemSignal,
  itemAmendedSignal,
  itemClosedSignal,
  pauseRemindersSignal,
  planDefinitionQuery,
  planStatusQuery,
  raiseDifficultyUpdate,
  requestAdHocReportUpdate,
  resumeRemindersSignal,
  updateCalendarUpdate,
} from './messages.js';
import { archiveAtClose } from './plan-archive.js';
import { initialPlanState, PlanModel } from './plan-model.js';
import { closesAtMs, nextSummary, planMarkdown } from './plan-state.js';
import type { PlanItem, PlanStatus, YearPlanInput } from './plan-types.js';
import { itemChildOptions, signalItems, watchChild } from './plan-children.js';
import { KhNextDeadline, KhStatus } from './search-attributes.js';
import { StepTimer } from './step-timer.js';

/**
 * One organisation's plan-year: starts an item workflow (task or report) when each opens, steers running items
 * (amendments, ad hoc reports, calendar changes, pausing reminders) and closes them all after the year ends.
 * The rules are the model's (`plan-model.ts`); this function wires messages to it, starts children and waits.
 */
export async function yearPlanWorkflow(input: YearPlanInput): Promise<PlanStatus> {
  // New in a later version: end-of-month deadlines stay in their month. A plan started before keeps scheduling (and
  // rescheduling on amendments) with the rules it started with, so its replay computes the same items.
  const model = new PlanModel(
    input.state ?? initialPlanState(input, Date.now(), patched('schedule-rules-2') ? 2 : 1),
    workflowInfo().workflowId,
  );
  const { state } = model;
  let dirty = false;
  const now = (): PlanNow => {
    const ms = planTimeAt(state.clock, Date.now());
    return { ms, iso: DateTime.fromMillis(ms, { zone: model.zone }).toISO() ?? '' };
  };
  /** The item is gone (failed, terminated, or closed in an earlier run without word): accounted for. */
  const gone = (item: PlanItem, reason: string) => {
    model.itemFailed(item.spec.itemId, reason);
    dirty = true;
  };
  const signalRunning = <Args extends unknown[]>(def: SignalDefinition<Args>, ...args: Args) =>
    signalItems(model.running(), gone, def, ...args);

  setHandler(planStatusQuery, () => model.status(now()));
  setHandler(planDefinitionQuery, () => state.plan);
  setHandler(itemClosedSignal, (result) => {
    model.itemClosed(result);
    dirty = true;
  });
  const pausing = (paused: boolean) => async (by: { by: string }) => {
    model.setPaused(paused);
    dirty = true;
    await signalRunning(paused ? pauseRemindersSignal : resumeRemindersSignal, by);
  };
  setHandler(pauseRemindersSignal, pausing(true));
  setHandler(resumeRemindersSignal, pausing(false));
  setHandler(
    requestAdHocReportUpdate,
    (req) => {
      const added = model.addAdHoc(req, now());
      dirty = true;
      return added;
    },
    {
      validator: (req) => model.checkAdHoc(req, now().ms),
      description: 'Yêu cầu báo cáo đột xuất (đơn vị, nội dung, hạn)',
    },
  );
  // Kept for the dashboard and the next report; nothing the loop waits on changes, so no wake-up.
  setHandler(raiseDifficultyUpdate, (req) => model.raiseDifficulty(req, now()), {
    validator: (req) => model.checkDifficulty(req),
    description: 'Đơn vị phản ánh khó khăn, vướng mắc, kiến nghị với Văn phòng',
  });
  setHandler(answerDifficultyUpdate, (req) => model.answerDifficulty(req, now()), {
    validator: (req) => model.checkAnswer(req),
    description: 'Văn phòng trả lời kiến nghị của đơn vị',
  });
  setHandler(
    amendPlanUpdate,
    async (req) => {
      const result = await model.amend(req, now, (item, notice) => {
        const handle = getExternalWorkflowHandle(item.workflowId);
        return notice.kind === 'amended'
          ? handle.signal(itemAmendedSignal, notice.spec)
          : handle.signal(closeItemSignal, { reason: notice.reason });
      });
      dirty = true;
      return result;
    },
    {
      validator: (req) => model.checkAmendment(req),
      description: 'Điều chỉnh kế hoạch (phiên bản mới của tệp kế hoạch)',
    },
  );
  setHandler(
    updateCalendarUpdate,
    async ({ years }) => {
      const replaced = model.takeCalendar(years);
      // Items not yet open were rescheduled on the new calendar; running ones take it for their remaining steps.
      await signalRunning(calendarChangedSignal, { years });
      dirty = true;
      return { years: replaced };
    },
    {
      validator: ({ years }) => model.checkCalendar(years),
      description: 'Cập nhật lịch nghỉ lễ chính thức (năm, văn bản, ngày nghỉ/làm bù)',
    },
  );

  const startItem = async (item: PlanItem) => {
    // Since `fewer-upserts` the item starts with its opening status complete, and does not upsert it again.
    const nextDue = patched('fewer-upserts') ? item.spec.units.map((u) => u.due.at).sort()[0] : undefined;
    const child = await startChild(itemWorkflow, {
      ...itemChildOptions(state, item, nextDue),
      args: [{ ...model.childInput(item.spec), ...(nextDue ? { startedVisible: { nextDue } } : {}) }],
    });
    watchChild(child, (reason) => gone(item, reason));
    if (state.paused)
      await getExternalWorkflowHandle(item.workflowId).signal(pauseRemindersSignal, {
        by: 'kế hoạch đang tạm dừng nhắc',
      });
    item.phase = 'running';
  };

  let lastVisible = '';
  const publish = (nextMs: number | undefined) => {
    setCurrentDetails(planMarkdown(state));
    const phase = state.closing && model.running().length === 0 ? 'done' : 'running';
    // Since `fewer-upserts` the next deadline is the items' attribute only (each item has its own); the plan keeps
    // its status. Runs recorded before upserted both at every opening.
    const both = !patched('fewer-upserts');
    const visible = JSON.stringify(both ? [phase, nextMs] : [phase]);
    if (visible === lastVisible) return;
    lastVisible = visible;
    upsertSearchAttributes([
      { key: KhStatus, value: phase },
      ...(both ? [{ key: KhNextDeadline, value: nextMs !== undefined ? new Date(nextMs) : null }] : []),
    ]);
  };

  const stepTimer = new StepTimer();
  try {
    while (true) {
      const at = now().ms;
      // Live over the list: an ad hoc report requested while a child starts is opened in this same pass.
      for (const item of state.items) if (model.opensBy(item, at)) await startItem(item);
      if (!state.closing && at >= closesAtMs(state)) {
        state.closing = true;
        await signalRunning(closeItemSignal, { reason: 'hết năm kế hoạch' });
      }
      if (state.closing && model.running().length === 0) break;
      const next = model.nextWakeMs();
      publish(next);
      if (workflowInfo().continueAsNewSuggested) {
        await condition(allHandlersFinished);
        stepTimer.cancel();
        await continueAsNew<typeof yearPlanWorkflow>({ plan: state.plan, state });
      }
      dirty = false;
      await stepTimer.waitUntil(
        next,
        () => realDelayUntil(state.clock, next!, Date.now()),
        next === undefined ? '' : nextSummary(state, next),
        () => dirty,
      );
    }
  } catch (err) {
    if (!isCancellation(err)) throw err;
    // Cancelling the plan cancels its running items; this must run even though our own scope is cancelled.
    await CancellationScope.nonCancellable(async () => {
      await Promise.all(model.running().map((i) => getExternalWorkflowHandle(i.workflowId).cancel()));
      upsertSearchAttributes([{ key: KhStatus, value: 'cancelled' }]);
    });
    throw err;
  }
  await condition(allHandlersFinished);
  publish(undefined);
  // New in a later version: the year's record is written out of Temporal, which deletes the closed plan and its
  // items after the namespace's retention. Runs recorded before close without it on replay.
  if (patched('archive-at-close')) {
    model.archived(await archiveAtClose(workflowInfo().workflowId, () => now().iso));
    // A message that arrived while archiving (a late difficulty) is handled before the plan closes.
    await condition(allHandlersFinished);
  }
  return model.status(now());
}
