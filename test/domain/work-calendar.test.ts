import { describe, expect, it } from 'vitest';
import { computedYear, officialYear, OFFICIAL_YEARS } from '../../domain/official-calendar.js';
import {
  addWorkingDays,
  applyDeadlinePolicy,
  dayNote,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from '../../domain/work-calendar.js';
import { civilServiceCalendar } from './fixtures/calendar.js';

const cal2026 = civilServiceCalendar(2026);
const cal2022 = civilServiceCalendar(2022);

/** Dates from `from` to `to` inclusive (test helper on UTC dates). */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
}

/** Weekdays (Mon–Fri) of `year` that are off. */
function weekdaysOff(cal: typeof cal2026, year: number): string[] {
  return range(`${year}-01-01`, `${year}-12-31`).filter(
    (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) && !isWorkingDay(cal, d),
  );
}

describe('official calendar 2026 (VPCP 12729/VPCP-KGVX; domain.md A3)', () => {
  it('Tết Bính Ngọ: the whole break Sat 14/2 – Sun 22/2 is off; Fri 13/2 and Mon 23/2 are working', () => {
    for (const d of range('2026-02-14', '2026-02-22')) expect(isWorkingDay(cal2026, d), d).toBe(false);
    expect(isWorkingDay(cal2026, '2026-02-13')).toBe(true);
    expect(isWorkingDay(cal2026, '2026-02-23')).toBe(true);
  });

  it('working Saturdays 10/1 (for Fri 2/1) and 22/8 (for Mon 31/8)', () => {
    expect(isWorkingDay(cal2026, '2026-01-10')).toBe(true);
    expect(isWorkingDay(cal2026, '2026-08-22')).toBe(true);
    expect(isWorkingDay(cal2026, '2026-01-17')).toBe(false); // an ordinary Saturday
    expect(dayNote(cal2026, '2026-01-10')).toBe('Làm bù cho thứ Sáu 02/01/2026');
  });

  it('every weekday off in 2026, and nothing else', () => {
    expect(weekdaysOff(cal2026, 2026)).toEqual([
      '2026-01-01',
      '2026-01-02', // Tết Dương lịch + swapped Friday
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20', // Tết
      '2026-04-27', // bù Giỗ Tổ (Sun 26/4)
      '2026-04-30',
      '2026-05-01',
      '2026-08-31',
      '2026-09-01',
      '2026-09-02', // Quốc khánh + swapped Monday
    ]);
    expect(dayNote(cal2026, '2026-04-27')).toBe('Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)');
  });
});

describe('official calendar 2022', () => {
  it('weekdays off: 3/1, 31/1–4/2, 11/4, 2–3/5, 1–2/9', () => {
    expect(weekdaysOff(cal2022, 2022)).toEqual([
      '2022-01-03',
      '2022-01-31',
      '2022-02-01',
      '2022-02-02',
      '2022-02-03',
      '2022-02-04',
      '2022-04-11',
      '2022-05-02',
      '2022-05-03',
      '2022-09-01',
      '2022-09-02',
    ]);
  });

  it('the Labour Code computation gives the same weekdays off as the published 2022 calendar', () => {
    const computed = { ...cal2022, years: [computedYear(2022)] };
    expect(weekdaysOff(computed, 2022)).toEqual(weekdaysOff(cal2022, 2022));
  });
});

describe('computedYear (BLLĐ 2019 Điều 112, Điều 111 k3)', () => {
  it('names its source and is used only when no approved year exists', () => {
    expect(computedYear(2030).source).toBe('Chưa có văn bản phê duyệt (tính toán theo BLLĐ 2019 Điều 112)');
    expect(officialYear(2026)).toBe(OFFICIAL_YEARS[1]);
    expect(officialYear(2027).source).toContain('tính toán theo BLLĐ 2019 Điều 112');
  });

  it('2030: Tết from the Vietnamese lunar calendar (mùng 1 = Sat 2/2, not the Chinese 3/2)', () => {
    const days = computedYear(2030).days;
    const tet = days.filter((d) => d.name.startsWith('Tết Nguyên đán')).map((d) => d.date);
    // last day of the lunar year Fri 1/2, mùng 1–4 Sat 2/2 – Tue 5/2
    expect(tet).toEqual(['2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05']);
    // Sat 2/2 and Sun 3/2 are compensated on Wed 6/2 and Thu 7/2
    expect(days.filter((d) => d.name.startsWith('Nghỉ bù Tết')).map((d) => d.date)).toEqual([
      '2030-02-06',
      '2030-02-07',
    ]);
  });

  it('2024: Quốc khánh on a Monday takes 3/9 as its adjacent day', () => {
    const qk = computedYear(2024)
      .days.filter((d) => d.name.startsWith('Quốc khánh'))
      .map((d) => d.date);
    expect(qk).toEqual(['2024-09-02', '2024-09-03']);
  });
});

