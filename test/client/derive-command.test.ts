import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

/** `kehoach …` as a person runs it from a clone: the package's bin, through tsx, in its own process. */
function kehoach(args: string[], env: NodeJS.ProcessEnv = {}) {
  // The default directory unless the test names one: not whatever the shell running the tests has set.
  const inherited = { ...process.env };
  delete inherited.ORGANISATIONS_FILE;
  const run = spawnSync(process.execPath, ['bin/kehoach.mjs', ...args], {
    encoding: 'utf8',
    env: { ...inherited, ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('kehoach plan derive and plan validate --parent, end to end', () => {
  let dir: string;
  let draft: string;
  let made: ReturnType<typeof kehoach>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kehoach-derive-'));
    draft = join(dir, 'truong.yaml');
    made = kehoach(['plan', 'derive', 'plans/demo.yaml', '--org', 'DEMO-THPT', '--out', draft]);
  });

  it('writes the school’s draft with a header of what it inherited and what the clerk must fill', () => {
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toBe(
      `Đã tạo ${draft}: kế hoạch của DEMO-THPT thực hiện Kế hoạch số 01/KH-SGDĐT; 11 mục cần Văn phòng điền hoặc xác nhận (liệt kê ở đầu tệp).\n`,
    );
    const text = readFileSync(draft, 'utf8');
    const header = text.split('\n').filter((l) => l.startsWith('#'));
    expect(header[0]).toMatch(/^# yaml-language-server: \$schema=.*docs\/plan\.schema\.json$/);
    expect(header[1]).toBe(
      '# Bản nháp kế hoạch của DEMO-THPT, thực hiện Kế hoạch số 01/KH-SGDĐT ngày 05/01/2026 của Sở Giáo dục và Đào tạo (bản chạy thử), dựng từ plans/demo.yaml bằng `kehoach plan derive`.',
    );
    expect(header).toContain(
      '# Kế thừa / inherited: 0 chủ đề / themes, 2 hình thức / forms, 2 nhiệm vụ có hạn / tasks, 0 nhiệm vụ định kỳ / recurring tasks, 0 nhiệm vụ thường xuyên / ongoing duties (chỉ tiêu / targets kept), 4 kỳ báo cáo / report periods.',
    );
    expect(header).toContain(
      '#   - Q1 (quý I): 16/03/2026 (cấp trên / parent 18/03/2026, muộn nhất / latest 16/03/2026)',
    );
    for (const field of ['plan.number', 'plan.title', 'plan.signedOn', 'organisation.symbol', 'director.name', 'units'])
      expect(header.some((l) => l.startsWith(`#   - ${field}: `))).toBe(true);
    // The YAML below the header is the draft: it cites the parent and reports to it.
    const doc = parseDocument(text).toJS() as Record<string, Record<string, unknown>>;
    expect(doc.organisation?.reportsTo).toBe('DEMO-SGDDT');
    expect(doc.plan?.carriesOut).toMatchObject({ number: '01/KH-SGDĐT', org: 'DEMO-SGDDT', year: 2026 });
    // Dates are quoted, as the sample plans write them.
    expect(text).toContain("signedOn: '2026-01-05'");
  });

  it('never writes over a draft already there', () => {
    const again = kehoach(['plan', 'derive', 'plans/demo.yaml', '--org', 'DEMO-THPT', '--out', draft]);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(`${draft} đã có; không ghi đè. Chọn tên tệp khác.\n`);
  });

  it('validates once the clerk has filled it in, with no warning against the parent', () => {
    const doc = parseDocument(readFileSync(draft, 'utf8'));
    doc.setIn(['organisation', 'symbol'], 'THPT');
    doc.setIn(['plan', 'number'], '05/KH-THPT');
    doc.setIn(['plan', 'title'], 'Tuyên truyền cải cách hành chính năm 2026 của nhà trường');
    doc.setIn(['plan', 'signedOn'], '2026-01-06');
    doc.setIn(['director', 'name'], 'Phạm Thị Hoa');
    const filled = join(dir, 'truong-da-dien.yaml');
    writeFileSync(filled, doc.toString());
    const unfilled = kehoach(['plan', 'validate', draft]);
    expect(unfilled.status).toBe(1);
    const checked = kehoach(['plan', 'validate', filled, '--parent', 'plans/demo.yaml']);
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
    expect(checked.stdout.split('\n')).toEqual([
      `${filled}: hợp lệ. Kế hoạch 05/KH-THPT (2026): 1 đơn vị, 2 nhiệm vụ, 0 nhiệm vụ định kỳ, 0 nhiệm vụ thường xuyên, kỳ báo cáo: Q1, H1, Q3, Y`,
      'Không có cảnh báo so với kế hoạch cấp trên 01/KH-SGDĐT (plans/demo.yaml).',
      '',
    ]);
  });

  it('warns, at file:line:col, where the school does not leave the department 2 working days', () => {
    // The draft the test above filled in, with its office due the 18th: Q1 Wed 18/03 and H1 Thu 18/06 are the department's own days
    // for its units, Q3 Fri 18/09 and Y Fri 18/12 come after them (Thu 17/09, Thu 17/12).
    const doc = parseDocument(readFileSync(join(dir, 'truong-da-dien.yaml'), 'utf8'));
    doc.setIn(['reporting', 'officeDeadlineDay'], 18);
    const late = join(dir, 'truong-muon.yaml');
    const text = doc.toString();
    writeFileSync(late, text);
    const row = text.split('\n').findIndex((l) => l.includes('officeDeadlineDay: 18'));
    const at = `${late}:${row + 1}:${text.split('\n')[row]!.indexOf('18') + 1}`;
    const r = kehoach(['plan', 'validate', late, '--parent', 'plans/demo.yaml', '--lang', 'en']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/: valid\. Plan 05\/KH-THPT/);
    expect(lines[1]).toBe('4 warning(s) against the parent plan 01/KH-SGDĐT (plans/demo.yaml) (the file stays valid):');
    expect(lines.slice(2)).toEqual([
      `${at}  reporting.officeDeadlineDay  period Q1: the office's deadline 18/03/2026 is the same day as 18/03/2026, the deadline plan 01/KH-SGDĐT of Sở Giáo dục và Đào tạo (bản chạy thử) sets for its units and subordinates; at least 2 working days ahead are needed, 16/03/2026 at the latest: lower officeDeadlineDay to 16`,
      `${at}  reporting.officeDeadlineDay  period H1 (first half-year): the office's deadline 18/06/2026 is the same day as 18/06/2026, the deadline plan 01/KH-SGDĐT of Sở Giáo dục và Đào tạo (bản chạy thử) sets for its units and subordinates; at least 2 working days ahead are needed, 16/06/2026 at the latest: lower officeDeadlineDay to 16`,
      `${at}  reporting.officeDeadlineDay  period Q3: the office's deadline 18/09/2026 is after 17/09/2026, the deadline plan 01/KH-SGDĐT of Sở Giáo dục và Đào tạo (bản chạy thử) sets for its units and subordinates; at least 2 working days ahead are needed, 15/09/2026 at the latest: lower officeDeadlineDay to 15`,
      `${at}  reporting.officeDeadlineDay  period Y (annual): the office's deadline 18/12/2026 is after 17/12/2026, the deadline plan 01/KH-SGDĐT of Sở Giáo dục và Đào tạo (bản chạy thử) sets for its units and subordinates; at least 2 working days ahead are needed, 15/12/2026 at the latest: lower officeDeadlineDay to 15`,
    ]);
  });

  it('refuses a body that is not directly below the parent, naming those that are', () => {
    const r = kehoach(['plan', 'derive', 'plans/demo.yaml', '--org', 'MNDL']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'MNDL không phải cơ quan cấp dưới trực tiếp của DEMO-SGDDT trong plans/organisations.yaml; các cơ quan cấp dưới: DEMO-THPT\n',
    );
  });

  it('reads the directory ORGANISATIONS_FILE names, or --directory', () => {
    const own = join(dir, 'co-quan.yaml');
    writeFileSync(
      own,
      [
        'organisations:',
        '  - { code: DEMO-SGDDT, name: Sở Giáo dục và Đào tạo (bản chạy thử), office: vanphong@example.org }',
        '  - { code: THCS-A, name: Trường Trung học cơ sở A, parent: DEMO-SGDDT, office: vp.a@example.org }',
        '  - { code: THCS-B, name: Trường Trung học cơ sở B, parent: DEMO-SGDDT, office: vp.b@example.org }',
        '',
      ].join('\n'),
    );
    const viaEnv = kehoach(['plan', 'derive', 'plans/demo.yaml', '--org', 'DEMO-THPT', '--lang', 'en'], {
      ORGANISATIONS_FILE: own,
    });
    expect(viaEnv.status).toBe(1);
    expect(viaEnv.stderr).toBe(
      `DEMO-THPT is not directly below DEMO-SGDDT in ${own}; the bodies below it: THCS-A, THCS-B\n`,
    );
    const printed = kehoach(['plan', 'derive', 'plans/demo.yaml', '--org', 'THCS-B', '--directory', own]);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toMatch(/^# yaml-language-server: \$schema=\.\/docs\/plan\.schema\.json\n/);
    expect(parseDocument(printed.stdout).toJS().office).toEqual({
      name: 'Văn phòng',
      email: 'vp.b@example.org',
      unit: 'VP',
    });
  });

  it('refuses a lead time that is not a number of working days', () => {
    const r = kehoach(['plan', 'derive', 'plans/demo.yaml', '--org', 'DEMO-THPT', '--lead-days', '0']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('số ngày làm việc / working days: 1–20');
  });
});
