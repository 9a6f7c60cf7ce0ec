import { formatShortDate, type Locale } from './format-date.js';
import { daysInMonth, plusDays, weekdayOf, ymd } from './local-date.js';
import type { Plan } from './plan-schema.js';
import { previewRows, type PreviewKind, type PreviewRow } from './preview.js';
import { scheduleItems } from './schedule.js';
import type { CalendarDay, OfficialYear, WorkCalendar } from './schedule-types.js';
import { buildWorkCalendar, isProvisionalDate, isWorkingDay } from './work-calendar.js';

/**
 * The plan-year at a glance (issue #17): twelve month grids, Monday first, every dated action of the year on its day
 * with the rule behind it, the official calendar's days off and working weekend days, today and what has happened.
 * A view model only: the portal renders it (`portal/pages/year-calendar-section.ts`).
 */

/**
 * What a day is on the plan's calendar. `holiday`: a day off the calendar names (lễ, Tết, nghỉ bù, nghỉ hoán đổi, an
 * override); `working-saturday`: a weekend day worked (làm bù); `outside`: not in the plan year (a month shown only
 * because an action falls in it).
 */
export type CalendarDayKind = 'working' | 'weekend' | 'holiday' | 'working-saturday' | 'outside';

/** Which marker an action gets: its step, with an item's opening told apart for tasks and reports. */
export type EventMarker = Exclude<PreviewKind, 'open'> | 'assign' | 'request';

/** What has become of an item (or a unit's share), as a colour: done, done late, overdue, still open, cancelled. */
export type EventTone = 'done' | 'late' | 'overdue' | 'open' | 'cancelled';

/** One dated action of the year, as `previewRows` gives it, with its item's state when the plan is running. */
export interface YearCalendarEvent {
  kind: PreviewKind;
  marker: EventMarker;
  itemId: string;
  itemKind: 'task' | 'report';
  title: string;
  unit?: string;
  unitName?: string;
  /** The step in words: `Nhắc hạn`, `Chốt số liệu`. */
  label: string;
  /** Why this date, in the chosen language. */
  rule: string;
  /** `yyyy-MM-dd`, local. */
  date: string;
  /** ISO instant with offset. */
  at: string;
  /** Read on a computed calendar (no approved document for its year): it may move. */
  provisional?: true;
  /** The state given for the item or the unit's share (`overdue`, `accepted`, `pending-in-time` …). */
  state?: string;
  tone?: EventTone;
  /** Before today (absent `today`: false). */
  past: boolean;
}

/** One day of a month grid. */
export interface YearCalendarDay {
  date: string;
  /** Day of the month, 1–31. */
  day: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  kind: CalendarDayKind;
  /** The calendar's name for a special day, as its document writes it (`Tết Nguyên đán Bính Ngọ`, `Làm bù cho …`). */
  note?: string;
  /** Whether units work that day (outside days too). */
  working: boolean;
  provisional: boolean;
  events: YearCalendarEvent[];
  isToday: boolean;
  isPast: boolean;
}

/** A month: weeks of seven cells, Monday first; `null` fills the days of the months before and after. */
export interface YearCalendarMonth {
  year: number;
  /** 1–12. */
  month: number;
  inPlanYear: boolean;
  weeks: (YearCalendarDay | null)[][];
}

/** The whole year: its months, every action in time order, the ongoing duties (no date) and the calendar's sources. */
export interface YearCalendar {
  year: number;
  lang: Locale;
  today?: string;
  months: YearCalendarMonth[];
  events: YearCalendarEvent[];
  ongoingDuties: { number: number; title: string; units: string[] }[];
  calendarYears: { year: number; source: string; provisional: boolean }[];
}

/**
 * One unit's deadline on an item as the running plan has it now (`UnitOutcome.due`), which its schedule may not show:
 * moved by an extension, a unit given the item by a reassignment, or an ad hoc report requested during the year.
 */
export interface CurrentDeadline {
  itemId: string;
  itemKind: 'task' | 'report';
  title: string;
  unit: string;
  /** `yyyy-MM-dd`, local. */
  due: string;
  /** The item's opening, ISO instant with offset (an ad hoc report's request is shown on its day). */
  opensAt: string;
}

