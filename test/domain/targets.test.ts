import { describe, expect, it } from 'vitest';
import {
  dutyAchieved,
  formAchieved,
  periodTarget,
  progress,
  targetText,
  type ReportedFigures,
} from '../../domain/targets.js';

describe('targets (chỉ tiêu) per report period', () => {
  it('scales a monthly count by the months of the period and prorates a yearly one', () => {
    const monthly = { count: 1, per: 'month' } as const;
    expect([
      periodTarget(monthly, 'M03'),
      periodTarget(monthly, 'Q1'),
      periodTarget(monthly, 'H1'),
      periodTarget(monthly, 'Y'),
    ]).toEqual([1, 3, 6, 12]);
    // 10 a year: a quarter asks ceil(10 × 3 / 12) = 3, nine months ceil(7.5) = 8.
    const yearly = { count: 10, per: 'year' } as const;
    expect([periodTarget(yearly, 'Q2'), periodTarget(yearly, 'M9'), periodTarget(yearly, 'Y')]).toEqual([3, 8, 10]);
    expect(periodTarget({ count: 2, per: 'period' }, 'H2')).toBe(2);
    expect(periodTarget({ percent: 98, of: 'hồ sơ giải quyết đúng hạn' }, 'Q1')).toBe(98);
  });

  it('says the gap, and the target as the plan wrote it', () => {
    expect(progress({ count: 1, per: 'month' }, 'Q1', 2)).toEqual({
      target: 3,
      achieved: 2,
      gap: 1,
      met: false,
      unit: 'count',
    });
    expect(progress({ percent: 100, of: 'TTHC được niêm yết' }, 'Q1', 100)).toMatchObject({
      gap: 0,
      met: true,
      unit: 'percent',
    });
    expect(progress({ percent: 98, of: 'hồ sơ đúng hạn' }, 'Y', 97.5)).toMatchObject({ gap: 0.5, met: false });
    expect(targetText({ count: 1, per: 'month' }, 'vi')).toBe('tối thiểu 1/tháng');
    expect(targetText({ count: 4, per: 'year' }, 'en')).toBe('at least 4 per year');
    expect(targetText({ percent: 100, of: 'TTHC được niêm yết' }, 'vi')).toBe('100% TTHC được niêm yết');
  });
});

describe('what the units reached, from their reports', () => {
  const reports: ReportedFigures[] = [
    {
      figures: { WEBSITE: 2 },
      duties: { '9': { figures: { WEBSITE: 2, MEETING: 1 } }, '10': { figures: {}, percent: 100 } },
    },
    { figures: { WEBSITE: 1 }, duties: { '9': { figures: { WEBSITE: 1 } }, '10': { figures: {}, percent: 95 } } },
    { figures: {} },
  ];
  it('sums a count duty over units and forms, averages a share, and sums a form', () => {
    expect(dutyAchieved({ number: 9, target: { count: 1, per: 'month' } }, reports)).toBe(4);
    expect(dutyAchieved({ number: 10, target: { percent: 100, of: 'TTHC' } }, reports)).toBe(97.5);
    expect(dutyAchieved({ number: 11 }, reports)).toBeUndefined();
    expect(formAchieved('WEBSITE', reports)).toBe(3);
  });
});
