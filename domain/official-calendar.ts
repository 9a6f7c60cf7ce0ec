import { lunarToSolar } from './lunar.js';
import { plusDays, weekdayOf, ymd } from './local-date.js';
import type { CalendarDay, OfficialYear } from './schedule-types.js';

/**
 * The civil-service calendar (Monday–Friday week) per year. Approved years are data, with the document that set them;
 * other years are computed from Bộ luật Lao động 2019 Điều 112 (holidays) and Điều 111 k3 (nghỉ bù).
 */

const off = (date: string, name: string): CalendarDay => ({ date, kind: 'off', name });
const working = (date: string, name: string): CalendarDay => ({ date, kind: 'working', name });

/** Every date from `from` to `to` inclusive as days off with one name. */
function offRange(from: string, to: string, name: string): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let d = from; d <= to; d = plusDays(d, 1)) days.push(off(d, name));
  return days;
}

/** Approved calendars, as published for civil servants; each year names the document that set it (`source`). */
export const OFFICIAL_YEARS: OfficialYear[] = [
  {
    year: 2022,
    source:
      'Thông báo nghỉ lễ, Tết năm 2022 của Bộ LĐTBXH (Tết Nhâm Dần 29/01–06/02, Giỗ Tổ bù 11/4, 30/4–1/5 bù 2–3/5, Quốc khánh 1–2/9); nghỉ bù Tết Dương lịch 03/01 theo BLLĐ 2019 Điều 111 k3',
    days: [
      off('2022-01-01', 'Tết Dương lịch'),
      off('2022-01-03', 'Nghỉ bù Tết Dương lịch (01/01 là thứ Bảy)'),
      ...offRange('2022-01-29', '2022-01-30', 'Nghỉ Tết Nguyên đán (cuối tuần liền kề)'),
      ...offRange('2022-01-31', '2022-02-04', 'Tết Nguyên đán Nhâm Dần'),
      ...offRange('2022-02-05', '2022-02-06', 'Nghỉ Tết Nguyên đán (cuối tuần liền kề)'),
      off('2022-04-10', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
      off('2022-04-11', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/4 là Chủ nhật)'),
      off('2022-04-30', 'Ngày Chiến thắng 30/4'),
      off('2022-05-01', 'Ngày Quốc tế Lao động 1/5'),
      off('2022-05-02', 'Nghỉ bù ngày 30/4 (thứ Bảy)'),
      off('2022-05-03', 'Nghỉ bù ngày 1/5 (Chủ nhật)'),
      off('2022-09-01', 'Quốc khánh (ngày liền kề)'),
      off('2022-09-02', 'Quốc khánh 2/9'),
    ],
  },
  {
    year: 2026,
    source:
      'VPCP 12729/VPCP-KGVX (Tết Dương lịch và Tết Nguyên đán Bính Ngọ); phương án nghỉ Giỗ Tổ, 30/4–1/5, Quốc khánh 2026 được Thủ tướng đồng ý (đưa tin 23/02/2026)',
    days: [
      off('2026-01-01', 'Tết Dương lịch'),
      off('2026-01-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)'),
      off('2026-01-03', 'Nghỉ Tết Dương lịch (cuối tuần liền kề)'),
      off('2026-01-04', 'Nghỉ Tết Dương lịch (cuối tuần liền kề)'),
      working('2026-01-10', 'Làm bù cho thứ Sáu 02/01/2026'),
      ...offRange('2026-02-14', '2026-02-15', 'Nghỉ Tết Nguyên đán (cuối tuần liền kề)'),
      ...offRange('2026-02-16', '2026-02-20', 'Tết Nguyên đán Bính Ngọ'),
      ...offRange('2026-02-21', '2026-02-22', 'Nghỉ Tết Nguyên đán (cuối tuần liền kề)'),
      off('2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
      off('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)'),
      off('2026-04-30', 'Ngày Chiến thắng 30/4'),
      off('2026-05-01', 'Ngày Quốc tế Lao động 1/5'),
      working('2026-08-22', 'Làm bù cho thứ Hai 31/08/2026'),
      off('2026-08-29', 'Nghỉ Quốc khánh (cuối tuần liền kề)'),
      off('2026-08-30', 'Nghỉ Quốc khánh (cuối tuần liền kề)'),
      off('2026-08-31', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)'),
      off('2026-09-01', 'Quốc khánh (ngày liền kề)'),
      off('2026-09-02', 'Quốc khánh 2/9'),
    ],
  },
];

/** Source text of a computed year. */
export const COMPUTED_SOURCE = 'Chưa có văn bản phê duyệt (tính toán theo BLLĐ 2019 Điều 112)';

/**
 * The holidays of BLLĐ 2019 Điều 112 k1 for `year`, before nghỉ bù.
 * Conventions where the law leaves the choice to the Prime Minister:
 * - Tết: 5 days = the last day of the lunar year (30 Chạp, or 29 when Chạp is short) + mùng 1–4;
 * - Quốc khánh: 2/9 + 1/9, except 2/9 + 3/9 when 2/9 is a Monday (so the break joins the weekend).
 */
function statutoryHolidays(year: number): CalendarDay[] {
  const tet = lunarToSolar(1, 1, year, false);
  const tetDay1 = ymd(tet.year, tet.month, tet.day);
  const gioTo = lunarToSolar(10, 3, year, false);
  const nationalDay = ymd(year, 9, 2);
  const adjacent = weekdayOf(nationalDay) === 1 ? ymd(year, 9, 3) : ymd(year, 9, 1);
  return [
    off(ymd(year, 1, 1), 'Tết Dương lịch'),
    off(plusDays(tetDay1, -1), 'Tết Nguyên đán (ngày cuối năm âm lịch)'),
    ...[0, 1, 2, 3].map((i) => off(plusDays(tetDay1, i), `Tết Nguyên đán (mùng ${i + 1})`)),
    off(ymd(gioTo.year, gioTo.month, gioTo.day), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    off(ymd(year, 4, 30), 'Ngày Chiến thắng 30/4'),
    off(ymd(year, 5, 1), 'Ngày Quốc tế Lao động 1/5'),
    off(adjacent, 'Quốc khánh (ngày liền kề)'),
    off(nationalDay, 'Quốc khánh 2/9'),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The calendar of `year` computed from BLLĐ 2019 Điều 112 with nghỉ bù per Điều 111 k3: each holiday that falls on
 * Saturday or Sunday (the civil service's weekly rest) is compensated on the next weekday that is not itself a holiday
 * or another holiday's nghỉ bù. E.g. 2022: 1/1 (Sat) → bù Mon 3/1.
 */
export function computedYear(year: number): OfficialYear {
  const holidays = statutoryHolidays(year);
  const taken = new Set(holidays.map((d) => d.date));
  const compensations: CalendarDay[] = [];
  for (const h of holidays) {
    if (weekdayOf(h.date) < 6) continue;
    let d = plusDays(h.date, 1);
    while (weekdayOf(d) >= 6 || taken.has(d)) d = plusDays(d, 1);
    taken.add(d);
    compensations.push(off(d, `Nghỉ bù ${h.name}`));
  }
  const days = [...holidays, ...compensations].sort((a, b) => a.date.localeCompare(b.date));
  return { year, source: COMPUTED_SOURCE, days };
}

/** The approved calendar of `year` if we hold it (2022, 2026), else the one computed from the Labour Code. */
export function officialYear(year: number): OfficialYear {
  return OFFICIAL_YEARS.find((y) => y.year === year) ?? computedYear(year);
}
