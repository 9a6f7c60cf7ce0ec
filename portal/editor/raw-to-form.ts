import { childPath, SECTIONS, type Field } from './editor-fields.js';
import { dateShown, monthShown, shown } from './form-values.js';

/** What a path on the page is: a field of some kind, a group of fields, a list, or one row of a list. */
export type AnchorKind = Field['kind'] | 'row';

/**
 * The editor's form for a plan file's content: every field's value by its name (its plan path, as
 * `PlanProblem.path` writes it), and every place on the page a problem can be shown at (fields, groups, lists,
 * rows). A multiple choice sends one field per checked code, `tasks[0].forms~0`, `~1` … in the order the codes are
 * kept (see `choiceNames`).
 */
export interface FormModel {
  values: Record<string, string>;
  anchors: Map<string, AnchorKind>;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The codes a multiple choice holds, as text, in the plan's order. */
export function chosenCodes(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(shown);
}

/** The name of each checkbox of a multiple choice: the chosen ones first (their order is kept), then the others. */
export function choiceNames(path: string, options: readonly string[], chosen: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  chosen.forEach((code, i) => names.set(code, `${path}~${i}`));
  let next = chosen.length;
  for (const code of options) if (!names.has(code)) names.set(code, `${path}~${next++}`);
  return names;
}

/** The variant a union value is written in: the first whose key it has (`{ on: … }` → `on`). */
export function chosenVariant(f: Extract<Field, { kind: 'variant' }>, value: unknown): string | undefined {
  return isRecord(value) ? Object.keys(f.variants).find((k) => k in value) : undefined;
}

function walk(fields: readonly Field[], value: unknown, prefix: string, model: FormModel): void {
  const obj = isRecord(value) ? value : {};
  for (const f of fields) field(f, obj[f.key], childPath(prefix, f.key), model);
}

function field(f: Field, value: unknown, path: string, model: FormModel): void {
  model.anchors.set(path, f.kind);
  switch (f.kind) {
    case 'date':
      model.values[path] = dateShown(value);
      return;
    case 'month':
      model.values[path] = monthShown(value);
      return;
    case 'numbers':
      model.values[path] = Array.isArray(value) ? value.map(shown).join(', ') : shown(value);
      return;
    case 'codes':
      chosenCodes(value).forEach((code, i) => (model.values[`${path}~${i}`] = code));
      return;
    case 'variant': {
      const chosen = chosenVariant(f, value);
      model.values[path] = chosen ?? '';
      for (const [name, fields] of Object.entries(f.variants))
        if (fields !== true) walk(fields, name === chosen ? value : undefined, path, model);
      return;
    }
    case 'group':
      walk(f.fields, value, path, model);
      return;
    case 'list':
      if (Array.isArray(value))
        value.forEach((row, i) => {
          const rowPath = childPath(path, i);
          model.anchors.set(rowPath, 'row');
          walk(f.fields, row, rowPath, model);
        });
      return;
    default:
      model.values[path] = shown(value);
  }
}

/** The form the editor shows for `raw` (a plan file's content, valid or not). */
export function formModel(raw: Record<string, unknown>): FormModel {
  const model: FormModel = { values: {}, anchors: new Map() };
  for (const section of SECTIONS) walk(section.fields, raw, '', model);
  return model;
}

/** Just the values: what the form posts back when nothing is changed. */
export const rawToForm = (raw: Record<string, unknown>): Record<string, string> => formModel(raw).values;

/**
 * Where on the page a problem at `path` is shown: the path itself when it is a field, else its nearest enclosing
 * field, row, group or list (`tasks[3].units[0].unit` → itself; `units[0].phone` → the row `units[0]`); '' when
 * nothing on the page holds it (the top of the page lists those).
 */
export function anchorOf(path: string, anchors: ReadonlyMap<string, AnchorKind>): string {
  for (let p = path; p !== '';) {
    if (anchors.has(p)) return p;
    const up = p.replace(/(\[\d+\]|\.?[^.[\]]+)$/, '');
    if (up === p) return '';
    p = up;
  }
  return '';
}

/** The value at a plan path in a plan file's content (`tasks[0].forms`), or undefined when it is not there. */
export function valueAt(raw: unknown, path: string): unknown {
  let node = raw;
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) node = Array.isArray(node) ? (node as unknown[])[Number(m[2])] : undefined;
    else node = isRecord(node) ? node[m[1]!] : undefined;
  }
  return node;
}
