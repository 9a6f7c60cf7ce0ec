import { html } from 'hono/html';
import { PERIOD_CODES } from '../../domain/plan-schema.js';
import { childPath, domId, OPTION_VALUES, type ChoiceSource, type Field } from '../editor/editor-fields.js';
import type { EditorTexts } from '../editor/editor-texts.js';
import { chosenCodes, choiceNames, isRecord, valueAt, type AnchorKind } from '../editor/raw-to-form.js';
import type { Html } from './layout.js';

/** What every control of the editor page is drawn from: the draft, its form values, what to show at each place. */
export interface EditorView {
  t: EditorTexts;
  raw: Record<string, unknown>;
  values: Readonly<Record<string, string>>;
  /** Messages to show at each place of the page (fields, groups, rows, lists), by plan path. */
  problemsAt: ReadonlyMap<string, readonly string[]>;
  /** Fields a reader marked for the clerk, with why, by plan path. */
  marksAt: ReadonlyMap<string, readonly string[]>;
}

type Scalar = Exclude<Field, { kind: 'group' | 'list' | 'variant' | 'codes' }>;
type ListField = Extract<Field, { kind: 'list' }>;

/** The id of the element a problem at `path` is shown in. */
export function anchorId(path: string, kind: AnchorKind | undefined): string {
  return domId(kind === 'row' ? 'r' : kind === 'list' ? 'l' : 'f', path);
}

/** The messages at `path` (each its own line, so a screen reader reads them apart) and the reader's marks. */
function errorSlot(v: EditorView, path: string): Html {
  const messages = v.problemsAt.get(path) ?? [];
  const marks = v.marksAt.get(path) ?? [];
  return html`<p class="field-error" id="${domId('e', path)}">${messages.map((m) => html`<span>${m}</span>`)}</p>
    ${marks.map((m) => html`<p class="mark">${v.t.marked} ${m}</p>`)}`;
}

const invalid = (v: EditorView, path: string) => ((v.problemsAt.get(path)?.length ?? 0) > 0 ? 'true' : undefined);

/** The codes of one of the plan's lists (or the report periods) with their names, for drop-downs and checkboxes. */
function codeOptions(v: EditorView, source: ChoiceSource): { value: string; label: string }[] {
  if (source === 'periods')
    return PERIOD_CODES.map((code) => {
      const named = (v.t.periods as Record<string, unknown>)[code];
      const label = typeof named === 'string' ? named : v.t.periods.month(code.slice(1));
      return { value: code, label: `${code} – ${label}` };
    });
  const rows = Array.isArray(v.raw[source]) ? (v.raw[source] as unknown[]) : [];
  const seen = new Set<string>();
  const options: { value: string; label: string }[] = [];
  for (const row of rows) {
    if (!isRecord(row) || typeof row.code !== 'string' || row.code === '' || seen.has(row.code)) continue;
    seen.add(row.code);
    const name = typeof row.name === 'string' ? row.name : typeof row.title === 'string' ? row.title : '';
    options.push({ value: row.code, label: name ? `${row.code} – ${name}` : row.code });
  }
  return options;
}

/** `<option>`s for `choices`, the current value selected; a value not among them is kept and said to be so. */
function optionList(v: EditorView, current: string, choices: { value: string; label: string }[]): Html {
  const known = choices.some((c) => c.value === current);
  return html`<option value="">${v.t.none}</option>
    ${choices.map((c) => html`<option value="${c.value}" ${c.value === current ? 'selected' : ''}>${c.label}</option>`)}
    ${!known && current !== '' ? html`<option value="${current}" selected>${current} (${v.t.notInList})</option>` : ''}`;
}

function fixedChoices(v: EditorView, f: Scalar): { value: string; label: string }[] {
  if (f.kind === 'flag') return ['true', 'false'].map((value) => ({ value, label: v.t.options.flag[value as 'true'] }));
  if (f.kind === 'code') return codeOptions(v, f.source);
  if (f.kind !== 'select') return [];
  const labels = v.t.options[f.options] as Record<string, string>;
  return OPTION_VALUES[f.options].map((value) => ({ value, label: labels[value] ?? value }));
}

/**
 * One field: its label (or, in a table cell, an `aria-label` naming column and row), the control, its hint and the
 * place its problems are shown, tied to it by `aria-describedby` and `aria-invalid`.
 */
