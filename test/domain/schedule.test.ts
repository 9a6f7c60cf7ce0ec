import { describe, expect, it } from 'vitest';
import { previewRows } from '../../domain/preview.js';
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

  it('end of a month that ends on a Sunday stays in the month: Fri 29/5/2026, not Mon 1/6', () => {
    const p = plan2026((i) => {
      const t = i.tasks?.[0];
      if (t) Object.assign(t, { opensOn: '2026-05-04', due: { endOfMonth: true } });
    });
    const due = dueFor(p, buildWorkCalendar(p), p.tasks[0]!);
    expect(due.date).toBe('2026-05-29');
    expect(due.rule).toBe(
      'Hạn cuối tháng 05/2026. Ngày 31/05/2026 là ngày nghỉ (Nghỉ cuối tuần); hạn cuối tháng giữ trong tháng: ngày làm việc cuối cùng của tháng, thứ Sáu, 29/05/2026 (nhiệm vụ có deadlinePolicy riêng thì áp dụng quy tắc đó)',
    );
    expect(due.ruleEn).toBe(
      "Deadline at the end of 05/2026. 31/05/2026 is a day off (Nghỉ cuối tuần); an end-of-month deadline stays in its month: the month's last working day, Friday, 29/05/2026 (a task with its own deadlinePolicy gets that rule instead)",
    );
  });

  it('end of a month on a holiday (30/4/2026, Giải phóng miền Nam) is Wed 29/4, not Mon 4/5 after 1/5 and the weekend', () => {
    const p = plan2026((i) => {
      const t = i.tasks?.[0];
      if (t) Object.assign(t, { opensOn: '2026-04-01', due: { endOfMonth: true } });
    });
    expect(dueFor(p, buildWorkCalendar(p), p.tasks[0]!).date).toBe('2026-04-29');
  });

  it('an end-of-month task that sets its own deadlinePolicy gets it: FORWARD moves Sun 31/5 to Mon 1/6, KEEP keeps it', () => {
    const due = (deadlinePolicy: 'FORWARD' | 'KEEP' | 'BACKWARD') => {
      const p = plan2026((i) => {
        const t = i.tasks?.[0];
        if (t) Object.assign(t, { opensOn: '2026-05-04', due: { endOfMonth: true }, deadlinePolicy });
      });
      return dueFor(p, buildWorkCalendar(p), p.tasks[0]!);
    };
    expect(due('FORWARD').date).toBe('2026-06-01');
    expect(due('FORWARD').rule).toBe(
      'Hạn cuối tháng 05/2026. Hạn 31/05/2026 rơi vào Chủ nhật; chuyển sang thứ Hai, 01/06/2026 (BLDS 2015 Điều 148 k5)',
    );
    expect(due('KEEP').date).toBe('2026-05-31');
    expect(due('BACKWARD').date).toBe('2026-05-29');
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

describe('every date moved by a day off says why (the preview and the item)', () => {
  // task-03 opens on Mon 27/04/2026 (nghỉ bù Giỗ Tổ) and is due Sat 20/06/2026; task-06 ends with May (Sun 31/05).
  const p = plan2026((i) => {
    const [t3, t6] = i.tasks ?? [];
    if (t3) Object.assign(t3, { opensOn: '2026-04-27', due: { on: '2026-06-20' } });
    if (t6) Object.assign(t6, { opensOn: '2026-05-04' });
  });
  const pcal = buildWorkCalendar(p);
  const items = scheduleItems(p, pcal);
  const row = (locale: 'vi' | 'en', itemId: string, kind: string) =>
    previewRows(p, pcal, locale).find((r) => r.itemId === itemId && r.kind === kind);

  it("a moved opening: the preview's opening row gives the day off and the next working day", () => {
    expect(row('vi', 'task-03', 'open')).toMatchObject({
      date: '2026-04-28',
      rule: 'Ngày giao 27/04/2026 là ngày nghỉ (Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)); giao vào ngày làm việc kế tiếp thứ Ba, 28/04/2026',
    });
    expect(row('en', 'task-03', 'open')?.rule).toBe(
      'Assignment date 27/04/2026 is a day off (Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)); assigned on the next working day Tuesday, 28/04/2026',
    );
  });

  it("a moved deadline: the task's deadline and the report's office deadline carry the rule that moved them", () => {
    const due = (itemId: string) => items.find((i) => i.itemId === itemId)?.units[0]?.due;
    expect(due('task-03')).toMatchObject({
      date: '2026-06-22',
      rule: 'Hạn theo kế hoạch: 20/06/2026. Hạn 20/06/2026 rơi vào thứ Bảy; chuyển sang thứ Hai, 22/06/2026 (BLDS 2015 Điều 148 k5)',
      ruleEn:
        'Deadline set by the plan: 20/06/2026. Deadline 20/06/2026 falls on a Saturday; moved to Monday, 22/06/2026 (Civil Code 2015 art. 148(5))',
    });
    expect(due('task-06')?.date).toBe('2026-05-29');
    expect(due('task-06')?.rule).toMatch(
      /^Hạn cuối tháng 05\/2026\. Ngày 31\/05\/2026 là ngày nghỉ \(Nghỉ cuối tuần\); hạn cuối tháng giữ trong tháng/,
    );
    expect(row('vi', 'report-H1', 'office-due')).toMatchObject({
      date: '2026-06-22',
      rule: 'Văn phòng tổng hợp: ngày 20 tháng cuối kỳ (20/06/2026). Hạn 20/06/2026 rơi vào thứ Bảy; chuyển sang thứ Hai, 22/06/2026 (BLDS 2015 Điều 148 k5)',
    });
    expect(row('en', 'report-H1', 'office-due')?.rule).toBe(
      "Office consolidates: day 20 of the period's last month (20/06/2026). Deadline 20/06/2026 falls on a Saturday; moved to Monday, 22/06/2026 (Civil Code 2015 art. 148(5))",
    );
  });
});
