import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orgSubordinatesCommand, orgTreeCommand, orgValidateCommand } from '../../client/org-commands.js';
import { parsePlanText } from '../../domain/plan-file.js';

const SAMPLE = 'plans/organisations.yaml';
const CYCLE = 'test/fixtures/organisations/cycle.yaml';
const THREE_LEVELS = 'test/fixtures/organisations/three-levels.yaml';

/** What `kehoach org subordinates PGDDT-Q1 --directory three-levels.yaml` prints: its two schools, names to fill. */
const Q1_BLOCK = [
  `# Cơ quan cấp dưới trực tiếp của Phòng Giáo dục và Đào tạo Quận 1 (bản chạy thử) (PGDDT-Q1) theo ${THREE_LEVELS}: dán vào kế hoạch của PGDDT-Q1 (cần có mục reporting) rồi điền các tên còn trống ở những dòng có "# điền".`,
  `# The bodies directly below PGDDT-Q1 in ${THREE_LEVELS}: paste into its plan (which needs reporting), then fill in the names left empty on the lines marked "# điền".`,
  '',
  'subordinates:',
  '  - code: TH-BEN-NGHE',
  '    name: Trường Tiểu học Bến Nghé (bản chạy thử)',
  '    office:',
  '      name: # điền tên Văn phòng (hoặc người phụ trách) / fill in the name of the office or person in charge',
  '      email: vanphong.th-ben-nghe@example.org',
  '    director:',
  '      name: # điền họ tên thủ trưởng / fill in the name of the director',
  '      email: hieutruong.th-ben-nghe@example.org',
  '  - code: THCS-DA-KAO',
  '    name: Trường Trung học cơ sở Đa Kao (bản chạy thử)',
  '    office:',
  '      name: # điền tên Văn phòng (hoặc người phụ trách) / fill in the name of the office or person in charge',
  '      email: vanphong.thcs-da-kao@example.org',
  '    # director: không bắt buộc; danh sách cơ quan không ghi thủ trưởng / optional; the directory names no director',
].join('\n');

/** plans/demo.yaml with its `subordinates:` block replaced by `block`, as an office pastes one into its plan. */
function pastedIntoDemo(block: string): string {
  const lines = readFileSync('plans/demo.yaml', 'utf8').split('\n');
  const start = lines.indexOf('subordinates:');
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
  return [...lines.slice(0, start), block, ...lines.slice(end)].join('\n');
}

/** The sample as `kehoach org tree` prints it: two spaces per level, Vietnamese names, the office's e-mail. */
const SAMPLE_TREE = [
  'UBND-HCM  Ủy ban nhân dân Thành phố Hồ Chí Minh  <vanphong.ubnd-hcm@example.org>',
  '  SGDDT-HCM  Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh  <vanphong@example.org>',
  '    THPT-HOA-HUNG  Trường Trung học phổ thông Hòa Hưng  <vanphong.thpt-hoa-hung@example.org>',
  '  DEMO-SGDDT  Sở Giáo dục và Đào tạo (bản chạy thử)  <vanphong@example.org>',
  '    DEMO-THPT  Trường Trung học phổ thông (bản chạy thử)  <vanphong.thpt@example.org>',
  'UBND-ST  Ủy ban nhân dân tỉnh Sóc Trăng  <vanphong.ubnd-soctrang@example.org>',
  '  SGDDT-ST  Sở Giáo dục và Đào tạo tỉnh Sóc Trăng  <vanphong@example.org>',
  'UBND-TP-TN  Ủy ban nhân dân thành phố Thái Nguyên  <vanphong.ubnd-tpthainguyen@example.org>',
  '  PGDDT-TP-TN  Phòng Giáo dục và Đào tạo thành phố Thái Nguyên  <vanphong.pgddt-thainguyen@example.org>',
  '    MNDL  Trường Mầm non Điện Lực  <vanphong.mndl@example.org>',
].join('\n');

