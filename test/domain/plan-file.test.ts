import { describe, expect, it } from 'vitest';
import { formatProblems, parsePlanText } from '../../domain/plan-file.js';
import type { PlanProblem } from '../../domain/plan-file.js';

/** A valid plan file; tests edit one line of it. Line numbers below refer to this text. */
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
    units:
      - unit: VP
        role: lead
    opensOn: "2026-03-02"
    due: { on: "2026-03-20" }
reporting:
  periods: [Q1, H1]
  officeDeadlineDay: 20
  unitWorkingDaysBeforeOffice: 2
`;

/** `VALID` with `from` replaced by `to` (must occur). */
function edit(from: string, to: string, text = VALID): string {
  if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
  return text.replace(from, to);
}

function problems(text: string, lang: 'vi' | 'en' = 'vi'): PlanProblem[] {
  const r = parsePlanText(text, 'plan.yaml', lang);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('parsePlanText', () => {
  it('accepts the valid file and fills defaults', () => {
    const r = parsePlanText(VALID, 'plan.yaml');
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.plan.defaults).toEqual({
        reminders: [3, 1],
        escalation: { officeAfter: 1, directorAfter: 3 },
        deadlinePolicy: 'FORWARD',
        sendAt: '08:00',
      });
  });

  it('unknown field: at the key, with the field it probably meant', () => {
    expect(problems(edit('    opensOn:', '    openOn:'))).toEqual(
      [
        {
          file: 'plan.yaml',
          line: 32,
          column: 5,
          path: 'tasks[0].openOn',
          message:
            'trường "openOn" không được hỗ trợ; có phải ý là "opensOn"? (các trường hợp lệ: number, title, content, themes, forms, units, opensOn, due, reminders, escalation, deadlinePolicy)',
        },
        {
          file: 'plan.yaml',
          line: 25,
          column: 5,
          path: 'tasks[0].opensOn',
          message: 'thiếu trường bắt buộc "opensOn" (cần chuỗi ký tự)',
        },
      ].sort((a, b) => a.line - b.line),
    );
  });

  it('wrong type: at the value', () => {
    expect(problems(edit('  year: 2026', '  year: "hai nghìn"'))).toEqual([
      {
        file: 'plan.yaml',
        line: 10,
        column: 9,
        path: 'plan.year',
        message: '"hai nghìn" là chuỗi ký tự, cần số nguyên',
      },
    ]);
  });

  it('out of range: the expected range comes from the schema', () => {
    expect(problems(edit('officeDeadlineDay: 20', 'officeDeadlineDay: 32'))).toEqual([
      {
        file: 'plan.yaml',
        line: 36,
        column: 22,
        path: 'reporting.officeDeadlineDay',
        message: '32 ngoài khoảng cho phép (cần 1–31)',
      },
    ]);
  });

  it('missing field: at the mapping that should hold it', () => {
    expect(problems(edit('  email: gd@example.org\n', ''))).toEqual([
      {
        file: 'plan.yaml',
        line: 16,
        column: 3,
        path: 'director.email',
        message: 'thiếu trường bắt buộc "email" (cần chuỗi ký tự)',
      },
    ]);
  });

  it('bad unit reference: names the known units', () => {
    expect(problems(edit('      - unit: VP', '      - unit: KHTC'))).toEqual([
      {
        file: 'plan.yaml',
        line: 30,
        column: 15,
        path: 'tasks[0].units[0].unit',
        message: 'đơn vị "KHTC" không có trong danh sách units (có: VP)',
      },
    ]);
  });

  it('bad date: impossible calendar date, and a deadline before opening', () => {
    expect(problems(edit('due: { on: "2026-03-20" }', 'due: { on: "2026-02-30" }'))).toEqual([
      {
        file: 'plan.yaml',
        line: 33,
        column: 16,
        path: 'tasks[0].due.on',
        message: '"2026-02-30" không phải là ngày hợp lệ (cần yyyy-MM-dd, ví dụ 2026-03-20)',
      },
      {
        file: 'plan.yaml',
        line: 33,
        column: 16,
        path: 'tasks[0].due.on',
        message: 'hạn 2026-02-30 không sau ngày giao 2026-03-02',
      },
    ]);
    expect(problems(edit('opensOn: "2026-03-02"', 'opensOn: "2028-03-02"'))[0]).toEqual({
      file: 'plan.yaml',
      line: 32,
      column: 14,
      path: 'tasks[0].opensOn',
      message: 'ngày 2028-03-02 nằm ngoài các năm 2025–2027 của kế hoạch',
    });
  });

  it('a deadline form that matches none of the three', () => {
    expect(problems(edit('due: { on: "2026-03-20" }', 'due: { in: 5 }'))).toEqual([
      {
        file: 'plan.yaml',
        line: 33,
        column: 10,
        path: 'tasks[0].due',
        message:
          'không khớp dạng nào cho phép: { on: yyyy-MM-dd } | { endOfMonth: true } | { workingDaysAfterOpening: n }',
      },
    ]);
  });

  it('several errors at once, in file order, formatted one per line', () => {
    let text = edit('  code: SGDDT-TEST', '  code: sgddt');
    text = edit('  email: vp@example.org', '  email: van-phong', text);
    text = edit('    forms: [WEBSITE]', '    forms: [WEBSITE, FACEBOOK]', text);
    text = edit('  periods: [Q1, H1]', '  periods: [Q1, Q5]', text);
    const ps = problems(text);
    expect(formatProblems(ps)).toBe(
      [
        'plan.yaml:2:9  organisation.code  "sgddt" không phải là mã hợp lệ (cần chữ in hoa không dấu, chữ số và "-", ví dụ VP, KHTC)',
        'plan.yaml:13:10  office.email  "van-phong" không phải là địa chỉ e-mail hợp lệ',
        'plan.yaml:28:22  tasks[0].forms[1]  hình thức "FACEBOOK" không có trong danh sách forms (có: WEBSITE)',
        'plan.yaml:35:17  reporting.periods[1]  "Q5" không phải là giá trị cho phép (cần một trong: M01, M02, M03, M04, M05, M06, M07, M08, M09, M10, M11, M12, Q1, Q2, Q3, Q4, H1, H2, M9, Y)',
      ].join('\n'),
    );
  });

  it('English messages', () => {
    expect(problems(edit('    opensOn:', '    openOn:'), 'en')[1]?.message).toBe(
      'unknown field "openOn"; did you mean "opensOn"? (accepted fields: number, title, content, themes, forms, units, opensOn, due, reminders, escalation, deadlinePolicy)',
    );
    expect(problems(edit('      - unit: VP', '      - unit: KHTC'), 'en')[0]?.message).toBe(
      'unit "KHTC" is not in units (known: VP)',
    );
    expect(problems(edit('  year: 2026', '  year: "hai nghìn"'), 'en')[0]?.message).toBe(
      '"hai nghìn" is text, expected an integer',
    );
  });

  it('reporting regime problems point at the period (NĐ 09/2019 Điều 8 k5)', () => {
    // office day 15: Q1 15/3/2026 (Sun) → Mon 16/3; units 2 wd earlier → Thu 12/3, before the 14/3 cut-off.
    // H1 15/6 (Mon), units Thu 11/6: both levels fail again. `  periods: [Q1, H1]`: Q1 at column 13, H1 at 17.
    const ps = problems(edit('officeDeadlineDay: 20', 'officeDeadlineDay: 15'));
    expect(ps.map((p) => `${p.line}:${p.column} ${p.path}`)).toEqual([
      '35:13 reporting.periods[0]',
      '35:13 reporting.periods[0]',
      '35:17 reporting.periods[1]',
      '35:17 reporting.periods[1]',
    ]);
    expect(ps[0]?.message).toBe(
      'kỳ Q1: hạn của đơn vị 12/03/2026 không cách ngày chốt số liệu 14/03/2026 ít nhất 1 ngày làm việc (NĐ 09/2019 Điều 8 k5)',
    );
  });

  it('YAML syntax errors and JSON input', () => {
    const [p] = problems('organisation: [\n');
    expect(p?.message.startsWith('lỗi cú pháp YAML: ')).toBe(true);
    expect(p?.line).toBe(2);
    const r = parsePlanText(JSON.stringify({ organisation: {} }), 'plan.json', 'en');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]).toMatchObject({
        line: 1,
        column: 1,
        path: 'director',
        message: 'required field "director" is missing (expected a mapping of key: value)',
      });
  });
});
