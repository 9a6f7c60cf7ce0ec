import { DateTime } from 'luxon';

/** A date as a document writes it, read into its parts; `iso` only when the date exists on the calendar. */
export interface WrittenDate {
  /** As written: `ngày 29 tháng 02 năm 2022`, `ngày 24/02/2022`. */
  written: string;
  day: number;
  month: number;
  year: number;
  /** `yyyy-MM-dd`, or undefined for a date that does not exist (29/02/2022, 31/04/…). */
  iso?: string;
}

/** `ngày 04 tháng 03 năm 2022`, `ngày 4 tháng 3 năm 2022`, `ngày 24/02/2022`, `ngày 24-02-2022`. */
export const WRITTEN_DATE =
  /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u;

/**
 * Reads the first date written in `text`. The calendar check is luxon's (in Asia/Ho_Chi_Minh), so an impossible day
 * stays an impossible day: `ngày 29 tháng 02 năm 2022` gives day 29, month 2, year 2022 and no `iso`, never 01/03.
 * @example readWrittenDate('Quang Vinh, ngày 29 tháng 02 năm 2022') // { day: 29, month: 2, year: 2022, iso: undefined, … }
 */
export function readWrittenDate(text: string): WrittenDate | undefined {
  const m = WRITTEN_DATE.exec(text);
  if (!m) return undefined;
  const [day, month, year] = (m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]]).map(Number) as [number, number, number];
  const date = DateTime.fromObject({ year, month, day }, { zone: 'Asia/Ho_Chi_Minh' });
  return { written: m[0], day, month, year, iso: date.isValid ? (date.toISODate() ?? undefined) : undefined };
}

/** `29/02/2022`: the parts as dd/MM/yyyy, whether or not the day exists. */
export function ddMMyyyy(d: Pick<WrittenDate, 'day' | 'month' | 'year'>): string {
  return `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;
}

/** Why a written date is not a date, in Vietnamese then English: the month's real length, or a month that is not one. */
export function impossibleDateReason(d: WrittenDate): string {
  if (d.month < 1 || d.month > 12)
    return `"${d.written}": tháng ${d.month} không có thật / month ${d.month} does not exist`;
  const days = DateTime.fromObject({ year: d.year, month: d.month }, { zone: 'Asia/Ho_Chi_Minh' }).daysInMonth ?? 31;
  const date = ddMMyyyy(d);
  return (
    `văn bản ghi "${d.written}": ngày ${date} không có thật (tháng ${String(d.month).padStart(2, '0')}/${d.year} có ${days} ngày); ` +
    `ghi ngày ký đúng theo bản gốc / the document says ${date}, which does not exist (${days} days in that month); ` +
    'enter the signing date from the original'
  );
}
