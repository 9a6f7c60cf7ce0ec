import { DateTime } from 'luxon';

/**
 * Calendar dates (`yyyy-MM-dd`) and local instants. A plan's dates are wall-calendar dates of the organisation;
 * date-only arithmetic runs in UTC so it never depends on the host's zone, and instants always name the plan's zone.
 */

/** The shape of a calendar date, `yyyy-MM-dd` (whether it exists is `parseDate`'s question). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `yyyy-MM-dd` as a zone-free calendar date (held at UTC midnight); throws on a malformed or impossible date. */
export function parseDate(date: string): DateTime<true> {
  const d = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: 'UTC' }) : DateTime.invalid('not yyyy-MM-dd');
  if (!d.isValid) throw new RangeError(`${date} is not a calendar date (expected yyyy-MM-dd)`);
  return d;
}

/** `yyyy-MM-dd` of a calendar date held by `parseDate`. */
export function toDate(d: DateTime): string {
  return d.toFormat('yyyy-MM-dd');
}

const DAY_MS = 86_400_000;

/** UTC midnight (ms) of `yyyy-MM-dd`, no validation: the hot path of working-day loops (callers validate once). */
function utcDayMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/**
 * Shifts a calendar date by whole days, e.g. `plusDays('2026-02-28', 1)` → `2026-03-01`. Plain UTC arithmetic, not
 * Luxon: working-day loops call this thousands of times per workflow task and Luxon parsing dominated worker CPU.
 */
export function plusDays(date: string, days: number): string {
  return new Date(utcDayMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return new Date(utcDayMs(date)).getUTCDay() || 7;
}

/** The instant `HH:mm` local time on `date` in `zone`, e.g. `localInstant('2026-03-20', '08:00', 'Asia/Ho_Chi_Minh')` → `2026-03-20T08:00:00.000+07:00`. */
export function localInstant(date: string, time: string, zone: string): string {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!dt.isValid) throw new RangeError(`${date} ${time} in ${zone} is not a valid local time`);
  return dt.toISO();
}

/** The local calendar date of an ISO instant in `zone`, e.g. `2026-03-20T01:00:00Z` in Asia/Ho_Chi_Minh → `2026-03-20`. */
export function localDateOf(instant: string, zone: string): string {
  const dt = DateTime.fromISO(instant, { zone });
  if (!dt.isValid) throw new RangeError(`${instant} is not an ISO instant`);
  return dt.toFormat('yyyy-MM-dd');
}

/** Number of days in a month, e.g. `daysInMonth(2026, 2)` → 28. */
export function daysInMonth(year: number, month: number): number {
  return DateTime.fromObject({ year, month, day: 1 }, { zone: 'UTC' }).daysInMonth ?? 31;
}

/** `yyyy-MM-dd` of year, month, day (no validation beyond padding). */
export function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