const CHANGED: Record<
  Locale,
  {
    extended: string;
    extendedFrom: (from: string) => string;
    movedTo: (to: string) => string;
    reassigned: string;
    reassignedRule: string;
    adHocDue: string;
    adHocRule: string;
    adHocRequest: string;
    adHocRequestRule: string;
  }
> = {
  vi: {
    extended: 'Hạn mới (gia hạn)',
    extendedFrom: (from) => `Văn phòng gia hạn từ ${formatShortDate(from)}`,
    movedTo: (to) => `Đã gia hạn đến ${formatShortDate(to)}.`,
    reassigned: 'Hạn (giao lại)',
    reassignedRule: 'Nhiệm vụ được giao lại cho đơn vị này trong năm',
    adHocDue: 'Hạn gửi báo cáo đột xuất',
    adHocRule: 'Theo yêu cầu báo cáo đột xuất của Văn phòng',
    adHocRequest: 'Đề nghị báo cáo đột xuất',
    adHocRequestRule: 'Văn phòng yêu cầu báo cáo đột xuất trong năm',
  },
  en: {
    extended: 'New deadline (extended)',
    extendedFrom: (from) => `The office extended it from ${formatShortDate(from)}`,
    movedTo: (to) => `Extended to ${formatShortDate(to)}.`,
    reassigned: 'Deadline (reassigned)',
    reassignedRule: 'The item was reassigned to this unit during the year',
    adHocDue: 'Ad hoc report due',
    adHocRule: "As the office's ad hoc request asks",
    adHocRequest: 'Ad hoc report requested',
    adHocRequestRule: 'The office requested an ad hoc report during the year',
  },
};

/**
 * The running plan's deadlines its schedule does not show, as events: each extension at its new date (and the planned
 * deadline saying where it went), a reassigned unit's deadline, an ad hoc report's request and its units' deadlines.
 * Only deadlines are added: the reminders and escalations around a moved one are the item's to recompute.
 */
function currentEvents(
  planned: YearCalendarEvent[],
  current: readonly CurrentDeadline[],
  names: Map<string, string>,
  states: Record<string, string> | undefined,
  today: string | undefined,
  lang: Locale,
): YearCalendarEvent[] {
  const t = CHANGED[lang];
  const plannedDue = new Map(
    planned.filter((e) => e.kind === 'due-today' && e.unit).map((e) => [`${e.itemId}/${e.unit}`, e]),
  );
  const scheduled = new Set(planned.map((e) => e.itemId));
  const requested = new Set<string>();
  const added: YearCalendarEvent[] = [];
  const event = (
    d: CurrentDeadline,
    fields: Pick<YearCalendarEvent, 'kind' | 'marker' | 'label' | 'rule' | 'date' | 'at'>,
    unit?: string,
  ) => {
    const state = (unit !== undefined ? states?.[`${d.itemId}/${unit}`] : undefined) ?? states?.[d.itemId];
    const tone = toneOf(state);
    return {
      ...fields,
      itemId: d.itemId,
      itemKind: d.itemKind,
      title: d.title,
      ...(unit !== undefined ? { unit, unitName: names.get(unit) ?? unit } : {}),
      ...(state !== undefined ? { state } : {}),
      ...(tone ? { tone } : {}),
      past: today !== undefined && fields.date < today,
    };
  };
  for (const d of current) {
    const was = plannedDue.get(`${d.itemId}/${d.unit}`);
    if (was?.date === d.due) continue;
    if (was) was.rule = `${was.rule} ${t.movedTo(d.due)}`;
    const adHoc = !scheduled.has(d.itemId);
    if (adHoc && !requested.has(d.itemId)) {
      requested.add(d.itemId);
      const date = d.opensAt.slice(0, 10);
      added.push(
        event(d, {
          kind: 'open',
          marker: 'request',
          label: t.adHocRequest,
          rule: t.adHocRequestRule,
          date,
          at: d.opensAt,
        }),
      );
    }
    const [label, rule] = was
      ? [t.extended, t.extendedFrom(was.date)]
      : adHoc
        ? [t.adHocDue, t.adHocRule]
        : [t.reassigned, t.reassignedRule];
    added.push(
      event(
        d,
        {
          kind: 'due-today',
          marker: 'due-today',
          label,
          rule,
          date: d.due,
          at: `${d.due}${(was?.at ?? d.opensAt).slice(10)}`,
        },
        d.unit,
      ),
    );
  }
  return added;
}

