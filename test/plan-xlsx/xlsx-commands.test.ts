import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportXlsxCommand, importXlsxCommand } from '../../client/xlsx-commands.js';
import { parsePlanText } from '../../domain/plan-file.js';

const kehoach = (args: string[]) =>
  spawnSync('npx', ['--no-install', 'kehoach', 'plan', ...args], { encoding: 'utf8' });

function plan(file: string) {
  const r = parsePlanText(readFileSync(file), file);
  if (!r.ok) throw new Error(`${file} is not valid`);
  return r.plan;
}

describe('kehoach plan export-xlsx / import-xlsx', () => {
  it('exports a plan and imports it back into a plan file that validates as the same plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-xlsx-'));
    const xlsx = join(dir, 'cchc.xlsx');
    const yaml = join(dir, 'cchc.yaml');
    expect(await exportXlsxCommand('plans/cchc-2021.yaml', { out: xlsx })).toEqual({
      exitCode: 0,
      output: `Đã ghi ${xlsx} (kế hoạch 206/KH-SGDĐT)`,
    });
    expect(await importXlsxCommand(xlsx, { lang: 'en' })).toEqual({
      exitCode: 0,
      output: `Wrote ${yaml} (plan 206/KH-SGDĐT)`,
    });
    expect(readFileSync(yaml, 'utf8').split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=.*docs\/plan\.schema\.json$/,
    );
    expect(plan(yaml)).toStrictEqual(plan('plans/cchc-2021.yaml'));
  });

  it('never replaces a file without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-xlsx-'));
    const out = join(dir, 'x.xlsx');
    writeFileSync(out, 'keep me');
    const r = await exportXlsxCommand('plans/demo.yaml', { out });
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe(`${out} đã có; không ghi đè. Chọn tên khác bằng -o, hoặc thêm --force để ghi đè.`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect((await exportXlsxCommand('plans/demo.yaml', { out, force: true })).exitCode).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('runs as commands: problems at their cells with exit code 1, like plan validate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-xlsx-'));
    const xlsx = join(dir, 'demo.xlsx');
    const exported = kehoach(['export-xlsx', 'plans/demo.yaml', '-o', xlsx]);
    expect([exported.status, exported.stdout]).toEqual([0, `Đã ghi ${xlsx} (kế hoạch 01/KH-SGDĐT)\n`]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const assignments = wb.getWorksheet('Phân công');
    if (!assignments) throw new Error('no sheet Phân công');
    assignments.getCell('C2').value = 'chủ nhiệm';
    await wb.xlsx.writeFile(xlsx);
    const bad = kehoach(['import-xlsx', xlsx, '--lang', 'en']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      `1 problem(s) in ${xlsx}:\n` +
        `${xlsx}  Phân công!C2 (Vai trò)  tasks[0].units[0].role  "chủ nhiệm" is not in the list (expected one of: chủ trì, phối hợp)\n`,
    );
    expect(existsSync(join(dir, 'demo.yaml'))).toBe(false);

    const invalid = join(dir, 'invalid.yaml');
    writeFileSync(invalid, readFileSync('plans/demo.yaml', 'utf8').replace('year: 2026', 'year: 1999'));
    const refused = kehoach(['export-xlsx', invalid]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^1 lỗi trong .*invalid\.yaml:\n.*invalid\.yaml:\d+:\d+  plan\.year  /);
    expect(existsSync(join(dir, 'invalid.xlsx'))).toBe(false);
  });
});
