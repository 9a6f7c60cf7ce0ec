import { describe, expect, it } from 'vitest';
import { formatProblems, parsePlanText } from '../../domain/plan-file.js';
import type { PlanProblem } from '../../domain/plan-file.js';
import { notPlanFiles } from './fixtures/not-plan-files.js';

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

function problems(text: string | Uint8Array, lang: 'vi' | 'en' = 'vi'): PlanProblem[] {
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

  it('the plan it carries out and the body it reports to: read, defaulted, and never the body itself', () => {
    const linked = edit(
      '  year: 2026\n',
      '  year: 2026\n  carriesOut: { number: 216/KH-UBND, signedOn: "2026-01-02", org: UBND-TEST }\n',
    );
    const r = parsePlanText(
      edit('  symbol: SGDĐT\n', '  symbol: SGDĐT\n  reportsTo: UBND-TEST\n', linked),
      'plan.yaml',
    );
    expect(r.ok && r.plan.plan.carriesOut).toEqual({
      kind: 'Kế hoạch',
      number: '216/KH-UBND',
      signedOn: '2026-01-02',
      org: 'UBND-TEST',
    });
    expect(r.ok && r.plan.organisation.reportsTo).toBe('UBND-TEST');
    expect(problems(edit('org: UBND-TEST', 'org: SGDDT-TEST', linked)).map((p) => [p.path, p.line])).toEqual([
      ['plan.carriesOut.org', 11],
    ]);
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

  it('bad date: a day that does not exist says so (and is not compared with the opening); a date outside the plan year', () => {
    expect(problems(edit('due: { on: "2026-03-20" }', 'due: { on: "2026-02-30" }'))).toEqual([
      {
        file: 'plan.yaml',
        line: 33,
        column: 16,
        path: 'tasks[0].due.on',
        message:
          '"2026-02-30" không phải là ngày có thật: năm 2026 không có ngày 30/02 (tháng 02/2026 có 28 ngày, ngày cuối là 2026-02-28)',
      },
    ]);
    expect(problems(edit('opensOn: "2026-03-02"', 'opensOn: "2028-03-02"'))[0]).toEqual({
      file: 'plan.yaml',
      line: 32,
      column: 14,
      path: 'tasks[0].opensOn',
      message: 'ngày giao 2028-03-02 không thuộc năm kế hoạch 2026 (cần từ 2026-01-01 đến 2026-12-31)',
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
      'kỳ Q1: hạn của đơn vị 12/03/2026 trước ngày chốt số liệu 14/03/2026 (NĐ 09/2019 Điều 8 k5 cần ít nhất 1 ngày làm việc giữa ngày chốt số liệu và hạn gửi báo cáo, ở mỗi cấp): tăng officeDeadlineDay lên 19',
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

describe('parsePlanText: files that are not plan files', () => {
  it('an empty file says it is empty, in either language', () => {
    for (const empty of ['', ' \n\n\t\n', new Uint8Array(0), Uint8Array.from([0xef, 0xbb, 0xbf, 0x0a])]) {
      expect(problems(empty)).toEqual([
        { file: 'plan.yaml', line: 1, column: 1, path: '', message: 'tệp kế hoạch trống' },
      ]);
      expect(problems(empty, 'en')[0]?.message).toBe('the plan file is empty');
    }
  });

  it('a Word, Excel, PDF, ZIP, image or other binary file says what it is, not "saved as UTF-16"', async () => {
    for (const [name, bytes, vi, en] of await notPlanFiles()) {
      const r = parsePlanText(bytes, name, 'vi');
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(r.problems, name).toHaveLength(1);
      expect(r.problems[0], name).toMatchObject({ file: name, line: 1, column: 1, path: '' });
      expect(r.problems[0]?.message, name).toMatch(
        new RegExp(
          `^đây là ${escape(vi)}.*, không phải tệp kế hoạch; hãy lưu kế hoạch dạng YAML \\(tệp văn bản \\.yaml, mã UTF-8\\)`,
        ),
      );
      const e = parsePlanText(bytes, name, 'en');
      expect(!e.ok && e.problems[0]?.message, name).toMatch(
        new RegExp(`^this is ${escape(en)}.*, not a plan file; save the plan as YAML`),
      );
      for (const m of [r.problems[0]?.message, !e.ok && e.problems[0]?.message])
        expect(m, name).not.toMatch(/UTF-16|cú pháp|syntax/);
    }
  });

  it('a Word file read as text (pasted, or read by another tool) is still named, and UTF-16 text still says UTF-16', async () => {
    const [, docx] = (await notPlanFiles())[0]!;
    expect(problems(new TextDecoder().decode(docx))[0]?.message).toMatch(/^đây là tệp Word \(DOCX\), không phải/);
    const utf16 = 'organisation:\n  code: SGDDT-TEST\n  name: Sở thử nghiệm\n';
    for (const bytes of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]),
      Buffer.from(utf16, 'utf16le'),
    ]) {
      expect(problems(new Uint8Array(bytes))[0]?.message).toBe(
        'không phải UTF-8: tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8',
      );
      expect(problems(bytes.toString('utf8'))[0]?.message).toBe(
        'không phải UTF-8: tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8',
      );
    }
  });

  it('reads a plan file given as bytes like the same text', () => {
    const r = parsePlanText(new TextEncoder().encode(`\uFEFF${VALID}`), 'plan.yaml');
    expect(r).toEqual(parsePlanText(VALID, 'plan.yaml'));
    expect(r.ok).toBe(true);
  });
});

describe('parsePlanText: YAML syntax errors in Vietnamese', () => {
  /** English words of the yaml package's messages that must not show through in Vietnamese. */
  const ENGLISH =
    /\b(Map|keys|must|Missing|Unexpected|Flow|sequence|collection|Nested|mappings|Tabs|allowed|Implicit|indented|closing|quote|token|line|column)\b/;

  it.each([
    [
      'unclosed [ (BAD_INDENT)',
      edit('  periods: [Q1, H1]', '  periods: [Q1, H1'),
      '36:3',
      'danh sách mở bằng "[" chưa được đóng bằng "]", hoặc các dòng bên trong thụt lề chưa đủ',
    ],
    [
      'keys out of column (BAD_INDENT)',
      edit('  year: 2026', ' year: 2026'),
      '10:1',
      'thụt lề sai: các khoá cùng cấp phải bắt đầu ở cùng một cột',
    ],
    [
      'unclosed quote (MISSING_CHAR)',
      edit('  signedOn: "2026-01-05"', '  signedOn: "2026-01-05'),
      '9:24',
      'thiếu dấu nháy đóng: chuỗi mở bằng dấu nháy chưa được đóng',
    ],
    [
      'a key twice (DUPLICATE_KEY)',
      edit('  year: 2026', '  year: 2026\n  year: 2027'),
      '11:3',
      'khoá bị lặp: khoá này đã có ở trên trong cùng một bảng; mỗi khoá chỉ được viết một lần',
    ],
    [
      'two pairs on one line (BLOCK_AS_IMPLICIT_KEY)',
      edit('  name: Văn phòng\n', '  name: Văn phòng: Sở\n'),
      '12:9',
      'sau một giá trị không được có thêm cặp "khoá: giá trị" (trên cùng dòng như "a: b: c", hay ở dòng dưới thụt lề sâu hơn); hãy sửa thụt lề, hoặc đặt giá trị có dấu hai chấm trong dấu nháy',
    ],
    [
      'a tab as indentation (TAB_AS_INDENT)',
      edit('  unit: VP', '\tunit: VP'),
      '14:1',
      'không được dùng ký tự Tab để thụt lề; hãy dùng dấu cách',
    ],
    [
      'a stray ] (UNEXPECTED_TOKEN)',
      edit('  periods: [Q1, H1]', '  periods: [Q1, H1]]'),
      '35:20',
      'ký tự "]" không đúng chỗ; hãy kiểm tra thụt lề và các dấu ngoặc, dấu phẩy, dấu hai chấm',
    ],
    [
      'a key without its colon (MULTILINE_IMPLICIT_KEY)',
      edit('  officeDeadlineDay: 20', '  officeDeadlineDay 20'),
      '36:3',
      'khoá phải nằm trên một dòng và có dấu hai chấm; có thể dòng này thiếu dấu hai chấm hoặc thụt lề sai',
    ],
  ])('%s: what is wrong, at file:line:col, fully Vietnamese', (_what, text, at, message) => {
    // The first problem says what is wrong; a stray bracket also upsets the lines after it.
    const ps = problems(text);
    expect(formatProblems(ps).split('\n')[0]).toBe(`plan.yaml:${at}  -  lỗi cú pháp YAML: ${message}`);
    for (const p of ps) expect(p.message).toMatch(/^lỗi cú pháp YAML: /);
    for (const p of ps) expect(p.message).not.toMatch(ENGLISH);
    // English keeps the yaml package's own sentence, at the same places.
    const en = problems(text, 'en');
    expect(en.map((p) => `${p.line}:${p.column}`)).toEqual(ps.map((p) => `${p.line}:${p.column}`));
    expect(en[0]?.message).toMatch(/^YAML syntax error: [A-Z]/);
  });

  it('an error code with no sentence of its own gets a general Vietnamese one', async () => {
    const { yamlSyntaxMessage } = await import('../../domain/plan-issue-messages.js');
    expect(yamlSyntaxMessage('SOME_NEW_CODE', 'Something new went wrong at line 3, column 1:', 'vi')).toBe(
      'lỗi cú pháp YAML: nội dung ở vị trí này không đúng cú pháp YAML; hãy kiểm tra thụt lề, dấu hai chấm và dấu nháy',
    );
    expect(yamlSyntaxMessage('SOME_NEW_CODE', 'Something new went wrong at line 3, column 1:', 'en')).toBe(
      'YAML syntax error: Something new went wrong',
    );
  });

  it('an alias without its anchor is named, not taken for too many aliases', () => {
    expect(problems(edit('  periods: [Q1, H1]', '  periods: *ky'))).toEqual([
      {
        file: 'plan.yaml',
        line: 1,
        column: 1,
        path: '',
        message: 'bí danh "*ky" chưa được khai báo: cần neo "&ky" ở phía trên trong tệp',
      },
    ]);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