describe('working-day arithmetic', () => {
  it('addWorkingDays skips Tết both ways; n = 0 keeps the date', () => {
    expect(addWorkingDays(cal2026, '2026-02-13', 1)).toBe('2026-02-23');
    expect(addWorkingDays(cal2026, '2026-02-23', -1)).toBe('2026-02-13');
    expect(addWorkingDays(cal2026, '2026-02-14', 0)).toBe('2026-02-14');
    expect(addWorkingDays(cal2026, '2026-03-20', -2)).toBe('2026-03-18');
    expect(addWorkingDays(cal2026, '2026-01-09', 1)).toBe('2026-01-10'); // Saturday làm bù
  });

  it('next and previous are strict', () => {
    expect(nextWorkingDay(cal2026, '2026-06-19')).toBe('2026-06-22');
    expect(previousWorkingDay(cal2026, '2026-04-28')).toBe('2026-04-24');
    expect(workingDaysBetween(cal2026, '2026-03-14', '2026-03-18')).toBe(2);
  });

  it('Saturday-working units and overrides', () => {
    const sat = {
      ...civilServiceCalendar(2026, true),
      overrides: [{ date: '2026-03-16', kind: 'off' as const, name: 'Nghỉ hội thao' }],
    };
    expect(isWorkingDay(sat, '2026-01-17')).toBe(true);
    expect(isWorkingDay(sat, '2026-02-14')).toBe(false); // Tết break wins over the Saturday rule
    expect(isWorkingDay(sat, '2026-03-16')).toBe(false);
    expect(dayNote(sat, '2026-03-16')).toBe('Nghỉ hội thao');
  });
});

describe('applyDeadlinePolicy (BLDS 2015 Điều 148 k5)', () => {
  // domain.md A1, 2026 worked example: the 20th of the period's last month
  it.each([
    [
      '2026-06-20',
      '2026-06-22',
      'Hạn 20/06/2026 rơi vào thứ Bảy; chuyển sang thứ Hai, 22/06/2026 (BLDS 2015 Điều 148 k5)',
    ],
    [
      '2026-09-20',
      '2026-09-21',
      'Hạn 20/09/2026 rơi vào Chủ nhật; chuyển sang thứ Hai, 21/09/2026 (BLDS 2015 Điều 148 k5)',
    ],
    [
      '2026-12-20',
      '2026-12-21',
      'Hạn 20/12/2026 rơi vào Chủ nhật; chuyển sang thứ Hai, 21/12/2026 (BLDS 2015 Điều 148 k5)',
    ],
    ['2026-03-20', '2026-03-20', 'Hạn thứ Sáu, 20/03/2026 là ngày làm việc'],
  ])('FORWARD %s → %s', (date, expected, rule) => {
    expect(applyDeadlinePolicy(cal2026, date, 'FORWARD')).toMatchObject({ date: expected, rule });
  });

  it('FORWARD across Tết and a nghỉ bù, with the holiday named', () => {
    const r = applyDeadlinePolicy(cal2026, '2026-02-16', 'FORWARD');
    expect(r.date).toBe('2026-02-23');
    expect(r.rule).toBe(
      'Hạn 16/02/2026 rơi vào thứ Hai, ngày nghỉ: Tết Nguyên đán Bính Ngọ; chuyển sang thứ Hai, 23/02/2026 (BLDS 2015 Điều 148 k5)',
    );
    expect(r.ruleEn).toBe(
      'Deadline 16/02/2026 falls on a Monday, a day off (Tết Nguyên đán Bính Ngọ); moved to Monday, 23/02/2026 (Civil Code 2015 art. 148(5))',
    );
  });

  it('BACKWARD and KEEP', () => {
    expect(applyDeadlinePolicy(cal2026, '2026-06-20', 'BACKWARD').date).toBe('2026-06-19');
    expect(applyDeadlinePolicy(cal2026, '2026-04-27', 'BACKWARD').date).toBe('2026-04-24');
    const keep = applyDeadlinePolicy(cal2026, '2026-06-20', 'KEEP');
    expect(keep).toEqual({
      date: '2026-06-20',
      rule: 'Hạn 20/06/2026 rơi vào thứ Bảy; giữ nguyên theo quy chế (BLDS 2015 Điều 145)',
      ruleEn: 'Deadline 20/06/2026 falls on a Saturday; kept as set by the regime (Civil Code 2015 art. 145)',
    });
  });
});
