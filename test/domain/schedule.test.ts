import { describe, expect, it } from 'vitest';
import { adHocItem, dueFor, extendedDue, scheduleItems, unitSteps } from '../../domain/schedule.js';
import type { ItemSpec } from '../../domain/schedule-types.js';
import { buildWorkCalendar } from '../../domain/work-calendar.js';
import { plan2026 } from './fixtures/plan.js';

const plan = plan2026();
const cal = buildWorkCalendar(plan);

/** `[key, date]` pairs of a unit's steps. */
const keysAndDates = (item: ItemSpec) => {
  const u = item.units[0];
  if (!u) throw new Error('no unit');
  return unitSteps(item, u.due, cal).map((s) => [s.key, s.date]);
};

describe('scheduleItems', () => {
  const items = scheduleItems(plan, cal);

  it('tasks and reports, sorted by opening (task-03 and report-Q1 both open Mon 2/3; ties by id)', () => {
    expect(items.map((i) => [i.itemId, i.opens.date])).toEqual([
      ['report-Q1', '2026-03-02'],
      ['task-03', '2026-03-02'],
      ['report-H1', '2026-06-01'],
      ['task-06', '2026-06-01'],
      ['report-Q3', '2026-09-03'],
      ['report-Y', '2026-12-01'],
    ]);
  });

  it('task-03: fixed date Fri 20/3, defaults for reminders, escalation, policy', () => {
    const t = items.find((i) => i.itemId === 'task-03');
    expect(t).toMatchObject({
      kind: 'task',
      forms: ['WEBSITE'],
      reminders: [3, 1],
      escalation: { officeAfter: 1, directorAfter: 3 },
      deadlinePolicy: 'FORWARD',
      sendAt: '08:00',
    });
    expect(t?.units.map((u) => [u.unit, u.role, u.due.date, u.due.at])).toEqual([
      ['VP', 'lead', '2026-03-20', '2026-03-20T08:00:00.000+07:00'],
      ['TCCB', 'support', '2026-03-20', '2026-03-20T08:00:00.000+07:00'],
    ]);
    expect(t?.units[0]?.due.rule).toBe('Hạn theo kế hoạch: 20/03/2026. Hạn thứ Sáu, 20/03/2026 là ngày làm việc');
  });

  it('task-06: end of June = Tue 30/6; its own reminders [5]', () => {
    const t = items.find((i) => i.itemId === 'task-06');
    expect(t?.units[0]?.due.date).toBe('2026-06-30');
    expect(t?.reminders).toEqual([5]);
  });
});

describe('dueFor', () => {
  it('workingDaysAfterOpening skips Tết: opens Thu 12/2/2026, 3 working days → Wed 25/2', () => {
    const p = plan2026((i) => {
      const t = i.tasks?.[0];
      if (t) Object.assign(t, { opensOn: '2026-02-12', due: { workingDaysAfterOpening: 3 } });
    });
    const task = p.tasks[0];
    if (!task) throw new Error('fixture');
    // 13/2 (1), Tết 14–22/2, 23/2 (2), 24/2 (3)
    expect(dueFor(p, buildWorkCalendar(p), task).date).toBe('2026-02-24');
  });

  it('end of a month that ends on a Sunday moves to Monday (May 2026: Sun 31/5 → Mon 1/6)', () => {
    const p = plan2026((i) => {
      const t = i.tasks?.[0];
      if (t) Object.assign(t, { opensOn: '2026-05-04', due: { endOfMonth: true } });
    });
    const due = dueFor(p, buildWorkCalendar(p), p.tasks[0]!);
    expect(due.date).toBe('2026-06-01');
    expect(due.rule).toBe(
      'Hạn cuối tháng 05/2026. Hạn 31/05/2026 rơi vào Chủ nhật; chuyển sang thứ Hai, 01/06/2026 (BLDS 2015 Điều 148 k5)',
    );
  });

  it('a task opening on a day off opens on the next working day', () => {
    const p = plan2026((i) => {
      const t = i.tasks?.[0];
      if (t) t.opensOn = '2026-04-27'; // nghỉ bù Giỗ Tổ
    });
    const item = scheduleItems(p, buildWorkCalendar(p)).find((i) => i.itemId === 'task-03');
    expect(item?.opens.date).toBe('2026-04-28');
  });
});

