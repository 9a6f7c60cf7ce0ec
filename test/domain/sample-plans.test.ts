import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems, parsePlanText } from '../../domain/plan-file.js';
import type { Plan } from '../../domain/plan-schema.js';
import { previewRows } from '../../domain/preview.js';
import { buildWorkCalendar } from '../../domain/work-calendar.js';

// Tests may read files; domain/ may not. The plans are the samples written from the seed documents.
const dir = join(import.meta.dirname, '../../plans');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function load(name: string): Plan {
  const r = parsePlanText(readFileSync(join(dir, name), 'utf8'), `plans/${name}`);
  if (!r.ok) throw new Error(formatProblems(r.problems));
  return r.plan;
}

/** The date of one preview row, found by item, unit and kind. */
function rowDate(plan: Plan, itemId: string, kind: string, unit?: string): string | undefined {
  return previewRows(plan, buildWorkCalendar(plan)).find(
    (r) => r.itemId === itemId && r.kind === kind && r.unit === unit,
  )?.date;
}

describe('sample plans', () => {
  it('there are the four seed samples and the npm start demo', () => {
    expect(files).toEqual([
      'cchc-2021.yaml',
      'demo.yaml',
      'mam-non-2026.yaml',
      'sgddt-hcm-2022.yaml',
      'soc-trang-2022.yaml',
    ]);
  });

  it.each(files)('%s validates', (name) => {
    const r = parsePlanText(readFileSync(join(dir, name), 'utf8'), name);
    expect(r.ok ? [] : formatProblems(r.problems)).toEqual([]);
  });

  it('soc-trang-2022: twelve monthly tasks; dates by hand', () => {
    const plan = load('soc-trang-2022.yaml');
    expect(plan.tasks.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // task-03 ends with March: Thu 31/03/2022, a working day
    expect(rowDate(plan, 'task-03', 'due-today', 'TCCB')).toBe('2022-03-31');
    // task-04 ends Sat 30/04/2022 → 30/4 and 1/5 holidays, bù 2–3/5 → Wed 04/05/2022
    expect(rowDate(plan, 'task-04', 'due-today', 'KTKD')).toBe('2022-05-04');
    // task-07 ends Sun 31/07/2022 → Mon 01/08/2022
    expect(rowDate(plan, 'task-07', 'due-today', 'DVSN')).toBe('2022-08-01');
  });

  it('sgddt-hcm-2022: 10 working days from Fri 01/04/2022 skip Mon 11/04 (bù Giỗ Tổ) → Mon 18/04', () => {
    const plan = load('sgddt-hcm-2022.yaml');
    // 4,5,6,7,8 (5), 12,13,14,15 (9), 18 (10)
    expect(rowDate(plan, 'task-02', 'due-today', 'VP')).toBe('2022-04-18');
    // Q3 2022: office day 18 = Sun 18/09 → Mon 19/09; units 1 wd earlier → Fri 16/09
    expect(rowDate(plan, 'report-Q3', 'office-due')).toBe('2022-09-19');
    expect(rowDate(plan, 'report-Q3', 'due-today', 'TTTT')).toBe('2022-09-16');
  });

  it('cchc-2021: "trước ngày 26/02/2021" is due Thu 25/02; reminder 3 working days earlier is Mon 22/02', () => {
    const plan = load('cchc-2021.yaml');
    expect(rowDate(plan, 'task-01', 'due-today', 'DVTT')).toBe('2021-02-25');
    expect(rowDate(plan, 'task-01', 'reminder', 'DVTT')).toBe('2021-02-22');
    expect(plan.tasks.find((t) => t.number === 2)?.content).toContain('98% hồ sơ giải quyết đúng thời gian quy định');
  });

  it('mam-non-2026: the 2026 worked example with office day 18', () => {
    const plan = load('mam-non-2026.yaml');
    // H1: Thu 18/06/2026, units Wed 17/06; cut-off Sun 14/06
    expect(rowDate(plan, 'report-H1', 'office-due')).toBe('2026-06-18');
    expect(rowDate(plan, 'report-H1', 'cut-off')).toBe('2026-06-14');
    // Q3 opens on Thu 03/09/2026: 1–2/9 are Quốc khánh
    expect(rowDate(plan, 'report-Q3', 'open')).toBe('2026-09-03');
    // task-03 opens Mon 07/09/2026 + 15 working days → Mon 28/09/2026
    expect(rowDate(plan, 'task-03', 'due-today', 'MG')).toBe('2026-09-28');
    expect(plan.reporting?.periods).toEqual(['Q1', 'H1', 'Q3', 'Y']);
  });
});