export function scalarControl(v: EditorView, f: Scalar, path: string, cell?: string): Html {
  const id = domId('f', path);
  const value = v.values[path] ?? '';
  const hint = f.hint && !cell ? v.t.hints[f.hint] : undefined;
  const describedBy = [hint ? domId('h', path) : '', domId('e', path)].filter(Boolean).join(' ');
  const common = {
    id,
    name: path,
    'aria-describedby': describedBy,
    'aria-invalid': invalid(v, path),
    'aria-label': cell,
  };
  const attrs = (extra: Record<string, string | undefined> = {}) =>
    html`${Object.entries({ ...common, ...extra })
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => html` ${k}="${x}"`)}`;
  let control: Html;
  if (f.kind === 'textarea') control = html`<textarea${attrs({ rows: cell ? '2' : '3' })}>${value}</textarea>`;
  else if (f.kind === 'select' || f.kind === 'flag' || f.kind === 'code')
    control = html`<select${attrs()}>
      ${optionList(v, value, fixedChoices(v, f))}
    </select>`;
  else {
    const extra: Record<string, string | undefined> = { type: f.kind === 'email' ? 'email' : 'text', value };
    if (f.kind === 'email') extra.autocomplete = 'off';
    if (f.kind === 'number' || f.kind === 'numbers') extra.inputmode = 'decimal';
    if (f.kind === 'date')
      Object.assign(extra, { inputmode: 'numeric', placeholder: 'dd/MM/yyyy', 'data-kind': 'date' });
    if (f.kind === 'month') Object.assign(extra, { inputmode: 'numeric', placeholder: 'MM/yyyy' });
    control = html`<input${attrs(extra)} />`;
  }
  const wide = !cell && (f.kind === 'textarea' || f.wide);
  return html`<div class="fld${wide ? ' wide' : ''}" data-field="${path}" data-kind="${f.kind}">
    ${cell ? '' : html`<label for="${id}">${v.t.labels[f.label]}</label>`}${control}
    ${hint ? html`<p class="hint" id="${domId('h', path)}">${hint}</p>` : ''}${errorSlot(v, path)}
  </div>`;
}

/** Several codes of one list (the forms of a duty, the report periods): one checkbox each, in the list's order. */
function codesControl(v: EditorView, f: Extract<Field, { kind: 'codes' }>, path: string): Html {
  const options = codeOptions(v, f.source);
  const chosen = chosenCodes(valueAt(v.raw, path));
  const extra = chosen.filter((c) => !options.some((o) => o.value === c));
  const all = [...options, ...extra.map((c) => ({ value: c, label: `${c} (${v.t.notInList})` }))];
  const names = choiceNames(
    path,
    all.map((o) => o.value),
    chosen,
  );
  const id = domId('f', path);
  const empty = f.source === 'periods' ? '' : v.t.empty[f.source];
  return html`<fieldset
    class="fld choices wide"
    id="${id}"
    data-field="${path}"
    data-kind="codes"
    aria-describedby="${domId('e', path)}"
  >
    <legend>${v.t.labels[f.label]}</legend>
    ${all.length === 0 ? html`<p class="hint">${empty}</p>` : ''}
    <div class="choice-list">
      ${all.map(
        (o, i) =>
          html`<label class="choice"
            ><input
              type="checkbox"
              id="${id}-${i}"
              name="${names.get(o.value)}"
              value="${o.value}"
              ${chosen.includes(o.value) ? 'checked' : ''}
              ${invalid(v, path) ? html`aria-invalid="true"` : ''}
            />
            ${o.label}</label
          >`,
      )}
    </div>
    ${errorSlot(v, path)}
  </fieldset>`;
}

/** A union (a deadline rule, a target): the drop-down that chooses its form, then each form's own fields. */
function variantControl(v: EditorView, f: Extract<Field, { kind: 'variant' }>, path: string): Html {
  const id = domId('f', path);
  const current = v.values[path] ?? '';
  const labels = v.t.options[f.options] as Record<string, string>;
  const choices = OPTION_VALUES[f.options].map((value) => ({ value, label: labels[value] ?? value }));
  return html`<div class="fld variant wide" data-field="${path}" data-kind="variant">
    <label for="${id}">${v.t.labels[f.label]}</label>
    <select
      id="${id}"
      name="${path}"
      aria-describedby="${domId('e', path)}"
      ${invalid(v, path) ? html`aria-invalid="true"` : ''}
    >
      ${optionList(v, current, choices)}
    </select>
    ${errorSlot(v, path)}
    ${Object.entries(f.variants).map(([name, fields]) =>
      fields === true
        ? ''
        : html`<div class="variant-case" data-case="${name}">
            ${fields.map((sub) => fieldControl(v, sub, childPath(path, sub.key), 1))}
          </div>`,
    )}
  </div>`;
}

/** The buttons that move or remove row `i` of `list` (first rows cannot go up, last rows cannot go down). */
function rowButtons(v: EditorView, list: string, i: number, count: number, rowName: string): Html {
  const t = v.t.rowOps;
  const button = (op: string, text: string, label: string) =>
    html`<button type="submit" class="secondary small" name="op" value="${list}.${op}.${i}" aria-label="${label}">
      ${text}
    </button>`;
  return html`<div class="row-ops">
    ${i > 0 ? button('up', t.up, t.upLabel(rowName)) : ''}
    ${i < count - 1 ? button('down', t.down, t.downLabel(rowName)) : ''}
    ${button('remove', t.remove, t.removeLabel(rowName))}
  </div>`;
}

/** The scalars of a table row, groups flattened (`head.name`, `head.email` are columns of the units table). */
function columns(fields: readonly Field[], prefix = ''): { key: string; field: Scalar; group?: string }[] {
  return fields.flatMap((f) => {
    const key = prefix === '' ? f.key : `${prefix}.${f.key}`;
    if (f.kind === 'group') return columns(f.fields, key).map((c) => ({ ...c, group: c.group ?? key }));
    if (f.kind === 'list' || f.kind === 'variant' || f.kind === 'codes') return [];
    return [{ key, field: f }];
  });
}