describe('kehoach org validate', () => {
  it('accepts the sample with a one-line summary, in Vietnamese or English', async () => {
    expect(await orgValidateCommand(SAMPLE, 'vi')).toEqual({
      exitCode: 0,
      output: 'plans/organisations.yaml: hợp lệ. 10 cơ quan, 3 cơ quan cấp cao nhất, 1 quản trị viên',
    });
    expect((await orgValidateCommand(SAMPLE, 'en')).output).toBe(
      'plans/organisations.yaml: valid. 10 organisations, 3 at the top, 1 administrator',
    );
  });

  it('lists every problem at file:line:col with exit code 1', async () => {
    const r = await orgValidateCommand('test/fixtures/organisations/invalid-emails.yaml', 'vi');
    expect(r.exitCode).toBe(1);
    expect(r.output.split('\n')).toEqual([
      '3 lỗi trong test/fixtures/organisations/invalid-emails.yaml:',
      'test/fixtures/organisations/invalid-emails.yaml:3:5  administrators[0]  "Nguyễn Văn Quản" không phải là địa chỉ e-mail hợp lệ',
      'test/fixtures/organisations/invalid-emails.yaml:7:13  organisations[0].office  "vanphong.mndl" không phải là địa chỉ e-mail hợp lệ',
      'test/fixtures/organisations/invalid-emails.yaml:10:9  organisations[0].staff[1]  "to van phong@example.org" không phải là địa chỉ e-mail hợp lệ',
    ]);
  });

  it('says which file it cannot read, with exit code 2', async () => {
    const r = await orgValidateCommand('plans/khong-co.yaml', 'en');
    expect(r.exitCode).toBe(2);
    expect(r.output).toMatch(/^Cannot read plans\/khong-co\.yaml: ENOENT/);
  });
});

describe('kehoach org tree', () => {
  it('prints every body under the one it reports to, indented', async () => {
    expect(await orgTreeCommand(SAMPLE)).toEqual({ exitCode: 0, output: SAMPLE_TREE });
  });

  it('prints no tree for an invalid file, only its problems', async () => {
    const r = await orgTreeCommand(CYCLE, 'en');
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/^1 problem\(s\) in test\/fixtures\/organisations\/cycle\.yaml:\n.*cycle\.yaml:5:13  /);
  });
});

