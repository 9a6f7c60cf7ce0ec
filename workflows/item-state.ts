/**
 * Pure rules of one item's life (unit × task or unit × report): which steps are due, how several stale steps fold
 * into one catch-up notice, the four official states, and what each step sends. No Temporal calls here, so the
 * rules are unit-tested directly and the workflow only sequences them.
 */
import { DateTime } from 'luxon';
import { incidentSummary } from './incidents.js';
import type { EmailKind, EmailRequest } from './email-request.js';
import { itemWorkflowId } from '../domain/ids.js';
import { officeSteps } from '../domain/office-steps.js';
import { unitSteps } from '../domain/schedule.js';
import { isProvisionalDate } from '../domain/work-calendar.js';
import type { ReportSpec, UnitStep } from '../domain/schedule-types.js';
import type { ItemState, ItemStatus, ItemWorkflowInput, OfficialState, UnitOutcome, UnitState } from './item-types.js';

/** Steps addressed to the unit itself; several of these due at once fold into one catch-up notice. */
const UNIT_FACING = new Set(['open', 'reminder', 'due-today', 'overdue']);
/** Steps that only nudge; silenced while reminders are paused. */
const NUDGES = new Set(['reminder', 'due-today']);

/** `open` happens once per unit; every later step once per deadline, so an extension starts a fresh round. */
export function stepInstanceKey(step: UnitStep, unit: UnitState): string {
  return step.kind === 'open' ? 'open' : `${step.key}@${unit.due.date}`;
}

/** A unit freshly assigned to an item: open, nothing sent, nothing submitted. */
export function newUnit(unit: string, role: UnitState['role'], due: UnitState['due']): UnitState {
  return {
    unit,
    role,
    due,
    phase: 'open',
    done: [],
    versions: [],
    extensions: [],
    escalation: 'none',
    undeliverable: [],
  };
}

/** A unit still owes something: reminders and escalations apply. */
export function isAwaitingSubmission(unit: UnitState): boolean {
  return unit.phase === 'open' || unit.phase === 'returned';
}

export function isClosed(unit: UnitState): boolean {
  return unit.phase === 'accepted' || unit.phase === 'dropped';
}

/** The end of the deadline day in the plan's zone: a deadline ends at 24:00 (BLDS 2015 Điều 148 k6). */
export function deadlineEndMs(unit: UnitState, zone: string): number {
  const key = `${zone} ${unit.due.date}`;
  let end = deadlineEnds.get(key);
  if (end === undefined) {
    end = DateTime.fromISO(unit.due.date, { zone }).endOf('day').toMillis();
    // Every wake-up asks for every unit's deadline end; a year has a few dozen distinct deadlines.
    if (deadlineEnds.size > 1000) deadlineEnds.clear();
    deadlineEnds.set(key, end);
  }
  return end;
}

const deadlineEnds = new Map<string, number>();

/**
 * Marks every step of `unit` due by plan time `nowMs` as acted on, without sending it (the `open` step too when
 * `includeOpen`): what a unit that joins late, or a round that a return restarts, must not be sent again.
 */
export function settleStepsUpTo(input: ItemWorkflowInput, unit: UnitState, nowMs: number, includeOpen: boolean): void {
  for (const step of unitSteps(input.item, unit.due, input.calendar)) {
    if ((includeOpen || step.kind !== 'open') && Date.parse(step.at) <= nowMs)
      unit.done.push(stepInstanceKey(step, unit));
  }
}

/** Steps of a unit not yet acted on and still relevant to its phase. */
export function pendingSteps(input: ItemWorkflowInput, unit: UnitState): UnitStep[] {
  if (unit.phase === 'dropped') return [];
  return unitSteps(input.item, unit.due, input.calendar).filter((step) => {
    if (unit.done.includes(stepInstanceKey(step, unit))) return false;
    return step.kind === 'open' || isAwaitingSubmission(unit);
  });
}

/** One e-mail to send now, and the step instances it settles. */
export interface PlannedSend {
  unit: string;
  settles: string[];
  email: EmailRequest;
  escalation?: 'office' | 'director';
}

/** The earliest plan instant (ms) at which some pending step falls due, if any. */
export function nextStepAtMs(input: ItemWorkflowInput, state: ItemState): number | undefined {
  let next: number | undefined;
  for (const unit of state.units) {
    for (const step of pendingSteps(input, unit)) {
      const at = Date.parse(step.at);
      if (next === undefined || at < next) next = at;
    }
  }
  return next;
}

/**
 * What is due at plan time `nowMs`. Unit-facing steps that piled up (the worker was down, or time jumped) become
 * one catch-up notice carrying the latest step; nudges that fell due while paused are settled without a send.
 */
