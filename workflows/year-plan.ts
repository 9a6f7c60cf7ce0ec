import {
  CancellationScope,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  setCurrentDetails,
  setHandler,
  startChild,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
  type ChildWorkflowHandle,
  type SignalDefinition,
} from '@temporalio/workflow';
import { since } from './patches.js';
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
  reportBackSignal,
  resumeRemindersSignal,
  updateCalendarUpdate,
} from './messages.js';
import { archiveAtClose } from './plan-archive.js';
import { initialPlanState, PlanModel } from './plan-model.js';
import { closesAtMs, nextSummary, planMarkdown } from './plan-state.js';
import type { PlanItem, PlanStatus, YearPlanInput } from './plan-types.js';
import { itemChildOptions, signalItems, watchChild } from './plan-children.js';
import { KhNextDeadline, KhPeople, KhStatus } from './search-attributes.js';
import { planMemo } from './plan-memo.js';
import { planPeople } from './plan-visibility.js';
import { StepTimer } from './step-timer.js';
import { UpdateLedger } from './update-ledger.js';

const visibleOf = (plan: YearPlanInput['plan']) => ({
  people: planPeople(plan).join(' '),
  memo: JSON.stringify(planMemo(plan)),
});

/**
 * One organisation's plan-year: starts an item workflow (task or report) when each opens, steers running items
 * (amendments, ad hoc reports, calendar changes, pausing reminders) and closes them all after the year ends.
 * The rules are the model's (`plan-model.ts`); this function wires messages to it, starts children and waits.
 */
export async function yearPlanWorkflow(input: YearPlanInput): Promise<PlanStatus> {
  // New in a later version: end-of-month deadlines stay in their month. A plan started before keeps scheduling (and
  // rescheduling on amendments) with the rules it started with, so its replay computes the same items.
  const model = new PlanModel(
    input.state ?? initialPlanState(input, Date.now(), since('schedule-rules-2') ? 2 : 1),
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
  // An Update a client sends again after the plan continued as new gets its first answer (one ad hoc report, not two).
  const ledger = new UpdateLedger((state.updates ??= []));
  ledger.handle(
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
  ledger.handle(raiseDifficultyUpdate, (req) => model.raiseDifficulty(req, now()), {
    validator: (req) => model.checkDifficulty(req),
    description: 'Đơn vị phản ánh khó khăn, vướng mắc, kiến nghị với Văn phòng',
  });
  ledger.handle(answerDifficultyUpdate, (req) => model.answerDifficulty(req, now()), {
    validator: (req) => model.checkAnswer(req),
    description: 'Văn phòng trả lời kiến nghị của đơn vị',
  });
  ledger.handle(
    amendPlanUpdate,
    async (req) => {
      const before = visibleOf(state.plan);
      const result = await model.amend(req, now, (item, notice) => {
        const handle = getExternalWorkflowHandle(item.workflowId);
        return notice.kind === 'amended'
          ? handle.signal(itemAmendedSignal, notice.spec)
          : handle.signal(closeItemSignal, { reason: notice.reason });
      });
      // Since `kh-2026-12` the people and memo set at start follow the amended plan (roles change without a restart).
      if (since('kh-2026-12')) {
        const after = visibleOf(state.plan);
        if (after.people !== before.people) upsertSearchAttributes([{ key: KhPeople, value: planPeople(state.plan) }]);
        if (after.memo !== before.memo) upsertMemo({ ...planMemo(state.plan) });
      }
      dirty = true;
      return result;
    },
    {
      validator: (req) => model.checkAmendment(req),
      description: 'Điều chỉnh kế hoạch (phiên bản mới của tệp kế hoạch)',
    },
  );
  ledger.handle(
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

  const ignore = () => undefined;
  /** Items started by this run that report their end by completing: only this run can see that. */
  const watched = new Map<string, ChildWorkflowHandle<typeof itemWorkflow>>();
  const startItem = async (item: PlanItem) => {
    // Since `fewer-upserts` the item starts with its opening status complete, and does not upsert it again.
    const nextDue = since('fewer-upserts') ? item.spec.units.map((u) => u.due.at).sort()[0] : undefined;
    // Since `kh-2026-12` the plan hears an item's end through its completion instead of an `itemClosed` signal.
    const byCompletion = since('kh-2026-12');
    const child = await startChild(itemWorkflow, {
      ...itemChildOptions(state, item, nextDue),
      args: [
        {
          ...model.childInput(item.spec),
          ...(nextDue ? { startedVisible: { nextDue } } : {}),
          ...(byCompletion ? { reportsByCompletion: true as const } : {}),
        },
      ],
    });
    if (byCompletion) {
      item.byCompletion = true;
      watched.set(item.workflowId, child);
    }
    watchChild(
      child,
      (reason) => gone(item, reason),
      byCompletion
        ? (result) => {
            model.itemClosed(result);
            dirty = true;
          }
        : undefined,
    );
    if (state.paused)
      await getExternalWorkflowHandle(item.workflowId).signal(pauseRemindersSignal, {
        by: 'kế hoạch đang tạm dừng nhắc',
      });
    item.phase = 'running';
  };

  /**
   * Before continuing as new: the next run cannot see the completion of the items this run watches, so each is asked
   * to signal its end instead. One that already ended cannot be asked; its completion is in this run's history.
   */
  const handOverWatched = async () => {
    await Promise.all(
      model
        .running()
        .filter((item) => item.byCompletion)
        .map((item) =>
          getExternalWorkflowHandle(item.workflowId)
            .signal(reportBackSignal)
            .catch(() => watched.get(item.workflowId)?.result().then(ignore, ignore))
            .then(() => {
              delete item.byCompletion;
            }),
        ),
    );
  };

  let lastVisible = '';
  const publish = (nextMs: number | undefined) => {
    setCurrentDetails(planMarkdown(state));
    const phase = state.closing && model.running().length === 0 ? 'done' : 'running';
    // Since `fewer-upserts` the next deadline is the items' attribute only (each item has its own); the plan keeps
    // its status. Runs recorded before upserted both at every opening.
    const both = !since('fewer-upserts');
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
        await handOverWatched();
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
  if (since('archive-at-close')) {
    model.archived(await archiveAtClose(workflowInfo().workflowId, () => now().iso));
    // A message that arrived while archiving (a late difficulty) is handled before the plan closes.
    await condition(allHandlersFinished);
  }
  return model.status(now());
}
