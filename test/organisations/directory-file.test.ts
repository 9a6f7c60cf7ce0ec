import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems, parsePlanText } from '../../domain/plan-file.js';
import {
  DirectoryFileError,
  loadDirectoryFile,
  parseDirectoryText,
  readDirectoryFile,
} from '../../organisations/directory-file.js';
import type { OrganisationDirectory } from '../../organisations/directory-schema.js';
import { notPlanFiles } from '../domain/fixtures/not-plan-files.js';

const SAMPLE = 'plans/organisations.yaml';
const FIXTURES = 'test/fixtures/organisations';

/** Every problem of a fixture as `kehoach org validate` prints it, in `lang`. */
async function problemsOf(name: string, lang: 'vi' | 'en' = 'en'): Promise<string[]> {
  const r = await readDirectoryFile(`${FIXTURES}/${name}`, lang);
  if (r.ok) throw new Error(`${name} was accepted`);
  return formatProblems(r.problems).split('\n');
}

async function sample(): Promise<OrganisationDirectory> {
  const r = await readDirectoryFile(SAMPLE);
  if (!r.ok) throw new Error(formatProblems(r.problems));
  return r.directory;
}

describe('the sample directory, plans/organisations.yaml', () => {
  it('parses, with its defaults filled in', async () => {
    const dir = await sample();
    expect(dir.administrators).toEqual(['quantri@example.org']);
    expect(dir.organisations.map((o) => o.code)).toEqual([
      'UBND-HCM',
      'SGDDT-HCM',
      'THPT-HOA-HUNG',
      'DEMO-SGDDT',
      'DEMO-THPT',
      'UBND-ST',
      'SGDDT-ST',
      'UBND-TP-TN',
      'PGDDT-TP-TN',
      'MNDL',
    ]);
    expect(dir.organisations.find((o) => o.code === 'UBND-ST')).toEqual({
      code: 'UBND-ST',
      name: 'Ủy ban nhân dân tỉnh Sóc Trăng',
      office: 'vanphong.ubnd-soctrang@example.org',
      staff: [],
    });
    // The school the lead's sample plan will be for: under the HCMC department, with its own office and head.
    expect(dir.organisations.find((o) => o.code === 'THPT-HOA-HUNG')).toMatchObject({
      parent: 'SGDDT-HCM',
      office: 'vanphong.thpt-hoa-hung@example.org',
      director: 'hieutruong.thpt-hoa-hung@example.org',
    });
  });

  it('holds the body of every sample plan, with its name and e-mails, under the parent body the plan names', async () => {
    const dir = await sample();
    const byCode = new Map(dir.organisations.map((o) => [o.code, o]));
    const plans = readdirSync('plans').filter((f) => f.endsWith('.yaml') && f !== 'organisations.yaml');
    expect(plans.length).toBeGreaterThanOrEqual(5);
    for (const file of plans) {
      const r = parsePlanText(readFileSync(`plans/${file}`), `plans/${file}`);
      if (!r.ok) throw new Error(formatProblems(r.problems));
      const { organisation, office, director } = r.plan;
      const entry = byCode.get(organisation.code);
      expect(entry, file).toBeDefined();
      expect([file, entry?.name, entry?.office, entry?.director]).toEqual([
        file,
        organisation.name,
        office.email,
        director.email,
      ]);
      expect([file, byCode.get(entry?.parent ?? '')?.name]).toEqual([file, organisation.parentBody]);
    }
  });
});

