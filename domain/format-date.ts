import { DateTime } from 'luxon';
import { parseDate } from './local-date.js';

/** The locales the product writes in. */
export type Locale = 'vi' | 'en';

/** Vietnamese weekday names by ISO weekday (1 = Monday); "thứ" is lower case inside a sentence. */
const VI_WEEKDAYS = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'] as const;
const EN_WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Weekday name of a calendar date, e.g. `weekdayName('2026-03-20', 'vi')` → `thứ Sáu`. */
export function weekdayName(date: string, locale: Locale): string {
  const wd = parseDate(date).weekday;
  return (locale === 'vi' ? VI_WEEKDAYS[wd] : EN_WEEKDAYS[wd]) ?? '';
}

/** `dd/MM/yyyy`, the only date layout used in Vietnamese documents, e.g. `20/03/2026`. */
export function formatShortDate(date: string): string {
  return parseDate(date).toFormat('dd/MM/yyyy');
}

/** Weekday and date, e.g. `formatDate('2026-03-20', 'vi')` → `thứ Sáu, 20/03/2026`; `'en'` → `Friday, 20/03/2026`. */
export function formatDate(date: string, locale: Locale): string {
  return `${weekdayName(date, locale)}, ${formatShortDate(date)}`;
}

/** Local time, weekday and date of an instant, e.g. `formatDateTime('2026-03-20T01:00:00Z', 'Asia/Ho_Chi_Minh', 'vi')` → `08:00 thứ Sáu, 20/03/2026`. */
export function formatDateTime(isoInstant: string, zone: string, locale: Locale): string {
  const dt = DateTime.fromISO(isoInstant, { zone });
  if (!dt.isValid) throw new RangeError(`${isoInstant} is not an ISO instant`);
  return `${dt.toFormat('HH:mm')} ${formatDate(dt.toFormat('yyyy-MM-dd'), locale)}`;
}
