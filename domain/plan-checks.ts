/**
 * The checks a plan file needs beyond its schema, each at the field to change, with what would be valid: references
 * between lists, dates against the plan year and the signing date, report periods that repeat or overlap, and what
 * only the computed schedule shows (a deadline the policy would move out of the year, ND 09/2019 Điều 8 k5).
 */
import { DateTime } from 'luxon';
import { formatShortDate, weekdayName } from './format-date.js';
import type { Locale } from './format-date.js';
import { ISO_DATE } from './local-date.js';
import { formatPath } from './plan-problem.js';
import type { PlanProblem } from './plan-problem.js';
import { planSchema } from './plan-schema.js';
import type { PeriodCode, Plan } from './plan-schema.js';
import { checkReportingRegime, periodLastMonth, periodName } from './reporting-periods.js';
import { occurrences, recurringItems } from './recurring-tasks.js';
import { taskItem } from './schedule.js';
import type { WorkCalendar } from './schedule-types.js';
import {
  applyDeadlinePolicy,
  buildWorkCalendar,
  dayNote,
  isWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from './work-calendar.js';

/** A path in the plan file, e.g. `['tasks', 0, 'due', 'on']`. */
export type Path = readonly PropertyKey[];
/** Locates a problem at `path` of the plan file (the key itself with `keyOnly`). */
export type At = (path: Path, message: string, keyOnly?: boolean) => PlanProblem;

/** Reads `obj[key]` of an unknown value. */
function get(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null && !Array.isArray(obj)
    ? (obj as Record<string, unknown>)[key]
    : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function codes(raw: unknown, key: string, field: string): string[] {
  return list(get(raw, key))
    .map((x) => get(x, field))
    .filter((c): c is string => typeof c === 'string');
}

/** A `yyyy-MM-dd` string naming a day that exists (not 29/02 of a common year, not 31/04). */
function isRealDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

/** The dated fields of a plan file that the plan-year rule names. */
type DateField = 'signedOn' | 'opensOn' | 'due' | 'override';

const DATE_FIELD: Record<DateField, { vi: string; en: string }> = {
  signedOn: { vi: 'ngày ký', en: 'signing date' },
  opensOn: { vi: 'ngày giao', en: 'opening date' },
  due: { vi: 'hạn', en: 'deadline' },
  override: { vi: 'ngày điều chỉnh lịch', en: 'calendar override' },
};

/**
 * The plan-year rule, per field: every date of the plan lies in its year, except the signing date, which may also be
 * in the year before (a 2026 plan signed in December 2025), e.g. for a 2026 plan `2028-03-02` as `opensOn` →
 * `ngày giao 2028-03-02 không thuộc năm kế hoạch 2026 (cần từ 2026-01-01 đến 2026-12-31)`; undefined when it holds.
 */
function planYearMessage(date: string, year: number, what: DateField, lang: Locale): string | undefined {
  const y = Number(date.slice(0, 4));
  const first = what === 'signedOn' ? year - 1 : year;
  if (y >= first && y <= year) return undefined;
  const field = DATE_FIELD[what];
  if (what === 'signedOn')
    return lang === 'vi'
      ? `${field.vi} ${date} phải thuộc năm kế hoạch ${year} hoặc năm trước đó (cần từ ${first}-01-01 đến ${year}-12-31)`
      : `${field.en} ${date} must be in the plan year ${year} or the year before (expected ${first}-01-01 … ${year}-12-31)`;
  return lang === 'vi'
    ? `${field.vi} ${date} không thuộc năm kế hoạch ${year} (cần từ ${year}-01-01 đến ${year}-12-31)`
    : `${field.en} ${date} is not in the plan year ${year} (expected ${year}-01-01 … ${year}-12-31)`;
}

/** A task's opening or deadline before the plan was signed (`plan.signedOn`). */
function beforeSigningMessage(date: string, signedOn: string, what: 'opensOn' | 'due', lang: Locale): string {
  if (what === 'opensOn')
    return lang === 'vi'
      ? `ngày giao ${date} trước ngày ký kế hoạch ${signedOn} (plan.signedOn): không giao nhiệm vụ trước khi kế hoạch được ký; cần opensOn từ ${signedOn} trở đi`
      : `opening date ${date} is before the plan was signed on ${signedOn} (plan.signedOn): no task opens before the plan exists; expected opensOn on or after ${signedOn}`;
  return lang === 'vi'
    ? `hạn ${date} trước ngày ký kế hoạch ${signedOn} (plan.signedOn): không có hạn nào trước khi kế hoạch được ký; cần due.on sau ${signedOn}`
    : `deadline ${date} is before the plan was signed on ${signedOn} (plan.signedOn): nothing falls due before the plan exists; expected due.on after ${signedOn}`;
}

/** Months a reporting period covers (NĐ 09/2019 Điều 12), e.g. `Q2` → 3, `H1` → 6, `M9` → 9, `Y` → 12, `M03` → 1. */
function periodSpan(code: PeriodCode): number {
  if (code === 'Y') return 12;
  if (code === 'M9') return 9;
  if (code === 'H1' || code === 'H2') return 6;
  if (code.startsWith('Q')) return 3;
  return 1;
}

/** Whether `code` is one of the schema's period codes (read lazily: the schema is built on first use). */
function isPeriodCode(code: unknown): code is PeriodCode {
  return (
    typeof code === 'string' &&
    (planSchema().shape.reporting.unwrap().shape.periods.element.options as readonly string[]).includes(code)
  );
}

/** A period as messages name it: `Q2 (quý II)` / `Q2`, `H1 (6 tháng đầu năm)` / `H1 (first half-year)`, `Y (năm)` / `Y (annual)`. */
export function periodLabel(code: PeriodCode, lang: Locale): string {
  const name = code === 'Y' && lang === 'en' ? 'annual' : periodName(code, lang);
  return name === code ? code : `${code} (${name})`;
}

/**
 * `reporting.periods` asks each period once, and never two periods that close in the same month: they would fall due
 * on the same day, the longer one already holding the shorter one's figures (Q2 with H1: the six-month report covers
 * Q1 and Q2; Q4 with Y: the annual report replaces Q4, as is common practice; M03 with Q1). Each repeat or covered
 * period is named with the one that covers it and the fix, "remove X". Cumulative periods that close in different
 * months (Q1, H1, Q3, Y: BNV 581/BNV-CCHC) are the usual regime and pass.
 */
function periodProblems(periods: unknown[], at: At, lang: Locale, out: PlanProblem[]): void {
  const vi = lang === 'vi';
  const firstAt = new Map<PeriodCode, number>();
  periods.forEach((code, i) => {
    if (!isPeriodCode(code)) return;
    const first = firstAt.get(code);
    if (first === undefined) firstAt.set(code, i);
    else
      out.push(
        at(
          ['reporting', 'periods', i],
          vi
            ? `kỳ ${code} đã có ở reporting.periods[${first}]; mỗi kỳ chỉ báo cáo một lần: bỏ ${code} lặp lại này`
            : `period ${code} is already asked at reporting.periods[${first}]; each period is reported once: remove this repeated ${code}`,
        ),
      );
  });
  const byMonth = new Map<number, PeriodCode[]>();
  for (const code of firstAt.keys()) {
    const month = periodLastMonth(code);
    byMonth.set(month, [...(byMonth.get(month) ?? []), code]);
  }
  for (const [month, codes] of byMonth) {
    if (codes.length < 2) continue;
    const cover = codes.reduce((a, b) => (periodSpan(b) > periodSpan(a) ? b : a));
    const mm = String(month).padStart(2, '0');
    for (const code of codes) {
      if (code === cover) continue;
      const [label, coverLabel] = [periodLabel(code, lang), periodLabel(cover, lang)];
      const monthEn = DateTime.fromObject({ year: 2000, month }, { zone: 'UTC' }).toFormat('LLLL', { locale: 'en' });
      out.push(
        at(
          ['reporting', 'periods', firstAt.get(code) ?? 0],
          vi
            ? `kỳ ${label} trùng với kỳ ${coverLabel}: cả hai cùng hạn trong tháng ${mm} và kỳ ${cover} đã gồm số liệu của kỳ ${code}; bỏ ${code} khỏi reporting.periods (báo cáo ${periodName(cover, 'vi')} thay cho báo cáo ${periodName(code, 'vi')})`
            : `period ${label} overlaps ${coverLabel}: both fall due in ${monthEn} and ${cover} already covers ${code}; remove ${code} from reporting.periods (the ${cover} report replaces the ${code} report)`,
        ),
      );
    }
  }
}

/**
 * Checks across fields, on the raw data so they run even when other fields are wrong: references to units, forms and
 * themes exist, codes and task numbers are unique, every date lies in the plan year (the signing date in it or the
 * year before), tasks open and fall due on or after the signing date and open before they are due, reporting periods
 * neither repeat nor close in the same month, escalation goes to the director after the office, the time zone exists.
 */
export function crossProblems(raw: unknown, at: At, lang: Locale): PlanProblem[] {
  const vi = lang === 'vi';
  const out: PlanProblem[] = [];
  const units = codes(raw, 'units', 'code');
  const forms = codes(raw, 'forms', 'code');
  const themes = codes(raw, 'themes', 'code');
  const known = (kind: { vi: string; en: string; list: string }, code: string, all: string[]) =>
    vi
      ? `${kind.vi} "${code}" không có trong danh sách ${kind.list} (có: ${all.join(', ') || 'không có'})`
      : `${kind.en} "${code}" is not in ${kind.list} (known: ${all.join(', ') || 'none'})`;
  const UNIT = { vi: 'đơn vị', en: 'unit', list: 'units' };
  const FORM = { vi: 'hình thức', en: 'form', list: 'forms' };
  const THEME = { vi: 'chủ đề', en: 'theme', list: 'themes' };

  for (const [key, field] of [
    ['units', 'code'],
    ['forms', 'code'],
    ['themes', 'code'],
  ] as const) {
    const seen = new Map<string, number>();
    list(get(raw, key)).forEach((x, i) => {
      const c = get(x, field);
      if (typeof c !== 'string') return;
      const first = seen.get(c);
      if (first !== undefined)
        out.push(
          at([key, i, field], vi ? `mã "${c}" trùng với ${key}[${first}]` : `code "${c}" repeats ${key}[${first}]`),
        );
      else seen.set(c, i);
    });
  }

  // A subordinate is a unit of the periodic reports: its code must not be a unit's, nor the body's own.
  const subordinateSeen = new Map<string, number>();
  list(get(raw, 'subordinates')).forEach((x, i) => {
    const c = get(x, 'code');
    if (typeof c !== 'string') return;
    const first = subordinateSeen.get(c);
    const message =
      first !== undefined
        ? vi
          ? `mã "${c}" trùng với subordinates[${first}]`
          : `code "${c}" repeats subordinates[${first}]`
        : units.includes(c)
          ? vi
            ? `mã "${c}" đã là mã một đơn vị trong units; cơ quan cấp dưới cần mã riêng`
            : `code "${c}" is already a unit's in units; a subordinate needs a code of its own`
          : c === get(get(raw, 'organisation'), 'code')
            ? vi
              ? `"${c}" là mã của chính cơ quan này`
              : `"${c}" is this body's own code`
            : undefined;
    if (message) out.push(at(['subordinates', i, 'code'], message));
    if (first === undefined) subordinateSeen.set(c, i);
  });
  if (subordinateSeen.size > 0 && get(raw, 'reporting') === undefined)
    out.push(
      at(
        ['subordinates'],
        vi
          ? 'cơ quan cấp dưới báo cáo theo các kỳ báo cáo định kỳ: thêm mục reporting (periods, officeDeadlineDay, …)'
          : 'subordinates report in the periodic reports: add reporting (periods, officeDeadlineDay, …)',
      ),
    );

  const officeUnit = get(get(raw, 'office'), 'unit');
  if (typeof officeUnit === 'string' && units.length > 0 && !units.includes(officeUnit))
    out.push(at(['office', 'unit'], known(UNIT, officeUnit, units)));

  const year = get(get(raw, 'plan'), 'year');
  const signedOn = get(get(raw, 'plan'), 'signedOn');
  /** Paths whose date is already named as outside the plan year: one message per field. */
  const outOfYear = new Set<string>();
  // Against a year the schema refuses (3000, 2026.5) every date would be named: the year is what is wrong.
  const yearSchema = planSchema().shape.plan.shape.year;
  const validYear =
    Number.isInteger(year) &&
    (year as number) >= (yearSchema.minValue ?? 0) &&
    (year as number) <= (yearSchema.maxValue ?? 0);
  const yearCheck = (path: Path, value: unknown, what: DateField) => {
    if (!validYear || typeof year !== 'number' || !isRealDate(value)) return;
    const message = planYearMessage(value, year, what, lang);
    if (!message) return;
    outOfYear.add(formatPath(path));
    out.push(at(path, message));
  };
  yearCheck(['plan', 'signedOn'], signedOn, 'signedOn');
  // A signing date outside its years is the one mistake: tasks are not also measured against it.
  const signed = isRealDate(signedOn) && !outOfYear.has('plan.signedOn') ? signedOn : undefined;
  list(get(get(raw, 'calendar'), 'overrides')).forEach((o, i) =>
    yearCheck(['calendar', 'overrides', i, 'date'], get(o, 'date'), 'override'),
  );
  /** A task's date before the plan was signed: nothing can be assigned or due before the plan exists. */
  const signingCheck = (path: Path, value: unknown, what: 'opensOn' | 'due') => {
    if (!signed || !isRealDate(value) || value >= signed || outOfYear.has(formatPath(path))) return;
    out.push(at(path, beforeSigningMessage(value, signed, what, lang)));
  };

  periodProblems(list(get(get(raw, 'reporting'), 'periods')), at, lang, out);

  // Task numbers name workflow ids (task-05, task-05-m03), so they are unique across dated, recurring and ongoing.
  const numbers = new Map<number, string>();
  const refsCheck = (key: string, i: number, t: unknown) => {
    const n = get(t, 'number');
    if (typeof n === 'number') {
      const first = numbers.get(n);
      if (first !== undefined)
        out.push(
          at(
            [key, i, 'number'],
            vi ? `số nhiệm vụ ${n} đã dùng ở ${first}` : `task number ${n} is already used by ${first}`,
          ),
        );
      else numbers.set(n, `${key}[${i}]`);
    }
    list(get(t, 'units')).forEach((u, j) => {
      const c = get(u, 'unit');
      if (typeof c === 'string' && units.length > 0 && !units.includes(c))
        out.push(at([key, i, 'units', j, 'unit'], known(UNIT, c, units)));
    });
    list(get(t, 'forms')).forEach((f, j) => {
      if (typeof f === 'string' && !forms.includes(f)) out.push(at([key, i, 'forms', j], known(FORM, f, forms)));
    });
    list(get(t, 'themes')).forEach((f, j) => {
      if (typeof f === 'string' && !themes.includes(f)) out.push(at([key, i, 'themes', j], known(THEME, f, themes)));
    });
  };
  list(get(raw, 'tasks')).forEach((t, i) => {
    refsCheck('tasks', i, t);
    const opensOn = get(t, 'opensOn');
    const dueOn = get(get(t, 'due'), 'on');
    yearCheck(['tasks', i, 'opensOn'], opensOn, 'opensOn');
    yearCheck(['tasks', i, 'due', 'on'], dueOn, 'due');
    signingCheck(['tasks', i, 'opensOn'], opensOn, 'opensOn');
    signingCheck(['tasks', i, 'due', 'on'], dueOn, 'due');
    if (isRealDate(opensOn) && isRealDate(dueOn) && dueOn <= opensOn) {
      out.push(
        at(
          ['tasks', i, 'due', 'on'],
          vi
            ? `hạn ${dueOn} không sau ngày giao ${opensOn}`
            : `deadline ${dueOn} is not after the opening date ${opensOn}`,
        ),
      );
    }
    escalationCheck(['tasks', i, 'escalation'], get(t, 'escalation'));
  });
  list(get(raw, 'recurringTasks')).forEach((t, i) => {
    refsCheck('recurringTasks', i, t);
    const from = get(t, 'from');
    const to = get(t, 'to');
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (
        typeof value === 'string' &&
        validYear &&
        typeof year === 'number' &&
        /^\d{4}-\d{2}$/.test(value) &&
        !value.startsWith(String(year))
      )
        out.push(
          at(
            ['recurringTasks', i, field],
            vi
              ? `tháng ${value} không thuộc năm kế hoạch ${year} (cần ${year}-01 … ${year}-12)`
              : `month ${value} is not in the plan year ${year} (expected ${year}-01 … ${year}-12)`,
          ),
        );
    }
    if (typeof from === 'string' && typeof to === 'string' && to < from)
      out.push(
        at(
          ['recurringTasks', i, 'to'],
          vi ? `tháng cuối ${to} trước tháng đầu ${from}` : `last month ${to} is before the first month ${from}`,
        ),
      );
    escalationCheck(['recurringTasks', i, 'escalation'], get(t, 'escalation'));
  });
  list(get(raw, 'ongoingDuties')).forEach((t, i) => refsCheck('ongoingDuties', i, t));

  list(get(get(raw, 'reporting'), 'units')).forEach((c, i) => {
    if (typeof c === 'string' && units.length > 0 && !units.includes(c))
      out.push(at(['reporting', 'units', i], known(UNIT, c, units)));
  });
  escalationCheck(['reporting', 'escalation'], get(get(raw, 'reporting'), 'escalation'));
  escalationCheck(['defaults', 'escalation'], get(get(raw, 'defaults'), 'escalation'));

  const ownCode = get(get(raw, 'organisation'), 'code');
  for (const path of [
    ['organisation', 'reportsTo'],
    ['plan', 'carriesOut', 'org'],
  ] as const) {
    const value = path.reduce<unknown>((o, k) => get(o, k), raw);
    if (typeof value === 'string' && value === ownCode)
      out.push(
        at(
          [...path],
          vi
            ? `"${value}" là mã của chính cơ quan này; ghi mã cơ quan cấp trên`
            : `"${value}" is this body's own code; name the body above`,
        ),
      );
  }

  const zone = get(get(raw, 'organisation'), 'timeZone');
  if (typeof zone === 'string' && !DateTime.fromISO('2026-01-01T00:00', { zone }).isValid) {
    out.push(
      at(
        ['organisation', 'timeZone'],
        vi
          ? `"${zone}" không phải là múi giờ IANA (ví dụ Asia/Ho_Chi_Minh)`
          : `"${zone}" is not an IANA time zone (e.g. Asia/Ho_Chi_Minh)`,
      ),
    );
  }
  return out;

  function escalationCheck(path: Path, e: unknown) {
    const office = get(e, 'officeAfter');
    const director = get(e, 'directorAfter');
    if (typeof office === 'number' && typeof director === 'number' && director <= office) {
      out.push(
        at(
          [...path, 'directorAfter'],
          vi
            ? `báo Giám đốc (${director}) phải sau báo Văn phòng (${office} ngày làm việc)`
            : `the director (${director}) must be told after the office (${office} working days)`,
        ),
      );
    }
  }
}

/**
 * Problems only the computed schedule shows, on a valid plan: a task whose opening or deadline the calendar and the
 * deadline policy would move into the next year, a recurring task with occurrences due before the plan was signed, and
 * the reporting regime's (`checkReportingRegime`: NĐ 09/2019 Điều 8 k5, deadlines before signing or out of the year),
 * each at the field to change.
 */
export function regimeProblems(plan: Plan, at: At, lang: Locale): PlanProblem[] {
  const cal = buildWorkCalendar(plan);
  const out = [...taskYearProblems(plan, cal, at, lang), ...recurringSigningProblems(plan, cal, at, lang)];
  const reporting = plan.reporting;
  if (!reporting) return out;
  return out.concat(
    reporting.periods.flatMap((code, i) =>
      checkReportingRegime({ ...plan, reporting: { ...reporting, periods: [code] } }, cal, lang).map((m) =>
        at(['reporting', 'periods', i], m),
      ),
    ),
  );
}

/** `thứ Bảy` / `Saturday`, or `thứ Hai, Nghỉ bù Tết Dương lịch` when the day off has a name: why `date` is off. */
function offDay(cal: WorkCalendar, date: string, lang: Locale): string {
  const note = dayNote(cal, date);
  const day = weekdayName(date, lang);
  return note && note !== 'Nghỉ cuối tuần' ? `${day}, ${note}` : day;
}

/** The plan year's last working day, e.g. 2022 → `2022-12-30` (Sat 31/12). */
function lastWorkingDayOf(cal: WorkCalendar, year: number): string {
  const end = `${year}-12-31`;
  return isWorkingDay(cal, end) ? end : previousWorkingDay(cal, end);
}

/**
 * A dated task's opening and deadline stay in the plan year: a deadline that the deadline policy would carry past
 * 31/12 (an end-of-December day off moved FORWARD to January) is named at the field that sets it, with BACKWARD or the
 * latest day that stays in the year as the fix.
 */
function taskYearProblems(plan: Plan, cal: WorkCalendar, at: At, lang: Locale): PlanProblem[] {
  const vi = lang === 'vi';
  const year = plan.plan.year;
  const end = `${year}-12-31`;
  const last = lastWorkingDayOf(cal, year);
  const out: PlanProblem[] = [];
  plan.tasks.forEach((task, i) => {
    const item = taskItem(plan, cal, task);
    if (item.opens.date > end)
      out.push(
        at(
          ['tasks', i, 'opensOn'],
          vi
            ? `ngày giao ${task.opensOn} là ngày nghỉ (${offDay(cal, task.opensOn, lang)}) nên việc giao chuyển sang ${formatShortDate(item.opens.date)}, sang năm ${year + 1}; cần opensOn là ngày làm việc trong năm kế hoạch ${year}, muộn nhất ${last}`
            : `opening date ${task.opensOn} is a day off (${offDay(cal, task.opensOn, lang)}), so the task would open on ${formatShortDate(item.opens.date)}, in ${year + 1}; expected an opensOn that is a working day of the plan year ${year}, ${last} at the latest`,
        ),
      );
    const due = item.units[0]?.due.date;
    // An opening carried into the next year takes its computed deadline along: fixing the opening fixes both.
    if (due === undefined || due <= end || item.opens.date > end) return;
    const policy = task.deadlinePolicy ?? plan.defaults.deadlinePolicy;
    const stays = vi ? `hạn không được ra khỏi năm kế hoạch ${year}` : `a deadline must stay in the plan year ${year}`;
    if ('on' in task.due) {
      const base = task.due.on;
      const back = applyDeadlinePolicy(cal, base, 'BACKWARD').date;
      out.push(
        at(
          ['tasks', i, 'due', 'on'],
          vi
            ? `hạn ${base} là ngày nghỉ (${offDay(cal, base, lang)}) và deadlinePolicy ${policy} chuyển hạn sang ${formatShortDate(due)}, sang năm ${year + 1}; ${stays}: đặt deadlinePolicy: BACKWARD cho nhiệm vụ (hạn ${formatShortDate(back)}) hoặc chọn due.on sớm hơn, muộn nhất ${last}`
            : `deadline ${base} is a day off (${offDay(cal, base, lang)}) and deadlinePolicy ${policy} moves it to ${formatShortDate(due)}, into ${year + 1}; ${stays}: set deadlinePolicy: BACKWARD on the task (deadline ${formatShortDate(back)}) or an earlier due.on, ${last} at the latest`,
        ),
      );
    } else if ('endOfMonth' in task.due) {
      // Only December's end can leave the year (the opening is in the year): its last day, and its last working day.
      const base = end;
      out.push(
        at(
          ['tasks', i, 'deadlinePolicy'],
          vi
            ? `hạn cuối tháng ${formatShortDate(base)} là ngày nghỉ (${offDay(cal, base, lang)}) và deadlinePolicy ${policy} của nhiệm vụ chuyển hạn sang ${formatShortDate(due)}, sang năm ${year + 1}; ${stays}: đổi deadlinePolicy thành BACKWARD hoặc bỏ deadlinePolicy (hạn cuối tháng khi đó là ngày làm việc cuối tháng, ${formatShortDate(last)})`
            : `the end-of-month deadline ${formatShortDate(base)} is a day off (${offDay(cal, base, lang)}) and the task's deadlinePolicy ${policy} moves it to ${formatShortDate(due)}, into ${year + 1}; ${stays}: set deadlinePolicy to BACKWARD or remove it (the deadline is then the month's last working day, ${formatShortDate(last)})`,
        ),
      );
    } else {
      const n = task.due.workingDaysAfterOpening;
      const max = last > item.opens.date ? workingDaysBetween(cal, item.opens.date, last) + 1 : 0;
      const fix = vi
        ? max >= 1
          ? `cần workingDaysAfterOpening tối đa ${max} (hạn ${formatShortDate(last)})`
          : `cần opensOn sớm hơn`
        : max >= 1
          ? `expected workingDaysAfterOpening of at most ${max} (deadline ${formatShortDate(last)})`
          : `expected an earlier opensOn`;
      out.push(
        at(
          ['tasks', i, 'due', 'workingDaysAfterOpening'],
          vi
            ? `hạn ${n} ngày làm việc sau ngày giao ${formatShortDate(item.opens.date)} là ${formatShortDate(due)}, sang năm ${year + 1}; ${stays}: ${fix}`
            : `the deadline ${n} working days after the opening on ${formatShortDate(item.opens.date)} is ${formatShortDate(due)}, in ${year + 1}; ${stays}: ${fix}`,
        ),
      );
    }
  });
  return out;
}

/**
 * A recurring task's occurrences fall due on or after the signing date (`plan.signedOn`): those due before it are named
 * at `from`, with the first month whose occurrence is due after signing, e.g. signed 05/02/2026, monthly on the 31st
 * from 2026-01 → January is due Fri 30/01 → `from: 2026-02`.
 */
function recurringSigningProblems(plan: Plan, cal: WorkCalendar, at: At, lang: Locale): PlanProblem[] {
  const vi = lang === 'vi';
  const signed = plan.plan.signedOn;
  const out: PlanProblem[] = [];
  plan.recurringTasks.forEach((task, i) => {
    const items = recurringItems(plan, cal, task);
    const occ = occurrences(task);
    const before = items.filter((it) => (it.units[0]?.due.date ?? signed) < signed);
    const lastBefore = before.at(-1);
    if (!lastBefore) return;
    const k = items.indexOf(lastBefore);
    const o = occ[k];
    const next = occ[k + 1];
    const due = formatShortDate(lastBefore.units[0]?.due.date ?? signed);
    const more = before.length - 1;
    const from = next ? `${next.year}-${String(next.firstMonth).padStart(2, '0')}` : undefined;
    out.push(
      at(
        ['recurringTasks', i, 'from'],
        vi
          ? `kỳ ${o?.vi ?? ''} có hạn ${due}${more > 0 ? ` (cùng ${more} kỳ trước đó)` : ''}, trước ngày ký kế hoạch ${formatShortDate(signed)} (plan.signedOn): ${from ? `cần from: ${from}, kỳ đầu tiên có hạn từ ngày ký trở đi` : 'không kỳ nào có hạn từ ngày ký trở đi; sửa from, to hoặc plan.signedOn'}`
          : `the ${o?.en ?? ''} occurrence is due ${due}${more > 0 ? ` (with ${more} before it)` : ''}, before the plan was signed on ${formatShortDate(signed)} (plan.signedOn): ${from ? `expected from: ${from}, the first occurrence due on or after the signing date` : 'no occurrence is due on or after the signing date; correct from, to or plan.signedOn'}`,
      ),
    );
  });
  return out;
}
