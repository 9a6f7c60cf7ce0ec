/**
 * A plan as an Excel workbook the office can work in: one sheet per list of the plan (units, forms, duties, who does
 * which duty, …) and its header fields as key/value rows, with drop-down lists where a cell must name something else
 * of the plan. `workbookToPlan` reads it back into the same plan.
 */
import ExcelJS from 'exceljs';
import type { Plan } from '../domain/plan-schema.js';
import { periodName } from '../domain/reporting-periods.js';
import {
  CALENDAR_KIND_LABELS,
  DUTY_KIND_LABELS,
  EVERY_LABELS,
  PER_LABELS,
  PERIOD_CODES,
  POLICY_LABELS,
  RECURRING_DUE_LABELS,
  ROLE_LABELS,
  TASK_DUE_LABELS,
  labelOf,
} from './labels.js';
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
  SHEETS,
  SPARE_ROWS,
  SUBORDINATE_COLUMNS,
  THEME_COLUMNS,
  UNIT_COLUMNS,
} from './layout.js';
import type { CellKind, Column } from './layout.js';

type Cell = string | number | boolean | Date | undefined;

/** A `yyyy-MM-dd` (or `yyyy-MM`) as an Excel date: that day at 00:00 UTC, as Excel stores days without a zone. */
function excelDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** A plan value as the cell of `kind` shows it. */
function cellOf(value: unknown, kind: CellKind): Cell {
  if (value === undefined || value === null) return undefined;
  switch (kind.type) {
    case 'date':
    case 'month':
      return excelDate(String(value));
    case 'numbers':
    case 'codes':
      return (value as unknown[]).join(', ');
    case 'label':
      return labelOf(kind.table, value as string | boolean);
    default:
      return value as Cell;
  }
}

const NUMBER_FORMAT: Partial<Record<CellKind['type'], string>> = {
  date: 'dd/mm/yyyy',
  month: 'mm/yyyy',
  // Text, so that Excel leaves what is typed later as typed ("08:00", "01", "3, 1") instead of converting it.
  text: '@',
  code: '@',
  time: '@',
  numbers: '@',
  codes: '@',
};

/** Up to which row a sheet's drop-down lists reach: its data and the spare rows below. */
const lastRow = (rows: number) => rows + 1 + SPARE_ROWS;

/** The list formula of a drop-down: another sheet's first column, or the labels themselves. */
function listFormula(column: Column, refRows: { units: number; forms: number }): string | undefined {
  switch (column.list) {
    case 'units':
      return `'${SHEETS.units}'!$A$2:$A$${lastRow(refRows.units)}`;
    case 'forms':
      return `'${SHEETS.forms}'!$A$2:$A$${lastRow(refRows.forms)}`;
    case 'periods':
      return `"${PERIOD_CODES.join(',')}"`;
    case 'labels':
      return column.kind.type === 'label' ? `"${column.kind.table.map(([, l]) => l).join(',')}"` : undefined;
    default:
      return undefined;
  }
}

function listValidation(formula: string): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Giá trị không có trong danh sách',
    error: 'Hãy chọn một giá trị trong danh sách.',
  };
}

/** A list sheet: bold frozen header, sized columns, number formats, and its drop-down lists. */
function listSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: readonly Cell[][],
  refRows: { units: number; forms: number },
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const r of rows) ws.addRow(r);
  columns.forEach((c, i) => {
    const format = NUMBER_FORMAT[c.kind.type];
    const formula = listFormula(c, refRows);
    for (let row = 2; row <= lastRow(rows.length); row++) {
      const cell = ws.getCell(row, i + 1);
      if (format) cell.numFmt = format;
      if (c.width >= 40) cell.alignment = { wrapText: true, vertical: 'top' };
      if (formula) cell.dataValidation = listValidation(formula);
    }
  });
  return ws;
}

type Duty = Plan['tasks'][number] | Plan['recurringTasks'][number] | Plan['ongoingDuties'][number];

/** Every duty with its kind, in the plan's order: dated tasks, recurring tasks, ongoing duties. */
function duties(plan: Plan): { kind: DutyKind; duty: Duty }[] {
  return [
    ...plan.tasks.map((duty) => ({ kind: 'tasks' as const, duty })),
    ...plan.recurringTasks.map((duty) => ({ kind: 'recurringTasks' as const, duty })),
    ...plan.ongoingDuties.map((duty) => ({ kind: 'ongoingDuties' as const, duty })),
  ];
}

