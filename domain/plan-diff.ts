/**
 * What an amendment changes in a plan, section by section, with each thing named by its identity in the plan: units
 * and subordinate bodies by code, duties by number (across the three kinds), themes and forms by code, calendar overrides by date. Pure:
 * the portal words it (`plan-diff-words.ts`) and shows it before the office confirms the amendment.
 */
import type { OngoingDuty, PeriodCode, Plan, PlanTask, PlanUnit, RecurringTask, Subordinate } from './plan-schema.js';

/** A value as the plan holds it; `undefined` when the field is not set (a default applies). */
export type PlanValue = string | number | boolean | undefined | readonly PlanValue[] | { [key: string]: PlanValue };

/** One field that changed: where (`plan.title`, `head.email`), what it was, what it is now. */
export interface FieldChange {
  field: string;
  from: PlanValue;
  to: PlanValue;
}

/** An entry of a list kept by its identity (code, date): added, dropped, or changed field by field. */
export type KeyedChange<T> =
  | { change: 'added'; entry: T }
  | { change: 'dropped'; entry: T }
  | { change: 'changed'; before: T; after: T; fields: FieldChange[] };

export type PlanTheme = Plan['themes'][number];
export type PlanForm = Plan['forms'][number];
export type CalendarOverride = Plan['calendar']['overrides'][number];
export type PlanReporting = NonNullable<Plan['reporting']>;

/** The three kinds of duty a plan writes: dated tasks, recurring tasks, ongoing duties (thường xuyên). */
export type DutyKind = 'task' | 'recurring' | 'ongoing';
export type Duty =
  | { kind: 'task'; duty: PlanTask }
  | { kind: 'recurring'; duty: RecurringTask }
  | { kind: 'ongoing'; duty: OngoingDuty };
/** A deadline rule: a task's (`on`, `endOfMonth`, `workingDaysAfterOpening`) or a recurring task's (`day`, …). */
export type DueRule = PlanTask['due'] | RecurringTask['due'];
export type DutyRole = 'lead' | 'support';

/** One way a duty changed. `units` says who gains and who loses a role; `due` is the deadline rule moved. */
export type DutyFieldChange =
  | { what: 'kind'; from: DutyKind; to: DutyKind }
  | { what: 'units'; role: DutyRole; gained: string[]; lost: string[] }
  | { what: 'codes'; field: 'forms' | 'themes'; added: string[]; dropped: string[] }
  | { what: 'due'; from: DueRule | undefined; to: DueRule | undefined }
  | { what: 'order'; field: 'units' | 'forms' | 'themes' }
  | { what: 'field'; field: DutyField; from: PlanValue; to: PlanValue };

/** The duty fields compared as whole values (a list of reminders is one value). */
export const DUTY_FIELDS = [
  'title',
  'content',
  'opensOn',
  'every',
  'from',
  'to',
  'opensWorkingDaysBefore',
  'reminders',
  'escalation',
  'deadlinePolicy',
  'target',
] as const;
export type DutyField = (typeof DUTY_FIELDS)[number];

export type DutyChange =
  | { change: 'added'; duty: Duty }
  | { change: 'dropped'; duty: Duty }
  | { change: 'changed'; before: Duty; after: Duty; fields: DutyFieldChange[] };

/** The reporting regime: set up, removed, or changed (periods added or dropped, the other fields one by one). */
export type ReportingChange =
  | { change: 'added'; after: PlanReporting }
  | { change: 'dropped'; before: PlanReporting }
  | { change: 'changed'; periodsAdded: PeriodCode[]; periodsDropped: PeriodCode[]; fields: FieldChange[] };

/** Lists whose entries stayed the same but whose order changed (reports and e-mails list them in this order). */
export type OrderedList =
  'units' | 'subordinates' | 'themes' | 'forms' | 'tasks' | 'recurringTasks' | 'ongoingDuties' | 'overrides';

export interface PlanDiff {
  /** Organisation, plan document, office, director, demo clock: `organisation.name`, `plan.carriesOut.number`. */
  header: FieldChange[];
  units: KeyedChange<PlanUnit>[];
  /** The bodies reporting to this one: added, dropped, renamed, a new office or director. */
  subordinates: KeyedChange<Subordinate>[];
  themes: KeyedChange<PlanTheme>[];
  forms: KeyedChange<PlanForm>[];
  /** In duty-number order. */
  duties: DutyChange[];
  reporting?: ReportingChange;
  /** `reminders`, `escalation.officeAfter`, `deadlinePolicy`, `sendAt`. */
  defaults: FieldChange[];
  /** `saturdaysWorking`. */
  calendar: FieldChange[];
  overrides: KeyedChange<CalendarOverride>[];
  reordered: { list: OrderedList; from: string[]; to: string[] }[];
}

/**
 * Everything that differs between the running plan and its amended version, e.g. a unit added, task 3's deadline
 * moved from 06/03/2026 to 13/03/2026 and its lead passed from KHTC to TCCB. Two equal plans give `noChange`.
 */
