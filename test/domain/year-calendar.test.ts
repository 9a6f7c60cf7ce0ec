import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../domain/plan-file.js';
import { planSchema } from '../../domain/plan-schema.js';
import {
  planYearCalendar,
  toneOf,
  type YearCalendar,
  type YearCalendarDay,
  type YearCalendarEvent,
} from '../../domain/year-calendar.js';
import { yearCalendarPlan, yearCalendarPlanInput } from '../fixtures/year-calendar-plan.js';

/** The day of `date` in the calendar's grids (fails the test when it is not shown). */
function day(cal: YearCalendar, date: string): YearCalendarDay {
  for (const m of cal.months) for (const w of m.weeks) for (const d of w) if (d?.date === date) return d;
  throw new Error(`${date} is not in the calendar`);
}

/** `date kind item/unit` of every event, for comparing schedules at a glance. */
const line = (e: YearCalendarEvent) => `${e.date} ${e.kind} ${e.itemId}${e.unit ? `/${e.unit}` : ''}`;
const of = (cal: YearCalendar, itemId: string) => cal.events.filter((e) => e.itemId === itemId).map(line);
/** Where the plan's schedule puts a unit's deadline on an item. */
const plannedDue = (itemId: string, unit: string) =>
  planYearCalendar(yearCalendarPlan, 'vi').events.find(
    (e) => e.itemId === itemId && e.unit === unit && e.kind === 'due-today',
  )!.date;

