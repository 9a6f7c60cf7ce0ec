import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parentDeadlineWarnings } from '../../domain/parent-deadline-checks.js';
import { parsePlanText } from '../../domain/plan-file.js';
import { planSchema, type Plan } from '../../domain/plan-schema.js';

/*
 * Parent: plans/demo.yaml, 2026, office the 20th, units 2 working days before: Q1 units due Wed 18/03/2026, H1 Thu
 * 18/06. A school must have its office due 2 working days before: Q1 Mon 16/03 at the latest, H1 Tue 16/06.
 */
function sample(file: string): Plan {
  const r = parsePlanText(readFileSync(file), file);
  if (!r.ok) throw new Error(`${file} is invalid`);
  return r.plan;
}

describe('parentDeadlineWarnings: a school (plans/demo-truong.yaml) against plans/demo.yaml', () => {
  let parent: Plan;
  let school: Plan;
  /** The school with another reporting regime; figures cut off on the 12th so every regime here passes ND 09/2019. */
  const schoolWith = (reporting: Record<string, unknown>, more: Record<string, unknown> = {}): Plan =>
    planSchema().parse({
      ...school,
      ...more,
      reporting: { unitWorkingDaysBeforeOffice: 1, cutOffDay: 12, ...reporting },
    });

  beforeAll(() => {
    parent = sample('plans/demo.yaml');
    school = sample('plans/demo-truong.yaml');
  });

  it('says nothing of a school due in time in every period', () => {
    const onTime = schoolWith({ periods: ['Q1', 'H1'], officeDeadlineDay: 16 });
    // Q1 Mon 16/03, H1 Tue 16/06: each 2 working days before the parent's units.
    expect(parentDeadlineWarnings(onTime, demoQ1H1(), 'vi', 2)).toEqual([]);
  });

  it('names the period and both dates when the school is one working day short, in Vietnamese and in English', () => {
    // Office the 17th: Q1 Tue 17/03, one working day before Wed 18/03.
    const late = schoolWith({ periods: ['Q1'], officeDeadlineDay: 17 });
    const parentQ1 = planSchema().parse({ ...parent, reporting: { ...parent.reporting, periods: ['Q1'] } });
    expect(parentDeadlineWarnings(late, parentQ1, 'vi', 2)).toEqual([
      {
        path: 'reporting.officeDeadlineDay',
        period: 'Q1',
        message:
          'kỳ Q1 (quý I): hạn của Văn phòng 17/03/2026 chỉ trước hạn 18/03/2026 mà Kế hoạch 01/KH-SGDĐT của Sở Giáo dục và Đào tạo (bản chạy thử) giao cho đơn vị và cơ quan cấp dưới 1 ngày làm việc; cần trước ít nhất 2 ngày làm việc, muộn nhất 16/03/2026: giảm officeDeadlineDay xuống 16',
      },
    ]);
    expect(parentDeadlineWarnings(late, parentQ1, 'en', 2).map((w) => w.message)).toEqual([
      "period Q1: the office's deadline 17/03/2026 is only 1 working day before 18/03/2026, the deadline plan 01/KH-SGDĐT of Sở Giáo dục và Đào tạo (bản chạy thử) sets for its units and subordinates; at least 2 working days ahead are needed, 16/03/2026 at the latest: lower officeDeadlineDay to 16",
    ]);
    // With one working day asked for, Tue 17/03 is in time.
    expect(parentDeadlineWarnings(late, parentQ1, 'vi', 1)).toEqual([]);
  });

  it('warns per period: on the parent’s own day, after it, and a period the school does not report', () => {
    // Office the 18th: Q1 Wed 18/03 = the parent's day; H1 Thu 18/06 = the parent's day too. Q3 is not reported.
    const warnings = parentDeadlineWarnings(
      schoolWith({ periods: ['Q1', 'H1', 'Y'], officeDeadlineDay: 18 }),
      parent,
      'vi',
      2,
    );
    expect(warnings.map((w) => [w.period, w.path])).toEqual([
      ['Q1', 'reporting.officeDeadlineDay'],
      ['H1', 'reporting.officeDeadlineDay'],
      ['Q3', 'reporting.periods'],
      ['Y', 'reporting.officeDeadlineDay'],
    ]);
    expect(warnings[0]?.message).toContain('hạn của Văn phòng 18/03/2026 trùng hạn 18/03/2026');
    // Y: office Fri 18/12, after the parent's units' Thu 17/12.
    expect(warnings[3]?.message).toContain('hạn của Văn phòng 18/12/2026 sau hạn 17/12/2026');
    expect(warnings[3]?.message).toContain('muộn nhất 15/12/2026: giảm officeDeadlineDay xuống 15');
    expect(warnings[2]?.message).toBe(
      'kỳ Q3 (quý III): Kế hoạch 01/KH-SGDĐT của Sở Giáo dục và Đào tạo (bản chạy thử) yêu cầu báo cáo kỳ này, hạn giao cho đơn vị 17/09/2026, nhưng reporting.periods không có: thêm Q3',
    );
  });

  it('says when the school names another body above it, or has no reporting regime at all', () => {
    const other = planSchema().parse({
      ...school,
      reporting: undefined,
      organisation: { ...school.organisation, reportsTo: 'SGDDT-HCM' },
    });
    expect(parentDeadlineWarnings(other, parent, 'en', 2).map((w) => w.path)).toEqual([
      'organisation.reportsTo',
      'reporting',
    ]);
  });

  /** The parent asking Q1 and H1 only. */
  function demoQ1H1(): Plan {
    return planSchema().parse({ ...parent, reporting: { ...parent.reporting, periods: ['Q1', 'H1'] } });
  }
});
