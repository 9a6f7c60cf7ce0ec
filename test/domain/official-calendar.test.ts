import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  computedYear,
  officialYear,
  OFFICIAL_YEARS,
  STATUTORY_HOLIDAYS,
  type StatutoryHoliday,
} from '../../domain/official-calendar.js';
import { loadPlan } from '../../domain/plan-file.js';
import { previewRows, provisionalNote } from '../../domain/preview.js';
import type { OfficialYear, WorkCalendar } from '../../domain/schedule-types.js';
import { buildWorkCalendar, dayNote, isProvisionalDate, isWorkingDay } from '../../domain/work-calendar.js';

// Tests may read files; domain/ may not.
const plans = join(import.meta.dirname, '../../plans');
const readPlan = (name: string) => readFileSync(join(plans, name), 'utf8');

/** A Monday–Friday calendar holding just `year`, as the data gives it. */
function calendarOf(year: OfficialYear): WorkCalendar {
  return { timeZone: 'Asia/Ho_Chi_Minh', saturdaysWorking: false, years: [year], overrides: [] };
}

/** Dates from `from` to `to` inclusive. */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
}

const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
const plusDay = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Mondays–Fridays of `year` that are off, and Saturdays that are working days. */
function exceptions(cal: WorkCalendar, year: number): { weekdaysOff: string[]; workingSaturdays: string[] } {
  const days = range(`${year}-01-01`, `${year}-12-31`);
  return {
    weekdaysOff: days.filter((d) => ![0, 6].includes(weekday(d)) && !isWorkingDay(cal, d)),
    workingSaturdays: days.filter((d) => weekday(d) === 6 && isWorkingDay(cal, d)),
  };
}

const data = (year: number): OfficialYear => {
  const y = OFFICIAL_YEARS.find((o) => o.year === year);
  if (!y) throw new Error(`no data for ${year}`);
  return y;
};

/**
 * Each approved year against its documents: the weekdays off, the working Saturdays, the whole announced breaks (with
 * the working days either side), and the document numbers named in `source`.
 */