export function dueSends(
  input: ItemWorkflowInput,
  state: ItemState,
  nowMs: number,
): { sends: PlannedSend[]; skipped: { unit: string; key: string }[] } {
  const sends: PlannedSend[] = [];
  const skipped: { unit: string; key: string }[] = [];
  for (const unit of state.units) {
    const due = pendingSteps(input, unit).filter((s) => Date.parse(s.at) <= nowMs);
    const facing: UnitStep[] = [];
    for (const step of due) {
      if (state.paused && NUDGES.has(step.kind)) skipped.push({ unit: unit.unit, key: stepInstanceKey(step, unit) });
      else if (UNIT_FACING.has(step.kind)) facing.push(step);
      else sends.push(escalationSend(input, unit, step));
    }
    const latest = facing[facing.length - 1];
    if (!latest) continue;
    const settles = facing.map((s) => stepInstanceKey(s, unit));
    if (facing.length === 1) {
      sends.unshift({
        unit: unit.unit,
        settles,
        email: unitEmail(input, unit, kindOfStep(input, latest), `${latest.key}`),
      });
    } else {
      const email = unitEmail(input, unit, 'catch-up', `catch-up-${latest.key}`);
      email.missedSteps = facing.map((s) => s.rule);
      sends.unshift({ unit: unit.unit, settles, email });
    }
  }
  return { sends, skipped };
}

function kindOfStep(input: ItemWorkflowInput, step: UnitStep): EmailKind {
  switch (step.kind) {
    case 'open':
      return input.item.kind === 'report' ? 'report-request' : 'assignment';
    case 'reminder':
      return 'reminder';
    case 'due-today':
      return 'due-today';
    default:
      return 'overdue';
  }
}

function escalationSend(input: ItemWorkflowInput, unit: UnitState, step: UnitStep): PlannedSend {
  const toDirector = step.kind === 'escalate-director';
  const { office, director } = input.ctx;
  const email = baseEmail(input, unit, toDirector ? 'escalation-director' : 'escalation-office', step.key);
  email.to = toDirector
    ? [{ name: director.name, email: director.email }]
    : [{ name: office.name, email: office.email }];
  if (toDirector) email.cc = [{ name: office.name, email: office.email }];
  // A subordinate body late to report: its own director hears it too, at each step (through its office and director).
  const own = input.ctx.units[unit.unit]?.director;
  if (own) email.cc = [...(email.cc ?? []), { name: own.name, email: own.email }];
  return {
    unit: unit.unit,
    settles: [stepInstanceKey(step, unit)],
    email,
    escalation: toDirector ? 'director' : 'office',
  };
}

/** An e-mail about `unit`, addressed to its head, with a submit link while it still owes a report. */
export function unitEmail(input: ItemWorkflowInput, unit: UnitState, kind: EmailKind, keySuffix: string): EmailRequest {
  const email = baseEmail(input, unit, kind, keySuffix);
  if (isAwaitingSubmission(unit) || kind === 'receipt') {
    email.submitLink = { workflowId: itemWorkflowIdOf(input), itemId: input.item.itemId, unit: unit.unit };
  }
  return email;
}

function itemWorkflowIdOf(input: ItemWorkflowInput): string {
  return itemWorkflowId(input.planWorkflowId, input.item.itemId);
}

function baseEmail(input: ItemWorkflowInput, unit: UnitState, kind: EmailKind, keySuffix: string): EmailRequest {
  const { ctx, item } = input;
  const info = ctx.units[unit.unit];
  const deadlineScoped =
    kind === 'assignment' || kind === 'report-request' ? keySuffix : `${keySuffix}@${unit.due.date}`;
  return {
    key: `${itemWorkflowIdOf(input)}/${unit.unit}/${deadlineScoped}`,
    kind,
    locale: ctx.locale,
    to: info ? [info.head] : [],
    organisation: ctx.organisation,
    plan: ctx.plan,
    item: {
      itemId: item.itemId,
      kind: item.kind,
      title: item.title,
      content: item.content,
      forms: item.forms.map((f) => ctx.forms[f] ?? f),
    },
    unit: { code: unit.unit, name: info?.name ?? unit.unit },
    deadline: unit.due,
    timeZone: ctx.timeZone,
    ...(isProvisionalDate(input.calendar, unit.due.date) ? { provisionalCalendar: true as const } : {}),
  };
}

/** `office-reminder-3@2026-03-20`: an office step of one deadline (an extension of it would start a new round). */
function officeStepKey(step: UnitStep, item: ReportSpec): string {
  return `${step.key}@${item.period.officeDue.date}`;
}