/** States as the plan, items and units name them, by colour; anything else is shown uncoloured. */
const TONES: Record<string, EventTone> = {
  'done-on-time': 'done',
  accepted: 'done',
  closed: 'done',
  'done-late': 'late',
  overdue: 'overdue',
  'pending-in-time': 'open',
  open: 'open',
  submitted: 'open',
  returned: 'open',
  cancelled: 'cancelled',
  dropped: 'cancelled',
};

/** The tone of a state name, e.g. `toneOf('done-late')` → `late`; undefined for a state it does not know. */
export function toneOf(state: string | undefined): EventTone | undefined {
  return state !== undefined && Object.hasOwn(TONES, state) ? TONES[state] : undefined;
}

/** A task's opening is an assignment (`Giao nhiệm vụ`), a report's a request (`Đề nghị báo cáo`). */
function markerOf(kind: PreviewKind, itemKind: 'task' | 'report'): EventMarker {
  if (kind !== 'open') return kind;
  return itemKind === 'report' ? 'request' : 'assign';
}

/** The calendar's special days by date, later entries winning and the organisation's overrides last (as work-calendar). */
function specialDays(cal: WorkCalendar): Map<string, CalendarDay> {
  const index = new Map<string, CalendarDay>();
  for (const y of cal.years) for (const d of y.days) index.set(d.date, d);
  for (const d of cal.overrides) index.set(d.date, d);
  return index;
}

/** A day's kind and note: a named day first, then the weekday (a plan may work every Saturday). */
function dayKind(
  cal: WorkCalendar,
  special: CalendarDay | undefined,
  date: string,
  year: number,
): Pick<YearCalendarDay, 'kind' | 'note'> {
  const weekday = weekdayOf(date);
  const note = special?.name;
  if (!date.startsWith(`${year}-`)) return { kind: 'outside', note };
  if (special?.kind === 'off') return { kind: 'holiday', note };
  if (special?.kind === 'working') return { kind: weekday >= 6 ? 'working-saturday' : 'working', note };
  if (weekday === 7 || (weekday === 6 && !cal.saturdaysWorking)) return { kind: 'weekend' };
  return { kind: 'working' };
}

/** `yyyy-MM` of the months shown: the plan year's twelve, and any month outside it that has an action. */
function monthsShown(year: number, events: readonly YearCalendarEvent[]): { year: number; month: number }[] {
  const keys = new Set<string>();
  for (let m = 1; m <= 12; m++) keys.add(ymd(year, m, 1).slice(0, 7));
  for (const e of events) keys.add(e.date.slice(0, 7));
  return [...keys].sort().map((k) => ({ year: Number(k.slice(0, 4)), month: Number(k.slice(5, 7)) }));
}

/** Why each unit's deadline is where it is (`Hạn 20/02/2026 rơi vào … Tết …; chuyển sang …`), by `itemId/unit`. */
function deadlineRules(plan: Plan, cal: WorkCalendar, lang: Locale): Map<string, string> {
  const rules = new Map<string, string>();
  for (const item of scheduleItems(plan, cal))
    for (const u of item.units) rules.set(`${item.itemId}/${u.unit}`, lang === 'vi' ? u.due.rule : u.due.ruleEn);
  return rules;
}

