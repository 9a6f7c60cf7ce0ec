import ExcelJS from 'exceljs';
import type { RateRow, ReportFigures, ReportRequest } from '../report-types.js';

const RATE_HEAD = [
  'Mã',
  'Tên',
  'Được giao',
  'Hoàn thành',
  'Đúng hạn',
  'Trễ hạn',
  'Đang trong hạn',
  'Quá hạn',
  'Tỷ lệ hoàn thành',
  'Tỷ lệ đúng hạn',
];
const rateCells = (r: RateRow) => [
  r.code,
  r.name,
  r.assigned,
  r.done,
  r.doneOnTime,
  r.doneLate,
  r.pendingInTime,
  r.overdue,
  r.completionRate,
  r.onTimeRate,
];

/** One row per unit and item: the raw data behind every rate, for anyone who wants to pivot it. */
function detailRows(req: ReportRequest): { head: string[]; rows: (string | number)[][] } {
  const unitName = new Map(req.units.map((u) => [u.code, u.name]));
  const formCodes = req.forms.map((f) => f.code);
  const head = [
    'Mã nhiệm vụ',
    'Nhiệm vụ',
    'Mã đơn vị',
    'Đơn vị',
    'Vai trò',
    'Hạn',
    'Trạng thái',
    'Ngày nộp',
    'Số lần nộp',
    ...formCodes,
  ];
  const rows = req.items.flatMap((i) =>
    i.units.map((u) => [
      i.itemId,
      i.title,
      u.code,
      unitName.get(u.code) ?? u.code,
      u.role === 'lead' ? 'Chủ trì' : 'Phối hợp',
      u.due,
      u.status,
      u.submittedAt ?? '',
      u.versions,
      ...formCodes.map((f) => u.submission?.figures[f] ?? 0),
    ]),
  );
  return { head, rows };
}

/** XLSX with one sheet per table: units, items, forms, overdue, and the detail rows. */
export async function renderFiguresXlsx(req: ReportRequest, figures: ReportFigures, number: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = req.organisation.name;
  const sheet = (name: string, head: string[], rows: (string | number | null)[][], rateCols: number[] = []) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(head).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((col, i) => {
      col.width = i === 1 ? 40 : 14;
      if (rateCols.includes(i + 1)) col.numFmt = '0.0%';
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  sheet('Đơn vị', RATE_HEAD, [...figures.perUnit, figures.totals].map(rateCells), [9, 10]);
  sheet('Nhiệm vụ', RATE_HEAD, figures.perItem.map(rateCells), [9, 10]);
  sheet(
    'Hình thức',
    ['Mã', 'Hình thức', 'Số lượng'],
    figures.perForm.map((f) => [f.code, f.title, f.total]),
  );
  sheet(
    'Quá hạn',
    ['Mã nhiệm vụ', 'Nhiệm vụ', 'Mã đơn vị', 'Đơn vị', 'Hạn'],
    figures.overdue.map((o) => [o.itemId, o.title, o.unit, o.unitName, o.due]),
  );
  const detail = detailRows(req);
  sheet('Chi tiết', detail.head, detail.rows);
  wb.title = number;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * One CSV cell. Text a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`
 * and quotes, as OWASP's CSV injection guidance says; numbers stay numbers.
 */
export const csvCell = (v: string | number) => {
  const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\r\n;']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The detail rows as CSV, UTF-8 with a BOM so Excel opens Vietnamese names without mojibake. */
export function renderFiguresCsv(req: ReportRequest): string {
  const { head, rows } = detailRows(req);
  return '\uFEFF' + [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
