/**
 * A problem found in a plan workbook, at its cell: `Nhiệm vụ!D7`. It is a `PlanProblem` (row as line, column number as
 * column) with the sheet, the cell address and the column's header added, so every caller of plan problems can take it.
 */
import type { PlanProblem } from '../domain/plan-problem.js';
import { SHEETS } from './layout.js';

export interface XlsxProblem extends PlanProblem {
  sheet: string;
  /** `D7`. */
  cell: string;
  /** The header of the cell's column (or the row's label on "Thông tin chung"), for people who do not read paths. */
  header: string;
}

/** `D` for column 4, `AA` for 27. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A cell of a sheet, where a problem is reported. */
export interface CellRef {
  sheet: string;
  row: number;
  column: number;
  header: string;
}

/** The problem `message` at `ref`, for the plan field `path`. */
export function problemAt(file: string, ref: CellRef, path: string, message: string): XlsxProblem {
  return {
    file,
    line: ref.row,
    column: ref.column,
    sheet: ref.sheet,
    cell: `${columnLetter(ref.column)}${ref.row}`,
    header: ref.header,
    path,
    message,
  };
}

const SHEET_ORDER: readonly string[] = Object.values(SHEETS);

/** Problems in workbook order: sheet, then row, then column, then path. */
export function sortXlsxProblems(problems: readonly XlsxProblem[]): XlsxProblem[] {
  const order = (s: string) => (SHEET_ORDER.includes(s) ? SHEET_ORDER.indexOf(s) : SHEET_ORDER.length);
  return [...problems].sort(
    (a, b) => order(a.sheet) - order(b.sheet) || a.line - b.line || a.column - b.column || a.path.localeCompare(b.path),
  );
}

/** One line per problem, `file  Nhiệm vụ!D7 (Nội dung)  tasks[0].content  message`, in workbook order. */
export function formatXlsxProblems(problems: readonly XlsxProblem[]): string {
  return problems
    .map((p) => {
      const where = p.sheet ? `${p.sheet}!${p.cell}${p.header ? ` (${p.header})` : ''}` : '-';
      return `${p.file}  ${where}  ${p.path || '-'}  ${p.message}`;
    })
    .join('\n');
}