/** The cells of one duty's row, by column key. */
function dutyCells(kind: DutyKind, duty: Duty): Record<string, Cell> {
  const out: Record<string, Cell> = {
    kind: labelOf(DUTY_KIND_LABELS, kind),
    number: duty.number,
    title: duty.title,
    content: duty.content,
    themes: duty.themes.join(', '),
    forms: duty.forms.join(', '),
  };
  if ('opensOn' in duty) {
    out.opensOn = excelDate(duty.opensOn);
    if ('on' in duty.due) [out.dueRule, out.dueOn] = [labelOf(TASK_DUE_LABELS, 'on'), excelDate(duty.due.on)];
    else if ('endOfMonth' in duty.due) out.dueRule = labelOf(TASK_DUE_LABELS, 'endOfMonth');
    else
      [out.dueRule, out.dueDays] = [
        labelOf(TASK_DUE_LABELS, 'workingDaysAfterOpening'),
        duty.due.workingDaysAfterOpening,
      ];
  }
  if ('every' in duty) {
    out.every = labelOf(EVERY_LABELS, duty.every);
    out.from = excelDate(duty.from);
    out.to = excelDate(duty.to);
    if ('day' in duty.due) [out.dueRule, out.dueDays] = [labelOf(RECURRING_DUE_LABELS, 'day'), duty.due.day];
    else
      out.dueRule = labelOf(RECURRING_DUE_LABELS, 'lastWorkingDay' in duty.due ? 'lastWorkingDay' : 'firstWorkingDay');
    out.opensBefore = duty.opensWorkingDaysBefore;
  }
  if ('opensOn' in duty || 'every' in duty) {
    out.reminders = duty.reminders?.join(', ');
    out.officeAfter = duty.escalation?.officeAfter;
    out.directorAfter = duty.escalation?.directorAfter;
    out.policy = duty.deadlinePolicy && labelOf(POLICY_LABELS, duty.deadlinePolicy);
  }
  if ('target' in duty && duty.target) {
    if ('count' in duty.target)
      [out.targetCount, out.targetPer] = [duty.target.count, labelOf(PER_LABELS, duty.target.per)];
    else [out.targetPercent, out.targetOf] = [duty.target.percent, duty.target.of];
  }
  return out;
}

/** The value at `path` of the plan. */
function valueAt(plan: Plan, path: readonly string[]): unknown {
  let v: unknown = plan;
  for (const key of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/** Key/value rows of the plan's header fields; a drop-down on each value that has a list. */
function generalSheet(wb: ExcelJS.Workbook, plan: Plan, unitRows: number): void {
  const ws = wb.addWorksheet(SHEETS.general, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = GENERAL_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  GENERAL_ROWS.forEach((spec, i) => {
    const row = ws.addRow([spec.group, spec.label, spec.path.join('.'), cellOf(valueAt(plan, spec.path), spec.kind)]);
    const value = row.getCell(4);
    const format = NUMBER_FORMAT[spec.kind.type];
    if (format) value.numFmt = format;
    value.alignment = { wrapText: true, vertical: 'top' };
    if (spec.list === 'units') value.dataValidation = listValidation(`'${SHEETS.units}'!$A$2:$A$${lastRow(unitRows)}`);
    else if (spec.kind.type === 'label')
      value.dataValidation = listValidation(`"${spec.kind.table.map(([, l]) => l).join(',')}"`);
    if (i > 0 && GENERAL_ROWS[i - 1]?.group !== spec.group) row.border = { top: { style: 'thin' } };
  });
}

/** The workbook of `plan` (a validated plan, defaults filled in), as the bytes of an `.xlsx` file. */
export async function planToWorkbook(plan: Plan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kehoach';
  const refRows = { units: plan.units.length, forms: plan.forms.length };
  const sheet = (name: string, columns: readonly Column[], rows: Record<string, Cell>[]) =>
    listSheet(
      wb,
      name,
      columns,
      rows.map((r) => columns.map((c) => r[c.key])),
      refRows,
    );

  generalSheet(wb, plan, plan.units.length);
  sheet(
    SHEETS.units,
    UNIT_COLUMNS,
    plan.units.map((u) => ({
      code: u.code,
      name: u.name,
      headName: u.head.name,
      headTitle: u.head.title,
      headEmail: u.head.email,
      duties: u.duties,
    })),
  );
  sheet(
    SHEETS.subordinates,
    SUBORDINATE_COLUMNS,
    plan.subordinates.map((s) => ({
      code: s.code,
      name: s.name,
      officeName: s.office.name,
      officeTitle: s.office.title,
      officeEmail: s.office.email,
      directorName: s.director?.name,
      directorTitle: s.director?.title,
      directorEmail: s.director?.email,
    })),
  );
  sheet(SHEETS.themes, THEME_COLUMNS, plan.themes);
  sheet(
    SHEETS.forms,
    FORM_COLUMNS,
    plan.forms.map((f) => ({ code: f.code, title: f.title })),
  );
  sheet(
    SHEETS.formTargets,
    FORM_TARGET_COLUMNS,
    plan.forms.flatMap((f) =>
      f.target ? [{ form: f.code, count: f.target.count, per: labelOf(PER_LABELS, f.target.per) }] : [],
    ),
  );
  const all = duties(plan);
  sheet(
    SHEETS.duties,
    DUTY_COLUMNS,
    all.map(({ kind, duty }) => dutyCells(kind, duty)),
  );
  sheet(
    SHEETS.assignments,
    ASSIGNMENT_COLUMNS,
    all.flatMap(({ duty }) =>
      duty.units.map((u) => ({ number: duty.number, unit: u.unit, role: labelOf(ROLE_LABELS, u.role) })),
    ),
  );
  sheet(
    SHEETS.periods,
    PERIOD_COLUMNS,
    (plan.reporting?.periods ?? []).map((code) => ({ code, name: periodName(code, 'vi') })),
  );
  sheet(
    SHEETS.calendar,
    CALENDAR_COLUMNS,
    plan.calendar.overrides.map((o) => ({
      date: excelDate(o.date),
      kind: labelOf(CALENDAR_KIND_LABELS, o.kind),
      reason: o.reason,
    })),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
