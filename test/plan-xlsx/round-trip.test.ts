import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../domain/plan-file.js';
import type { Plan } from '../../domain/plan-schema.js';
import { planToWorkbook } from '../../plan-xlsx/export.js';
import { formatXlsxProblems, workbookToPlan } from '../../plan-xlsx/import.js';

/** Every sample plan; the organisations directory is not a plan. */
const SAMPLES = readdirSync('plans')
  .filter((f) => f.endsWith('.yaml') && f !== 'organisations.yaml')
  .sort();

function samplePlan(file: string): Plan {
  const r = parsePlanText(readFileSync(`plans/${file}`), file);
  if (!r.ok) throw new Error(`plans/${file} is not valid`);
  return r.plan;
}

describe('a plan exported to Excel and imported back', () => {
  it('covers every sample plan', () => {
    expect(SAMPLES).toEqual([
      'cchc-2021.yaml',
      'demo-truong.yaml',
      'demo.yaml',
      'mam-non-2026.yaml',
      'sgddt-hcm-2022.yaml',
      'soc-trang-2022.yaml',
    ]);
  });

  it.each(SAMPLES)('%s comes back as the same plan', async (file) => {
    const plan = samplePlan(file);
    const back = await workbookToPlan(await planToWorkbook(plan), file.replace('.yaml', '.xlsx'));
    if (!back.ok) throw new Error(formatXlsxProblems(back.problems));
    expect(back.plan).toStrictEqual(plan);
  });

  it('keeps what the samples leave out: themes, form targets, share targets, calendar days, demo clock, the plan carried out, the body above and subordinates with titles or without a director', async () => {
    const plan = samplePlan('demo.yaml');
    const richer: Plan = {
      ...plan,
      subordinates: [
        {
          code: 'DEMO-THCS',
          name: 'Trường Trung học cơ sở (bản chạy thử)',
          office: { name: 'Nguyễn Văn Tâm', title: 'Chánh Văn phòng', email: 'vanphong.thcs@example.org' },
          director: { name: 'Lê Thị Mai', title: 'Hiệu trưởng', email: 'hieutruong.thcs@example.org' },
        },
        ...plan.subordinates,
        {
          code: 'DEMO-MN',
          name: 'Trường Mầm non (bản chạy thử)',
          office: { name: 'Văn phòng nhà trường', email: 'vanphong.mn@example.org' },
        },
      ],
      organisation: { ...plan.organisation, reportsTo: 'UBND-DEMO' },
      plan: {
        ...plan.plan,
        carriesOut: {
          kind: 'Quyết định',
          number: '4832/QĐ-UBND',
          signedOn: '2025-12-31',
          issuer: 'Ủy ban nhân dân Thành phố',
          org: 'UBND-DEMO',
          year: 2026,
        },
      },
      themes: [{ code: 'CCHC', title: 'Cải cách hành chính' }],
      forms: plan.forms.map((f, i) => (i === 0 ? { ...f, target: { count: 4, per: 'month' } } : f)),
      tasks: plan.tasks.map((t, i) =>
        i === 0
          ? {
              ...t,
              themes: ['CCHC'],
              reminders: [5, 2],
              escalation: { officeAfter: 2, directorAfter: 4 },
              deadlinePolicy: 'BACKWARD',
              due: { workingDaysAfterOpening: 7 },
            }
          : t,
      ),
      recurringTasks: [
        {
          number: 5,
          title: 'Bản tin hàng quý',
          content: 'Phát hành bản tin\nmỗi quý.',
          themes: [],
          forms: ['WEBSITE'],
          units: [
            { unit: 'TCCB', role: 'support' },
            { unit: 'KHTC', role: 'lead' },
          ],
          every: 'quarter',
          from: '2026-01',
          to: '2026-12',
          due: { day: 25 },
          opensWorkingDaysBefore: 10,
        },
      ],
      ongoingDuties: [
        {
          number: 9,
          title: 'Niêm yết thủ tục hành chính',
          content: 'Niêm yết công khai, đầy đủ.',
          themes: ['CCHC'],
          forms: ['WEBSITE', 'MEETING'],
          units: [{ unit: 'VP', role: 'lead' }],
          target: { percent: 99.5, of: 'thủ tục hành chính được niêm yết' },
        },
      ],
      calendar: {
        saturdaysWorking: true,
        overrides: [{ date: '2026-02-14', kind: 'working', reason: 'Làm bù cho thứ Hai 16/02' }],
      },
      defaults: { ...plan.defaults, sendAt: '07:30' },
    };
    const valid = parsePlanText(JSON.stringify(richer), 'richer.json');
    if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
    const back = await workbookToPlan(await planToWorkbook(valid.plan), 'richer.xlsx');
    if (!back.ok) throw new Error(formatXlsxProblems(back.problems));
    expect(back.plan).toStrictEqual(valid.plan);
    expect(back.plan.recurringTasks[0]?.units.map((u) => u.unit)).toEqual(['TCCB', 'KHTC']);
    expect(back.plan.plan.carriesOut?.signedOn).toBe('2025-12-31');
    expect(back.plan.organisation.reportsTo).toBe('UBND-DEMO');
    expect(back.plan.subordinates.map((x) => [x.code, x.office.title, x.director?.title])).toEqual([
      ['DEMO-THCS', 'Chánh Văn phòng', 'Hiệu trưởng'],
      ['DEMO-THPT', undefined, undefined],
      ['DEMO-MN', undefined, undefined],
    ]);
    expect(back.plan.subordinates[2]).not.toHaveProperty('director');
  });
});
