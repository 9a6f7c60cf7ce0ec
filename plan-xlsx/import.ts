/**
 * A plan workbook (as `planToWorkbook` writes it, then edited in Excel) read back into a validated `Plan`, or every
 * problem at once, each at its sheet and cell (`Nhiệm vụ!D7`). The plan's schema and checks run on what was read, as
 * they do on a YAML file, so an import is exactly as strict as `kehoach plan validate`.
 */
import ExcelJS from 'exceljs';
import type { Locale } from '../domain/format-date.js';
import { zodProblems } from '../domain/located-yaml.js';
import { crossProblems, regimeProblems } from '../domain/plan-checks.js';
import type { Path } from '../domain/plan-checks.js';
import { planSchema } from '../domain/plan-schema.js';
import type { Plan } from '../domain/plan-schema.js';
import { readCell } from './cells.js';
import { CellMap } from './cell-map.js';
import type { Field } from './cell-map.js';
import { DUTY_KIND_LABELS, RECURRING_DUE_LABELS, TASK_DUE_LABELS, labelOf } from './labels.js';
import type { DutyKind } from './labels.js';
import {
  ASSIGNMENT_COLUMNS,
  CALENDAR_COLUMNS,
  DUTY_COLUMNS,
  FORM_COLUMNS,
  FORM_TARGET_COLUMNS,
  GENERAL_COLUMNS,
  GENERAL_ROWS,
  PERIOD_COLUMNS,
  REQUIRED_SHEETS,
  SHEETS,
  SUBORDINATE_COLUMNS,
  THEME_COLUMNS,
  UNIT_COLUMNS,
} from './layout.js';
import type { Column, SheetKey } from './layout.js';
import { xlsxMessages } from './messages.js';
import { sortXlsxProblems } from './problem.js';
import type { CellRef, XlsxProblem } from './problem.js';
import { readSheet } from './read-sheet.js';
import type { SheetRow } from './read-sheet.js';

export type { XlsxProblem } from './problem.js';
export { formatXlsxProblems } from './problem.js';

const headerRef = (sheet: string): CellRef => ({ sheet, row: 1, column: 1, header: '' });
const isBlank = (f: Field) => 'blank' in f.read;
const valueOf = (f: Field): unknown => ('value' in f.read ? f.read.value : undefined);

/** What refers to each required list: a missing sheet is said once, not again at each reference to it. */
const REFERENCES: Partial<Record<SheetKey, RegExp>> = {
  units: /(\.units\[\d+\]\.unit|^office\.unit|^reporting\.units\[\d+\])$/,
  forms: /\.forms\[\d+\]$/,
};

/** The rows of sheet `key`, or none when it is absent (said once when the plan needs it). */
function rowsOf<Key extends string>(
  wb: ExcelJS.Workbook,
  key: SheetKey,
  columns: readonly Column<Key>[],
  map: CellMap,
  path: Path,
): SheetRow<Key>[] | undefined {
  const name = SHEETS[key];
  const ws = wb.getWorksheet(name);
  if (!ws) {
    if (REQUIRED_SHEETS.includes(key)) map.report(path, headerRef(name), xlsxMessages.missingSheet(name)(map.lang));
    const references = REFERENCES[key];
    if (references) map.muteMatching(references);
    return undefined;
  }
  map.register(path, headerRef(name));
  return readSheet(ws, columns, map);
}

/** "Thông tin chung": one plan field per row, found by its key. */
function readGeneral(wb: ExcelJS.Workbook, map: CellMap): void {
  const rows = rowsOf(wb, 'general', GENERAL_COLUMNS, map, []);
  if (!rows) return;
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const key = String(valueOf(cells.path) ?? '').trim();
    const spec = GENERAL_ROWS.find((s) => s.path.join('.') === key);
    if (!spec) {
      map.report([], cells.path.ref, xlsxMessages.unknownKey(key)(map.lang));
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      map.report(spec.path, cells.path.ref, xlsxMessages.repeatedKey(first)(map.lang));
      continue;
    }
    seen.set(key, row);
    const ref = { ...cells.value.ref, header: spec.label };
    const ws = wb.getWorksheet(SHEETS.general);
    const read = readCell(ws?.getCell(ref.row, ref.column).value ?? null, spec.kind, map.lang);
    map.take(spec.path, { read, ref, missing: cells.value.missing });
  }
}

/** A sheet of simple records (units, subordinates, themes, forms, calendar days) into the list at `path`. */
function readRecords<Key extends string>(
  wb: ExcelJS.Workbook,
  key: SheetKey,
  columns: readonly Column<Key>[],
  map: CellMap,
  path: Path,
): void {
  const rows = rowsOf(wb, key, columns, map, path);
  if (!rows) return;
  map.set(path, []);
  rows.forEach(({ cells }, i) => {
    const first = columns[0];
    if (first) map.register([...path, i], cells[first.key].ref);
    map.set([...path, i], {});
    for (const c of columns) if (!c.readOnly) map.take([...path, i, ...c.field], cells[c.key]);
  });
}