describe('kehoach org subordinates', () => {
  it('prints the subordinates: block of a district office, from the schools directly below it in the directory', async () => {
    expect(await orgSubordinatesCommand('PGDDT-Q1', THREE_LEVELS)).toEqual({ exitCode: 0, output: Q1_BLOCK });
  });

  it('pasted into a plan, fails exactly at the names to fill in, then validates with the directory’s e-mails', async () => {
    const { output } = await orgSubordinatesCommand('PGDDT-Q1', THREE_LEVELS);
    const pasted = pastedIntoDemo(output);
    const unfilled = parsePlanText(pasted, 'demo.yaml');
    // Each problem is on a line the block marked "# điền".
    const marked = pasted.split('\n').flatMap((l, i) => (l.includes('name: # điền') ? [i + 1] : []));
    expect(unfilled.ok ? [] : unfilled.problems.map((p) => [p.path, p.line])).toEqual([
      ['subordinates[0].office.name', marked[0]],
      ['subordinates[0].director.name', marked[1]],
      ['subordinates[1].office.name', marked[2]],
    ]);
    expect(marked).toHaveLength(3);
    const filled = pasted
      .replace(/name: # điền tên Văn phòng.*/g, 'name: Văn phòng nhà trường')
      .replace(/name: # điền họ tên thủ trưởng.*/, 'name: Nguyễn Thị Lan');
    const r = parsePlanText(filled, 'demo.yaml');
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    expect(r.plan.subordinates).toEqual([
      {
        code: 'TH-BEN-NGHE',
        name: 'Trường Tiểu học Bến Nghé (bản chạy thử)',
        office: { name: 'Văn phòng nhà trường', email: 'vanphong.th-ben-nghe@example.org' },
        director: { name: 'Nguyễn Thị Lan', email: 'hieutruong.th-ben-nghe@example.org' },
      },
      {
        code: 'THCS-DA-KAO',
        name: 'Trường Trung học cơ sở Đa Kao (bản chạy thử)',
        office: { name: 'Văn phòng nhà trường', email: 'vanphong.thcs-da-kao@example.org' },
      },
    ]);
  });

  it('takes only the bodies directly below: the department gets its two district offices, not their schools', async () => {
    const { output } = await orgSubordinatesCommand('DEMO-SGDDT', THREE_LEVELS);
    expect(output.match(/^ {2}- code: .*$/gm)).toEqual(['  - code: PGDDT-Q1', '  - code: PGDDT-Q3']);
  });

  it('says when nothing is below the body, and refuses a code the directory does not have or a bad directory', async () => {
    expect(await orgSubordinatesCommand('TH-BEN-NGHE', THREE_LEVELS)).toEqual({
      exitCode: 0,
      output: `# Trường Tiểu học Bến Nghé (bản chạy thử) (TH-BEN-NGHE) không có cơ quan cấp dưới nào trong ${THREE_LEVELS} / has no body below it in ${THREE_LEVELS}\n\nsubordinates: []`,
    });
    expect(await orgSubordinatesCommand('PGDDT-Q9', THREE_LEVELS)).toEqual({
      exitCode: 1,
      output: `PGDDT-Q9 không có trong danh sách cơ quan ${THREE_LEVELS}; xem các mã bằng "kehoach org tree ${THREE_LEVELS}"`,
    });
    expect((await orgSubordinatesCommand('PGDDT-Q9', THREE_LEVELS, 'en')).output).toBe(
      `PGDDT-Q9 is not in the organisations file ${THREE_LEVELS}; see its codes with "kehoach org tree ${THREE_LEVELS}"`,
    );
    const bad = await orgSubordinatesCommand('MNDL', CYCLE, 'en');
    expect([bad.exitCode, bad.output.split('\n')[0]]).toEqual([1, `1 problem(s) in ${CYCLE}:`]);
  });
});

describe('kehoach org as a command', () => {
  const kehoach = (args: string[], env: Record<string, string> = {}) =>
    spawnSync('npx', ['--no-install', 'kehoach', 'org', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ORGANISATIONS_FILE: '', ...env },
    });

  it('reads ORGANISATIONS_FILE without FILE (the sample by default), and FILE when given', () => {
    const tree = kehoach(['tree']);
    expect([tree.status, tree.stdout]).toEqual([0, `${SAMPLE_TREE}\n`]);
    const configured = kehoach(['validate', '--lang', 'en'], { ORGANISATIONS_FILE: CYCLE });
    expect(configured.status).toBe(1);
    expect(configured.stderr).toContain(`${CYCLE}:5:13  organisations[0].parent  the chain of parents`);
    const given = kehoach(['validate', SAMPLE], { ORGANISATIONS_FILE: CYCLE });
    expect([given.status, given.stdout]).toEqual([
      0,
      'plans/organisations.yaml: hợp lệ. 10 cơ quan, 3 cơ quan cấp cao nhất, 1 quản trị viên\n',
    ]);
  });

  it('prints the subordinates: block from ORGANISATIONS_FILE, or from --directory when given', () => {
    const configured = kehoach(['subordinates', 'DEMO-SGDDT']);
    expect(configured.status).toBe(0);
    // The sample's school, with the office e-mail plans/demo.yaml gives it.
    expect(configured.stdout).toContain('  - code: DEMO-THPT\n');
    expect(configured.stdout).toContain('      email: vanphong.thpt@example.org\n');
    const given = kehoach(['subordinates', 'PGDDT-Q1', '--directory', THREE_LEVELS], { ORGANISATIONS_FILE: CYCLE });
    expect([given.status, given.stdout]).toEqual([0, `${Q1_BLOCK}\n`]);
  });
});
