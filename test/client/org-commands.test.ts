import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { orgTreeCommand, orgValidateCommand } from '../../client/org-commands.js';

const SAMPLE = 'plans/organisations.yaml';
const CYCLE = 'test/fixtures/organisations/cycle.yaml';

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
});
