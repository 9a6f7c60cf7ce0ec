import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../domain/plan-file.js';
import { planSchema } from '../../domain/plan-schema.js';
import { scheduleItems } from '../../domain/schedule.js';
import { buildWorkCalendar } from '../../domain/work-calendar.js';
import { stringify } from 'yaml';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';

const unit = [{ unit: 'KHTC', role: 'lead' }];
const recurring = (over: Record<string, unknown>) => ({
  number: 5,
  title: 'Sinh hoạt Ngày Pháp luật',
  content: 'Lồng ghép tuyên truyền pháp luật trong buổi sinh hoạt hàng tháng.',
  forms: ['WEBSITE'],
  units: unit,
  every: 'month',
  from: '2026-01',
  to: '2026-12',
  due: { day: 31 },
  ...over,
});
const schedule = (...tasks: Record<string, unknown>[]) => {
  const plan = planSchema().parse({ ...skeletonPlan, tasks: [], recurringTasks: tasks });
  return scheduleItems(plan, buildWorkCalendar(plan)).map((i) => [i.itemId, i.opens.date, i.units[0]!.due.date]);
};

describe('recurring tasks: one item per occurrence, each with its own deadline (2026 official calendar)', () => {
  it('monthly on the 31st: the deadline stays in its month, on the last working day when the day is off', () => {
    expect(schedule(recurring({}))).toEqual([
      // Opens on the first working day of the month: 01/01 (Tết Dương lịch) and 02/01 (nghỉ, làm bù 10/01) are off.
      ['task-05-m01', '2026-01-05', '2026-01-30'], // 31/01 is a Saturday → Fri 30/01, not Mon 02/02
      ['task-05-m02', '2026-02-02', '2026-02-27'], // February has 28 days; Sat 28/02 → Fri 27/02
      ['task-05-m03', '2026-03-02', '2026-03-31'], // Tue 31/03
      ['task-05-m04', '2026-04-01', '2026-04-29'], // 30/04 Giải phóng miền Nam → Wed 29/04
      ['task-05-m05', '2026-05-04', '2026-05-29'], // 01/05 Quốc tế Lao động, weekend 02–03/05; 31/05 a Sunday
      ['task-05-m06', '2026-06-01', '2026-06-30'],
      ['task-05-m07', '2026-07-01', '2026-07-31'],
      ['task-05-m08', '2026-08-03', '2026-08-28'], // 31/08 is off (Quốc khánh 2026 starts there) → Fri 28/08
      ['task-05-m09', '2026-09-03', '2026-09-30'], // 01–02/09 Quốc khánh: opens Thu 03/09
      ['task-05-m10', '2026-10-01', '2026-10-30'], // 31/10 a Saturday
      ['task-05-m11', '2026-11-02', '2026-11-30'], // 01/11 a Sunday
      ['task-05-m12', '2026-12-01', '2026-12-31'], // Thu 31/12: in the plan year, never moved to January
    ]);
  });

  it('quarterly on the 15th, forward to a working day inside the month; a last working day; a fixed lead time', () => {
    expect(schedule(recurring({ number: 7, every: 'quarter', due: { day: 15 } }))).toEqual([
      ['task-07-q1', '2026-01-05', '2026-03-16'], // Sun 15/03 → Mon 16/03 (BLDS 2015 Điều 148 k5)
      ['task-07-q2', '2026-04-01', '2026-06-15'],
      ['task-07-q3', '2026-07-01', '2026-09-15'],
      ['task-07-q4', '2026-10-01', '2026-12-15'],
    ]);
    expect(
      schedule(
        recurring({
          number: 8,
          from: '2026-02',
          to: '2026-03',
          due: { lastWorkingDay: true },
          opensWorkingDaysBefore: 5,
        }),
      ),
    ).toEqual([
      // Five working days before Fri 27/02: 26, 25, 24, 23/02, then 13/02 (14–22/02 is Tết Nguyên đán).
      ['task-08-m02', '2026-02-13', '2026-02-27'],
      ['task-08-m03', '2026-03-24', '2026-03-31'],
    ]);
  });

  it('says why a deadline moved, in Vietnamese and English', () => {
    const plan = planSchema().parse({ ...skeletonPlan, tasks: [], recurringTasks: [recurring({ to: '2026-01' })] });
    const [item] = scheduleItems(plan, buildWorkCalendar(plan));
    expect(item?.title).toBe('Sinh hoạt Ngày Pháp luật (tháng 01/2026)');
    expect(item?.units[0]?.due.rule).toBe(
      'Hạn tháng 01/2026: ngày 31/01/2026 là ngày nghỉ; hạn giữ trong tháng 01/2026: ngày làm việc trước đó, thứ Sáu, 30/01/2026',
    );
    expect(item?.units[0]?.due.ruleEn).toMatch(
      /^Deadline for 01\/2026: 31\/01\/2026 is a day off; the deadline stays in 01\/2026/,
    );
  });

  it('a plan file names a month outside the plan year, a range that runs backwards, and a task number used twice', () => {
    const text = stringify({
      ...skeletonPlan,
      recurringTasks: [
        recurring({ number: 3, from: '2025-12', to: '2026-12' }),
        recurring({ number: 6, from: '2026-06', to: '2026-03' }),
      ],
    });
    const parsed = parsePlanText(text, 'ke-hoach.yaml', 'vi');
    expect(parsed.ok).toBe(false);
    const messages = parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual([
      'recurringTasks[0].number: số nhiệm vụ 3 đã dùng ở tasks[0]',
      'recurringTasks[0].from: tháng 2025-12 không thuộc năm kế hoạch 2026 (cần 2026-01 … 2026-12)',
      'recurringTasks[1].to: tháng cuối 2026-03 trước tháng đầu 2026-06',
    ]);
  });
});

describe('ongoing duties (thường xuyên): no item of their own, asked for in every periodic report', () => {
  it('make no item, reminder or escalation, and each periodic report names them with their units', () => {
    const plan = planSchema().parse({
      ...skeletonPlan,
      ongoingDuties: [
        {
          number: 9,
          title: 'Thường xuyên đăng tải tin, bài về CCHC',
          content: 'Đăng tin, bài trên trang thông tin điện tử.',
          forms: ['WEBSITE'],
          units: [
            { unit: 'KHTC', role: 'lead' },
            { unit: 'TCCB', role: 'support' },
          ],
        },
      ],
      reporting: { periods: ['Q1'], officeDeadlineDay: 20, unitWorkingDaysBeforeOffice: 3 },
    });
    const items = scheduleItems(plan, buildWorkCalendar(plan));
    // Q1's request opens before the skeleton's task-03 (02/03): items are in opening order.
    expect(items.map((i) => i.itemId)).toEqual(['report-Q1', 'task-03']);
    expect(items[0]?.content).toMatch(
      /Nêu kết quả các nhiệm vụ thường xuyên trong kỳ: Thường xuyên đăng tải tin, bài về CCHC \(Phòng Kế hoạch - Tài chính, Phòng Tổ chức cán bộ\)\.$/,
    );
    expect(items[1]?.content).not.toContain('thường xuyên');
  });
});
