import { describe, expect, it } from 'vitest';
import { formatProblems, parsePlanText } from '../../domain/plan-file.js';

/**
 * The checks a clerk needs on a plan as it is written (issue "Plans as they are written", point 4): each names the
 * field to change and what would be valid, in Vietnamese and English. Line numbers refer to `VALID`.
 */
const VALID = `organisation:
  code: SGDDT-TEST
  name: Sở thử nghiệm
  placeName: Thử nghiệm
  symbol: SGDĐT
plan:
  number: 01/KH-SGDĐT
  title: Tuyên truyền CCHC năm 2026
  signedOn: "2026-01-05"
  year: 2026
office:
  name: Văn phòng
  email: vp@example.org
  unit: VP
director:
  name: Giám đốc
  email: gd@example.org
units:
  - code: VP
    name: Văn phòng Sở
    head: { name: A, email: vp@example.org }
forms:
  - { code: WEBSITE, title: Website }
tasks:
  - number: 1
    title: Đăng tin
    content: Đăng tin CCHC.
    forms: [WEBSITE]
    units: [{ unit: VP, role: lead }]
    opensOn: "2026-03-02"
    due: { on: "2026-03-20" }
reporting:
  periods: [Q1, H1]
  officeDeadlineDay: 20
  unitWorkingDaysBeforeOffice: 2
`;

/** `VALID` with each `[from, to]` replaced (each `from` must occur). */
function edit(...pairs: [string, string][]): string {
  return pairs.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
    return text.replace(from, to);
  }, VALID);
}

/** The 2022 plan of the same file: a year whose 31/12 is a Saturday and whose 02/01/2023 is the nghỉ bù of 1/1. */
const in2022 = (...pairs: [string, string][]) =>
  edit(['signedOn: "2026-01-05"', 'signedOn: "2022-01-05"'], ['year: 2026', 'year: 2022'], ...pairs);

/** `file:line:col  path  message` of every problem, in `lang`. */
function lines(text: string, lang: 'vi' | 'en'): string[] {
  const r = parsePlanText(text, 'plan.yaml', lang);
  return r.ok ? [] : formatProblems(r.problems).split('\n');
}

