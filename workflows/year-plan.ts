import {
  ApplicationFailure,
  CancellationScope,
  ChildWorkflowCancellationType,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  setCurrentDetails,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
  type SignalDefinition,
} from '@temporalio/workflow';
import { DateTime } from 'luxon';
import { itemWorkflowId } from '../domain/ids.js';
import { anchorClock, planTimeAt, realDelayUntil } from '../domain/plan-clock.js';
import { buildPlanSchema } from './lazy-schemas.js';
import { adHocItem, scheduleItems } from '../domain/schedule.js';
import type { ItemSpec } from '../domain/schedule-types.js';
import { buildWorkCalendar } from '../domain/work-calendar.js';
import { itemWorkflow } from './item.js';
import type { ItemWorkflowInput } from './item-types.js';
import {
  amendPlanUpdate,
  calendarChangedSignal,
  closeItemSignal,
  itemAmendedSignal,
  itemClosedSignal,
  pauseRemindersSignal,
  planDefinitionQuery,
  planStatusQuery,
  requestAdHocReportUpdate,
  resumeRemindersSignal,
  updateCalendarUpdate,
} from './messages.js';
import { planContext } from './plan-context.js';
import { closesAtMs, itemDetails, itemSummary, planMarkdown, reportScope } from './plan-state.js';
import type { PlanItem, PlanState, PlanStatus, YearPlanInput } from './plan-types.js';
import { StepTimer } from './step-timer.js';
import { KhItem, KhKind, KhMonth, KhNextDeadline, KhOrg, KhStatus, KhUnits, KhYear } from './search-attributes.js';

function fail(message: string): never {
  throw ApplicationFailure.nonRetryable(message, 'InvalidRequest');
}

function initialState(input: YearPlanInput): PlanState {
  const plan = buildPlanSchema().parse(input.plan);
  const calendar = buildWorkCalendar(plan);
  return {
    plan,
    planVersion: 1,
    calendar,
    clock: anchorClock(input.clock, Date.now()),
    items: scheduleItems(plan, calendar).map((spec) => ({ spec, workflowId: '', phase: 'scheduled' })),
    adHocCount: 0,
    paused: false,
    closing: false,
    amendments: [],
  };
}

/**
 * One organisation's plan-year: starts an item workflow (task or report) when each opens, steers running items
 * (amendments, ad hoc reports, calendar changes, pausing reminders) and closes them all after the year ends.
 */