describe('planYearCalendar: the 2026 plan-year at a glance (VPCP 12729/VPCP-KGVX, BLLĐ 2019)', () => {
  const cal = planYearCalendar(yearCalendarPlan, 'vi');

  it('the fixture is a plan the validator accepts', () => {
    const parsed = parsePlanText(JSON.stringify(yearCalendarPlanInput), 'lich-nam.json', 'vi');
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('twelve months, weeks Monday first, the days of other months left empty', () => {
    expect(cal.months.map((m) => `${m.month}/${m.year}${m.inPlanYear ? '' : '*'}`)).toEqual(
      Array.from({ length: 12 }, (_, i) => `${i + 1}/2026`),
    );
    // January 2026 starts on a Thursday: three empty cells, then 1–4 (Thu–Sun).
    const jan = cal.months[0]!;
    expect(jan.weeks[0]!.map((d) => d?.day ?? null)).toEqual([null, null, null, 1, 2, 3, 4]);
    // February starts on a Sunday and has 28 days: 5 rows, the last Mon 23 – Sat 28 and one empty cell.
    const feb = cal.months[1]!;
    expect(feb.weeks.map((w) => w.map((d) => d?.day ?? null))).toEqual([
      [null, null, null, null, null, null, 1],
      [2, 3, 4, 5, 6, 7, 8],
      [9, 10, 11, 12, 13, 14, 15],
      [16, 17, 18, 19, 20, 21, 22],
      [23, 24, 25, 26, 27, 28, null],
    ]);
    for (const m of cal.months)
      for (const w of m.weeks) {
        expect(w).toHaveLength(7);
        w.forEach((d, i) => d && expect(d.weekday, d.date).toBe(i + 1));
      }
    expect(cal.months.flatMap((m) => m.weeks.flat()).filter(Boolean)).toHaveLength(365);
  });

  it('the days off and working Saturdays of the official 2026 calendar, with their names', () => {
    const kind = (date: string) => {
      const d = day(cal, date);
      return [d.kind, d.note ?? '', d.working];
    };
    expect(kind('2026-01-01')).toEqual(['holiday', 'Tết Dương lịch', false]);
    expect(kind('2026-01-02')).toEqual(['holiday', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)', false]);
    expect(kind('2026-01-10')).toEqual(['working-saturday', 'Làm bù cho thứ Sáu 02/01/2026', true]);
    // Tết Bính Ngọ: the Friday before works; Sat 14/02 – Sun 22/02 off (weekends named as part of the break).
    expect(kind('2026-02-13')).toEqual(['working', '', true]);
    expect(kind('2026-02-14')).toEqual(['holiday', 'Nghỉ Tết Nguyên đán (cuối tuần liền kề)', false]);
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'])
      expect(kind(d), d).toEqual(['holiday', 'Tết Nguyên đán Bính Ngọ', false]);
    expect(kind('2026-02-23')).toEqual(['working', '', true]);
    // Giỗ Tổ on a Sunday, nghỉ bù on Monday; 30/4 and 1/5 (Thu, Fri); then an ordinary weekend.
    expect(kind('2026-04-26')).toEqual(['holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', false]);
    expect(kind('2026-04-27')).toEqual(['holiday', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)', false]);
    expect(kind('2026-04-28')).toEqual(['working', '', true]);
    expect(kind('2026-04-30')).toEqual(['holiday', 'Ngày Chiến thắng 30/4', false]);
    expect(kind('2026-05-01')).toEqual(['holiday', 'Ngày Quốc tế Lao động 1/5', false]);
    expect(kind('2026-05-02')).toEqual(['weekend', '', false]);
    expect(kind('2026-08-22')).toEqual(['working-saturday', 'Làm bù cho thứ Hai 31/08/2026', true]);
    expect(kind('2026-08-31')).toEqual(['holiday', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)', false]);
    expect(kind('2026-09-02')).toEqual(['holiday', 'Quốc khánh 2/9', false]);
    expect(kind('2026-03-07')).toEqual(['weekend', '', false]);
    expect(kind('2026-03-09')).toEqual(['working', '', true]);
    // Every weekday off in 2026 is a named holiday: Tết Dương lịch 1–2/01, Tết 16–20/02, 27/04, 30/04, 01/05,
    // 31/08, 01–02/09.
    const weekdaysOff = cal.months
      .flatMap((m) => m.weeks.flat())
      .filter((d): d is YearCalendarDay => !!d && d.weekday <= 5 && !d.working);
    expect(weekdaysOff.map((d) => d.date.slice(5))).toEqual([
      '01-01',
      '01-02',
      '02-16',
      '02-17',
      '02-18',
      '02-19',
      '02-20',
      '04-27',
      '04-30',
      '05-01',
      '08-31',
      '09-01',
      '09-02',
    ]);
    expect(weekdaysOff.every((d) => d.kind === 'holiday' && d.note)).toBe(true);
  });

  it('the dated task across Tết: reminders before the break, the deadline moved to Mon 23/02 with its rule', () => {
    expect(of(cal, 'task-01')).toEqual([
      '2026-02-09 open task-01',
      '2026-02-11 reminder task-01/KHTC',
      '2026-02-13 reminder task-01/KHTC',
      '2026-02-23 due-today task-01/KHTC',
      '2026-02-24 overdue task-01/KHTC',
      '2026-02-24 escalate-office task-01/KHTC',
      '2026-02-26 escalate-director task-01/KHTC',
    ]);
    const due = cal.events.find((e) => e.itemId === 'task-01' && e.kind === 'due-today')!;
    expect(due).toMatchObject({ marker: 'due-today', itemKind: 'task', unitName: 'Phòng Kế hoạch - Tài chính' });
    expect(due.label).toBe('Đến hạn hôm nay');
    expect(due.rule).toContain(
      'Hạn 20/02/2026 rơi vào thứ Sáu, ngày nghỉ: Tết Nguyên đán Bính Ngọ; chuyển sang thứ Hai, 23/02/2026 (BLDS 2015 Điều 148 k5)',
    );
    expect(cal.events.find((e) => e.itemId === 'task-01' && e.kind === 'open')).toMatchObject({
      marker: 'assign',
      label: 'Giao nhiệm vụ',
      rule: 'Giao nhiệm vụ ngày thứ Hai, 09/02/2026 theo kế hoạch',
    });
    // On the grid: the events sit on their days, none on the days off between.
    expect(day(cal, '2026-02-13').events.map((e) => e.rule)).toEqual([
      'Nhắc trước hạn 1 ngày làm việc (hạn 23/02/2026)',
    ]);
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'])
      expect(day(cal, d).events, d).toEqual([]);
  });

  it('the recurring task keeps April’s deadline in April (Wed 29/04, 30/04 off) and May’s opens after 1/5', () => {
    expect(of(cal, 'task-02-m04')).toEqual([
      '2026-04-01 open task-02-m04',
      '2026-04-23 reminder task-02-m04/TCCB',
      '2026-04-28 reminder task-02-m04/TCCB',
      '2026-04-29 due-today task-02-m04/TCCB',
      '2026-05-04 overdue task-02-m04/TCCB',
      '2026-05-04 escalate-office task-02-m04/TCCB',
      '2026-05-06 escalate-director task-02-m04/TCCB',
    ]);
    const due = cal.events.find((e) => e.itemId === 'task-02-m04' && e.kind === 'due-today')!;
    expect(due.rule).toContain('ngày 30/04/2026 là ngày nghỉ; hạn giữ trong tháng 04/2026');
    expect(of(cal, 'task-02-m05')[0]).toBe('2026-05-04 open task-02-m05');
    expect(cal.events.find((e) => e.itemId === 'task-02-m05' && e.kind === 'due-today')?.date).toBe('2026-05-29');
  });

  it('the reports: requests, cut-offs on the 14th, units’ and office deadlines moved past Tết’s Saturday and 30/4', () => {
    const steps = (itemId: string, kinds: string[]) =>
      cal.events.filter((e) => e.itemId === itemId && kinds.includes(e.kind) && (!e.unit || e.unit === 'KHTC'));
    expect(steps('report-M02', ['open', 'cut-off', 'due-today', 'office-due']).map(line)).toEqual([
      '2026-02-02 open report-M02',
      '2026-02-14 cut-off report-M02',
      '2026-02-26 due-today report-M02/KHTC',
      '2026-03-02 office-due report-M02',
    ]);
    expect(steps('report-M04', ['open', 'cut-off', 'due-today', 'office-due']).map(line)).toEqual([
      '2026-04-01 open report-M04',
      '2026-04-14 cut-off report-M04',
      '2026-04-28 due-today report-M04/KHTC',
      '2026-05-04 office-due report-M04',
    ]);
    const officeDue = cal.events.find((e) => e.itemId === 'report-M04' && e.kind === 'office-due')!;
    expect(officeDue.rule).toContain(
      'Hạn 30/04/2026 rơi vào thứ Năm, ngày nghỉ: Ngày Chiến thắng 30/4; chuyển sang thứ Hai, 04/05/2026',
    );
    expect(officeDue.label).toBe('Hạn Văn phòng tổng hợp');
    const request = cal.events.find((e) => e.itemId === 'report-M02' && e.kind === 'open')!;
    expect(request).toMatchObject({ marker: 'request', itemKind: 'report', label: 'Đề nghị báo cáo' });
    expect(cal.events.find((e) => e.itemId === 'report-M02' && e.kind === 'cut-off')?.rule).toBe(
      'Chốt số liệu kỳ tháng 02: thứ Năm, 15/01/2026 – thứ Bảy, 14/02/2026 (NĐ 09/2019 Điều 12)',
    );
    // The office's own unit reports too but is never escalated to itself.
    expect(cal.events.some((e) => e.unit === 'VP' && e.kind === 'due-today')).toBe(true);
    expect(cal.events.some((e) => e.unit === 'VP' && e.kind === 'escalate-office')).toBe(false);
  });

  it('the ongoing duty has no date of its own: it is listed, and no action carries its number', () => {
    expect(cal.ongoingDuties).toEqual([
      { number: 3, title: 'Thường xuyên đăng tải tin, bài về cải cách hành chính', units: ['KHTC'] },
    ]);
    expect(new Set(cal.events.map((e) => e.itemId))).toEqual(
      new Set(['task-01', 'task-02-m04', 'task-02-m05', 'report-M02', 'report-M04']),
    );
  });

  it('events are in time order and each sits on its own day of the grid', () => {
    const instants = cal.events.map((e) => Date.parse(e.at));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    for (const e of cal.events) expect(day(cal, e.date).events).toContain(e);
    const onGrid = cal.months.flatMap((m) => m.weeks.flat()).reduce((n, d) => n + (d?.events.length ?? 0), 0);
    expect(onGrid).toBe(cal.events.length);
  });

  it('today and the past: only with `today`, on the plan’s own date', () => {
    expect(cal.months.flatMap((m) => m.weeks.flat()).some((d) => d?.isToday || d?.isPast)).toBe(false);
    expect(cal.events.some((e) => e.past)).toBe(false);
    const running = planYearCalendar(yearCalendarPlan, 'vi', { today: '2026-02-24' });
    expect(running.today).toBe('2026-02-24');
    expect(day(running, '2026-02-24')).toMatchObject({ isToday: true, isPast: false });
    expect(day(running, '2026-02-23')).toMatchObject({ isToday: false, isPast: true });
    expect(day(running, '2026-02-25')).toMatchObject({ isToday: false, isPast: false });
    const todays = running.events.filter((e) => e.date === '2026-02-24');
    expect(todays.map(line)).toEqual(['2026-02-24 overdue task-01/KHTC', '2026-02-24 escalate-office task-01/KHTC']);
    expect(todays.every((e) => !e.past)).toBe(true);
    expect(running.events.filter((e) => e.past).map((e) => e.date)).toEqual(
      running.events.filter((e) => e.date < '2026-02-24').map((e) => e.date),
    );
    expect(running.events.find((e) => e.kind === 'reminder' && e.date === '2026-02-11')?.past).toBe(true);
  });

  it('a running plan shows what changed since its schedule: an extension, a reassigned unit, an ad hoc report', () => {
    const running = planYearCalendar(yearCalendarPlan, 'vi', {
      today: '2026-03-03',
      states: { 'task-01/KHTC': 'done-late', 'report-adhoc-1/TCCB': 'pending-in-time' },
      current: [
        // KHTC's deadline of 23/02 extended to 02/03; KHTC itself given task-02-m04 beside TCCB; the rest as planned.
        {
          itemId: 'task-01',
          itemKind: 'task',
          title: 'x',
          unit: 'KHTC',
          due: '2026-03-02',
          opensAt: '2026-02-09T08:00:00.000+07:00',
        },
        {
          itemId: 'report-M02',
          itemKind: 'report',
          title: 'x',
          unit: 'KHTC',
          due: plannedDue('report-M02', 'KHTC'),
          opensAt: '2026-02-01T08:00:00.000+07:00',
        },
        {
          itemId: 'task-02-m04',
          itemKind: 'task',
          title: 'Nhiệm vụ tháng 4',
          unit: 'KHTC',
          due: '2026-04-29',
          opensAt: '2026-04-01T08:00:00.000+07:00',
        },
        {
          itemId: 'report-adhoc-1',
          itemKind: 'report',
          title: 'Báo cáo đột xuất về tin giả',
          unit: 'TCCB',
          due: '2026-03-10',
          opensAt: '2026-03-04T09:30:00.000+07:00',
        },
      ],
    });
    const planned = running.events.find(
      (e) => e.itemId === 'task-01' && e.kind === 'due-today' && e.date === '2026-02-23',
    )!;
    expect(planned.rule).toMatch(/Đã gia hạn đến 02\/03\/2026\.$/);
    expect(running.events.find((e) => e.itemId === 'task-01' && e.date === '2026-03-02')).toMatchObject({
      kind: 'due-today',
      marker: 'due-today',
      unitName: 'Phòng Kế hoạch - Tài chính',
      label: 'Hạn mới (gia hạn)',
      rule: 'Văn phòng gia hạn từ 23/02/2026',
      state: 'done-late',
      tone: 'late',
      past: true,
    });
    expect(day(running, '2026-03-02').events.map((e) => e.label)).toContain('Hạn mới (gia hạn)');
    // A deadline as planned adds nothing.
    expect(
      running.events.filter((e) => e.itemId === 'report-M02' && e.unit === 'KHTC' && e.kind === 'due-today'),
    ).toHaveLength(1);
    expect(running.events.find((e) => e.itemId === 'task-02-m04' && e.unit === 'KHTC')).toMatchObject({
      label: 'Hạn (giao lại)',
      date: '2026-04-29',
    });
    expect(of(running, 'report-adhoc-1')).toEqual([
      '2026-03-04 open report-adhoc-1',
      '2026-03-10 due-today report-adhoc-1/TCCB',
    ]);
    expect(running.events.find((e) => e.itemId === 'report-adhoc-1' && e.kind === 'open')).toMatchObject({
      marker: 'request',
      label: 'Đề nghị báo cáo đột xuất',
      past: false,
    });
    expect(running.events.find((e) => e.itemId === 'report-adhoc-1' && e.unit === 'TCCB')).toMatchObject({
      tone: 'open',
    });
    const instants = running.events.map((e) => Date.parse(e.at));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
  });

  it('states colour the events: a unit’s own state wins over its item’s; unknown states stay uncoloured', () => {
    const running = planYearCalendar(yearCalendarPlan, 'vi', {
      today: '2026-03-03',
      states: {
        'task-01': 'pending-in-time',
        'task-01/KHTC': 'overdue',
        'report-M02': 'accepted',
        'task-02-m04': 'xyz',
      },
    });
    const tones = (itemId: string) => [
      ...new Set(running.events.filter((e) => e.itemId === itemId).map((e) => e.tone)),
    ];
    expect(running.events.find((e) => e.itemId === 'task-01' && e.kind === 'open')).toMatchObject({
      state: 'pending-in-time',
      tone: 'open',
    });
    expect(running.events.find((e) => e.itemId === 'task-01' && e.kind === 'due-today')).toMatchObject({
      state: 'overdue',
      tone: 'overdue',
    });
    expect(tones('report-M02')).toEqual(['done']);
    expect(running.events.find((e) => e.itemId === 'task-02-m04')).toMatchObject({ state: 'xyz' });
    expect(tones('task-02-m04')).toEqual([undefined]);
    expect(tones('report-M04')).toEqual([undefined]);
    expect(
      ['done-on-time', 'done-late', 'overdue', 'open', 'submitted', 'accepted', 'closed', 'cancelled'].map(toneOf),
    ).toEqual(['done', 'late', 'overdue', 'open', 'open', 'done', 'done', 'cancelled']);
    expect(toneOf('constructor')).toBeUndefined();
  });

  it('in English: the rules and labels in English, the official names of the days as the documents write them', () => {
    const en = planYearCalendar(yearCalendarPlan, 'en');
    const due = en.events.find((e) => e.itemId === 'task-01' && e.kind === 'due-today')!;
    expect(due.label).toBe('Due today');
    expect(due.rule).toContain(
      'Deadline 20/02/2026 falls on a Friday, a day off (Tết Nguyên đán Bính Ngọ); moved to Monday, 23/02/2026',
    );
    expect(day(en, '2026-02-17').note).toBe('Tết Nguyên đán Bính Ngọ');
  });

  it('a calendar the office uploaded replaces the built-in year: its days off move the dates', () => {
    const uploaded = {
      year: 2026,
      source: 'Thông báo thử nghiệm 01/TB-UBND',
      days: [{ date: '2026-02-23', kind: 'off' as const, name: 'Nghỉ thêm sau Tết (thử nghiệm)' }],
    };
    const cal2 = planYearCalendar(yearCalendarPlan, 'vi', { calendarYears: [uploaded] });
    expect(day(cal2, '2026-02-23')).toMatchObject({ kind: 'holiday', note: 'Nghỉ thêm sau Tết (thử nghiệm)' });
    // Only what the upload says: Tết itself is now an ordinary week, so the deadline stays on Fri 20/02.
    expect(day(cal2, '2026-02-17').kind).toBe('working');
    expect(cal2.events.find((e) => e.itemId === 'task-01' && e.kind === 'due-today')?.date).toBe('2026-02-20');
    expect(cal2.calendarYears.find((y) => y.year === 2026)).toEqual({
      year: 2026,
      source: 'Thông báo thử nghiệm 01/TB-UBND',
      provisional: false,
    });
    expect(cal.calendarYears.map((y) => [y.year, y.provisional])).toEqual([
      [2025, false],
      [2026, false],
      [2027, true],
    ]);
  });

  it('a month outside the plan year is shown when an action falls in it, its days marked outside', () => {
    const december = planSchema().parse({
      ...yearCalendarPlanInput,
      // Due Thu 31/12/2026; overdue on the next working day after Tết Dương lịch 2027 (Fri 01/01, computed).
      recurringTasks: [
        { ...yearCalendarPlanInput.recurringTasks[0]!, from: '2026-12', to: '2026-12', due: { day: 31 } },
      ],
    });
    const cal3 = planYearCalendar(december, 'vi');
    expect(cal3.months.map((m) => `${m.month}/${m.year}${m.inPlanYear ? '' : '*'}`).slice(-2)).toEqual([
      '12/2026',
      '1/2027*',
    ]);
    expect(day(cal3, '2027-01-01')).toMatchObject({ kind: 'outside', note: 'Tết Dương lịch', working: false });
    expect(day(cal3, '2027-01-04')).toMatchObject({ kind: 'outside', working: true, provisional: true });
    const overdue = cal3.events.find((e) => e.itemId === 'task-02-m12' && e.kind === 'overdue')!;
    expect(overdue).toMatchObject({ date: '2027-01-04', provisional: true });
    expect(day(cal3, '2026-12-31')).toMatchObject({ kind: 'working', provisional: false });
  });
});
