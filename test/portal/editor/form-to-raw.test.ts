/**
 * The editor's form and the plan file's content, both ways: every sample plan read into the form's fields and back
 * is the same plan; typed values are read as their kinds (dd/MM/yyyy dates, numbers, lists, choices); empty fields
 * are left out; problems land at their field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsePlanText } from '../../../domain/plan-file.js';
import { planSchema } from '../../../domain/plan-schema.js';
import { checkDraft } from '../../../portal/editor/draft-check.js';
import { draftYaml } from '../../../portal/editor/draft-yaml.js';
import { LIST_FIELDS, SECTIONS, type Field } from '../../../portal/editor/editor-fields.js';
import { en, vi } from '../../../portal/editor/editor-texts.js';
import { formToRaw } from '../../../portal/editor/form-to-raw.js';
import { datesAsShown } from '../../../portal/editor/form-values.js';
import { anchorOf, formModel, rawToForm } from '../../../portal/editor/raw-to-form.js';

const PLANS = ['demo', 'demo-truong', 'cchc-2021', 'mam-non-2026', 'sgddt-hcm-2022', 'soc-trang-2022'];
const rawOf = (name: string) => parse(readFileSync(`plans/${name}.yaml`, 'utf8')) as Record<string, unknown>;

/** Every key the schema knows at `node`, as `a.b.c` patterns (arrays as their elements), to compare with the form's. */
function schemaPatterns(node: unknown, prefix = ''): string[] {
  let n = node as { _zod: { def: Record<string, unknown> } };
  while (['optional', 'default', 'prefault'].includes(n._zod.def.type as string)) n = n._zod.def.innerType as typeof n;
  const def = n._zod.def;
  if (def.type === 'object')
    return Object.entries(def.shape as Record<string, unknown>).flatMap(([k, v]) => {
      const p = prefix ? `${prefix}.${k}` : k;
      return [p, ...schemaPatterns(v, p)];
    });
  if (def.type === 'array') return schemaPatterns(def.element, prefix);
  if (def.type === 'union') return (def.options as unknown[]).flatMap((o) => schemaPatterns(o, prefix));
  return [];
}

function formPatterns(fields: readonly Field[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    const p = prefix ? `${prefix}.${f.key}` : f.key;
    if (f.kind === 'group' || f.kind === 'list') return [p, ...formPatterns(f.fields, p)];
    if (f.kind === 'variant')
      return [p, ...Object.entries(f.variants).flatMap(([k, v]) => (v === true ? [`${p}.${k}`] : formPatterns(v, p)))];
    return [p];
  });
}