describe('the plan year, precisely per field', () => {
  it('accepts the valid file, and a plan signed in the year before', () => {
    expect(lines(VALID, 'vi')).toEqual([]);
    expect(lines(edit(['signedOn: "2026-01-05"', 'signedOn: "2025-12-22"']), 'vi')).toEqual([]);
  });

  it("a task's opening and deadline in the next year (allowed until now: year-1..year+1)", () => {
    const text = edit(
      ['opensOn: "2026-03-02"', 'opensOn: "2027-01-05"'],
      ['due: { on: "2026-03-20" }', 'due: { on: "2027-01-20" }'],
    );
    expect(lines(text, 'vi')).toEqual([
      'plan.yaml:30:14  tasks[0].opensOn  ngày giao 2027-01-05 không thuộc năm kế hoạch 2026 (cần từ 2026-01-01 đến 2026-12-31)',
      'plan.yaml:31:16  tasks[0].due.on  hạn 2027-01-20 không thuộc năm kế hoạch 2026 (cần từ 2026-01-01 đến 2026-12-31)',
    ]);
    expect(lines(text, 'en')).toEqual([
      'plan.yaml:30:14  tasks[0].opensOn  opening date 2027-01-05 is not in the plan year 2026 (expected 2026-01-01 … 2026-12-31)',
      'plan.yaml:31:16  tasks[0].due.on  deadline 2027-01-20 is not in the plan year 2026 (expected 2026-01-01 … 2026-12-31)',
    ]);
  });

  it('a task in the year before, even when the plan was signed then', () => {
    const text = edit(
      ['signedOn: "2026-01-05"', 'signedOn: "2025-11-20"'],
      ['opensOn: "2026-03-02"', 'opensOn: "2025-12-01"'],
      ['due: { on: "2026-03-20" }', 'due: { on: "2025-12-19" }'],
    );
    expect(lines(text, 'vi')).toEqual([
      'plan.yaml:30:14  tasks[0].opensOn  ngày giao 2025-12-01 không thuộc năm kế hoạch 2026 (cần từ 2026-01-01 đến 2026-12-31)',
      'plan.yaml:31:16  tasks[0].due.on  hạn 2025-12-19 không thuộc năm kế hoạch 2026 (cần từ 2026-01-01 đến 2026-12-31)',
    ]);
  });

  it('the signing date: in the plan year or the year before, never after; tasks are then not measured against it', () => {
    const next = edit(['signedOn: "2026-01-05"', 'signedOn: "2027-01-04"']);
    expect(lines(next, 'vi')).toEqual([
      'plan.yaml:9:13  plan.signedOn  ngày ký 2027-01-04 phải thuộc năm kế hoạch 2026 hoặc năm trước đó (cần từ 2025-01-01 đến 2026-12-31)',
    ]);
    expect(lines(next, 'en')).toEqual([
      'plan.yaml:9:13  plan.signedOn  signing date 2027-01-04 must be in the plan year 2026 or the year before (expected 2025-01-01 … 2026-12-31)',
    ]);
    expect(lines(edit(['signedOn: "2026-01-05"', 'signedOn: "2024-12-31"']), 'en')).toEqual([
      'plan.yaml:9:13  plan.signedOn  signing date 2024-12-31 must be in the plan year 2026 or the year before (expected 2025-01-01 … 2026-12-31)',
    ]);
  });

  it('a calendar override outside the plan year, before or after it', () => {
    const text = edit([
      '  unitWorkingDaysBeforeOffice: 2\n',
      '  unitWorkingDaysBeforeOffice: 2\ncalendar:\n  overrides:\n' +
        '    - { date: "2027-01-04", kind: working, reason: Làm bù }\n' +
        '    - { date: "2025-12-31", kind: off, reason: Nghỉ }\n' +
        '    - { date: "2026-05-04", kind: off, reason: Nghỉ bù }\n',
    ]);
    expect(lines(text, 'vi')).toEqual([
      'plan.yaml:38:15  calendar.overrides[0].date  ngày điều chỉnh lịch 2027-01-04 không thuộc năm kế hoạch 2026 (cần từ 2026-01-01 đến 2026-12-31)',
      'plan.yaml:39:15  calendar.overrides[1].date  ngày điều chỉnh lịch 2025-12-31 không thuộc năm kế hoạch 2026 (cần từ 2026-01-01 đến 2026-12-31)',
    ]);
    expect(lines(text, 'en')).toEqual([
      'plan.yaml:38:15  calendar.overrides[0].date  calendar override 2027-01-04 is not in the plan year 2026 (expected 2026-01-01 … 2026-12-31)',
      'plan.yaml:39:15  calendar.overrides[1].date  calendar override 2025-12-31 is not in the plan year 2026 (expected 2026-01-01 … 2026-12-31)',
    ]);
  });
});

