import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initCommand, PLAN_JSON_SCHEMA_FILE, planSkeleton, schemaReference } from '../../client/init-command.js';
import { validateCommand } from '../../client/plan-commands.js';
import { formatProblems, parsePlanText } from '../../domain/plan-file.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'kehoach-init-'));

/** The `$schema=` reference on a plan file's first line. */
const schemaLine = (text: string) => /^# yaml-language-server: \$schema=(\S+)\n/.exec(text)?.[1];

/**
 * The skeleton with every commented-out example line put back (`# reminders: [3, 1]`, `# defaults:` and its block):
 * the comments offer them as things to switch on, so they must be valid too.
 */
function uncommented(text: string): string {
  return text.replace(/^(\s*)# (\s*(?:- (?:\{ )?)?[A-Za-z]+:(?: |$).*)$/gm, '$1$2');
}

describe('kehoach plan init', () => {
  it('writes a skeleton that kehoach plan validate accepts as it is', async () => {
    const file = join(tempDir(), 'ke-hoach.yaml');
    const r = await initCommand(file, { year: '2026' });
    expect(r).toMatchObject({ exitCode: 0 });
    expect(r.output).toContain(`Đã tạo ${file}`);
    const v = await validateCommand(file, 'vi');
    expect(v.output).toMatch(/: hợp lệ\. Kế hoạch 01\/KH-SGDĐT \(2026\)/);
    expect(v.exitCode).toBe(0);
  });

  it('has one duty of each kind and a reporting regime, with Vietnamese comments', () => {
    const text = planSkeleton(2026, './plan.schema.json');
    const r = parsePlanText(text, 'ke-hoach.yaml');
    if (!r.ok) throw new Error(formatProblems(r.problems));
    expect(r.plan.tasks).toHaveLength(1);
    expect(r.plan.recurringTasks).toHaveLength(1);
    expect(r.plan.ongoingDuties).toHaveLength(1);
    expect(r.plan.reporting?.periods).toEqual(['Q1', 'H1', 'Q3', 'Y']);
    expect(text).toContain('# 3. Nhiệm vụ thường xuyên: không có hạn');
  });

  // Years with approved calendars (2021–2026) and computed ones, Tết early (2030: 2/2) and late (2028: 26/1).
  it.each([2021, 2024, 2026, 2027, 2028, 2030, 2033])('is valid for %i, and so is every example it offers', (year) => {
    for (const text of [planSkeleton(year, './x.json'), uncommented(planSkeleton(year, './x.json'))]) {
      const r = parsePlanText(text, `${year}.yaml`);
      expect(r.ok ? '' : formatProblems(r.problems)).toBe('');
    }
  });

  it('switches on every commented example when uncommented (the test helper finds them)', () => {
    const text = uncommented(planSkeleton(2026, './x.json'));
    const r = parsePlanText(text, 'all.yaml');
    if (!r.ok) throw new Error(formatProblems(r.problems));
    expect(r.plan.organisation.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(r.plan.defaults.escalation).toEqual({ officeAfter: 1, directorAfter: 3 });
    expect(r.plan.calendar.overrides).toHaveLength(1);
    expect(r.plan.recurringTasks[0]?.opensWorkingDaysBefore).toBe(5);
    expect(r.plan.reporting?.units).toEqual(['VP', 'KHTC']);
    expect(r.plan.forms[0]).toHaveProperty('target');
    expect(r.plan.ongoingDuties[0]).toHaveProperty('target');
  });

  it('refuses to overwrite an existing file, with exit code 1, and leaves it as it was', async () => {
    const file = join(tempDir(), 'ke-hoach.yaml');
    writeFileSync(file, 'organisation: {}\n');
    const r = await initCommand(file, { lang: 'en' });
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe(
      `${file} already exists; not overwritten. Choose another name, or omit it to print the skeleton.`,
    );
    expect(readFileSync(file, 'utf8')).toBe('organisation: {}\n');
    expect((await initCommand(file)).output).toMatch(/đã có; không ghi đè/);
  });

  it('names the JSON Schema on its first line, relative to the file it writes', async () => {
    const dir = join(tempDir(), 'nam-2027');
    const file = join(dir, 'ke-hoach.yaml');
    const missing = await initCommand(file, { year: '2027' });
    expect(missing.exitCode).toBe(2);
    expect(missing.output).toMatch(/^Không ghi được .*ke-hoach\.yaml: ENOENT/);

    const here = join(tempDir(), 'ke-hoach.yaml');
    await initCommand(here, { year: '2027' });
    const ref = schemaLine(readFileSync(here, 'utf8'));
    expect(ref).toMatch(/^\.\.\//);
    expect(resolve(dirname(here), ref ?? '')).toBe(PLAN_JSON_SCHEMA_FILE);
    expect(schemaReference(join(import.meta.dirname, '../../plans'))).toBe('../docs/plan.schema.json');
    expect(schemaReference(join(import.meta.dirname, '../..'))).toBe('./docs/plan.schema.json');
  });

  it('prints the skeleton without FILE, its schema reference relative to the working directory', async () => {
    const r = await initCommand(undefined, { year: '2026' });
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(planSkeleton(2026, schemaReference(process.cwd())));
  });

  it('takes this year in Vietnam by default, and refuses a year the plan schema does not accept', async () => {
    // 31/12/2026 17:30 UTC is already 00:30 on 1/1/2027 in Hà Nội.
    const r = await initCommand(undefined, { now: new Date('2026-12-31T17:30:00Z') });
    expect(r.output).toContain('\nplan:\n  number: 01/KH-SGDĐT\n  title: Tuyên truyền cải cách hành chính năm 2027\n');
    expect(await initCommand(undefined, { year: '1999' })).toEqual({
      exitCode: 2,
      output: '--year 1999: cần một năm từ 2000 đến 2100',
    });
    expect((await initCommand(undefined, { year: '2026.5', lang: 'en' })).exitCode).toBe(2);
  });
});
