/**
 * The rules of one plan-year as a model the workflow drives: what each message changes (ad hoc reports,
 * amendments, calendar changes, pausing) and what is refused, and what each item workflow is started with. No
 * Temporal calls here: where a change must reach running items, the workflow passes the function that signals them.
 */
import { ApplicationFailure } from '@temporalio/common';
import { DateTime } from 'luxon';
import { FAILURES } from '../domain/failures.js';
import { answerProblem, difficultyProblem, type AnswerInput, type DifficultyInput } from '../domain/difficulties.js';
import { itemWorkflowId } from '../domain/ids.js';
import { anchorClock } from '../domain/plan-clock.js';
import { ISO_DATE } from '../domain/local-date.js';
import {
  adHocItem,
  adHocUnitCodes,
  CURRENT_SCHEDULE_RULES,
  scheduleItems,
  type ScheduleRules,
} from '../domain/schedule.js';
import type { ItemSpec, OfficialYear } from '../domain/schedule-types.js';
import { buildWorkCalendar } from '../domain/work-calendar.js';
import type { ItemStatus, ItemWorkflowInput } from './item-types.js';
import type { PlanNow } from './item-model.js';
import * as lazySchemas from './lazy-schemas.js';
import type { AdHocInput, AmendInput } from './messages.js';
import { planContext } from './plan-context.js';
import { closesAtMs, reportScope } from './plan-state.js';
import type { PlanArchive, PlanItem, PlanState, PlanStatus, YearPlanInput } from './plan-types.js';
import { refuse } from './refuse.js';