function eventOf(
  row: PreviewRow,
  deadlines: Map<string, string>,
  states: Record<string, string> | undefined,
  today: string | undefined,
): YearCalendarEvent {
  const itemKind = row.itemId.startsWith('report-') ? 'report' : 'task';
  // A unit's own state first (its share may be late while the item is still open for others), then the item's.
  const state = (row.unit !== undefined ? states?.[`${row.itemId}/${row.unit}`] : undefined) ?? states?.[row.itemId];
  const tone = toneOf(state);
  // The due day's own line only says it is the day; the deadline's rule says why it is this day.
  const deadline = row.kind === 'due-today' ? deadlines.get(`${row.itemId}/${row.unit ?? ''}`) : undefined;
  return {
    kind: row.kind,
    marker: markerOf(row.kind, itemKind),
    itemId: row.itemId,
    itemKind,
    title: row.title,
    ...(row.unit !== undefined ? { unit: row.unit, unitName: row.unitName ?? row.unit } : {}),
    label: row.stepLabel,
    rule: deadline ? `${deadline}. ${row.rule}` : row.rule,
    date: row.date,
    at: row.at,
    ...(row.provisional ? { provisional: true as const } : {}),
    ...(state !== undefined ? { state } : {}),
    ...(tone ? { tone } : {}),
    past: today !== undefined && row.date < today,
  };
}

/**
 * The plan's year as month grids with every action on its day (`previewRows`: openings, reminders, due days, overdue
 * notices, escalations, report cut-offs and office deadlines, each with its rule), on the plan's calendar
 * (`buildWorkCalendar(plan, calendarYears)`: the official days off and working weekend days, the plan's overrides).
 * `today` (`yyyy-MM-dd`, the plan's own clock) marks the day and what is past; `states` colours each item's actions,
 * keyed by item id or, for one unit's share, `itemId/unit` (which wins); `current` adds what the running plan changed
 * (extended deadlines, reassigned units, ad hoc reports).
 * E.g. a 2026 plan: 16/02/2026 is `holiday` (`Tết Nguyên đán Bính Ngọ`), 10/01/2026 `working-saturday`
 * (`Làm bù cho thứ Sáu 02/01/2026`), and a task due Fri 20/02 shows its deadline on Mon 23/02.
 */
export function planYearCalendar(
  plan: Plan,
  lang: Locale,
  opts: {
    calendarYears?: OfficialYear[];
    today?: string;
    states?: Record<
      string,
      'open' | 'submitted' | 'accepted' | 'overdue' | 'closed' | 'cancelled' | (string & Record<never, never>)
    >;
    /** The running plan's deadlines now, to show what its schedule does not (`CurrentDeadline`). */
    current?: readonly CurrentDeadline[];
  } = {},
): YearCalendar {
  const { today, states } = opts;
  const year = plan.plan.year;
  const cal = buildWorkCalendar(plan, opts.calendarYears ?? []);
  const special = specialDays(cal);
  const deadlines = deadlineRules(plan, cal, lang);
  const events = previewRows(plan, cal, lang).map((row) => eventOf(row, deadlines, states, today));
  if (opts.current?.length) {
    const names = new Map([...plan.units, ...(plan.subordinates ?? [])].map((u) => [u.code, u.name]));
    events.push(...currentEvents(events, opts.current, names, states, today, lang));
    // In time order as the schedule's own are; an added deadline comes after what its day already held.
    events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }
  const byDate = new Map<string, YearCalendarEvent[]>();
  for (const e of events) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);

  const months = monthsShown(year, events).map(({ year: y, month }): YearCalendarMonth => {
    const first = ymd(y, month, 1);
    const cells: (YearCalendarDay | null)[] = Array.from({ length: weekdayOf(first) - 1 }, () => null);
    for (let d = 0, date = first; d < daysInMonth(y, month); d++, date = plusDays(date, 1)) {
      cells.push({
        date,
        day: d + 1,
        weekday: weekdayOf(date),
        ...dayKind(cal, special.get(date), date, year),
        working: isWorkingDay(cal, date),
        provisional: isProvisionalDate(cal, date),
        events: byDate.get(date) ?? [],
        isToday: date === today,
        isPast: today !== undefined && date < today,
      });
    }
    while (cells.length % 7) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
    return { year: y, month, inPlanYear: y === year, weeks };
  });

  return {
    year,
    lang,
    ...(today !== undefined ? { today } : {}),
    months,
    events,
    ongoingDuties: plan.ongoingDuties.map((d) => ({
      number: d.number,
      title: d.title,
      units: d.units.map((u) => u.unit),
    })),
    calendarYears: cal.years
      .filter((y) => Math.abs(y.year - year) <= 1)
      .sort((a, b) => a.year - b.year)
      .map((y) => ({ year: y.year, source: y.source, provisional: y.provisional === true })),
  };
}
