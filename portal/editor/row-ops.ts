import { childPath, domId, DUTY_LISTS, LIST_FIELDS, patternOf } from './editor-fields.js';
import { isRecord } from './raw-to-form.js';

/** A row operation of the editor's lists: the submit button `op=units.add`, `units.remove.2`, `tasks[0].units.up.1`. */
export interface RowOp {
  /** The list's plan path: `units`, `tasks[0].units`, `calendar.overrides`. */
  list: string;
  action: 'add' | 'remove' | 'up' | 'down';
  row: number;
}

/** The row operation a button names, or undefined for any other value (save, check) and for lists the editor has not. */
export function parseRowOp(op: string): RowOp | undefined {
  const m = /^(.+)\.(add|remove|up|down)(?:\.(\d{1,4}))?$/.exec(op);
  if (!m || !LIST_FIELDS.has(patternOf(m[1]!))) return undefined;
  const action = m[2] as RowOp['action'];
  if ((action === 'add') !== (m[3] === undefined)) return undefined;
  return { list: m[1]!, action, row: Number(m[3] ?? 0) };
}

/** `tasks[0].units` → `['tasks', 0, 'units']`. */
function segments(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** The next duty number free across the three kinds of duty (numbers are unique across them). */
function nextDutyNumber(raw: Record<string, unknown>): number {
  const numbers = DUTY_LISTS.flatMap((k) => (Array.isArray(raw[k]) ? (raw[k] as unknown[]) : [])).map((d) =>
    isRecord(d) && typeof d.number === 'number' ? d.number : 0,
  );
  return Math.min(99, Math.max(0, ...numbers) + 1);
}

/** What a new row starts with: a duty its next number; a duty's first unit leads, the next ones support. */
function newRow(raw: Record<string, unknown>, list: string, rows: unknown[]): Record<string, unknown> {
  const pattern = patternOf(list);
  if ((DUTY_LISTS as readonly string[]).includes(pattern)) return { number: nextDutyNumber(raw) };
  if (DUTY_LISTS.some((k) => pattern === `${k}.units`)) return { role: rows.length === 0 ? 'lead' : 'support' };
  return {};
}

/**
 * Applies a row operation to the plan file's content (a copy; `raw` is not changed) and names the place to come
 * back to: the row added or moved, the row after the one removed, else the list. An operation on a row that is not
 * there changes nothing.
 */
export function applyRowOp(raw: Record<string, unknown>, op: RowOp): { raw: Record<string, unknown>; anchor: string } {
  const next = structuredClone(raw);
  const path = segments(op.list);
  const key = path.pop()!;
  let parent: unknown = next;
  for (const seg of path) parent = isRecord(parent) || Array.isArray(parent) ? (parent as never)[seg] : undefined;
  const listAnchor = { raw: next, anchor: domId('l', op.list) };
  if (!isRecord(parent) || typeof key !== 'string') return listAnchor;
  const existing = parent[key];
  if (existing !== undefined && !Array.isArray(existing)) return listAnchor;
  const rows: unknown[] = existing ?? [];
  const at = (i: number) => ({ raw: next, anchor: domId('r', childPath(op.list, i)) });
  if (op.action === 'add') {
    rows.push(newRow(next, op.list, rows));
    parent[key] = rows;
    return at(rows.length - 1);
  }
  const i = op.row;
  if (i >= rows.length) return listAnchor;
  if (op.action === 'remove') {
    rows.splice(i, 1);
    if (rows.length === 0) delete parent[key];
    return rows.length === 0 ? listAnchor : at(Math.min(i, rows.length - 1));
  }
  const j = op.action === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= rows.length) return at(i);
  [rows[i], rows[j]] = [rows[j], rows[i]];
  return at(j);
}