const APPROVED: {
  year: number;
  documents: string[];
  weekdaysOff: string[];
  workingSaturdays: string[];
  breaks: [string, string][];
}[] = [
  {
    // VPCP 9895/VPCP-KGVX (11/2020) and Thông báo 4875/TB-LĐTBXH (12/2020): Tết Tân Sửu 10/02–16/02/2021 (mùng 2–3 on
    // the weekend, bù 15–16/02), Quốc khánh 02/9–05/9/2021 (2/9 and 3/9 + the weekend). 1/1, Giỗ Tổ 21/4, 30/4 and
    // 1/5 (Sat, bù Mon 3/5): BLLĐ 2019, as reported with the notice (SGGP 09/12/2020).
    year: 2021,
    documents: ['9895/VPCP-KGVX', '4875/TB-LĐTBXH'],
    weekdaysOff: [
      '2021-01-01',
      ...['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16'],
      '2021-04-21',
      '2021-04-30',
      '2021-05-03',
      '2021-09-02',
      '2021-09-03',
    ],
    workingSaturdays: [],
    breaks: [
      ['2021-02-10', '2021-02-16'],
      ['2021-04-30', '2021-05-03'],
      ['2021-09-02', '2021-09-05'],
    ],
  },
  {
    // VPCP 245/VPCP-KGVX ngày 11/01/2022: Tết Nhâm Dần 31/01–04/02/2022, Quốc khánh 01–02/9/2022; 1/1 (Sat, bù 3/1),
    // Giỗ Tổ 10/4 (Sun, bù 11/4), 30/4–1/5 (weekend, bù 2–3/5): BLLĐ 2019 Điều 111 k3.
    year: 2022,
    documents: ['BLLĐ 2019 Điều 111 k3'],
    weekdaysOff: [
      '2022-01-03',
      ...['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'],
      '2022-04-11',
      '2022-05-02',
      '2022-05-03',
      '2022-09-01',
      '2022-09-02',
    ],
    workingSaturdays: [],
    breaks: [
      ['2022-01-29', '2022-02-06'],
      ['2022-04-30', '2022-05-03'],
    ],
  },
  {
    // VPCP 8056/VPCP-KGVX ngày 01/12/2022: Tết Quý Mão 20/01–26/01/2023, Quốc khánh 01/9–04/9/2023; 1/1 (Sun, bù
    // 2/1), Giỗ Tổ 29/4 (Sat, bù 2/5), 30/4 (Sun, bù 3/5), 1/5: BLLĐ 2019 Điều 111 k3.
    year: 2023,
    documents: ['8056/VPCP-KGVX ngày 01/12/2022'],
    weekdaysOff: [
      '2023-01-02',
      ...['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'],
      ...['2023-05-01', '2023-05-02', '2023-05-03'],
      '2023-09-01',
      '2023-09-04',
    ],
    workingSaturdays: [],
    breaks: [
      ['2023-01-20', '2023-01-26'],
      ['2023-04-29', '2023-05-03'],
      ['2023-09-01', '2023-09-04'],
    ],
  },
  {
    // Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 (VPCP 8662/VPCP-KGVX): Tết Giáp Thìn 08/02–14/02/2024, Quốc khánh
    // 31/8–03/9/2024; VPCP 2450/VPCP-KGVX ngày 12/4/2024: 27/4–01/5, Mon 29/4 swapped to Sat 04/5. 1/1 and Giỗ Tổ
    // 18/4: BLLĐ 2019.
    year: 2024,
    documents: ['5015/TB-LĐTBXH ngày 22/11/2023', '8662/VPCP-KGVX', '2450/VPCP-KGVX ngày 12/4/2024'],
    weekdaysOff: [
      '2024-01-01',
      ...['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'],
      '2024-04-18',
      ...['2024-04-29', '2024-04-30', '2024-05-01'],
      '2024-09-02',
      '2024-09-03',
    ],
    workingSaturdays: ['2024-05-04'],
    breaks: [
      ['2024-02-08', '2024-02-14'],
      ['2024-04-27', '2024-05-01'],
      ['2024-08-31', '2024-09-03'],
    ],
  },
  {
    // VPCP 8726/VPCP-KGVX ngày 26/11/2024, Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024: Tết Ất Tỵ 25/01–02/02/2025 (5 ngày
    // Tết 27–31/01 + 4 ngày nghỉ hằng tuần), Giỗ Tổ Mon 07/4, 30/4–04/5 with Fri 02/5 swapped to Sat 26/4, Quốc khánh
    // 30/8–02/9/2025 (1/9 and 2/9). 1/1: BLLĐ 2019.
    year: 2025,
    documents: ['8726/VPCP-KGVX ngày 26/11/2024', '6150/TB-BLĐTBXH ngày 03/12/2024'],
    weekdaysOff: [
      '2025-01-01',
      ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
      '2025-04-07',
      ...['2025-04-30', '2025-05-01', '2025-05-02'],
      '2025-09-01',
      '2025-09-02',
    ],
    workingSaturdays: ['2025-04-26'],
    breaks: [
      ['2025-01-25', '2025-02-02'],
      ['2025-04-30', '2025-05-04'],
      ['2025-08-30', '2025-09-02'],
    ],
  },
  {
    // VPCP 12729/VPCP-KGVX ngày 25/12/2025: 01–04/01/2026, Fri 02/01 swapped to Sat 10/01; Bộ Nội vụ Thông báo 9441 ngày
    // 16/10/2025 (Thủ tướng đồng ý, 13/10/2025): Tết Bính Ngọ 14/02–22/02, Quốc khánh 29/8–02/9 with Mon 31/8 swapped
    // to Sat 22/8; Giỗ Tổ Sun 26/4 bù Mon 27/4, 30/4–1/5 Thu–Fri: BLLĐ 2019 (Thanh Niên 23/02/2026).
    year: 2026,
    documents: ['12729/VPCP-KGVX'],
    weekdaysOff: [
      '2026-01-01',
      '2026-01-02',
      ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      ...['2026-08-31', '2026-09-01', '2026-09-02'],
    ],
    workingSaturdays: ['2026-01-10', '2026-08-22'],
    breaks: [
      ['2026-01-01', '2026-01-04'],
      ['2026-02-14', '2026-02-22'],
      ['2026-08-29', '2026-09-02'],
    ],
  },
];