describe('nothing opens or falls due before the plan is signed (plan.signedOn)', () => {
  it("a task's opening and deadline", () => {
    const text = edit(
      ['signedOn: "2026-01-05"', 'signedOn: "2026-03-05"'],
      ['due: { on: "2026-03-20" }', 'due: { on: "2026-03-04" }'],
      ['periods: [Q1, H1]', 'periods: [H1]'],
    );
    expect(lines(text, 'vi')).toEqual([
      'plan.yaml:30:14  tasks[0].opensOn  ngày giao 2026-03-02 trước ngày ký kế hoạch 2026-03-05 (plan.signedOn): không giao nhiệm vụ trước khi kế hoạch được ký; cần opensOn từ 2026-03-05 trở đi',
      'plan.yaml:31:16  tasks[0].due.on  hạn 2026-03-04 trước ngày ký kế hoạch 2026-03-05 (plan.signedOn): không có hạn nào trước khi kế hoạch được ký; cần due.on sau 2026-03-05',
    ]);
    expect(lines(text, 'en')).toEqual([
      'plan.yaml:30:14  tasks[0].opensOn  opening date 2026-03-02 is before the plan was signed on 2026-03-05 (plan.signedOn): no task opens before the plan exists; expected opensOn on or after 2026-03-05',
      'plan.yaml:31:16  tasks[0].due.on  deadline 2026-03-04 is before the plan was signed on 2026-03-05 (plan.signedOn): nothing falls due before the plan exists; expected due.on after 2026-03-05',
    ]);
  });

  it('a recurring task whose first occurrences are due before the signing date: the first month that is not', () => {
    // Monthly on the 10th from January; signed Sun 15/02/2026: 10/01 and 10/02 are gone, March is the first.
    const text = edit(
      ['signedOn: "2026-01-05"', 'signedOn: "2026-02-15"'],
      [
        'reporting:\n',
        'recurringTasks:\n  - number: 2\n    title: Sinh hoạt\n    content: Sinh hoạt hàng tháng.\n    forms: [WEBSITE]\n' +
          '    units: [{ unit: VP, role: lead }]\n    every: month\n    from: "2026-01"\n    to: "2026-12"\n' +
          '    due: { day: 10 }\nreporting:\n',
      ],
    );
    expect(lines(text, 'vi')).toEqual([
      'plan.yaml:39:11  recurringTasks[0].from  kỳ tháng 02/2026 có hạn 10/02/2026 (cùng 1 kỳ trước đó), trước ngày ký kế hoạch 15/02/2026 (plan.signedOn): cần from: 2026-03, kỳ đầu tiên có hạn từ ngày ký trở đi',
    ]);
    expect(lines(text, 'en')).toEqual([
      'plan.yaml:39:11  recurringTasks[0].from  the 02/2026 occurrence is due 10/02/2026 (with 1 before it), before the plan was signed on 15/02/2026 (plan.signedOn): expected from: 2026-03, the first occurrence due on or after the signing date',
    ]);
  });

  it("a report period whose units' deadline falls before the signing date", () => {
    // Q1: office Fri 20/03, units 2 working days earlier, Wed 18/03; the plan is signed Thu 19/03.
    const text = edit(
      ['signedOn: "2026-01-05"', 'signedOn: "2026-03-19"'],
      ['opensOn: "2026-03-02"', 'opensOn: "2026-03-19"'],
      ['due: { on: "2026-03-20" }', 'due: { on: "2026-03-31" }'],
    );
    expect(lines(text, 'vi')).toEqual([
      'plan.yaml:33:13  reporting.periods[0]  kỳ Q1: hạn của đơn vị 18/03/2026 trước ngày ký kế hoạch 19/03/2026 (plan.signedOn), kỳ này không thể báo cáo theo kế hoạch: bỏ Q1 khỏi reporting.periods',
    ]);
    expect(lines(text, 'en')).toEqual([
      "plan.yaml:33:13  reporting.periods[0]  period Q1: the units' deadline 18/03/2026 is before the plan was signed on 19/03/2026 (plan.signedOn), so the plan cannot ask for this period: remove Q1 from reporting.periods",
    ]);
  });
});

describe('reporting.periods: no repeat, no two periods closing in the same month (errors: "remove X")', () => {
  const periods = (list: string) => edit(['periods: [Q1, H1]', `periods: [${list}]`]);

  it('the CCHC regime Q1, H1, Q3, Y (cumulative, closing in different months) passes', () => {
    expect(lines(periods('Q1, H1, Q3, Y'), 'vi')).toEqual([]);
  });

  it('the same period twice', () => {
    expect(lines(periods('Q1, H1, Q1'), 'vi')).toEqual([
      'plan.yaml:33:21  reporting.periods[2]  kỳ Q1 đã có ở reporting.periods[0]; mỗi kỳ chỉ báo cáo một lần: bỏ Q1 lặp lại này',
    ]);
    expect(lines(periods('Q1, H1, Q1'), 'en')).toEqual([
      'plan.yaml:33:21  reporting.periods[2]  period Q1 is already asked at reporting.periods[0]; each period is reported once: remove this repeated Q1',
    ]);
  });

  it('Q1 + Q2 + H1: H1 covers Q2 and falls due with it in June (Q1, in March, stays)', () => {
    expect(lines(periods('Q1, Q2, H1'), 'vi')).toEqual([
      'plan.yaml:33:17  reporting.periods[1]  kỳ Q2 (quý II) trùng với kỳ H1 (6 tháng đầu năm): cả hai cùng hạn trong tháng 06 và kỳ H1 đã gồm số liệu của kỳ Q2; bỏ Q2 khỏi reporting.periods (báo cáo 6 tháng đầu năm thay cho báo cáo quý II)',
    ]);
    expect(lines(periods('Q1, Q2, H1'), 'en')).toEqual([
      'plan.yaml:33:17  reporting.periods[1]  period Q2 overlaps H1 (first half-year): both fall due in June and H1 already covers Q2; remove Q2 from reporting.periods (the H1 report replaces the Q2 report)',
    ]);
  });

  it('Q4 with Y: the annual report replaces Q4', () => {
    expect(lines(periods('Q1, H1, Q3, Q4, Y'), 'vi')).toEqual([
      'plan.yaml:33:25  reporting.periods[3]  kỳ Q4 (quý IV) trùng với kỳ Y (năm): cả hai cùng hạn trong tháng 12 và kỳ Y đã gồm số liệu của kỳ Q4; bỏ Q4 khỏi reporting.periods (báo cáo năm thay cho báo cáo quý IV)',
    ]);
    expect(lines(periods('Q1, H1, Q3, Q4, Y'), 'en')).toEqual([
      'plan.yaml:33:25  reporting.periods[3]  period Q4 overlaps Y (annual): both fall due in December and Y already covers Q4; remove Q4 from reporting.periods (the Y report replaces the Q4 report)',
    ]);
  });

  it('M03 with Q1, and every December period against the annual report', () => {
    expect(lines(periods('M03, Q1'), 'vi')).toEqual([
      'plan.yaml:33:13  reporting.periods[0]  kỳ M03 (tháng 03) trùng với kỳ Q1 (quý I): cả hai cùng hạn trong tháng 03 và kỳ Q1 đã gồm số liệu của kỳ M03; bỏ M03 khỏi reporting.periods (báo cáo quý I thay cho báo cáo tháng 03)',
    ]);
    expect(lines(periods('M03, Q1'), 'en')).toEqual([
      'plan.yaml:33:13  reporting.periods[0]  period M03 (month 03) overlaps Q1: both fall due in March and Q1 already covers M03; remove M03 from reporting.periods (the Q1 report replaces the M03 report)',
    ]);
    expect(lines(periods('M12, Q4, H2, Y'), 'en')).toEqual([
      'plan.yaml:33:13  reporting.periods[0]  period M12 (month 12) overlaps Y (annual): both fall due in December and Y already covers M12; remove M12 from reporting.periods (the Y report replaces the M12 report)',
      'plan.yaml:33:18  reporting.periods[1]  period Q4 overlaps Y (annual): both fall due in December and Y already covers Q4; remove Q4 from reporting.periods (the Y report replaces the Q4 report)',
      'plan.yaml:33:22  reporting.periods[2]  period H2 (second half-year) overlaps Y (annual): both fall due in December and Y already covers H2; remove H2 from reporting.periods (the Y report replaces the H2 report)',
    ]);
  });
});