/**
 * The office's own reminders due at plan time `nowMs` on a report item, folded into one e-mail (the latest) when
 * several fell due at once; each step settled in `state.officeDone`. The e-mail says which units have not
 * submitted and which reports wait for review.
 */
export function officeSends(input: ItemWorkflowInput, state: ItemState, nowMs: number): PlannedSend[] {
  const { item, ctx } = input;
  if (item.kind !== 'report') return [];
  const done = (state.officeDone ??= []);
  const due = officeSteps(item, input.calendar).filter(
    (s) => !done.includes(officeStepKey(s, item)) && Date.parse(s.at) <= nowMs,
  );
  const latest = due[due.length - 1];
  if (!latest) return [];
  done.push(...due.map((s) => officeStepKey(s, item)));
  const name = (u: UnitState) => ctx.units[u.unit]?.name ?? u.unit;
  const open = state.units.filter(isAwaitingSubmission).map(name);
  const waiting = state.units.filter((u) => u.phase === 'submitted').map(name);
  const vi = ctx.locale === 'vi';
  const email: EmailRequest = {
    key: `${itemWorkflowIdOf(input)}/office/${officeStepKey(latest, item)}`,
    kind: 'office-reminder',
    locale: ctx.locale,
    to: [{ name: ctx.office.name, email: ctx.office.email }],
    organisation: ctx.organisation,
    plan: ctx.plan,
    item: { itemId: item.itemId, kind: item.kind, title: item.title, content: item.content, forms: [] },
    unit: { code: ctx.office.unit, name: ctx.office.name },
    deadline: item.period.officeDue,
    timeZone: ctx.timeZone,
    comment: vi
      ? `Chưa nộp: ${open.join(', ') || 'không có'}. Chờ duyệt: ${waiting.join(', ') || 'không có'}.`
      : `Not submitted: ${open.join(', ') || 'none'}. Waiting for review: ${waiting.join(', ') || 'none'}.`,
  };
  return [{ unit: '', settles: [], email }];
}

/** The next office reminder of a report item not yet sent, if any (plan ms). */
export function nextOfficeStepMs(input: ItemWorkflowInput, state: ItemState): number | undefined {
  const { item } = input;
  if (item.kind !== 'report') return undefined;
  const done = state.officeDone ?? [];
  const next = officeSteps(item, input.calendar).find((s) => !done.includes(officeStepKey(s, item)));
  return next ? Date.parse(next.at) : undefined;
}

/** The official state of one unit at plan time `nowMs`. */
export function officialState(unit: UnitState, nowMs: number, zone: string): OfficialState {
  const last = unit.versions[unit.versions.length - 1];
  const done = unit.phase === 'accepted' || unit.phase === 'submitted';
  if (done && last) return last.onTime ? 'done-on-time' : 'done-late';
  return nowMs <= deadlineEndMs(unit, zone) ? 'pending-in-time' : 'overdue';
}

export function unitOutcome(unit: UnitState, nowMs: number, zone: string): UnitOutcome {
  const last = unit.versions[unit.versions.length - 1];
  return {
    unit: unit.unit,
    role: unit.role,
    due: unit.due.date,
    phase: unit.phase,
    state: officialState(unit, nowMs, zone),
    submittedAt: last?.at,
    versions: unit.versions.length,
    escalation: unit.escalation,
    lastSubmission: last?.submission,
  };
}

export function itemStatus(input: ItemWorkflowInput, state: ItemState, nowMs: number, closed: boolean): ItemStatus {
  return {
    itemId: input.item.itemId,
    kind: input.item.kind,
    title: input.item.title,
    opensAt: input.item.opens.at,
    paused: state.paused,
    closed,
    closeReason: state.closeReason,
    units: state.units.filter((u) => u.phase !== 'dropped').map((u) => unitOutcome(u, nowMs, input.ctx.timeZone)),
    report: state.report,
    ...(state.directorReview ? { directorReview: true as const } : {}),
    ...(state.returnedReports?.length ? { returnedReports: state.returnedReports } : {}),
    ...(state.rollUp ? { rollUp: state.rollUp } : {}),
    ...(state.incidents?.length ? { incidents: state.incidents.map(incidentSummary) } : {}),
  };
}

/** Units past their deadline with nothing accepted or under review: the `KhOverdueUnits` search attribute. */
export function overdueUnits(state: ItemState, nowMs: number, zone: string): string[] {
  return state.units.filter((u) => isAwaitingSubmission(u) && nowMs > deadlineEndMs(u, zone)).map((u) => u.unit);
}