/** The state of a plan's first run: its items scheduled on the official calendar, the clock anchored now. */
export function initialPlanState(
  input: YearPlanInput,
  realNowMs: number,
  scheduleRules: ScheduleRules = CURRENT_SCHEDULE_RULES,
  schemas: PlanSchemas = lazySchemas,
): PlanState {
  const parsed = schemas.buildPlanSchema().safeParse(input.plan);
  // Failing the workflow (not its task, which would be retried forever) shows the reason in the Temporal UI.
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'plan'}: ${i.message}`);
    throw ApplicationFailure.nonRetryable(
      `the plan does not pass the schema (${issues.length} problems): ${issues.slice(0, 5).join('; ')}`,
      FAILURES.planInvalid,
    );
  }
  const plan = parsed.data;
  const calendar = buildWorkCalendar(plan);
  return {
    // Version 1 is recorded as absent, so a replayed old run builds exactly the state it built.
    ...(scheduleRules > 1 ? { scheduleRules } : {}),
    plan,
    planVersion: 1,
    calendar,
    clock: anchorClock(input.clock, realNowMs),
    items: scheduleItems(plan, calendar, scheduleRules).map((spec) => ({ spec, workflowId: '', phase: 'scheduled' })),
    adHocCount: 0,
    paused: false,
    closing: false,
    amendments: [],
  };
}

/** Where the model gets the plan schema: loaded lazily in the workflow sandbox, imported directly in tests. */
export interface PlanSchemas {
  buildPlanSchema: typeof lazySchemas.buildPlanSchema;
}

/** How the plan tells a running item of a change (a signal, sent by the workflow). */
export type ItemNotice = { kind: 'amended'; spec: ItemSpec } | { kind: 'closed'; reason: string };

export class PlanModel {
  constructor(
    readonly state: PlanState,
    readonly planId: string,
    private readonly schemas: PlanSchemas = lazySchemas,
  ) {
    for (const item of state.items) item.workflowId ||= itemWorkflowId(planId, item.spec.itemId);
  }

  get zone(): string {
    return this.state.plan.organisation.timeZone;
  }

  running(): PlanItem[] {
    return this.state.items.filter((i) => i.phase === 'running');
  }

  status(now: PlanNow): PlanStatus {
    const { state } = this;
    return {
      workflowId: this.planId,
      organisation: state.plan.organisation.code,
      year: state.plan.plan.year,
      number: state.plan.plan.number,
      title: state.plan.plan.title,
      planVersion: state.planVersion,
      paused: state.paused,
      closing: state.closing,
      closesAt: DateTime.fromMillis(closesAtMs(state), { zone: this.zone }).toISO() ?? '',
      now: now.iso,
      items: state.items.map((i) => ({
        itemId: i.spec.itemId,
        workflowId: i.workflowId,
        kind: i.spec.kind,
        title: i.spec.title,
        opensAt: i.spec.opens.at,
        phase: i.phase,
        result: i.result,
        ...(i.failure ? { failure: i.failure } : {}),
        ...(i.spec.kind === 'report' && i.spec.period.code !== 'adhoc'
          ? { officeDueAt: i.spec.period.officeDue.at }
          : {}),
      })),
      amendments: state.amendments,
      difficulties: state.difficulties ?? [],
      calendarYears: state.calendar.years.map((y) => ({
        year: y.year,
        source: y.source,
        ...(y.provisional ? { provisional: true as const } : {}),
      })),
      ...(state.archive ? { archive: state.archive } : {}),
    };
  }

  /** The closed year's record was written out of Temporal, or could not be: kept on the plan's status. */
  archived(outcome: PlanArchive): void {
    this.state.archive = outcome;
  }

  /** An item finished: its outcome is kept for the plan's status and reports. */
  itemClosed(result: ItemStatus): void {
    const item = this.state.items.find((i) => i.spec.itemId === result.itemId);
    if (item && item.phase === 'running') item.phase = 'closed';
    if (item) item.result = result;
  }

  /**
   * An item workflow ended without its `itemClosed` (it failed, timed out or was terminated): accounted for as
   * closed with the reason, so the year still closes. An item that did report back keeps its result.
   */
  itemFailed(itemId: string, reason: string): void {
    const item = this.state.items.find((i) => i.spec.itemId === itemId);
    if (!item || item.phase !== 'running') return;
    item.phase = 'closed';
    item.failure = reason.slice(0, 1_000);
  }

  setPaused(paused: boolean): void {
    this.state.paused = paused;
  }

  // ── Ad hoc reports ──────────────────────────────────────────────────────────────────────────────────────────

  checkAdHoc(req: AdHocInput, nowMs: number): void {
    const { state } = this;
    if (state.closing) refuse('the plan is closing; no new reports');
    if (state.plan.reporting && state.plan.reporting.adHocAllowed === false)
      refuse('this plan does not allow ad hoc reports');
    if (!req.title?.trim()) refuse('title: must not be empty');
    if (!req.units?.length) refuse('units: choose at least one unit');
    const askable = adHocUnitCodes(state.plan);
    for (const u of req.units)
      if (!askable.includes(u)) refuse(`units: ${u} is not a unit of the plan nor one of its subordinates`);
    const due = DateTime.fromISO(req.dueDate ?? '', { zone: this.zone });
    if (!ISO_DATE.test(req.dueDate ?? '') || !due.isValid)
      refuse(`dueDate: "${req.dueDate}" is not a date (expected yyyy-MM-dd)`);
    if (due.endOf('day').toMillis() < nowMs) refuse(`dueDate: ${req.dueDate} is already past`);
  }

  /** A report asked for once (ND 09/2019 Điều 4): a new item, opened by the loop like any other. */
  addAdHoc(req: AdHocInput, now: PlanNow): { itemId: string; workflowId: string } {
    const { state } = this;
    state.adHocCount += 1;
    const spec = adHocItem(state.plan, state.calendar, {
      number: state.adHocCount,
      title: req.title,
      content: req.content,
      units: req.units,
      dueDate: req.dueDate,
      opensAt: now.iso,
    });
    const item: PlanItem = { spec, workflowId: itemWorkflowId(this.planId, spec.itemId), phase: 'scheduled' };
    state.items.push(item);
    return { itemId: spec.itemId, workflowId: item.workflowId };
  }

  // ── Difficulties (kiến nghị, vướng mắc) ───────────────────────────────────────────────────────────────────

  checkDifficulty(req: DifficultyInput): void {
    const units = this.state.plan.units.map((u) => u.code);
    const problem = difficultyProblem(req, units, this.state.difficulties?.length ?? 0);
    if (problem) refuse(problem);
    if (req.itemId !== undefined && !this.state.items.some((i) => i.spec.itemId === req.itemId))
      refuse(`itemId: ${req.itemId} is not an item of the plan`);
  }

  /** Kept for the office's dashboard and the next report; numbered from 1 in the order raised. */
  raiseDifficulty(req: DifficultyInput, now: PlanNow): { id: number; at: string } {
    const list = (this.state.difficulties ??= []);
    const id = list.length + 1;
    list.push({
      id,
      unit: req.unit,
      text: req.text.trim(),
      raisedBy: req.raisedBy.trim(),
      raisedAt: now.iso,
      ...(req.itemId ? { itemId: req.itemId } : {}),
    });
    return { id, at: now.iso };
  }

  checkAnswer(req: AnswerInput): void {
    const problem = answerProblem(req, this.state.difficulties ?? []);
    if (problem) refuse(problem);
  }

  answerDifficulty(req: AnswerInput, now: PlanNow): { id: number; at: string } {
    const found = this.state.difficulties?.find((d) => d.id === req.id);
    if (found) found.answer = { text: req.answer.trim(), by: req.by.trim(), at: now.iso };
    return { id: req.id, at: now.iso };
  }

  // ── Amendments ──────────────────────────────────────────────────────────────────────────────────────────────

  checkAmendment(req: AmendInput): void {
    const parsed = this.schemas.buildPlanSchema().safeParse(req.plan);
    if (!parsed.success) refuse(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const { state } = this;
    if (
      parsed.data.organisation.code !== state.plan.organisation.code ||
      parsed.data.plan.year !== state.plan.plan.year
    )
      refuse('an amendment must keep the organisation code and the year');
    if (!req.note?.trim()) refuse('note: say why the plan changes');
  }

  /**
   * A new version of the plan: new items are scheduled, changed ones take their new definition, items the plan no
   * longer has are dropped (ad hoc reports stay). Running items hear of it through `notify`, one at a time and in
   * this order, as they always have (the order is part of the workflow's recorded history). The amendment is dated
   * when it is done (`now` is asked after the notices).
   */
  async amend(
    req: AmendInput,
    now: () => PlanNow,
    notify: (item: PlanItem, notice: ItemNotice) => Promise<void>,
  ): Promise<{ planVersion: number; changes: string[] }> {
    const { state } = this;
    const plan = this.schemas.buildPlanSchema().parse(req.plan);
    const specs = scheduleItems(plan, state.calendar, state.scheduleRules ?? 1);
    const changes: string[] = [];
    for (const spec of specs) {
      const item = state.items.find((i) => i.spec.itemId === spec.itemId);
      if (!item) {
        state.items.push({ spec, workflowId: itemWorkflowId(this.planId, spec.itemId), phase: 'scheduled' });
        changes.push(`+ ${spec.itemId}`);
      } else if (
        JSON.stringify(item.spec) !== JSON.stringify(spec) &&
        item.phase !== 'closed' &&
        item.phase !== 'dropped'
      ) {
        item.spec = spec;
        changes.push(`~ ${spec.itemId}`);
        if (item.phase === 'running') await notify(item, { kind: 'amended', spec });
      }
    }
    for (const item of state.items) {
      const scheduledByPlan = !item.spec.itemId.startsWith('report-adhoc');
      if (!scheduledByPlan || specs.some((s) => s.itemId === item.spec.itemId)) continue;
      if (item.phase === 'scheduled') item.phase = 'dropped';
      else if (item.phase === 'running') {
        item.phase = 'dropped';
        await notify(item, { kind: 'closed', reason: `bỏ theo điều chỉnh kế hoạch: ${req.note}` });
      } else continue;
      changes.push(`- ${item.spec.itemId}`);
    }
    state.plan = plan;
    state.planVersion += 1;
    state.amendments.push({ version: state.planVersion, at: now().iso, note: req.note, by: req.by, changes });
    return { planVersion: state.planVersion, changes };
  }

  // ── The official calendar ───────────────────────────────────────────────────────────────────────────────────

  checkCalendar(years: OfficialYear[]): void {
    if (!Array.isArray(years) || years.length === 0) refuse('years: give at least one year');
    for (const y of years) {
      if (!Number.isInteger(y.year) || !y.source?.trim() || !Array.isArray(y.days))
        refuse(`years: ${y.year} needs year, source and days`);
      for (const d of y.days)
        if (!d.date?.startsWith(String(y.year))) refuse(`years[${y.year}].days: ${d.date} is not in ${y.year}`);
    }
  }

  /** The government's days off for `years` replace the old ones; items not yet open are rescheduled on them. */
  takeCalendar(years: OfficialYear[]): number[] {
    const { state } = this;
    const replaced = new Set(years.map((y) => y.year));
    state.calendar = {
      ...state.calendar,
      years: [...state.calendar.years.filter((y) => !replaced.has(y.year)), ...years],
    };
    const fresh = scheduleItems(state.plan, state.calendar, state.scheduleRules ?? 1);
    for (const item of state.items) {
      const spec = fresh.find((s) => s.itemId === item.spec.itemId);
      if (item.phase === 'scheduled' && spec) item.spec = spec;
    }
    return [...replaced];
  }

  // ── Items ───────────────────────────────────────────────────────────────────────────────────────────────────

  /** What an item workflow starts with: its definition, the plan's names and calendar, the clock. */
  childInput(spec: ItemSpec): ItemWorkflowInput {
    const { state } = this;
    return {
      planWorkflowId: this.planId,
      ctx: planContext(state.plan),
      item: spec,
      calendar: state.calendar,
      clock: state.clock,
      reportScope: spec.kind === 'report' ? reportScope(state, spec) : undefined,
    };
  }

  /** The item is still to be opened, and its opening is due by plan time `nowMs`. */
  opensBy(item: PlanItem, nowMs: number): boolean {
    return item.phase === 'scheduled' && Date.parse(item.spec.opens.at) <= nowMs;
  }

  /** The next plan instant to wake for: an item opening, or the year's close; none while closing. */
  nextWakeMs(): number | undefined {
    if (this.state.closing) return undefined;
    const upcoming = this.state.items.filter((i) => i.phase === 'scheduled').map((i) => Date.parse(i.spec.opens.at));
    return Math.min(...upcoming, closesAtMs(this.state));
  }
}