describe('a date that does not exist says so', () => {
  it('29/02 of a common year (seed 003 was signed "ngày 29 tháng 02 năm 2022")', () => {
    const text = in2022(
      ['signedOn: "2022-01-05"', 'signedOn: "2022-02-29"'],
      ['opensOn: "2026-03-02"', 'opensOn: "2022-03-02"'],
      ['due: { on: "2026-03-20" }', 'due: { on: "2022-03-21" }'],
    );
    expect(lines(text, 'vi')).toEqual([
      'plan.yaml:9:13  plan.signedOn  "2022-02-29" không phải là ngày có thật: năm 2022 không có ngày 29/02 (tháng 02/2022 có 28 ngày, ngày cuối là 2022-02-28)',
    ]);
    expect(lines(text, 'en')).toEqual([
      'plan.yaml:9:13  plan.signedOn  "2022-02-29" is not a real date: 2022 has no 29 February (February 2022 has 28 days, the last is 2022-02-28)',
    ]);
  });

  it('31/04, month 13 and day 00; a date of the wrong shape keeps the general message', () => {
    const text = edit(
      ['opensOn: "2026-03-02"', 'opensOn: "2026-04-31"'],
      ['due: { on: "2026-03-20" }', 'due: { on: "2026-13-01" }'],
    );
    expect(lines(text, 'vi')).toEqual([
      'plan.yaml:30:14  tasks[0].opensOn  "2026-04-31" không phải là ngày có thật: tháng 04 chỉ có 30 ngày (ngày cuối là 2026-04-30)',
      'plan.yaml:31:16  tasks[0].due.on  "2026-13-01" không phải là ngày có thật: không có tháng 13 (tháng từ 01 đến 12, dạng yyyy-MM-dd)',
    ]);
    expect(lines(text, 'en')).toEqual([
      'plan.yaml:30:14  tasks[0].opensOn  "2026-04-31" is not a real date: April has only 30 days (the last is 2026-04-30)',
      'plan.yaml:31:16  tasks[0].due.on  "2026-13-01" is not a real date: there is no month 13 (months run 01–12, as yyyy-MM-dd)',
    ]);
    expect(lines(edit(['opensOn: "2026-03-02"', 'opensOn: "2026-04-00"']), 'vi')).toEqual([
      'plan.yaml:30:14  tasks[0].opensOn  "2026-04-00" không phải là ngày có thật: không có ngày 00 (tháng 04 có các ngày 01–30)',
    ]);
    expect(lines(edit(['opensOn: "2026-03-02"', 'opensOn: "2026-4-1"']), 'en')).toEqual([
      'plan.yaml:30:14  tasks[0].opensOn  "2026-4-1" is not a valid date (expected yyyy-MM-dd, e.g. 2026-03-20)',
    ]);
  });
});