/** "Chỉ tiêu": a target on each form named, at most one per form. */
function readFormTargets(wb: ExcelJS.Workbook, map: CellMap): void {
  const rows = rowsOf(wb, 'formTargets', FORM_TARGET_COLUMNS, map, ['forms']);
  if (!rows) return;
  const forms = Array.isArray(map.raw.forms) ? (map.raw.forms as { code?: unknown }[]) : [];
  const codes = forms.map((f) => f.code).filter((c): c is string => typeof c === 'string');
  const targetRow = new Map<number, number>();
  for (const { row, cells } of rows) {
    const form = cells.form;
    if ('wrong' in form.read) {
      map.report(['forms'], form.ref, form.read.wrong);
      continue;
    }
    const code = valueOf(form);
    if (code === undefined) {
      map.report(['forms'], form.ref, xlsxMessages.missingFormCode(map.lang));
      continue;
    }
    const k = forms.findIndex((f) => f.code === code);
    if (k < 0) {
      map.report(['forms'], form.ref, xlsxMessages.unknownForm(code, codes)(map.lang));
      continue;
    }
    const earlier = targetRow.get(k);
    if (earlier !== undefined) {
      map.report(['forms', k, 'target'], form.ref, xlsxMessages.repeatedTarget(earlier)(map.lang));
      continue;
    }
    targetRow.set(k, row);
    map.register(['forms', k, 'target'], form.ref);
    map.set(['forms', k, 'target'], {});
    map.take(['forms', k, 'target', 'count'], cells.count);
    map.take(['forms', k, 'target', 'per'], cells.per);
  }
}

type DutyCells = SheetRow<(typeof DUTY_COLUMNS)[number]['key']>['cells'];

/** A duty's `due` from its rule and the column the rule reads (a date or a number). */
function readDue(kind: DutyKind, base: Path, cells: DutyCells, map: CellMap): void {
  const { dueRule, dueOn, dueDays } = cells;
  const path = [...base, 'due'];
  map.register(path, dueRule.ref);
  const say = (f: Field, m: (l: Locale) => string) => map.report(path, f.ref, m(map.lang));
  if ('wrong' in dueRule.read) return map.report(path, dueRule.ref, dueRule.read.wrong);
  const rules = kind === 'tasks' ? TASK_DUE_LABELS : RECURRING_DUE_LABELS;
  const labels = rules.map(([, l]) => l);
  const kindLabel = labelOf(DUTY_KIND_LABELS, kind);
  let rule = valueOf(dueRule) as string | undefined;
  // A rule left empty is the one its filled column implies: a date is a fixed deadline, a number counts days.
  rule ??=
    !isBlank(dueOn) && kind === 'tasks'
      ? 'on'
      : isBlank(dueDays)
        ? undefined
        : kind === 'tasks'
          ? 'workingDaysAfterOpening'
          : 'day';
  if (rule === undefined) return;
  if (!rules.some(([c]) => c === rule)) return say(dueRule, xlsxMessages.ruleOfOtherKind(kindLabel, labels));
  const ruleLabel = labelOf(rules as readonly (readonly [string, string])[], rule);
  const uses = rule === 'on' ? dueOn : rule === 'workingDaysAfterOpening' || rule === 'day' ? dueDays : undefined;
  for (const f of kind === 'tasks' ? [dueOn, dueDays] : [dueDays])
    if (f !== uses && !isBlank(f)) say(f, xlsxMessages.notForRule(ruleLabel));
  if (!uses) return map.set([...path, rule], true);
  if (isBlank(uses) && !uses.missing) return say(uses, xlsxMessages.ruleNeeds(ruleLabel, uses.ref.header));
  map.set(path, {});
  map.take([...path, rule], uses);
}

const DUE_KEYS: readonly string[] = ['dueRule', 'dueOn', 'dueDays'];
const COUNT_KEYS: readonly string[] = ['targetCount', 'targetPer'];
const SHARE_KEYS: readonly string[] = ['targetPercent', 'targetOf'];

/** Where each duty number went: its kind and its index in that kind's list. */
type DutyIndex = Map<number, { kind: DutyKind; index: number; units: number }>;