describe('a directory with mistakes: each problem at file:line:col, with the field and what would be valid', () => {
  const f = (name: string) => `${FIXTURES}/${name}`;

  it('a parent that is not in the file, with the code probably meant', async () => {
    expect(await problemsOf('unknown-parent.yaml')).toEqual([
      `${f('unknown-parent.yaml')}:8:13  organisations[1].parent  parent "UBND-HMC" is not in the file; did you mean "UBND-HCM"? (expected the code of another body in organisations: UBND-HCM, or no "parent" at the top)`,
    ]);
    expect(await problemsOf('unknown-parent.yaml', 'vi')).toEqual([
      `${f('unknown-parent.yaml')}:8:13  organisations[1].parent  cơ quan cấp trên "UBND-HMC" không có trong tệp; có phải ý là "UBND-HCM"? (cần mã của một cơ quan khác trong organisations: UBND-HCM, hoặc bỏ "parent" nếu là cơ quan cấp cao nhất)`,
    ]);
  });

  it('a cycle of parents, once, at the member written first, spelt out from there', async () => {
    expect(await problemsOf('cycle.yaml')).toEqual([
      `${f('cycle.yaml')}:5:13  organisations[0].parent  the chain of parents comes back to itself: SO-A → SO-B → SO-C → SO-A (each arrow points to the parent); change the "parent" of one of these bodies so the chain of parents ends at a body with no "parent"`,
    ]);
    expect((await problemsOf('cycle.yaml', 'vi'))[0]).toContain(
      'chuỗi cơ quan cấp trên quay lại chính nó: SO-A → SO-B → SO-C → SO-A',
    );
  });

  it('a cycle found from a body that hangs under it is still reported at its first member', () => {
    const text = [
      'organisations:',
      '  - { code: TRUONG-D, name: Trường D, parent: SO-B, office: d@example.org }',
      '  - { code: SO-B, name: Sở B, parent: SO-C, office: b@example.org }',
      '  - { code: SO-C, name: Sở C, parent: SO-B, office: c@example.org }',
    ].join('\n');
    const r = parseDirectoryText(text, 'vong.yaml', 'en');
    expect(!r.ok && formatProblems(r.problems)).toBe(
      'vong.yaml:3:39  organisations[1].parent  the chain of parents comes back to itself: SO-B → SO-C → SO-B (each arrow points to the parent); change the "parent" of one of these bodies so the chain of parents ends at a body with no "parent"',
    );
  });

  it('a body that is its own parent', async () => {
    expect(await problemsOf('self-parent.yaml')).toEqual([
      `${f('self-parent.yaml')}:5:13  organisations[0].parent  "SO-A" cannot be its own parent; expected the code of the body it reports to, or no "parent" at the top`,
    ]);
  });

  it('a code used twice, at the second, naming the first', async () => {
    expect(await problemsOf('duplicate-code.yaml')).toEqual([
      `${f('duplicate-code.yaml')}:9:11  organisations[2].code  code "SGDDT-ST" is already used by organisations[0] (line 3); each body needs its own code`,
    ]);
    expect(await problemsOf('duplicate-code.yaml', 'vi')).toEqual([
      `${f('duplicate-code.yaml')}:9:11  organisations[2].code  mã "SGDDT-ST" đã dùng cho organisations[0] (dòng 3); mỗi cơ quan cần một mã riêng`,
    ]);
  });

  it('e-mails that are not addresses: the office, one of the staff, an administrator', async () => {
    expect(await problemsOf('invalid-emails.yaml')).toEqual([
      `${f('invalid-emails.yaml')}:3:5  administrators[0]  "Nguyễn Văn Quản" is not a valid e-mail address`,
      `${f('invalid-emails.yaml')}:7:13  organisations[0].office  "vanphong.mndl" is not a valid e-mail address`,
      `${f('invalid-emails.yaml')}:10:9  organisations[0].staff[1]  "to van phong@example.org" is not a valid e-mail address`,
    ]);
    expect((await problemsOf('invalid-emails.yaml', 'vi'))[1]).toBe(
      `${f('invalid-emails.yaml')}:7:13  organisations[0].office  "vanphong.mndl" không phải là địa chỉ e-mail hợp lệ`,
    );
  });

  it('a misspelt field (at the key, with the one meant), the office it leaves missing, a code in lowercase', async () => {
    expect(await problemsOf('fields.yaml')).toEqual([
      `${f('fields.yaml')}:3:5  organisations[0].office  required field "office" is missing (expected text)`,
      `${f('fields.yaml')}:5:5  organisations[0].ofice  unknown field "ofice"; did you mean "office"? (accepted fields: code, name, parent, office, staff, director)`,
      `${f('fields.yaml')}:6:11  organisations[1].code  "mn-hoa-sen" is not a valid code (expected uppercase letters, digits and "-", e.g. VP, KHTC)`,
    ]);
  });

  it('a name without its Vietnamese diacritics; the same name with them passes, composed or decomposed', async () => {
    expect(await problemsOf('no-diacritics.yaml', 'vi')).toEqual([
      `${f('no-diacritics.yaml')}:4:11  organisations[0].name  tên "Truong Mam non Dien Luc" không có dấu tiếng Việt; cần tên chính thức viết đủ dấu (ví dụ "Sở Giáo dục và Đào tạo tỉnh Sóc Trăng")`,
    ]);
    for (const name of ['Trường Mầm non Điện Lực'.normalize('NFC'), 'Trường Mầm non Hoa Sen'.normalize('NFD')]) {
      const r = parseDirectoryText(
        `organisations:\n  - { code: MN, name: "${name}", office: vp@example.org }\n`,
        'x.yaml',
      );
      expect(r.ok).toBe(true);
    }
  });

  it('a YAML syntax error, in the words plan files use', () => {
    // Written here, not as a fixture file: Prettier would refuse to format a file that is not YAML.
    const text = 'organisations:\n  - code: MNDL\n    name Trường Mầm non Điện Lực\n    office: vp@example.org\n';
    const r = parseDirectoryText(text, 'thieu-dau-hai-cham.yaml', 'vi');
    expect(!r.ok && formatProblems(r.problems)).toBe(
      'thieu-dau-hai-cham.yaml:3:5  -  lỗi cú pháp YAML: khoá phải nằm trên một dòng và có dấu hai chấm; có thể dòng này thiếu dấu hai chấm hoặc thụt lề sai',
    );
  });

  it('a file that is not a directory: an empty list, a list at the top, an empty file, a spreadsheet', async () => {
    const problems = (text: string | Uint8Array, lang: 'vi' | 'en' = 'en') => {
      const r = parseDirectoryText(text, 'co-quan.yaml', lang);
      return r.ok ? [] : formatProblems(r.problems).split('\n');
    };
    expect(problems('organisations: []\n')).toEqual([
      'co-quan.yaml:1:16  organisations  has 0 items, expected at least 1',
    ]);
    expect(problems('- code: MNDL\n')).toEqual([
      'co-quan.yaml:1:1  -  an organisations file must be a mapping of key: value (administrators, organisations)',
    ]);
    expect(problems('\n\n', 'vi')).toEqual(['co-quan.yaml:1:1  -  tệp danh sách cơ quan trống']);
    const xlsx = (await notPlanFiles()).find(([name]) => name.endsWith('.xlsx'))![1];
    expect(problems(xlsx, 'vi')).toEqual([
      'co-quan.yaml:1:1  -  đây là tệp Excel (XLSX), không phải tệp danh sách cơ quan; hãy lưu danh sách dạng YAML (tệp văn bản .yaml, mã UTF-8) theo tệp mẫu plans/organisations.yaml',
    ]);
  });
});

