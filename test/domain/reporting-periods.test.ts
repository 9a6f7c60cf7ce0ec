import { describe, expect, it } from 'vitest';
import { checkReportingRegime, periodLastMonth, periodWindow, reportItems } from '../../domain/reporting-periods.js';
import { buildWorkCalendar } from '../../domain/work-calendar.js';
import { plan2026 } from './fixtures/plan.js';

describe('periodWindow (NĐ 09/2019 Điều 12: 15th of the month before → 14th of the last month)', () => {
  it.each([
    ['Q1', 2026, '2025-12-15', '2026-03-14'],
    ['Q2', 2026, '2026-03-15', '2026-06-14'],
    ['Q3', 2026, '2026-06-15', '2026-09-14'],
    ['Q4', 2026, '2026-09-15', '2026-12-14'],
    ['H1', 2026, '2025-12-15', '2026-06-14'],
    ['H2', 2026, '2026-06-15', '2026-12-14'],
    ['M9', 2026, '2025-12-15', '2026-09-14'],
    ['Y', 2026, '2025-12-15', '2026-12-14'],
    ['M01', 2026, '2025-12-15', '2026-01-14'],
    ['M03', 2026, '2026-02-15', '2026-03-14'],
    ['M12', 2022, '2022-11-15', '2022-12-14'],
    ['Q1', 2022, '2021-12-15', '2022-03-14'],
    ['Y', 2022, '2021-12-15', '2022-12-14'],
  ] as const)('%s %i: %s → %s', (code, year, from, to) => {
    expect(periodWindow(code, year)).toEqual({ from, to });
  });

  it.each([
    ['Q1', 15, '2025-12-16', '2026-03-15'],
    ['M03', 28, '2026-03-01', '2026-03-28'], // 28/02/2026 is February's last day: the window starts on 01/03
    ['Y', 20, '2025-12-21', '2026-12-20'],
  ] as const)('a sector regime cutting off on another day: %s, day %i: %s → %s', (code, day, from, to) => {
    expect(periodWindow(code, 2026, day)).toEqual({ from, to });
  });

  it('last months', () => {
    expect(['Q1', 'H1', 'Q3', 'M9', 'Y', 'M04'].map((c) => periodLastMonth(c as 'Q1'))).toEqual([3, 6, 9, 9, 12, 4]);
  });
});

describe('reportItems: the 2026 worked example (domain.md A1, CCHC deadline the 20th, FORWARD)', () => {
  const plan = plan2026();
  const cal = buildWorkCalendar(plan);
  const items = reportItems(plan, cal);

  it('office deadlines: Fri 20/3, Sat 20/6 → Mon 22/6, Sun 20/9 → Mon 21/9, Sun 20/12 → Mon 21/12', () => {
    expect(items.map((i) => [i.itemId, i.period?.officeDue.date])).toEqual([
      ['report-Q1', '2026-03-20'],
      ['report-H1', '2026-06-22'],
      ['report-Q3', '2026-09-21'],
      ['report-Y', '2026-12-21'],
    ]);
    expect(items[1]?.period?.officeDue.rule).toBe(
      'Văn phòng tổng hợp: ngày 20 tháng cuối kỳ (20/06/2026). Hạn 20/06/2026 rơi vào thứ Bảy; chuyển sang thứ Hai, 22/06/2026 (BLDS 2015 Điều 148 k5)',
    );
  });

  it('units report 2 working days earlier; requests open on the first working day of the last month', () => {
    // Q1: 20/3 Fri → Wed 18/3; opens Mon 2/3 (1/3 is a Sunday)
    // H1: 22/6 Mon → Thu 18/6; opens Mon 1/6
    // Q3: 21/9 Mon → Thu 17/9; opens Thu 3/9 (1–2/9 Quốc khánh)
    // Y: 21/12 Mon → Thu 17/12; opens Tue 1/12
    expect(items.map((i) => [i.units[0]?.due.date, i.opens.date, i.opens.at])).toEqual([
      ['2026-03-18', '2026-03-02', '2026-03-02T08:00:00.000+07:00'],
      ['2026-06-18', '2026-06-01', '2026-06-01T08:00:00.000+07:00'],
      ['2026-09-17', '2026-09-03', '2026-09-03T08:00:00.000+07:00'],
      ['2026-12-17', '2026-12-01', '2026-12-01T08:00:00.000+07:00'],
    ]);
    expect(items[0]?.units.map((u) => u.unit)).toEqual(['VP', 'TCCB']);
    expect(items[0]?.period).toMatchObject({ code: 'Q1', from: '2025-12-15', to: '2026-03-14' });
  });

  it('the request never opens later than 3 working days before the units’ deadline', () => {
    // office day 3 → Fri 3/4/2026 (M04); units 1 wd earlier → Thu 2/4; opening capped at Mon 30/3
    const p = plan2026((i) => {
      i.reporting = { periods: ['M04'], officeDeadlineDay: 3, unitWorkingDaysBeforeOffice: 1 };
    });
    const [item] = reportItems(p, buildWorkCalendar(p));
    expect([item?.units[0]?.due.date, item?.opens.date]).toEqual(['2026-04-02', '2026-03-30']);
    expect(item?.opens.rule).toBe('Gửi yêu cầu báo cáo 3 ngày làm việc trước hạn đơn vị: thứ Hai, 30/03/2026');
  });

  it('2022: Q1 20/3 is a Sunday → office Mon 21/3, units Thu 17/3', () => {
    const p = plan2026((i) => {
      i.plan.year = 2022;
      i.tasks = [];
    });
    const [q1] = reportItems(p, buildWorkCalendar(p));
    expect([q1?.period?.officeDue.date, q1?.units[0]?.due.date, q1?.period?.from]).toEqual([
      '2022-03-21',
      '2022-03-17',
      '2021-12-15',
    ]);
  });

  it('clamps the office day to the month length (31 in June → 30/6)', () => {
    const p = plan2026((i) => {
      i.reporting = { periods: ['H1'], officeDeadlineDay: 31, unitWorkingDaysBeforeOffice: 1 };
    });
    expect(reportItems(p, buildWorkCalendar(p))[0]?.period?.officeDue.date).toBe('2026-06-30');
  });
});