describe('NĐ 09/2019 Điều 8 k5: at least one working day strictly between the cut-off and the deadline', () => {
  it('cut-off Mon 14/09, units due Tue 15/09: says there is none in between, and which field gives one', () => {
    // office day 17 = Thu 17/09/2026; units 2 working days earlier = Tue 15/09. Units 1 day earlier (Wed 16/09) or
    // office day 18 (Fri 18/09, units Wed 16/09) leaves Tue 15/09 between.
    const text = edit(['periods: [Q1, H1]', 'periods: [Q3]'], ['officeDeadlineDay: 20', 'officeDeadlineDay: 17']);
    expect(lines(text, 'vi')).toEqual([
      'plan.yaml:33:13  reporting.periods[0]  kỳ Q3: giữa ngày chốt số liệu 14/09/2026 và hạn của đơn vị 15/09/2026 không có ngày làm việc nào (NĐ 09/2019 Điều 8 k5 cần ít nhất 1 ngày làm việc giữa ngày chốt số liệu và hạn gửi báo cáo, ở mỗi cấp): giảm unitWorkingDaysBeforeOffice xuống 1 hoặc tăng officeDeadlineDay lên 18',
    ]);
    expect(lines(text, 'en')).toEqual([
      "plan.yaml:33:13  reporting.periods[0]  period Q3: there is no working day between the cut-off 14/09/2026 and the units' deadline 15/09/2026 (Decree 09/2019 art. 8(5) requires at least 1 working day between the cut-off day and the deadline, at each level): lower unitWorkingDaysBeforeOffice to 1 or raise officeDeadlineDay to 18",
    ]);
    expect(
      lines(edit(['periods: [Q1, H1]', 'periods: [Q3]'], ['officeDeadlineDay: 20', 'officeDeadlineDay: 18']), 'vi'),
    ).toEqual([]);
  });
});