/** "Nhiệm vụ": each row a dated task, a recurring task or an ongoing duty, by its kind. */
function readDuties(wb: ExcelJS.Workbook, map: CellMap, unplaced: Set<number>): DutyIndex {
  const index: DutyIndex = new Map();
  const rows = rowsOf(wb, 'duties', DUTY_COLUMNS, map, ['tasks']);
  if (!rows) return index;
  const count: Record<DutyKind, number> = { tasks: 0, recurringTasks: 0, ongoingDuties: 0 };
  for (const { cells } of rows) {
    const kind = valueOf(cells.kind) as DutyKind | undefined;
    const number = valueOf(cells.number);
    if (!kind) {
      if (typeof number === 'number') unplaced.add(number);
      if ('wrong' in cells.kind.read) map.report([], cells.kind.ref, cells.kind.read.wrong);
      else if (!cells.kind.missing)
        map.report([], cells.kind.ref, xlsxMessages.missingKind(DUTY_KIND_LABELS.map(([, l]) => l))(map.lang));
      continue;
    }
    const i = count[kind]++;
    const base = [kind, i];
    map.register([kind], headerRef(SHEETS.duties));
    map.register(base, cells.kind.ref);
    map.set(base, { units: [] });
    map.register([...base, 'units'], cells.number.ref);
    if (typeof number === 'number' && !index.has(number)) index.set(number, { kind, index: i, units: 0 });
    const share = SHARE_KEYS.some((k) => !isBlank(cells[k as keyof DutyCells]));
    const counted = COUNT_KEYS.some((k) => !isBlank(cells[k as keyof DutyCells]));
    for (const c of DUTY_COLUMNS) {
      if (c.key === 'kind') continue;
      const field = cells[c.key];
      const path = [...base, ...c.field];
      if (c.kinds && !(c.kinds as readonly DutyKind[]).includes(kind)) {
        if (!isBlank(field))
          map.report(path, field.ref, xlsxMessages.notForKind(labelOf(DUTY_KIND_LABELS, kind))(map.lang));
        continue;
      }
      if (DUE_KEYS.includes(c.key)) continue;
      if (SHARE_KEYS.includes(c.key) && share && counted) {
        if (!isBlank(field)) map.report(path, field.ref, xlsxMessages.targetBothKinds(map.lang));
        continue;
      }
      map.take(path, field);
    }
    if (kind !== 'ongoingDuties') readDue(kind, base, cells, map);
  }
  return index;
}

/** "Phân công": each row one unit of one duty, with its role, in the duty's order. */
function readAssignments(wb: ExcelJS.Workbook, map: CellMap, duties: DutyIndex, unplaced: Set<number>): void {
  const rows = rowsOf(wb, 'assignments', ASSIGNMENT_COLUMNS, map, []);
  if (!rows) return;
  for (const { cells } of rows) {
    const n = cells.number;
    if ('wrong' in n.read) {
      map.report([], n.ref, n.read.wrong);
      continue;
    }
    const number = valueOf(n);
    if (number === undefined) {
      if (!n.missing) map.report([], n.ref, xlsxMessages.missingDutyNumber(map.lang));
      continue;
    }
    const duty = duties.get(number as number);
    if (!duty) {
      if (!unplaced.has(number as number))
        map.report([], n.ref, xlsxMessages.unknownDuty(number, [...duties.keys()])(map.lang));
      continue;
    }
    const base = [duty.kind, duty.index, 'units', duty.units++];
    map.register(base, n.ref);
    map.set(base, {});
    map.take([...base, 'unit'], cells.unit);
    map.take([...base, 'role'], cells.role);
  }
}

/** "Kỳ báo cáo": the reporting regime's periods, one code per row. */
function readPeriods(wb: ExcelJS.Workbook, map: CellMap): void {
  const path = ['reporting', 'periods'];
  const rows = rowsOf(wb, 'periods', PERIOD_COLUMNS, map, path);
  if (!rows || rows.length === 0) return;
  map.set(path, []);
  rows.forEach(({ cells }, i) => map.take([...path, i], cells.code));
}

/** Reads a plan workbook; `lang` chooses the language of the messages. */
export async function workbookToPlan(
  buffer: Uint8Array,
  fileName: string,
  lang: Locale = 'vi',
): Promise<{ ok: true; plan: Plan } | { ok: false; problems: XlsxProblem[] }> {
  const map = new CellMap(fileName, lang);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs 4.4 types `load` with the Buffer of older @types/node; any Uint8Array is read the same.
    await wb.xlsx.load(Buffer.from(buffer) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const problem = { file: fileName, line: 1, column: 1, sheet: '', cell: '', header: '', path: '' };
    return { ok: false, problems: [{ ...problem, message: xlsxMessages.unreadable(why)(lang) }] };
  }
  readGeneral(wb, map);
  readRecords(wb, 'units', UNIT_COLUMNS, map, ['units']);
  readRecords(wb, 'subordinates', SUBORDINATE_COLUMNS, map, ['subordinates']);
  readRecords(wb, 'themes', THEME_COLUMNS, map, ['themes']);
  readRecords(wb, 'forms', FORM_COLUMNS, map, ['forms']);
  readFormTargets(wb, map);
  const unplaced = new Set<number>();
  const duties = readDuties(wb, map, unplaced);
  readAssignments(wb, map, duties, unplaced);
  readPeriods(wb, map);
  readRecords(wb, 'calendar', CALENDAR_COLUMNS, map, ['calendar', 'overrides']);

  const { raw, at } = map;
  const later: XlsxProblem[] = [];
  const result = planSchema().safeParse(raw, { reportInput: true });
  if (!result.success) later.push(...(zodProblems(result.error.issues, planSchema(), at, lang) as XlsxProblem[]));
  later.push(...(crossProblems(raw, at, lang) as XlsxProblem[]));
  const problems = [...map.problems, ...later.filter((p) => !map.isMuted(p.path))];
  if (result.success && problems.length === 0)
    problems.push(...(regimeProblems(result.data, at, lang) as XlsxProblem[]));
  if (problems.length > 0 || !result.success) return { ok: false, problems: sortXlsxProblems(problems) };
  return { ok: true, plan: result.data };
}
