import { officialYear } from './official-calendar.js';
import { formatDate, formatShortDate, weekdayName } from './format-date.js';
import { parseDate, plusDays, weekdayOf } from './local-date.js';
import type { DeadlinePolicy, Plan } from './plan-schema.js';
import type { CalendarDay, OfficialYear, WorkCalendar } from './schedule-types.js';

/**
 * Working-day arithmetic on a `WorkCalendar` (plain data, safe to pass as workflow input).
 * A day's status, by precedence: the organisation's override, then the official year's day, then the weekday
 * (Monday–Friday working; Saturday working only when `saturdaysWorking`; Sunday never). Dates outside the calendar's
 * years fall back to the weekday rule.
 */

/**
 * Calendar of the plan's year and its neighbours (year-1 .. year+1); `extraYears` replace the built-in data per year.
 * A year with no approved calendar (neither in the data nor in `extraYears`) is computed from the Labour Code and
 * marked `provisional: true`, e.g. a 2026 plan: 2025 and 2026 approved, 2027 provisional.
 */
export function buildWorkCalendar(plan: Plan, extraYears: OfficialYear[] = []): WorkCalendar {
  const years: OfficialYear[] = [];
  for (let y = plan.plan.year - 1; y <= plan.plan.year + 1; y++) {
    years.push(extraYears.find((e) => e.year === y) ?? officialYear(y));
  }
  for (const e of extraYears) if (!years.some((y) => y.year === e.year)) years.push(e);
  return {
    timeZone: plan.organisation.timeZone,
    saturdaysWorking: plan.calendar.saturdaysWorking,
    years,
    overrides: plan.calendar.overrides.map((o) => ({ date: o.date, kind: o.kind, name: o.reason })),
  };
}

/**
 * Whether `date` is read on a provisional calendar: its year is marked provisional, or the calendar holds no year for
 * it at all (then only the weekday rule applies), e.g. a 2026 plan: `'2027-01-04'` → true, `'2026-12-31'` → false.
 */
export function isProvisionalDate(cal: WorkCalendar, date: string): boolean {
  const year = cal.years.find((y) => date.startsWith(`${y.year}-`));
  return year === undefined || year.provisional === true;
}

/** Special days by date; later entries win, overrides last. Cached per calendar object (calendars are not mutated). */
const indexCache = new WeakMap<WorkCalendar, Map<string, CalendarDay>>();

function specialDay(cal: WorkCalendar, date: string): CalendarDay | undefined {
  let index = indexCache.get(cal);
  if (!index) {
    index = new Map();
    for (const y of cal.years) for (const d of y.days) index.set(d.date, d);
    for (const d of cal.overrides) index.set(d.date, d);
    indexCache.set(cal, index);
  }
  return index.get(date);
}

/** Whether units work on `date`, e.g. 2026: `isWorkingDay(cal, '2026-01-10')` → true (Saturday làm bù), `'2026-04-27'` → false (nghỉ bù Giỗ Tổ). */
export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  const special = specialDay(cal, date);
  if (special) return special.kind === 'working';
  const wd = weekdayOf(date);
  if (wd === 7) return false;
  if (wd === 6) return cal.saturdaysWorking;
  return true;
}

/** Why `date` is off or working when that is not plain Monday–Friday: the holiday's or override's name, or `Nghỉ cuối tuần`; undefined for an ordinary working weekday. */
export function dayNote(cal: WorkCalendar, date: string): string | undefined {
  const special = specialDay(cal, date);
  if (special) return special.name;
  const wd = weekdayOf(date);
  if (wd === 7 || (wd === 6 && !cal.saturdaysWorking)) return 'Nghỉ cuối tuần';
  if (wd === 6) return 'Đơn vị làm việc thứ Bảy';
  return undefined;
}

/** Moves `n` working days from `date` (negative: back); `n = 0` returns `date` unchanged, e.g. 2026: `addWorkingDays(cal, '2026-02-13', 1)` → `2026-02-23` (Tết). */
export function addWorkingDays(cal: WorkCalendar, date: string, n: number): string {
  parseDate(date);
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0;) {
    d = plusDays(d, step);
    if (isWorkingDay(cal, d)) left--;
  }
  return d;
}