export function planDiff(before: Plan, after: Plan): PlanDiff {
  return {
    header: [
      ...objectChanges('organisation', before.organisation, after.organisation),
      ...objectChanges('plan', before.plan, after.plan),
      ...objectChanges('office', before.office, after.office),
      ...objectChanges('director', before.director, after.director),
      ...objectChanges('demo', before.demo, after.demo),
    ],
    units: keyedChanges(before.units, after.units, (u) => u.code),
    subordinates: keyedChanges(subordinatesOf(before), subordinatesOf(after), (s) => s.code),
    themes: keyedChanges(before.themes, after.themes, (t) => t.code),
    forms: keyedChanges(before.forms, after.forms, (f) => f.code, ['target']),
    duties: dutyChanges(before, after),
    reporting: reportingChange(before.reporting, after.reporting),
    defaults: objectChanges('', before.defaults, after.defaults),
    calendar: valueChanges(['saturdaysWorking'], before.calendar, after.calendar),
    overrides: keyedChanges(before.calendar.overrides, after.calendar.overrides, (o) => o.date),
    reordered: reorderings(before, after),
  };
}

/**
 * The plan's subordinate bodies; none for a plan started before the field existed, whose definition (read back from
 * its workflow) has no `subordinates` at all.
 */
function subordinatesOf(plan: Plan): readonly Subordinate[] {
  return (plan.subordinates as Subordinate[] | undefined) ?? [];
}

/** True when the amended plan is the running plan: nothing to confirm. */
export function noChange(diff: PlanDiff): boolean {
  return (
    !diff.reporting &&
    [
      diff.header,
      diff.units,
      diff.subordinates,
      diff.themes,
      diff.forms,
      diff.duties,
      diff.defaults,
      diff.calendar,
      diff.overrides,
      diff.reordered,
    ].every((list) => list.length === 0)
  );
}

/**
 * The diff as JSON with its object keys sorted, so the same diff gives the same text whichever way its plans came
 * (parsed here, or read back from the workflow): what the portal hashes to notice a diff that changed meanwhile.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sorted(value));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sorted(v);
  }
  return out;
}

/** Deep equality of plan values; a missing field equals one set to `undefined`. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function isRecord(v: unknown): v is Record<string, PlanValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Leaf by leaf below `prefix` (objects are walked, lists and scalars compared whole); an object on one side only
 * gives each of its fields, so `plan.carriesOut` set for the first time lists its number, date and issuer.
 */
function objectChanges(prefix: string, before: unknown, after: unknown, whole: readonly string[] = []): FieldChange[] {
  if ((!isRecord(before) && !isRecord(after)) || whole.includes(prefix))
    return sameValue(before, after) ? [] : [{ field: prefix, from: before as PlanValue, to: after as PlanValue }];
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
  return keys.flatMap((k) => objectChanges(prefix ? `${prefix}.${k}` : k, a[k], b[k], whole));
}

/** The named fields compared as whole values. */
function valueChanges(fields: readonly string[], before: object, after: object): FieldChange[] {
  const a = before as Record<string, PlanValue>;
  const b = after as Record<string, PlanValue>;
  return fields.filter((f) => !sameValue(a[f], b[f])).map((f) => ({ field: f, from: a[f], to: b[f] }));
}

/**
 * Dropped entries in their old order, then added and changed ones in the new order; the fields named in `whole`
 * (a form's `target`) are compared as one value.
 */
function keyedChanges<T extends object>(
  before: readonly T[],
  after: readonly T[],
  key: (t: T) => string,
  whole: readonly string[] = [],
) {
  const old = new Map(before.map((t) => [key(t), t]));
  const now = new Map(after.map((t) => [key(t), t]));
  const changes: KeyedChange<T>[] = before
    .filter((t) => !now.has(key(t)))
    .map((entry) => ({ change: 'dropped' as const, entry }));
  for (const entry of after) {
    const was = old.get(key(entry));
    if (!was) changes.push({ change: 'added', entry });
    else if (!sameValue(was, entry))
      changes.push({ change: 'changed', before: was, after: entry, fields: objectChanges('', was, entry, whole) });
  }
  return changes;
}

/** Every duty of a plan, whatever its kind, by number. */
function dutiesOf(plan: Plan): Map<number, Duty> {
  const all: Duty[] = [
    ...plan.tasks.map((duty) => ({ kind: 'task' as const, duty })),
    ...plan.recurringTasks.map((duty) => ({ kind: 'recurring' as const, duty })),
    ...plan.ongoingDuties.map((duty) => ({ kind: 'ongoing' as const, duty })),
  ];
  return new Map(all.map((d) => [d.duty.number, d]));
}

function dutyChanges(before: Plan, after: Plan): DutyChange[] {
  const old = dutiesOf(before);
  const now = dutiesOf(after);
  const numbers = [...new Set([...old.keys(), ...now.keys()])].sort((x, y) => x - y);
  return numbers.flatMap((n): DutyChange[] => {
    const was = old.get(n);
    const is = now.get(n);
    if (!was) return is ? [{ change: 'added', duty: is }] : [];
    if (!is) return [{ change: 'dropped', duty: was }];
    if (was.kind === is.kind && sameValue(was.duty, is.duty)) return [];
    return [{ change: 'changed', before: was, after: is, fields: dutyFieldChanges(was, is) }];
  });
}