describe('a deadline never leaves the plan year', () => {
  it('a dated task due Sat 31/12/2022, moved FORWARD past 1/1 and its nghỉ bù to Tue 03/01/2023', () => {
    const text = in2022(
      ['opensOn: "2026-03-02"', 'opensOn: "2022-12-01"'],
      ['due: { on: "2026-03-20" }', 'due: { on: "2022-12-31" }'],
      ['periods: [Q1, H1]', 'periods: [Q1]'],
    );
    expect(lines(text, 'vi')).toEqual([
      'plan.yaml:31:16  tasks[0].due.on  hạn 2022-12-31 là ngày nghỉ (thứ Bảy) và deadlinePolicy FORWARD chuyển hạn sang 03/01/2023, sang năm 2023; hạn không được ra khỏi năm kế hoạch 2022: đặt deadlinePolicy: BACKWARD cho nhiệm vụ (hạn 30/12/2022) hoặc chọn due.on sớm hơn, muộn nhất 2022-12-30',
    ]);
    expect(lines(text, 'en')).toEqual([
      'plan.yaml:31:16  tasks[0].due.on  deadline 2022-12-31 is a day off (Saturday) and deadlinePolicy FORWARD moves it to 03/01/2023, into 2023; a deadline must stay in the plan year 2022: set deadlinePolicy: BACKWARD on the task (deadline 30/12/2022) or an earlier due.on, 2022-12-30 at the latest',
    ]);
    expect(
      lines(text.replace('due: { on: "2022-12-31" }', 'due: { on: "2022-12-31" }\n    deadlinePolicy: BACKWARD'), 'vi'),
    ).toEqual([]);
  });

  it("the annual report's office deadline on the 31st", () => {
    const text = in2022(
      ['opensOn: "2026-03-02"', 'opensOn: "2022-03-01"'],
      ['due: { on: "2026-03-20" }', 'due: { on: "2022-03-21" }'],
      ['periods: [Q1, H1]', 'periods: [Y]'],
      ['officeDeadlineDay: 20', 'officeDeadlineDay: 31'],
    );
    expect(lines(text, 'vi')).toEqual([
      'plan.yaml:33:13  reporting.periods[0]  kỳ Y: hạn của Văn phòng 31/12/2022 là ngày nghỉ và deadlinePolicy FORWARD chuyển hạn sang 03/01/2023, sang năm 2023; hạn không được ra khỏi năm kế hoạch 2022: đặt reporting.deadlinePolicy: BACKWARD (hạn 30/12/2022) hoặc giảm officeDeadlineDay xuống 30',
    ]);
    expect(lines(text, 'en')).toEqual([
      "plan.yaml:33:13  reporting.periods[0]  period Y: the office's deadline 31/12/2022 is a day off and deadlinePolicy FORWARD moves it to 03/01/2023, into 2023; a deadline must stay in the plan year 2022: set reporting.deadlinePolicy: BACKWARD (deadline 30/12/2022) or lower officeDeadlineDay to 30",
    ]);
  });

  it('an end-of-December deadline stays in December by default; a task that asks for FORWARD is told why not', () => {
    const endOfMonth = (policy: string) =>
      in2022(
        ['opensOn: "2026-03-02"', 'opensOn: "2022-12-01"'],
        ['due: { on: "2026-03-20" }', `due: { endOfMonth: true }${policy}`],
        ['periods: [Q1, H1]', 'periods: [Q1]'],
      );
    expect(lines(endOfMonth(''), 'vi')).toEqual([]);
    expect(lines(endOfMonth('\n    deadlinePolicy: FORWARD'), 'vi')).toEqual([
      'plan.yaml:32:21  tasks[0].deadlinePolicy  hạn cuối tháng 31/12/2022 là ngày nghỉ (thứ Bảy) và deadlinePolicy FORWARD của nhiệm vụ chuyển hạn sang 03/01/2023, sang năm 2023; hạn không được ra khỏi năm kế hoạch 2022: đổi deadlinePolicy thành BACKWARD hoặc bỏ deadlinePolicy (hạn cuối tháng khi đó là ngày làm việc cuối tháng, 30/12/2022)',
    ]);
    expect(lines(endOfMonth('\n    deadlinePolicy: FORWARD'), 'en')).toEqual([
      "plan.yaml:32:21  tasks[0].deadlinePolicy  the end-of-month deadline 31/12/2022 is a day off (Saturday) and the task's deadlinePolicy FORWARD moves it to 03/01/2023, into 2023; a deadline must stay in the plan year 2022: set deadlinePolicy to BACKWARD or remove it (the deadline is then the month's last working day, 30/12/2022)",
    ]);
  });

  it('working days after an opening late in December, and an opening on the last day off of the year', () => {
    // Mon 21/12/2026 + 10 working days: 22–25, 28–31 (8), 01/01/2027 off, 04/01 (9), 05/01 (10).
    const late = edit(
      ['opensOn: "2026-03-02"', 'opensOn: "2026-12-21"'],
      ['due: { on: "2026-03-20" }', 'due: { workingDaysAfterOpening: 10 }'],
    );
    expect(lines(late, 'vi')).toEqual([
      'plan.yaml:31:37  tasks[0].due.workingDaysAfterOpening  hạn 10 ngày làm việc sau ngày giao 21/12/2026 là 05/01/2027, sang năm 2027; hạn không được ra khỏi năm kế hoạch 2026: cần workingDaysAfterOpening tối đa 8 (hạn 31/12/2026)',
    ]);
    expect(lines(late, 'en')).toEqual([
      'plan.yaml:31:37  tasks[0].due.workingDaysAfterOpening  the deadline 10 working days after the opening on 21/12/2026 is 05/01/2027, in 2027; a deadline must stay in the plan year 2026: expected workingDaysAfterOpening of at most 8 (deadline 31/12/2026)',
    ]);
    const opening = in2022(
      ['opensOn: "2026-03-02"', 'opensOn: "2022-12-31"'],
      ['due: { on: "2026-03-20" }', 'due: { endOfMonth: true }'],
      ['periods: [Q1, H1]', 'periods: [Q1]'],
    );
    expect(lines(opening, 'vi')).toEqual([
      'plan.yaml:30:14  tasks[0].opensOn  ngày giao 2022-12-31 là ngày nghỉ (thứ Bảy) nên việc giao chuyển sang 03/01/2023, sang năm 2023; cần opensOn là ngày làm việc trong năm kế hoạch 2022, muộn nhất 2022-12-30',
    ]);
    expect(lines(opening, 'en')).toEqual([
      'plan.yaml:30:14  tasks[0].opensOn  opening date 2022-12-31 is a day off (Saturday), so the task would open on 03/01/2023, in 2023; expected an opensOn that is a working day of the plan year 2022, 2022-12-30 at the latest',
    ]);
  });
});