describe('checkReportingRegime (NĐ 09/2019 Điều 8 k5)', () => {
  it('accepts the CCHC regime', () => {
    const plan = plan2026();
    expect(checkReportingRegime(plan, buildWorkCalendar(plan))).toEqual([]);
  });

  it('flags deadlines without a working day after the cut-off, at each level', () => {
    // Q1: office 15/3 (Sun) → Mon 16/3: only Sun 15/3 between 14/3 and 16/3; units 1 wd earlier → Fri 13/3, before the cut-off
    const plan = plan2026((i) => {
      i.reporting = { periods: ['Q1'], officeDeadlineDay: 15, unitWorkingDaysBeforeOffice: 1 };
    });
    const cal = buildWorkCalendar(plan);
    expect(checkReportingRegime(plan, cal)).toEqual([
      'kỳ Q1: hạn của đơn vị 13/03/2026 trước ngày chốt số liệu 14/03/2026 (NĐ 09/2019 Điều 8 k5 cần ít nhất 1 ngày làm việc giữa ngày chốt số liệu và hạn gửi báo cáo, ở mỗi cấp): tăng officeDeadlineDay lên 18',
      'kỳ Q1: giữa ngày chốt số liệu 14/03/2026 và hạn của Văn phòng 16/03/2026 không có ngày làm việc nào (NĐ 09/2019 Điều 8 k5 cần ít nhất 1 ngày làm việc giữa ngày chốt số liệu và hạn gửi báo cáo, ở mỗi cấp): tăng officeDeadlineDay lên 18',
    ]);
    expect(checkReportingRegime(plan, cal, 'en')[1]).toBe(
      "period Q1: there is no working day between the cut-off 14/03/2026 and the office's deadline 16/03/2026 (Decree 09/2019 art. 8(5) requires at least 1 working day between the cut-off day and the deadline, at each level): raise officeDeadlineDay to 18",
    );
  });
});

describe('reporting.cutOffDay: a sector regime that cuts off on the 15th', () => {
  it('moves the window and says the regime is the sector’s, not ND 09 Điều 12, in the request', () => {
    const p = plan2026((i) => {
      i.reporting = { periods: ['Q1'], officeDeadlineDay: 20, unitWorkingDaysBeforeOffice: 2, cutOffDay: 15 };
    });
    const [q1] = reportItems(p, buildWorkCalendar(p));
    expect(q1?.period).toMatchObject({ from: '2025-12-16', to: '2026-03-15' });
    expect(q1?.content).toContain('số liệu từ 16/12/2025 đến 15/03/2026 (theo chế độ báo cáo của ngành)');
    expect(reportItems(plan2026(), buildWorkCalendar(plan2026()))[0]?.content).toContain('(NĐ 09/2019 Điều 12)');
  });

  it('checks the working day between the later cut-off and the deadlines', () => {
    // Q3 2026: cut-off Tue 15/09; office day 16 → Wed 16/09, units 1 wd earlier → Tue 15/09: no day between.
    const p = plan2026((i) => {
      i.reporting = { periods: ['Q3'], officeDeadlineDay: 16, unitWorkingDaysBeforeOffice: 1, cutOffDay: 15 };
    });
    const problems = checkReportingRegime(p, buildWorkCalendar(p));
    expect(problems[0]).toMatch(
      /^kỳ Q3: hạn của đơn vị 15\/09\/2026 trùng ngày chốt số liệu 15\/09\/2026 .*tăng officeDeadlineDay lên 18$/,
    );
  });
});