describe('unitSteps', () => {
  const task03 = scheduleItems(plan, cal).find((i) => i.itemId === 'task-03')!;

  it('due Fri 20/3/2026, reminders [3, 1], escalation 1/3', () => {
    expect(keysAndDates(task03)).toEqual([
      ['open', '2026-03-02'],
      ['reminder-3', '2026-03-17'], // Tue
      ['reminder-1', '2026-03-19'], // Thu
      ['due-today', '2026-03-20'],
      ['overdue', '2026-03-23'], // Mon: the deadline ended at 24:00 on Friday
      ['escalate-office', '2026-03-23'],
      ['escalate-director', '2026-03-25'], // Wed
    ]);
    const steps = unitSteps(task03, task03.units[0]!.due, cal);
    expect(steps.map((s) => s.kind)).toEqual([
      'open',
      'reminder',
      'reminder',
      'due-today',
      'overdue',
      'escalate-office',
      'escalate-director',
    ]);
    expect(steps[1]).toMatchObject({
      at: '2026-03-17T08:00:00.000+07:00',
      rule: 'Nhắc trước hạn 3 ngày làm việc (hạn 20/03/2026)',
    });
    expect(steps[4]?.rule).toBe(
      'Quá hạn: hạn 20/03/2026 kết thúc lúc 24:00 (BLDS 2015 Điều 148 k6); báo vào ngày làm việc kế tiếp',
    );
  });

  it('around Tết, with officeAfter 0 sharing the overdue instant (overdue first)', () => {
    // due Fri 13/2/2026; Tết 14–22/2
    const item: ItemSpec = {
      ...task03,
      escalation: { officeAfter: 0, directorAfter: 3 },
      opens: { ...task03.opens, at: '2026-02-02T08:00:00.000+07:00', date: '2026-02-02' },
    };
    const due = { at: '2026-02-13T08:00:00.000+07:00', date: '2026-02-13', rule: '', ruleEn: '' };
    const steps = unitSteps(item, due, cal);
    expect(steps.map((s) => [s.key, s.date])).toEqual([
      ['open', '2026-02-02'],
      ['reminder-3', '2026-02-10'],
      ['reminder-1', '2026-02-12'],
      ['due-today', '2026-02-13'],
      ['overdue', '2026-02-23'],
      ['escalate-office', '2026-02-23'],
      ['escalate-director', '2026-02-25'],
    ]);
    expect(steps[4]?.at).toBe(steps[5]?.at);
  });

  it('skips reminders that would come before the item opens', () => {
    // opens Wed 18/3, due Fri 20/3: reminder-3 (Tue 17/3) is dropped, reminder-1 (Thu 19/3) kept
    const item: ItemSpec = {
      ...task03,
      opens: { ...task03.opens, at: '2026-03-18T08:00:00.000+07:00', date: '2026-03-18' },
    };
    expect(keysAndDates(item).map(([k]) => k)).toEqual([
      'open',
      'reminder-1',
      'due-today',
      'overdue',
      'escalate-office',
      'escalate-director',
    ]);
  });
});

describe('adHocItem and extendedDue', () => {
  it('ad hoc report: due on Sat 20/6 moves to Mon 22/6; opens at the request instant', () => {
    const item = adHocItem(plan, cal, {
      number: 2,
      title: 'Báo cáo đột xuất về tin bài CCHC',
      content: 'Số liệu tin bài từ đầu năm.',
      units: ['TCCB'],
      dueDate: '2026-06-20',
      opensAt: '2026-06-15T03:30:00Z', // 10:30 in Hà Nội
    });
    expect(item.itemId).toBe('report-adhoc-2');
    expect(item.opens).toMatchObject({ at: '2026-06-15T10:30:00.000+07:00', date: '2026-06-15' });
    expect(item.units).toEqual([
      {
        unit: 'TCCB',
        role: 'lead',
        due: expect.objectContaining({ date: '2026-06-22', at: '2026-06-22T08:00:00.000+07:00' }),
      },
    ]);
    expect(item.period.code).toBe('adhoc');
  });

  it('extension keeps the granted date and says why', () => {
    expect(extendedDue(cal, '2026-03-27', '08:00', 'Asia/Ho_Chi_Minh', 'Đơn vị đề nghị do trùng hội nghị')).toEqual({
      at: '2026-03-27T08:00:00.000+07:00',
      date: '2026-03-27',
      rule: 'Gia hạn đến thứ Sáu, 27/03/2026: Đơn vị đề nghị do trùng hội nghị',
      ruleEn: 'Extended to Friday, 27/03/2026: Đơn vị đề nghị do trùng hội nghị',
    });
  });
});