describe('approved calendars 2021–2026, against the documents that set them', () => {
  it('holds exactly the approved years, none provisional', () => {
    expect(OFFICIAL_YEARS.map((y) => y.year).sort()).toEqual(APPROVED.map((a) => a.year));
    for (const y of OFFICIAL_YEARS) {
      expect(y.provisional, `${y.year}`).toBeUndefined();
      expect(officialYear(y.year)).toBe(y);
      for (const d of y.days) expect(d.date.startsWith(`${y.year}-`), d.date).toBe(true);
      expect(new Set(y.days.map((d) => d.date)).size, `${y.year}: one entry per date`).toBe(y.days.length);
    }
  });

  it.each(APPROVED)('$year: weekdays off and working Saturdays', ({ year, weekdaysOff, workingSaturdays }) => {
    expect(exceptions(calendarOf(data(year)), year)).toEqual({ weekdaysOff, workingSaturdays });
  });

  it.each(APPROVED)('$year: each announced break is off from end to end, the weekdays around it are working', (a) => {
    const cal = calendarOf(data(a.year));
    for (const [from, to] of a.breaks) {
      for (const d of range(from, to)) expect(isWorkingDay(cal, d), d).toBe(false);
      for (const d of [plusDay(from, -1), plusDay(to, 1)])
        if (![0, 6].includes(weekday(d))) expect(isWorkingDay(cal, d), d).toBe(true);
    }
  });

  it.each(APPROVED)('$year: names the documents in its source', ({ year, documents }) => {
    for (const doc of documents) expect(data(year).source).toContain(doc);
  });

  it('2021: Quốc khánh is Thu 2/9 + Fri 3/9 (not the computed 1/9 + 2/9), so the Q3 request goes out on Wed 1/9', () => {
    // Thông báo 4875/TB-LĐTBXH: nghỉ từ thứ Năm 02/9/2021 đến hết Chủ nhật 05/9/2021
    const cal = calendarOf(data(2021));
    expect(isWorkingDay(cal, '2021-09-01')).toBe(true);
    expect(isWorkingDay(cal, '2021-09-03')).toBe(false);
    expect(dayNote(cal, '2021-09-03')).toBe('Quốc khánh (ngày liền kề)');
    const computed = computedYear(2021)
      .days.filter((d) => d.name.startsWith('Quốc khánh'))
      .map((d) => d.date);
    expect(computed).toEqual(['2021-09-01', '2021-09-02']); // what the 2021 plan used to get
    const plan = loadPlan(readPlan('cchc-2021.yaml'), 'plans/cchc-2021.yaml');
    const q3 = previewRows(plan, buildWorkCalendar(plan)).find((r) => r.itemId === 'report-Q3' && r.kind === 'open');
    expect(q3?.date).toBe('2021-09-01');
  });

  it('2023: Tết starts Fri 20/01 (29 Chạp) and Fri 27/01 is a working day, where the computation had it the other way', () => {
    // VPCP 8056/VPCP-KGVX: nghỉ Tết Âm lịch từ ngày 20/01/2023 đến hết ngày 26/01/2023
    const cal = calendarOf(data(2023));
    expect([isWorkingDay(cal, '2023-01-20'), isWorkingDay(cal, '2023-01-27')]).toEqual([false, true]);
    const computed = calendarOf(computedYear(2023));
    expect([isWorkingDay(computed, '2023-01-20'), isWorkingDay(computed, '2023-01-27')]).toEqual([true, false]);
  });
});