/** What the duty's fields say, for either kind (a field the kind does not have is `undefined`). */
function dutyFields(d: Duty): Record<string, PlanValue> {
  return d.duty as unknown as Record<string, PlanValue>;
}

function dutyFieldChanges(was: Duty, is: Duty): DutyFieldChange[] {
  const out: DutyFieldChange[] = [];
  if (was.kind !== is.kind) out.push({ what: 'kind', from: was.kind, to: is.kind });
  const a = dutyFields(was);
  const b = dutyFields(is);
  if (!sameValue(a.title, b.title)) out.push({ what: 'field', field: 'title', from: a.title, to: b.title });
  for (const role of ['lead', 'support'] as const) {
    const holders = (d: Duty) => d.duty.units.filter((u) => u.role === role).map((u) => u.unit);
    const { added, dropped } = setChanges(holders(was), holders(is));
    if (added.length || dropped.length) out.push({ what: 'units', role, gained: added, lost: dropped });
  }
  for (const field of ['forms', 'themes'] as const) {
    const { added, dropped } = setChanges(was.duty[field], is.duty[field]);
    if (added.length || dropped.length) out.push({ what: 'codes', field, added, dropped });
  }
  const dueOf = (d: Duty) => (d.kind === 'ongoing' ? undefined : d.duty.due);
  if (!sameValue(dueOf(was), dueOf(is))) out.push({ what: 'due', from: dueOf(was), to: dueOf(is) });
  for (const field of DUTY_FIELDS.filter((f) => f !== 'title'))
    if (!sameValue(a[field], b[field])) out.push({ what: 'field', field, from: a[field], to: b[field] });
  // The same entries in another order: the lead is consolidated first, forms are asked for in this order.
  const unitsChanged = out.some((c) => c.what === 'units');
  if (!unitsChanged && !sameValue(was.duty.units, is.duty.units)) out.push({ what: 'order', field: 'units' });
  for (const field of ['forms', 'themes'] as const) {
    const codesChanged = out.some((c) => c.what === 'codes' && c.field === field);
    if (!codesChanged && !sameValue(was.duty[field], is.duty[field])) out.push({ what: 'order', field });
  }
  return out;
}

/** Entries of `after` not in `before` and those of `before` not in `after`, each in its own list's order. */
function setChanges(before: readonly string[], after: readonly string[]): { added: string[]; dropped: string[] } {
  return { added: after.filter((x) => !before.includes(x)), dropped: before.filter((x) => !after.includes(x)) };
}

/** The regime's fields other than its periods, compared whole (`units` unset means every unit reports). */
const REPORTING_FIELDS = [
  'units',
  'officeDeadlineDay',
  'unitWorkingDaysBeforeOffice',
  'cutOffDay',
  'deadlinePolicy',
  'adHocAllowed',
  'reminders',
  'escalation',
] as const;

function reportingChange(before: PlanReporting | undefined, after: PlanReporting | undefined) {
  if (!before && !after) return undefined;
  if (!before) return { change: 'added', after: after! } satisfies ReportingChange;
  if (!after) return { change: 'dropped', before } satisfies ReportingChange;
  const { added, dropped } = setChanges(before.periods, after.periods);
  const fields = valueChanges(REPORTING_FIELDS, before, after);
  if (!added.length && !dropped.length && !sameValue(before.periods, after.periods))
    fields.unshift({ field: 'periods', from: before.periods, to: after.periods });
  if (!added.length && !dropped.length && !fields.length) return undefined;
  return {
    change: 'changed',
    periodsAdded: added as PeriodCode[],
    periodsDropped: dropped as PeriodCode[],
    fields,
  } satisfies ReportingChange;
}

/** Lists whose common entries appear in another order. */
function reorderings(before: Plan, after: Plan): PlanDiff['reordered'] {
  const lists: [OrderedList, (p: Plan) => string[]][] = [
    ['units', (p) => p.units.map((u) => u.code)],
    ['subordinates', (p) => subordinatesOf(p).map((s) => s.code)],
    ['themes', (p) => p.themes.map((t) => t.code)],
    ['forms', (p) => p.forms.map((f) => f.code)],
    ['tasks', (p) => p.tasks.map((t) => String(t.number))],
    ['recurringTasks', (p) => p.recurringTasks.map((t) => String(t.number))],
    ['ongoingDuties', (p) => p.ongoingDuties.map((t) => String(t.number))],
    ['overrides', (p) => p.calendar.overrides.map((o) => o.date)],
  ];
  return lists.flatMap(([list, keys]) => {
    const a = keys(before);
    const b = keys(after);
    const from = a.filter((k) => b.includes(k));
    const to = b.filter((k) => a.includes(k));
    return sameValue(from, to) ? [] : [{ list, from, to }];
  });
}