/** A list shown as a table (units, themes, forms, a duty's units): a row each, stacked on a phone. */
function tableList(v: EditorView, f: ListField, path: string): Html {
  const rows = rowNumbers(v, path);
  const cols = columns(f.fields);
  const groups = [...new Set(cols.map((c) => c.group).filter((g): g is string => g !== undefined))];
  const label = v.t.labels[f.label];
  const body = rows.map((i) => {
    const rowPath = childPath(path, i);
    const rowName = v.t.rows[f.row](i + 1);
    return html`<tr id="${domId('r', rowPath)}" data-field="${rowPath}" data-kind="row">
      <th scope="row">${i + 1}</th>
      ${cols.map(
        (c) =>
          html`<td data-label="${v.t.labels[c.field.label]}">
            ${scalarControl(v, c.field, `${rowPath}.${c.key}`, v.t.cell(v.t.labels[c.field.label], rowName))}
          </td>`,
      )}
      <td class="ops" data-label="${v.t.rowOps.heading}">
        ${rowButtons(v, path, i, rows.length, rowName)} ${errorSlot(v, rowPath)}
        ${groups.map(
          (g) =>
            html`<div class="fld" id="${domId('f', `${rowPath}.${g}`)}" data-field="${rowPath}.${g}" data-kind="group">
              ${errorSlot(v, `${rowPath}.${g}`)}
            </div>`,
        )}
      </td>
    </tr>`;
  });
  return html`<div class="list" id="${domId('l', path)}" data-field="${path}" data-kind="list">
    ${errorSlot(v, path)}
    ${
      rows.length === 0
        ? html`<p class="hint">${v.t.empty[f.row]}</p>`
        : html`<div class="table-wrap">
            <table class="rows">
              <caption class="sr-only">
                ${label}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${v.t.rowOps.number}</th>
                  ${cols.map((c) => html`<th scope="col">${v.t.labels[c.field.label]}</th>`)}
                  <th scope="col">${v.t.rowOps.heading}</th>
                </tr>
              </thead>
              <tbody>
                ${body}
              </tbody>
            </table>
          </div>`
    }
    <button type="submit" class="secondary add" name="op" value="${path}.add">${v.t.add[f.row]}</button>
  </div>`;
}

/** The row numbers of the list at `path` in the draft. */
function rowNumbers(v: EditorView, path: string): number[] {
  const list = valueAt(v.raw, path);
  return Array.isArray(list) ? list.map((_, i) => i) : [];
}

/** A list shown as cards (the duties): each row a fieldset with all its fields. */
function cardList(v: EditorView, f: ListField, path: string): Html {
  const rows = rowNumbers(v, path);
  const cards = rows.map((i) => {
    const rowPath = childPath(path, i);
    const rowName = v.t.rows[f.row](i + 1);
    const title = v.values[`${rowPath}.title`];
    return html`<fieldset class="card-row" id="${domId('r', rowPath)}" data-field="${rowPath}" data-kind="row">
      <legend>${rowName}${title ? `: ${title}` : ''}</legend>
      ${errorSlot(v, rowPath)}
      <div class="grid">${f.fields.map((sub) => fieldControl(v, sub, childPath(rowPath, sub.key), 1))}</div>
      ${rowButtons(v, path, i, rows.length, rowName)}
    </fieldset>`;
  });
  return html`<div class="list" id="${domId('l', path)}" data-field="${path}" data-kind="list">
    ${errorSlot(v, path)} ${rows.length === 0 ? html`<p class="hint">${v.t.empty[f.row]}</p>` : cards}
    <button type="submit" class="secondary add" name="op" value="${path}.add">${v.t.add[f.row]}</button>
  </div>`;
}

/**
 * Any field of the catalogue at `path`. `depth` 0 is a section's own field: a group there needs no legend of its
 * own when it is the section's only field (the section's heading names it).
 */
export function fieldControl(v: EditorView, f: Field, path: string, depth: number, alone = false): Html {
  switch (f.kind) {
    case 'group': {
      const inner = html`${errorSlot(v, path)}
        <div class="grid">${f.fields.map((sub) => fieldControl(v, sub, childPath(path, sub.key), depth + 1))}</div>`;
      if (depth === 0 && alone)
        return html`<div class="grp" id="${domId('f', path)}" data-field="${path}" data-kind="group">${inner}</div>`;
      return html`<fieldset class="grp wide" id="${domId('f', path)}" data-field="${path}" data-kind="group">
        <legend>${v.t.labels[f.label]}</legend>
        ${inner}
      </fieldset>`;
    }
    case 'list':
      return html`<div class="wide">
        ${depth > 0 ? html`<p class="list-label">${v.t.labels[f.label]}</p>` : ''}
        ${f.layout === 'table' ? tableList(v, f, path) : cardList(v, f, path)}
      </div>`;
    case 'codes':
      return codesControl(v, f, path);
    case 'variant':
      return variantControl(v, f, path);
    default:
      return scalarControl(v, f, path);
  }
}