describe('what is allowed', () => {
  it('one person as the office of two bodies, as office and director of one, an address repeated within a body', async () => {
    const r = await readDirectoryFile(`${FIXTURES}/shared-emails.yaml`);
    expect(r.ok && r.directory.organisations).toEqual([
      {
        code: 'SGDDT-HCM',
        name: 'Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh',
        office: 'vanphong@example.org',
        staff: ['vanthu@example.org', 'vanthu@example.org'],
        director: 'vanphong@example.org',
      },
      {
        code: 'DEMO-SGDDT',
        name: 'Sở Giáo dục và Đào tạo (bản chạy thử)',
        office: 'vanphong@example.org',
        staff: [],
      },
    ]);
  });
});

describe('loadDirectoryFile, for a process starting up', () => {
  it('returns the directory, or throws a DirectoryFileError whose message lists every problem', async () => {
    expect((await loadDirectoryFile(SAMPLE)).organisations).toHaveLength(10);
    const bad = join(mkdtempSync(join(tmpdir(), 'kehoach-org-')), 'co-quan.yaml');
    writeFileSync(bad, 'organisations:\n  - code: A\n    name: Sở A\n    parent: B\n    office: a\n');
    const err = await loadDirectoryFile(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DirectoryFileError);
    expect((err as DirectoryFileError).problems.map((p) => `${p.line}:${p.column} ${p.path}`)).toEqual([
      '4:13 organisations[0].parent',
      '5:13 organisations[0].office',
    ]);
    expect((err as Error).message).toBe(
      `2 problem(s) in organisations file ${bad}:\n` +
        `${bad}:4:13  organisations[0].parent  cơ quan cấp trên "B" không có trong tệp (tệp chưa có cơ quan nào khác: hãy thêm cơ quan cấp trên vào organisations, hoặc bỏ "parent" nếu là cơ quan cấp cao nhất)\n` +
        `${bad}:5:13  organisations[0].office  "a" không phải là địa chỉ e-mail hợp lệ`,
    );
  });
});
