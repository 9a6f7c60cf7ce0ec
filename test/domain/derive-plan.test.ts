import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { derivePlan, PLACEHOLDER_UNIT, type DerivedPlan, type SubordinateBody } from '../../domain/derive-plan.js';
import { parentDeadlineWarnings } from '../../domain/parent-deadline-checks.js';
import { parsePlanText } from '../../domain/plan-file.js';
import { planSchema, type Plan } from '../../domain/plan-schema.js';
import { reportItems } from '../../domain/reporting-periods.js';
import { buildWorkCalendar } from '../../domain/work-calendar.js';
import { loadDirectoryFile } from '../../organisations/directory-file.js';
import { childrenOf, findOrganisation } from '../../organisations/tree.js';

/** A sample plan file, validated. */
function samplePlan(file: string): Plan {
  const r = parsePlanText(readFileSync(file), file);
  if (!r.ok) throw new Error(`${file} is invalid: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.plan;
}

/** `plans/demo.yaml` with another reporting regime (same units, forms and tasks). */
function demoWith(reporting: Record<string, unknown>): Plan {
  const file = readFileSync('plans/demo.yaml', 'utf8');
  const r = parsePlanText(file, 'demo.yaml');
  if (!r.ok) throw new Error('plans/demo.yaml is invalid');
  return planSchema().parse({ ...r.plan, reporting });
}

/** What a clerk types for the fields the draft leaves empty, by path. */
const CLERK: Record<string, unknown> = {
  'organisation.symbol': 'THPT',
  'plan.number': '05/KH-THPT',
  'plan.title': 'Tuyên truyền cải cách hành chính năm 2026 của nhà trường',
  'director.name': 'Phạm Thị Hoa',
  'director.email': 'hieutruong@example.org',
};

const valueAt = (o: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);

/** The draft with every marked field that is still empty filled in as a clerk would, and the plan's signing date. */
function filledIn(derived: DerivedPlan, signedOn: string): Record<string, unknown> {
  const raw = structuredClone(derived.raw) as Record<string, unknown>;
  for (const { field } of derived.marked) {
    if (valueAt(raw, field) !== undefined) continue;
    const [section, key] = field.split('.') as [string, string];
    const value = field === 'plan.signedOn' ? signedOn : CLERK[field];
    if (value === undefined) throw new Error(`the test has no value for the empty marked field ${field}`);
    (raw[section] as Record<string, unknown>)[key] = value;
  }
  (raw.plan as Record<string, unknown>).signedOn = signedOn;
  return raw;
}

/** The filled-in draft through the same reader as any plan file. */
function validated(raw: Record<string, unknown>): Plan {
  const r = parsePlanText(stringify(raw), 'derived.yaml', 'en');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.plan;
}

/**
 * The civil-service calendar of 2026 written out here, apart from `domain/official-calendar.ts`: Monday–Friday, minus
 * the days off the government announced, plus the Saturdays worked in exchange.
 */
const OFF_2026 = new Set([
  '2026-01-01',
  '2026-01-02', // Tết Dương lịch, swapped with Sat 10/01
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20', // Tết Bính Ngọ
  '2026-04-27', // nghỉ bù Giỗ Tổ (Sun 26/04)
  '2026-04-30',
  '2026-05-01',
  '2026-08-31', // swapped with Sat 22/08
  '2026-09-01',
  '2026-09-02',
]);
const WORKED_SATURDAYS_2026 = new Set(['2026-01-10', '2026-08-22']);
function isWorking2026(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (WORKED_SATURDAYS_2026.has(date)) return true;
  return day !== 0 && day !== 6 && !OFF_2026.has(date);
}
/** Working days from `from` (included) to `to` (excluded), counted one day at a time. */
function workingDaysAhead(from: string, to: string): number {
  let n = 0;
  for (let d = new Date(`${from}T00:00:00Z`); d < new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
    if (isWorking2026(d.toISOString().slice(0, 10))) n++;
  return n;
}

/** The child's office deadline per period, read off the validated child plan as the workflows would. */
function childOffice(child: Plan): Record<string, string> {
  return Object.fromEntries(
    reportItems(child, buildWorkCalendar(child)).map((i) => [i.period.code, i.period.officeDue.date]),
  );
}

describe('derivePlan: plans/demo.yaml handed down to DEMO-THPT', () => {
  let parent: Plan;
  let school: SubordinateBody;
  let derived: DerivedPlan;

  beforeAll(async () => {
    parent = samplePlan('plans/demo.yaml');
    const dir = await loadDirectoryFile('plans/organisations.yaml');
    const entry = findOrganisation(dir, 'DEMO-THPT')!;
    school = { code: entry.code, name: entry.name, office: entry.office, director: entry.director };
    derived = derivePlan(parent, school, { leadWorkingDays: 2 });
  });

  it('cites the parent, reports to it and inherits its forms and duties, held by one placeholder unit', () => {
    const { raw } = derived;
    expect(raw.organisation).toMatchObject({
      code: 'DEMO-THPT',
      name: 'Trường Trung học phổ thông (bản chạy thử)',
      parentBody: 'Sở Giáo dục và Đào tạo (bản chạy thử)',
      reportsTo: 'DEMO-SGDDT',
    });
    expect(raw.plan).toEqual({
      year: 2026,
      carriesOut: {
        kind: 'Kế hoạch',
        number: '01/KH-SGDĐT',
        signedOn: '2026-01-05',
        issuer: 'Sở Giáo dục và Đào tạo (bản chạy thử)',
        org: 'DEMO-SGDDT',
        year: 2026,
      },
    });
    expect(raw.office).toEqual({ name: 'Văn phòng', email: 'vanphong.thpt@example.org', unit: PLACEHOLDER_UNIT });
    expect(raw.director).toEqual({ email: 'hieutruong.thpt@example.org' });
    expect(raw.units.map((u) => u.code)).toEqual([PLACEHOLDER_UNIT]);
    expect(raw.forms).toEqual(parent.forms);
    expect(raw.tasks.map((t) => [t.number, t.title, t.opensOn, t.due])).toEqual(
      parent.tasks.map((t) => [t.number, t.title, t.opensOn, t.due]),
    );
    // The parent's units (KHTC, TCCB) are not the school's: every duty is the placeholder's until the clerk reassigns.
    expect(raw.tasks.flatMap((t) => t.units)).toEqual([
      { unit: PLACEHOLDER_UNIT, role: 'lead' },
      { unit: PLACEHOLDER_UNIT, role: 'lead' },
    ]);
    expect(raw.reporting?.periods).toEqual(['Q1', 'H1', 'Q3', 'Y']);
  });

  it('marks what only the school knows, and fails validation exactly there until the clerk fills it in', () => {
    const fields = derived.marked.map((m) => m.field);
    for (const f of ['plan.number', 'plan.title', 'plan.signedOn', 'organisation.symbol', 'director.name', 'units'])
      expect(fields).toContain(f);
    for (const m of derived.marked) expect(m.reason).toMatch(/ \/ /); // Vietnamese / English
    const r = parsePlanText(stringify(derived.raw), 'derived.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const empty = fields.filter((f) => valueAt(derived.raw, f) === undefined);
    expect(new Set(r.problems.map((p) => p.path))).toEqual(new Set(empty));
  });

  it('validates once the marked fields are filled in', () => {
    const child = validated(filledIn(derived, '2026-01-06'));
    expect(child.organisation.reportsTo).toBe('DEMO-SGDDT');
    expect(child.plan.carriesOut?.number).toBe('01/KH-SGDĐT');
    expect(parentDeadlineWarnings(child, parent, 'vi', 2)).toEqual([]);
  });

  it('puts every office deadline at least 2 working days before the parent units’ deadline', () => {
    const child = validated(filledIn(derived, '2026-01-06'));
    const office = childOffice(child);
    // The parent's deadlines for its units, by hand: office day 20 moved FORWARD off weekends, then 2 working days back.
    const parentUnits: Record<string, string> = {
      Q1: '2026-03-18', // Fri 20/03 → Wed 18/03
      H1: '2026-06-18', // Sat 20/06 → Mon 22/06 → Thu 18/06
      Q3: '2026-09-17', // Sun 20/09 → Mon 21/09 → Thu 17/09
      Y: '2026-12-17', // Sun 20/12 → Mon 21/12 → Thu 17/12
    };
    expect(Object.keys(office)).toEqual(Object.keys(parentUnits));
    for (const [period, due] of Object.entries(parentUnits)) {
      expect(workingDaysAhead(office[period]!, due), period).toBeGreaterThanOrEqual(2);
      expect(derived.deadlines.find((d) => d.period === period)).toMatchObject({
        parentUnitDue: due,
        childOfficeDue: office[period],
      });
    }
    // Q1: day 15 is a Sunday, moved to Mon 16/03, exactly 2 working days (16, 17/03) before Wed 18/03.
    expect(office.Q1).toBe('2026-03-16');
    expect(child.reporting?.officeDeadlineDay).toBe(15);
  });

  it('keeps a working day after the cut-off at each level (ND 09/2019 Điều 8 k5), saying why it moved the cut-off', () => {
    const child = validated(filledIn(derived, '2026-01-06'));
    // Cut-off on the 14th (Sat 14/03) would leave no working day before Mon 16/03: the draft cuts off earlier.
    expect(child.reporting?.cutOffDay).toBeLessThan(14);
    const cut = derived.marked.find((m) => m.field === 'reporting.cutOffDay');
    expect(cut?.reason).toContain('NĐ 09/2019 Điều 8 k5');
    expect(cut?.reason).toContain(`ngày ${child.reporting?.cutOffDay} thay cho ngày 14`);
  });

  it('counts across 30/4–1/5 and nghỉ bù Giỗ Tổ: the parent due Thu 30/04 for April', () => {
    // Parent's office Thu 30/04 (a holiday) → FORWARD past Fri 01/05 and the weekend → Mon 04/05; its units 2 working
    // days before: Wed 29/04, Tue 28/04. Two working days before that: Mon 27/04 is nghỉ bù Giỗ Tổ, so Fri 24/04 and
    // Thu 23/04.
    const april = demoWith({ periods: ['M04'], officeDeadlineDay: 30, unitWorkingDaysBeforeOffice: 2 });
    const d = derivePlan(april, school, { leadWorkingDays: 2 });
    const child = validated(filledIn(d, '2026-01-06'));
    expect(d.deadlines).toEqual([
      { period: 'M04', parentUnitDue: '2026-04-28', latest: '2026-04-23', childOfficeDue: '2026-04-23' },
    ]);
    expect(childOffice(child)).toEqual({ M04: '2026-04-23' });
    expect(workingDaysAhead('2026-04-23', '2026-04-28')).toBe(2);
    expect(workingDaysAhead('2026-04-24', '2026-04-28')).toBe(1);
  });

  it('counts across Tết: the parent due Wed 25/02 for February', () => {
    // Parent's units: Tue 24/02, Mon 23/02. Two working days before: Tết 16–20/02 and its weekends, so Fri 13/02 and
    // Thu 12/02 — before the cut-off of the 14th, which the draft moves earlier (and marks).
    const february = demoWith({ periods: ['M02'], officeDeadlineDay: 25, unitWorkingDaysBeforeOffice: 2 });
    const d = derivePlan(february, school, { leadWorkingDays: 2 });
    const child = validated(filledIn(d, '2026-01-06'));
    expect(childOffice(child)).toEqual({ M02: '2026-02-12' });
    expect(workingDaysAhead('2026-02-12', '2026-02-23')).toBe(2);
    expect(child.reporting?.cutOffDay).toBeLessThan(12);
    expect(d.marked.map((m) => m.field)).toContain('reporting.cutOffDay');
  });

  it('asks for more working days when told to', () => {
    const d = derivePlan(parent, school, { leadWorkingDays: 4 });
    const office = childOffice(validated(filledIn(d, '2026-01-06')));
    expect(workingDaysAhead(office.Q1!, '2026-03-18')).toBeGreaterThanOrEqual(4);
    expect(workingDaysAhead(office.Q3!, '2026-09-17')).toBeGreaterThanOrEqual(4);
  });
});

describe('derivePlan: a parent with recurring tasks, ongoing duties and targets (plans/cchc-2021.yaml)', () => {
  it('inherits every duty with its target, each held by the placeholder unit, and validates once filled in', () => {
    const parent = samplePlan('plans/cchc-2021.yaml');
    const d = derivePlan(
      parent,
      { code: 'THCS-THU', name: 'Trường Trung học cơ sở (thử nghiệm)', office: 'vp@thcs.example.org', symbol: 'THCS' },
      { leadWorkingDays: 2 },
    );
    expect(d.raw.ongoingDuties.map((o) => [o.number, o.target])).toEqual(
      parent.ongoingDuties.map((o) => [o.number, o.target]),
    );
    expect(d.raw.recurringTasks.map((r) => [r.number, r.every, r.from, r.to, r.due])).toEqual(
      parent.recurringTasks.map((r) => [r.number, r.every, r.from, r.to, r.due]),
    );
    for (const duty of [...d.raw.tasks, ...d.raw.recurringTasks, ...d.raw.ongoingDuties])
      expect(duty.units).toEqual([{ unit: PLACEHOLDER_UNIT, role: 'lead' }]);
    // No director in the entry: the draft asks for the address too.
    expect(d.marked.map((m) => m.field)).toContain('director.email');
    const child = validated(filledIn(d, '2021-01-25'));
    expect(child.ongoingDuties).toHaveLength(parent.ongoingDuties.length);
    expect(parentDeadlineWarnings(child, parent, 'en', 2)).toEqual([]);
  });
});

describe('derivePlan: the child’s own subordinates, never the parent’s', () => {
  const THREE_LEVELS = 'test/fixtures/organisations/three-levels.yaml';
  const isSubordinateMark = (field: string) => field.startsWith('subordinates');

  it('hands none of the parent’s subordinates down: DEMO-THPT, itself one of them, has none', () => {
    const parent = samplePlan('plans/demo.yaml');
    expect(parent.subordinates.map((s) => s.code)).toEqual(['DEMO-THPT']);
    const school = { code: 'DEMO-THPT', name: 'Trường Trung học phổ thông (bản chạy thử)', office: 'vp@example.org' };
    const d = derivePlan(parent, { ...school, below: [] }, { leadWorkingDays: 2 });
    expect(d.raw).not.toHaveProperty('subordinates');
    expect(d.marked.map((m) => m.field).filter(isSubordinateMark)).toEqual([]);
    expect(validated(filledIn(d, '2026-01-06')).subordinates).toEqual([]);
  });

  it('fills a district office’s subordinates from the directory bodies below it, names left for the clerk', async () => {
    // Sở (plans/demo.yaml) → Phòng GD&ĐT Quận 1 → its two schools; Quận 3 and its school are a sibling branch.
    const parent = samplePlan('plans/demo.yaml');
    const dir = await loadDirectoryFile(THREE_LEVELS);
    const office = findOrganisation(dir, 'PGDDT-Q1')!;
    const below = childrenOf(dir, 'PGDDT-Q1').map(({ code, name, office, director }) => ({
      code,
      name,
      office,
      director,
    }));
    const d = derivePlan(
      parent,
      { code: office.code, name: office.name, office: office.office, director: office.director, below },
      { leadWorkingDays: 2 },
    );
    expect(d.raw.subordinates).toEqual([
      {
        code: 'TH-BEN-NGHE',
        name: 'Trường Tiểu học Bến Nghé (bản chạy thử)',
        office: { email: 'vanphong.th-ben-nghe@example.org' },
        director: { email: 'hieutruong.th-ben-nghe@example.org' },
      },
      {
        code: 'THCS-DA-KAO',
        name: 'Trường Trung học cơ sở Đa Kao (bản chạy thử)',
        office: { email: 'vanphong.thcs-da-kao@example.org' },
      },
    ]);
    const marks = d.marked.filter((m) => isSubordinateMark(m.field));
    expect(marks.map((m) => m.field)).toEqual([
      'subordinates[0].office.name',
      'subordinates[0].director.name',
      'subordinates[1].office.name',
    ]);
    expect(marks[0]?.reason).toContain('Trường Tiểu học Bến Nghé (bản chạy thử) (TH-BEN-NGHE)');
    for (const m of marks) expect(m.reason).toMatch(/ \/ /);

    // With everything else filled in, the plan fails exactly at the names the clerk has still to write.
    const rest = filledIn({ ...d, marked: d.marked.filter((m) => !isSubordinateMark(m.field)) }, '2026-01-06');
    const unnamed = parsePlanText(stringify(rest), 'derived.yaml', 'en');
    expect(unnamed.ok ? [] : unnamed.problems.map((p) => p.path)).toEqual(marks.map((m) => m.field));

    const [first, second] = rest.subordinates as Record<string, Record<string, unknown>>[];
    first!.office!.name = 'Văn phòng nhà trường';
    first!.director!.name = 'Nguyễn Thị Lan';
    second!.office!.name = 'Văn phòng nhà trường';
    const child = validated(rest);
    expect(child.subordinates.map((s) => [s.code, s.office.email, s.director?.name])).toEqual([
      ['TH-BEN-NGHE', 'vanphong.th-ben-nghe@example.org', 'Nguyễn Thị Lan'],
      ['THCS-DA-KAO', 'vanphong.thcs-da-kao@example.org', undefined],
    ]);
    expect(parentDeadlineWarnings(child, parent, 'vi', 2)).toEqual([]);
  });
});