/** The first working day strictly after `date`, e.g. 2026: `nextWorkingDay(cal, '2026-06-19')` → `2026-06-22`. */
export function nextWorkingDay(cal: WorkCalendar, date: string): string {
  return addWorkingDays(cal, date, 1);
}

/** The last working day strictly before `date`, e.g. 2026: `previousWorkingDay(cal, '2026-02-23')` → `2026-02-13`. */
export function previousWorkingDay(cal: WorkCalendar, date: string): string {
  return addWorkingDays(cal, date, -1);
}

/** Working days strictly between two dates, e.g. cut-off Sat 14/03/2026 and deadline Wed 18/03/2026 → 2 (16/3, 17/3). */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  let count = 0;
  for (let d = plusDays(from, 1); d < to; d = plusDays(d, 1)) if (isWorkingDay(cal, d)) count++;
  return count;
}

/** A date after a deadline policy, with the rule applied in Vietnamese and English. */
export interface PolicyResult {
  date: string;
  rule: string;
  ruleEn: string;
}

/** `thứ Bảy` or `thứ Hai (Nghỉ bù Giỗ Tổ Hùng Vương …)`: why a day is not a working day, for rule texts. */
function whyOff(cal: WorkCalendar, date: string): { vi: string; en: string } {
  const special = specialDay(cal, date);
  const vi = weekdayName(date, 'vi');
  const en = weekdayName(date, 'en');
  if (!special) return { vi, en: `a ${en}` };
  return { vi: `${vi}, ngày nghỉ: ${special.name}`, en: `a ${en}, a day off (${special.name})` };
}

/**
 * Applies the deadline policy to `date` (Bộ luật Dân sự 2015 Điều 148 k5 = FORWARD; Điều 145 lets a regime choose otherwise).
 * E.g. 2026 FORWARD: `20/06` (Sat) → `{ date: '2026-06-22', rule: 'Hạn 20/06/2026 rơi vào thứ Bảy; chuyển sang thứ Hai, 22/06/2026 (BLDS 2015 Điều 148 k5)' }`.
 */
export function applyDeadlinePolicy(cal: WorkCalendar, date: string, policy: DeadlinePolicy): PolicyResult {
  const short = formatShortDate(date);
  if (isWorkingDay(cal, date)) {
    return {
      date,
      rule: `Hạn ${formatDate(date, 'vi')} là ngày làm việc`,
      ruleEn: `Deadline ${formatDate(date, 'en')} is a working day`,
    };
  }
  const why = whyOff(cal, date);
  if (policy === 'FORWARD') {
    const next = nextWorkingDay(cal, date);
    return {
      date: next,
      rule: `Hạn ${short} rơi vào ${why.vi}; chuyển sang ${formatDate(next, 'vi')} (BLDS 2015 Điều 148 k5)`,
      ruleEn: `Deadline ${short} falls on ${why.en}; moved to ${formatDate(next, 'en')} (Civil Code 2015 art. 148(5))`,
    };
  }
  if (policy === 'BACKWARD') {
    const prev = previousWorkingDay(cal, date);
    return {
      date: prev,
      rule: `Hạn ${short} rơi vào ${why.vi}; đưa lên ${formatDate(prev, 'vi')} (quy chế chọn lùi về ngày làm việc trước, BLDS 2015 Điều 145)`,
      ruleEn: `Deadline ${short} falls on ${why.en}; brought forward to ${formatDate(prev, 'en')} (the regime moves to the previous working day, Civil Code 2015 art. 145)`,
    };
  }
  return {
    date,
    rule: `Hạn ${short} rơi vào ${why.vi}; giữ nguyên theo quy chế (BLDS 2015 Điều 145)`,
    ruleEn: `Deadline ${short} falls on ${why.en}; kept as set by the regime (Civil Code 2015 art. 145)`,
  };
}