export async function yearPlanWorkflow(input: YearPlanInput): Promise<PlanStatus> {
  const state = input.state ?? initialState(input);
  const planId = workflowInfo().workflowId;
  for (const item of state.items) item.workflowId ||= itemWorkflowId(planId, item.spec.itemId);
  const zone = state.plan.organisation.timeZone;
  let dirty = false;
  const now = () => planTimeAt(state.clock, Date.now());
  const nowIso = () => DateTime.fromMillis(now(), { zone }).toISO() ?? '';
  const running = () => state.items.filter((i) => i.phase === 'running');
  const signalRunning = async <Args extends unknown[]>(def: SignalDefinition<Args>, ...args: Args) => {
    await Promise.all(running().map((i) => getExternalWorkflowHandle(i.workflowId).signal(def, ...args)));
  };

  const status = (): PlanStatus => ({
    workflowId: planId,
    organisation: state.plan.organisation.code,
    year: state.plan.plan.year,
    number: state.plan.plan.number,
    title: state.plan.plan.title,
    planVersion: state.planVersion,
    paused: state.paused,
    closing: state.closing,
    closesAt: DateTime.fromMillis(closesAtMs(state), { zone }).toISO() ?? '',
    now: nowIso(),
    items: state.items.map((i) => ({
      itemId: i.spec.itemId,
      workflowId: i.workflowId,
      kind: i.spec.kind,
      title: i.spec.title,
      opensAt: i.spec.opens.at,
      phase: i.phase,
      result: i.result,
    })),
    amendments: state.amendments,
  });
  setHandler(planStatusQuery, status);
  setHandler(planDefinitionQuery, () => state.plan);

  setHandler(itemClosedSignal, (result) => {
    const item = state.items.find((i) => i.spec.itemId === result.itemId);
    if (item && item.phase === 'running') item.phase = 'closed';
    if (item) item.result = result;
    dirty = true;
  });

  setHandler(pauseRemindersSignal, async (by) => {
    state.paused = true;
    dirty = true;
    await signalRunning(pauseRemindersSignal, by);
  });
  setHandler(resumeRemindersSignal, async (by) => {
    state.paused = false;
    dirty = true;
    await signalRunning(resumeRemindersSignal, by);
  });

  setHandler(
    requestAdHocReportUpdate,
    (req) => {
      state.adHocCount += 1;
      const spec = adHocItem(state.plan, state.calendar, {
        number: state.adHocCount,
        title: req.title,
        content: req.content,
        units: req.units,
        dueDate: req.dueDate,
        opensAt: nowIso(),
      });
      const item: PlanItem = { spec, workflowId: itemWorkflowId(planId, spec.itemId), phase: 'scheduled' };
      state.items.push(item);
      dirty = true;
      return { itemId: spec.itemId, workflowId: item.workflowId };
    },
    {
      validator: (req) => {
        if (state.closing) fail('the plan is closing; no new reports');
        if (state.plan.reporting && state.plan.reporting.adHocAllowed === false)
          fail('this plan does not allow ad hoc reports');
        if (!req.title?.trim()) fail('title: must not be empty');
        if (!req.units?.length) fail('units: choose at least one unit');
        for (const u of req.units)
          if (!state.plan.units.some((p) => p.code === u)) fail(`units: ${u} is not a unit of the plan`);
        const due = DateTime.fromISO(req.dueDate ?? '', { zone });
        if (!/^\d{4}-\d{2}-\d{2}$/.test(req.dueDate ?? '') || !due.isValid)
          fail(`dueDate: "${req.dueDate}" is not a date (expected yyyy-MM-dd)`);
        if (due.endOf('day').toMillis() < now()) fail(`dueDate: ${req.dueDate} is already past`);
      },
      description: 'Yêu cầu báo cáo đột xuất (đơn vị, nội dung, hạn)',
    },
  );

  setHandler(
    amendPlanUpdate,
    async (req) => {
      const plan = buildPlanSchema().parse(req.plan);
      const specs = scheduleItems(plan, state.calendar);
      const changes: string[] = [];
      for (const spec of specs) {
        const item = state.items.find((i) => i.spec.itemId === spec.itemId);
        if (!item) {
          state.items.push({ spec, workflowId: itemWorkflowId(planId, spec.itemId), phase: 'scheduled' });
          changes.push(`+ ${spec.itemId}`);
        } else if (
          JSON.stringify(item.spec) !== JSON.stringify(spec) &&
          item.phase !== 'closed' &&
          item.phase !== 'dropped'
        ) {
          item.spec = spec;
          changes.push(`~ ${spec.itemId}`);
          if (item.phase === 'running')
            await getExternalWorkflowHandle(item.workflowId).signal(itemAmendedSignal, spec);
        }
      }
      for (const item of state.items) {
        const scheduledByPlan = !item.spec.itemId.startsWith('report-adhoc');
        if (!scheduledByPlan || specs.some((s) => s.itemId === item.spec.itemId)) continue;
        if (item.phase === 'scheduled') item.phase = 'dropped';
        else if (item.phase === 'running') {
          item.phase = 'dropped';
          await getExternalWorkflowHandle(item.workflowId).signal(closeItemSignal, {
            reason: `bỏ theo điều chỉnh kế hoạch: ${req.note}`,
          });
        } else continue;
        changes.push(`- ${item.spec.itemId}`);
      }
      state.plan = plan;
      state.planVersion += 1;
      state.amendments.push({ version: state.planVersion, at: nowIso(), note: req.note, by: req.by, changes });
      dirty = true;
      return { planVersion: state.planVersion, changes };
    },
    {
      validator: (req) => {
        const parsed = buildPlanSchema().safeParse(req.plan);
        if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        if (
          parsed.data.organisation.code !== state.plan.organisation.code ||
          parsed.data.plan.year !== state.plan.plan.year
        ) {
          fail('an amendment must keep the organisation code and the year');
        }
        if (!req.note?.trim()) fail('note: say why the plan changes');
      },
      description: 'Điều chỉnh kế hoạch (phiên bản mới của tệp kế hoạch)',
    },
  );

  setHandler(
    updateCalendarUpdate,
    async ({ years }) => {
      const replaced = new Set(years.map((y) => y.year));
      state.calendar = {
        ...state.calendar,
        years: [...state.calendar.years.filter((y) => !replaced.has(y.year)), ...years],
      };
      // Items not yet open are rescheduled on the new calendar; running ones take it for their remaining steps.
      const fresh = scheduleItems(state.plan, state.calendar);
      for (const item of state.items) {
        const spec = fresh.find((s) => s.itemId === item.spec.itemId);
        if (item.phase === 'scheduled' && spec) item.spec = spec;
      }
      await signalRunning(calendarChangedSignal, { years });
      dirty = true;
      return { years: [...replaced] };
    },
    {
      validator: ({ years }) => {
        if (!Array.isArray(years) || years.length === 0) fail('years: give at least one year');
        for (const y of years) {
          if (!Number.isInteger(y.year) || !y.source?.trim() || !Array.isArray(y.days))
            fail(`years: ${y.year} needs year, source and days`);
          for (const d of y.days)
            if (!d.date?.startsWith(String(y.year))) fail(`years[${y.year}].days: ${d.date} is not in ${y.year}`);
        }
      },
      description: 'Cập nhật lịch nghỉ lễ chính thức (năm, văn bản, ngày nghỉ/làm bù)',
    },
  );

  const startItem = async (item: PlanItem) => {
    const spec = item.spec;
    const childInput: ItemWorkflowInput = {
      planWorkflowId: planId,
      ctx: planContext(state.plan),
      item: spec,
      calendar: state.calendar,
      clock: state.clock,
      reportScope: spec.kind === 'report' ? reportScope(state, spec) : undefined,
    };
    const dueMonth = spec.units[0] ? Number(spec.units[0].due.date.slice(5, 7)) : undefined;
    await startChild(itemWorkflow, {
      workflowId: item.workflowId,
      args: [childInput],
      // The plan cancels its items itself (below); ABANDON keeps them alive across the plan's continue-as-new.
      parentClosePolicy: ParentClosePolicy.ABANDON,
      // Not cancelled by the SDK with our scope: the cancel handler below cancels every running item itself (also those
      // started before a continue-as-new), and a second request for the same child fails the plan's workflow task.
      cancellationType: ChildWorkflowCancellationType.ABANDON,
      staticSummary: itemSummary(state, spec),
      staticDetails: itemDetails(state, spec),
      typedSearchAttributes: [
        { key: KhOrg, value: state.plan.organisation.code },
        { key: KhYear, value: state.plan.plan.year },
        { key: KhKind, value: spec.kind },
        { key: KhItem, value: spec.itemId },
        { key: KhUnits, value: spec.units.map((u) => u.unit) },
        { key: KhStatus, value: 'open' },
        ...(dueMonth ? [{ key: KhMonth, value: dueMonth }] : []),
      ],
    });
    if (state.paused)
      await getExternalWorkflowHandle(item.workflowId).signal(pauseRemindersSignal, {
        by: 'kế hoạch đang tạm dừng nhắc',
      });
    item.phase = 'running';
  };

  let lastVisible = '';
  const publish = (nextMs: number | undefined) => {
    setCurrentDetails(planMarkdown(state));
    const phase = state.closing && running().length === 0 ? 'done' : 'running';
    const visible = JSON.stringify([phase, nextMs]);
    if (visible === lastVisible) return;
    lastVisible = visible;
    upsertSearchAttributes([
      { key: KhStatus, value: phase },
      { key: KhNextDeadline, value: nextMs !== undefined ? new Date(nextMs) : null },
    ]);
  };

  const stepTimer = new StepTimer();
  try {
    while (true) {
      const at = now();
      for (const item of state.items) {
        if (item.phase === 'scheduled' && Date.parse(item.spec.opens.at) <= at) await startItem(item);
      }
      if (!state.closing && at >= closesAtMs(state)) {
        state.closing = true;
        await signalRunning(closeItemSignal, { reason: 'hết năm kế hoạch' });
      }
      if (state.closing && running().length === 0) break;
      const upcoming = state.items.filter((i) => i.phase === 'scheduled').map((i) => Date.parse(i.spec.opens.at));
      const next = state.closing ? undefined : Math.min(...upcoming, closesAtMs(state));
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
        next === undefined ? '' : nextSummary(state, next, zone),
        () => dirty,
      );
    }
  } catch (err) {
    if (!isCancellation(err)) throw err;
    // Cancelling the plan cancels its running items; this must run even though our own scope is cancelled.
    await CancellationScope.nonCancellable(async () => {
      await Promise.all(running().map((i) => getExternalWorkflowHandle(i.workflowId).cancel()));
      upsertSearchAttributes([{ key: KhStatus, value: 'cancelled' }]);
    });
    throw err;
  }
  await condition(allHandlersFinished);
  publish(undefined);
  return status();
}

function nextSummary(state: PlanState, nextMs: number, zone: string): string {
  const when = DateTime.fromMillis(nextMs, { zone }).toFormat('HH:mm dd/MM/yyyy');
  const opening: ItemSpec | undefined = state.items.find(
    (i) => i.phase === 'scheduled' && Date.parse(i.spec.opens.at) === nextMs,
  )?.spec;
  return (opening ? `Mở ${opening.itemId} lúc ${when}: ${opening.title}` : `Kết thúc năm kế hoạch lúc ${when}`).slice(
    0,
    200,
  );
}
