/**
 * One list sheet read by its header row: each column found by its header (so columns may be moved), each data row as
 * the cells of the layout's columns; empty rows are skipped. A missing column is said once, at the header row.
 */
import type ExcelJS from 'exceljs';
import { readCell } from './cells.js';
import type { CellMap, Field } from './cell-map.js';
import type { Column } from './layout.js';
import { xlsxMessages } from './messages.js';

/** One data row: its number and its cells by column key. */
export interface SheetRow<Key extends string> {
  row: number;
  cells: Record<Key, Field>;
}

const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The data rows of `ws` as the cells of `columns` (but those only written for people to read). */
export function readSheet<Key extends string>(
  ws: ExcelJS.Worksheet,
  columns: readonly Column<Key>[],
  map: CellMap,
): SheetRow<Key>[] {
  const headers = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const text = cell.text;
    if (text && !headers.has(fold(text))) headers.set(fold(text), col);
  });
  let nextFree = Math.max(0, ...headers.values()) + 1;
  const read = columns.filter((c) => !c.readOnly);
  const at = read.map((c) => {
    const found = headers.get(fold(c.header));
    if (found !== undefined) return { column: found, missing: false };
    const column = nextFree++;
    map.problems.push({
      file: map.file,
      line: 1,
      column,
      sheet: ws.name,
      cell: ws.getCell(1, column).address,
      header: c.header,
      path: '',
      message: xlsxMessages.missingColumn(c.header)(map.lang),
    });
    return { column, missing: true };
  });

  const rows: SheetRow<Key>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const cells = {} as Record<Key, Field>;
    let blank = true;
    read.forEach((c, i) => {
      const { column, missing } = at[i] ?? { column: i + 1, missing: true };
      const read = missing ? ({ blank: true } as const) : readCell(ws.getCell(r, column).value, c.kind, map.lang);
      if (!('blank' in read)) blank = false;
      cells[c.key] = { read, ref: { sheet: ws.name, row: r, column, header: c.header }, missing };
    });
    if (!blank) rows.push({ row: r, cells });
  }
  return rows;
}