describe('years with no approved calendar are computed and provisional', () => {
  const plan2026 = loadPlan(readPlan('mam-non-2026.yaml'), 'plans/mam-non-2026.yaml');

  it('2027 is computed from the Labour Code and marked provisional', () => {
    const y = officialYear(2027);
    expect(y.provisional).toBe(true);
    expect(y.source).toContain('Chưa có văn bản phê duyệt');
    expect(y.days.some((d) => d.date === '2027-09-02' && d.name === 'Quốc khánh 2/9')).toBe(true);
  });

  it('buildWorkCalendar: a 2026 plan reads 2025 and 2026 from the documents and 2027 provisionally', () => {
    const cal = buildWorkCalendar(plan2026);
    expect(cal.years.map((y) => [y.year, y.provisional === true])).toEqual([
      [2025, false],
      [2026, false],
      [2027, true],
    ]);
    expect(isProvisionalDate(cal, '2026-12-31')).toBe(false);
    expect(isProvisionalDate(cal, '2027-01-04')).toBe(true);
    expect(isProvisionalDate(cal, '2030-01-02')).toBe(true); // not held at all: the weekday rule only
  });

  it('an approved year given to buildWorkCalendar (updateCalendar) is no longer provisional', () => {
    const approved2027: OfficialYear = { year: 2027, source: 'Thông báo (thử nghiệm)', days: [] };
    const cal = buildWorkCalendar(plan2026, [approved2027]);
    expect(cal.years.find((y) => y.year === 2027)).toBe(approved2027);
    expect(isProvisionalDate(cal, '2027-01-04')).toBe(false);
  });

  it('the preview marks rows of a provisional year and says so once; a plan on approved years has no note', () => {
    const text = readPlan('mam-non-2026.yaml').replaceAll('2026', '2027');
    const plan = loadPlan(text, 'mam-non-2027.yaml');
    const rows = previewRows(plan, buildWorkCalendar(plan));
    expect(rows.filter((r) => r.date.startsWith('2027-')).every((r) => r.provisional === true)).toBe(true);
    expect(rows.filter((r) => r.date.startsWith('2026-')).some((r) => r.provisional)).toBe(false);
    expect(provisionalNote(rows, 'vi')).toBe(
      'Lịch năm 2027 là lịch tính toán tạm thời (chưa có văn bản phê duyệt; tính theo BLLĐ 2019 Điều 112): các ngày đánh dấu * có thể thay đổi.',
    );
    expect(provisionalNote(rows, 'en')).toBe(
      'The calendar for 2027 is provisional (computed from the Labour Code 2019 art. 112; no approved document yet): dates marked * may change.',
    );
    const approved = previewRows(plan2026, buildWorkCalendar(plan2026));
    expect(approved.some((r) => r.provisional)).toBe(false);
    expect(provisionalNote(approved)).toBeUndefined();
  });
});

describe('the statutory holidays are one table (BLLĐ 2019 Điều 112 k1)', () => {
  it('holds the 11 paid days of Điều 112 k1, each with its law', () => {
    expect(STATUTORY_HOLIDAYS.reduce((n, h) => n + h.days.length, 0)).toBe(11);
    for (const h of STATUTORY_HOLIDAYS) expect(h.law).toMatch(/^BLLĐ 2019 Điều 112 k1/);
  });

  it('a new solar holiday is one entry: 24/11 Ngày Văn hóa Việt Nam (planned, not yet law) in a test-only table', () => {
    const vanHoa: StatutoryHoliday = {
      on: { calendar: 'solar', month: 11, day: 24 },
      days: ['Ngày Văn hóa Việt Nam 24/11'],
      law: 'thử nghiệm: BLLĐ sửa đổi (dự kiến, NQ 30/NQ-CP)',
    };
    const table = [...STATUTORY_HOLIDAYS, vanHoa];
    expect(isWorkingDay(calendarOf(computedYear(2027)), '2027-11-24')).toBe(true); // not in the law's table
    expect(isWorkingDay(calendarOf(computedYear(2027, table)), '2027-11-24')).toBe(false); // Wednesday
    // 24/11/2029 is a Saturday: compensated on Monday 26/11 (Điều 111 k3)
    const y2029 = computedYear(2029, table);
    expect(y2029.days.filter((d) => d.date >= '2029-11-24' && d.date <= '2029-11-30')).toEqual([
      { date: '2029-11-24', kind: 'off', name: 'Ngày Văn hóa Việt Nam 24/11' },
      { date: '2029-11-26', kind: 'off', name: 'Nghỉ bù Ngày Văn hóa Việt Nam 24/11' },
    ]);
    expect(y2029.provisional).toBe(true);
  });

  it('a lunar entry is read on the Vietnamese calendar, also late in the lunar year (23 Chạp Bính Ngọ = Sat 30/01/2027)', () => {
    const ongTao: StatutoryHoliday = {
      on: { calendar: 'lunar', month: 12, day: 23 },
      days: ['Ông Công Ông Táo (thử nghiệm)'],
      law: 'thử nghiệm',
    };
    const days = computedYear(2027, [ongTao]).days;
    expect(days).toEqual([
      { date: '2027-01-30', kind: 'off', name: 'Ông Công Ông Táo (thử nghiệm)' },
      { date: '2027-02-01', kind: 'off', name: 'Nghỉ bù Ông Công Ông Táo (thử nghiệm)' },
    ]);
  });
});
