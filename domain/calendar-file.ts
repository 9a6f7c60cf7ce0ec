/**
 * An approved calendar as the office receives it (the VPCP approval and the ministry's notice for civil servants),
 * written as a small YAML file, for a running plan's `updateCalendar`:
 *
 *   years:
 *     - year: 2027
 *       source: "Thông báo …/TB-BNV ngày …"
 *       days:
 *         - { date: "2027-02-05", kind: off, name: "Tết Nguyên đán" }
 *         - { date: "2027-02-20", kind: working, name: "Làm bù cho thứ Sáu 12/02" }
 */
import { parse } from 'yaml';
import { z } from 'zod';
import type { Locale } from './format-date.js';
import type { OfficialYear } from './schedule-types.js';

function calendarFileSchema() {
  const day = z.strictObject({
    date: z.iso.date(),
    kind: z.enum(['off', 'working']),
    name: z.string().min(1).max(200),
  });
  const year = z.strictObject({
    year: z.int().min(2000).max(2100),
    source: z.string().min(1).max(300),
    days: z.array(day).max(120),
  });
  return z.strictObject({ years: z.array(year).min(1).max(5) });
}

/** The years of a calendar file, or what is wrong with it, each problem naming its field. */
export function parseCalendarText(
  text: string,
  lang: Locale,
): { ok: true; years: OfficialYear[] } | { ok: false; problems: string[] } {
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 10 });
  } catch (err) {
    const why = err instanceof Error ? (err.message.split('\n')[0] ?? '') : '';
    return {
      ok: false,
      problems: [lang === 'vi' ? `tệp lịch không đọc được (YAML): ${why}` : `unreadable calendar file (YAML): ${why}`],
    };
  }
  const parsed = calendarFileSchema().safeParse(raw);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'years'}: ${i.message}`) };
  const problems = parsed.data.years.flatMap((y, i) =>
    y.days
      .filter((d) => !d.date.startsWith(`${y.year}-`))
      .map((d) =>
        lang === 'vi'
          ? `years.${i}.days: ngày ${d.date} không thuộc năm ${y.year}`
          : `years.${i}.days: ${d.date} is not in ${y.year}`,
      ),
  );
  return problems.length ? { ok: false, problems } : { ok: true, years: parsed.data.years };
}