describe('the form and the plan file, both ways', () => {
  it('has a field for every field of the plan schema, and no other', () => {
    const form = new Set(formPatterns(SECTIONS.flatMap((s) => s.fields)));
    const schema = new Set(schemaPatterns(planSchema()));
    expect([...schema].filter((p) => !form.has(p))).toEqual([]);
    expect([...form].filter((p) => !schema.has(p))).toEqual([]);
  });

  it.each(PLANS)('plans/%s.yaml → form fields → the same content, and the same plan once parsed', (name) => {
    const raw = rawOf(name);
    expect(formToRaw(rawToForm(raw))).toEqual(raw);
    // A running plan's definition has every default filled in; it goes through the form unchanged too.
    const plan = planSchema().parse(raw);
    const back = formToRaw(rawToForm(plan as unknown as Record<string, unknown>));
    expect(planSchema().parse(back)).toEqual(plan);
  });

  it('writes dates dd/MM/yyyy and months MM/yyyy in the form, codes checked in the plan’s own order', () => {
    const values = rawToForm(rawOf('mam-non-2026'));
    expect(values['plan.signedOn']).toBe('27/02/2026');
    expect(values['units[0].head.email']).toBe('hieutruong.mndl@example.org');
    // themes: [CQS, TTHC] in the document's order, though the list has TTHC first.
    expect([values['ongoingDuties[1].themes~0'], values['ongoingDuties[1].themes~1']]).toEqual(['CQS', 'TTHC']);
    expect(values['reporting.officeDeadlineDay']).toBe('18');
    const cchc = rawToForm(rawOf('cchc-2021'));
    expect(cchc['recurringTasks[0].from']).toBe('01/2021');
    expect(cchc['recurringTasks[0].due']).toBe('lastWorkingDay');
    expect(cchc['ongoingDuties[0].target']).toBe('percent');
    expect(cchc['ongoingDuties[0].target.percent']).toBe('98');
  });

  it('reads typed values as the schema wants them; leaves empty fields out so they are reported missing', () => {
    const raw = formToRaw({
      'organisation.code': '  SGDDT-ST ',
      'organisation.name': '',
      'plan.signedOn': '5/1/2026',
      'plan.year': '2026',
      'units[0].code': 'VP',
      'units[0].name': '',
      'units[1].code': '',
      'tasks[0].number': '07',
      'tasks[0].opensOn': '31/04/2026',
      'tasks[0].due': 'on',
      'tasks[0].due.on': 'hôm nay',
      'tasks[0].due.workingDaysAfterOpening': '10',
      'tasks[0].reminders': '3, 1',
      'tasks[0].forms~1': 'HOP',
      'tasks[0].forms~0': 'WEBSITE',
      'tasks[0].escalation.officeAfter': '',
      'recurringTasks[0].due': 'lastWorkingDay',
      'recurringTasks[0].from': '3/2026',
      'ongoingDuties[0].target': 'percent',
      'ongoingDuties[0].target.percent': '12,5',
      'ongoingDuties[0].target.count': '4',
      'reporting.adHocAllowed': 'false',
      'reporting.cutOffDay': '1.000',
    });
    expect(raw).toEqual({
      organisation: { code: 'SGDDT-ST' },
      plan: { signedOn: '2026-01-05', year: 2026 },
      // An empty row stays: it is where the person types next.
      units: [{ code: 'VP' }, {}],
      tasks: [
        {
          number: 7,
          opensOn: '2026-04-31',
          due: { on: 'hôm nay' },
          reminders: [3, 1],
          forms: ['WEBSITE', 'HOP'],
        },
      ],
      recurringTasks: [{ due: { lastWorkingDay: true }, from: '2026-03' }],
      ongoingDuties: [{ target: { percent: 12.5 } }],
      reporting: { adHocAllowed: false, cutOffDay: '1.000' },
    });
  });

  it('places each problem at its field, in the plan file’s words with dates as the form writes them', () => {
    const raw = rawOf('demo');
    const units = raw.units as Record<string, unknown>[];
    units[1] = { ...units[1], head: { name: 'Trần Thị Bình', email: 'khtc-at-example.org' } };
    (raw.tasks as Record<string, unknown>[])[0]!.opensOn = '2026-04-31';
    raw.units = [...units, { code: 'TCCB', name: 'Trùng mã', head: { name: 'X', email: 'x@example.org' }, phone: 1 }];
    const check = checkDraft(raw, 'DEMO-SGDDT', 'vi');
    const at = (field: string) => check.problems.filter((p) => p.field === field).map((p) => p.message);
    expect(at('units[1].head.email')).toEqual(['"khtc-at-example.org" không phải là địa chỉ e-mail hợp lệ']);
    expect(at('tasks[0].opensOn')).toEqual([
      '"31/04/2026" không phải là ngày có thật: tháng 04 chỉ có 30 ngày (ngày cuối là 30/04/2026)',
    ]);
    // An unknown key has no field: the problem goes to its row.
    expect(at('units[3]').join()).toContain('"phone"');
    expect(check.plan).toBeUndefined();
    // The same problems as `kehoach plan validate` gives for the YAML of the draft.
    const validate = parsePlanText(draftYaml(raw), 'x.yaml', 'vi');
    expect(validate.ok).toBe(false);
    if (!validate.ok)
      expect(check.problems.map((p) => [p.path, p.message])).toEqual(
        validate.problems.map((p) => [p.path, datesAsShown(p.message)]),
      );
    // The editor of another organisation says whose draft it is.
    const foreign = checkDraft(rawOf('demo'), 'KHAC', 'en');
    expect(foreign.problems).toEqual([
      {
        path: 'organisation.code',
        field: 'organisation.code',
        message: 'this draft belongs to KHAC: the organisation code must be KHAC',
      },
    ]);
    expect(checkDraft(rawOf('demo'), 'DEMO-SGDDT', 'vi').plan?.plan.number).toBe('01/KH-SGDĐT');
  });

  it('finds the nearest place on the page for any path', () => {
    const { anchors } = formModel(rawOf('demo'));
    expect(anchorOf('tasks[1].units[0].unit', anchors)).toBe('tasks[1].units[0].unit');
    expect(anchorOf('tasks[1].units[5].unit', anchors)).toBe('tasks[1].units');
    expect(anchorOf('tasks[0].forms[1]', anchors)).toBe('tasks[0].forms');
    expect(anchorOf('nonsense.deep[2]', anchors)).toBe('');
    expect(anchorOf('', anchors)).toBe('');
  });

  it('has every text in both languages, and a row name for every list', () => {
    expect(Object.keys(en.labels).sort()).toEqual(Object.keys(vi.labels).sort());
    for (const list of LIST_FIELDS.values()) expect(vi.rows[list.row](2)).toMatch(/2/);
  });
});
