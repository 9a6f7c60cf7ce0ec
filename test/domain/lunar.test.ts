import { describe, expect, it } from 'vitest';
import { lunarToSolar, solarToLunar } from '../../domain/lunar.js';

describe('lunarToSolar (UTC+7, Hồ Ngọc Đức)', () => {
  // Reference: domain.md A3 "Lunar pitfall": VN Tết vs CN Tết.
  it.each([
    [1985, { year: 1985, month: 1, day: 21 }], // CN: 20/2
    [2007, { year: 2007, month: 2, day: 17 }], // CN: 18/2
    [2022, { year: 2022, month: 2, day: 1 }],
    [2026, { year: 2026, month: 2, day: 17 }],
    [2030, { year: 2030, month: 2, day: 2 }], // CN: 3/2
    [2053, { year: 2053, month: 2, day: 18 }], // CN: 19/2
  ])('Tết Nguyên đán %i', (year, solar) => {
    expect(lunarToSolar(1, 1, year, false)).toEqual(solar);
  });

  it('gives the Chinese dates at UTC+8, which is why a Chinese library is wrong for Vietnam', () => {
    expect(lunarToSolar(1, 1, 2030, false, 8)).toEqual({ year: 2030, month: 2, day: 3 });
    expect(lunarToSolar(1, 1, 1985, false, 8)).toEqual({ year: 1985, month: 2, day: 20 });
  });

  it('Giỗ Tổ Hùng Vương 10/3 âm lịch', () => {
    expect(lunarToSolar(10, 3, 2022, false)).toEqual({ year: 2022, month: 4, day: 10 }); // Sunday, bù Mon 11/4
    expect(lunarToSolar(10, 3, 2026, false)).toEqual({ year: 2026, month: 4, day: 26 }); // Sunday, bù Mon 27/4
  });

  it('handles a leap month: 2023 has a leap 2nd month (nhuận tháng 2), 1/2 nhuận = 22/03/2023', () => {
    expect(lunarToSolar(1, 2, 2023, true)).toEqual({ year: 2023, month: 3, day: 22 });
    expect(lunarToSolar(1, 3, 2023, false)).toEqual({ year: 2023, month: 4, day: 20 });
    expect(() => lunarToSolar(1, 5, 2023, true)).toThrow(/no leap month 5/);
  });
});

describe('solarToLunar', () => {
  it('reads Tết 2026 and the day before (29 Chạp: Ất Tỵ has a short 12th month)', () => {
    expect(solarToLunar(17, 2, 2026)).toEqual({ year: 2026, month: 1, day: 1, leap: false });
    expect(solarToLunar(16, 2, 2026)).toEqual({ year: 2025, month: 12, day: 29, leap: false });
  });

  it('round-trips every day of 2020–2031', () => {
    for (let jd = 0; jd < 366 * 12; jd++) {
      const d = new Date(Date.UTC(2020, 0, 1 + jd));
      const l = solarToLunar(d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear());
      expect(lunarToSolar(l.day, l.month, l.year, l.leap)).toEqual({
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
      });
    }
  });
});
