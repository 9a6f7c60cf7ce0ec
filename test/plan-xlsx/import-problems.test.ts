import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../domain/plan-file.js';
import { planToWorkbook } from '../../plan-xlsx/export.js';
import { workbookToPlan } from '../../plan-xlsx/import.js';
import type { XlsxProblem } from '../../plan-xlsx/import.js';

/** The workbook of plans/demo.yaml, changed by `edit` as someone would in Excel, then read back. */
async function importEdited(edit: (wb: ExcelJS.Workbook) => void, lang: 'vi' | 'en' = 'vi') {
  const r = parsePlanText(readFileSync('plans/demo.yaml'), 'demo.yaml');
  if (!r.ok) throw new Error('plans/demo.yaml is not valid');
  const wb = new ExcelJS.Workbook();
  // exceljs 4.4 types `load` with an older Buffer; the bytes are the same.
  await wb.xlsx.load((await planToWorkbook(r.plan)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  edit(wb);
  return workbookToPlan(Buffer.from(await wb.xlsx.writeBuffer()), 'ke-hoach.xlsx', lang);
}

const sheet = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

/** Where and what, without the file name. */
const located = (problems: readonly XlsxProblem[]) => problems.map((p) => [`${p.sheet}!${p.cell}`, p.path, p.message]);

describe('a plan workbook with mistakes', () => {
  it('names exactly the cells at fault: a bad date, an unknown unit code, a missing title', async () => {
    const r = await importEdited((wb) => {
      sheet(wb, 'Nhiệm vụ').getCell('G2').value = 'mùng 6 tháng Giêng';
      sheet(wb, 'Phân công').getCell('B3').value = 'KHTCX';
      sheet(wb, 'Nhiệm vụ').getCell('C3').value = null;
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(located(r.problems)).toEqual([
      [
        'Nhiệm vụ!G2',
        'tasks[0].opensOn',
        '"mùng 6 tháng Giêng" không phải là ngày (cần một ô kiểu ngày, hoặc dd/MM/yyyy, ví dụ 16/01/2026)',
      ],
      ['Nhiệm vụ!C3', 'tasks[1].title', 'thiếu trường bắt buộc "title" (cần chuỗi ký tự)'],
      ['Phân công!B3', 'tasks[0].units[1].unit', 'đơn vị "KHTCX" không có trong danh sách units (có: VP, KHTC, TCCB)'],
    ]);
    expect(r.problems.map((p) => [p.line, p.column, p.header])).toEqual([
      [2, 7, 'Ngày giao'],
      [3, 3, 'Tên nhiệm vụ'],
      [3, 2, 'Mã đơn vị'],
    ]);
  });

  it('says them in English with --lang en', async () => {
    const r = await importEdited((wb) => {
      sheet(wb, 'Nhiệm vụ').getCell('G2').value = 'tomorrow';
    }, 'en');
    expect(r.ok ? [] : located(r.problems)).toEqual([
      [
        'Nhiệm vụ!G2',
        'tasks[0].opensOn',
        '"tomorrow" is not a date (expected a date cell, or dd/MM/yyyy, e.g. 16/01/2026)',
      ],
    ]);
  });

  it('refuses a role or a kind not in the list, text in a number cell, and a duty number no duty has', async () => {
    const r = await importEdited((wb) => {
      sheet(wb, 'Phân công').getCell('C4').value = 'chủ nhiệm';
      sheet(wb, 'Phân công').getCell('A5').value = 7;
      sheet(wb, 'Nhiệm vụ').getCell('A3').value = 'hàng ngày';
      const general = sheet(wb, 'Thông tin chung');
      const year = general.getColumn(3).values.indexOf('plan.year');
      general.getCell(year, 4).value = 'hai nghìn';
    });
    expect(r.ok ? [] : located(r.problems)).toEqual([
      ['Thông tin chung!D13', 'plan.year', '"hai nghìn" không phải là số'],
      ['Nhiệm vụ!A3', '', '"hàng ngày" không có trong danh sách (cần một trong: có hạn, định kỳ, thường xuyên)'],
      ['Phân công!A5', '', 'không có nhiệm vụ số 7 ở trang "Nhiệm vụ" (các số hiện có: 1)'],
    ]);
  });

  it('names the row of the plan carried out that a filled-in row needs, and refuses its own code above it', async () => {
    const r = await importEdited((wb) => {
      const general = sheet(wb, 'Thông tin chung');
      const rowOf = (key: string) => general.getColumn(3).values.indexOf(key);
      general.getCell(rowOf('plan.carriesOut.issuer'), 4).value = 'Ủy ban nhân dân tỉnh';
      general.getCell(rowOf('organisation.reportsTo'), 4).value = 'DEMO-SGDDT';
    });
    expect(r.ok ? [] : located(r.problems)).toEqual([
      [
        'Thông tin chung!D5',
        'organisation.reportsTo',
        '"DEMO-SGDDT" là mã của chính cơ quan này; ghi mã cơ quan cấp trên',
      ],
      ['Thông tin chung!D15', 'plan.carriesOut.number', 'thiếu trường bắt buộc "number" (cần chuỗi ký tự)'],
    ]);
  });

  it('names the cell of a subordinate whose e-mail is wrong, whose code is a unit’s, or whose director has no e-mail', async () => {
    const r = await importEdited((wb) => {
      const ws = sheet(wb, 'Cơ quan cấp dưới');
      ws.getCell('E2').value = 'vanphong.thpt@';
      ws.getRow(3).values = ['KHTC', 'Trường Tiểu học (bản chạy thử)', 'Văn phòng', undefined, 'vp.th@example.org'];
      ws.getRow(4).values = [
        'DEMO-TH',
        'Trường Tiểu học số 2',
        'Văn phòng',
        undefined,
        'vp.th2@example.org',
        'Hà Văn An',
      ];
    });
    expect(r.ok ? [] : located(r.problems)).toEqual([
      ['Cơ quan cấp dưới!E2', 'subordinates[0].office.email', '"vanphong.thpt@" không phải là địa chỉ e-mail hợp lệ'],
      [
        'Cơ quan cấp dưới!A3',
        'subordinates[1].code',
        'mã "KHTC" đã là mã một đơn vị trong units; cơ quan cấp dưới cần mã riêng',
      ],
      ['Cơ quan cấp dưới!H4', 'subordinates[2].director.email', 'thiếu trường bắt buộc "email" (cần chuỗi ký tự)'],
    ]);
    expect(r.ok ? [] : r.problems.map((p) => p.header)).toEqual([
      'E-mail Văn phòng',
      'Mã cơ quan',
      'E-mail thủ trưởng',
    ]);
  });

  it('says a bad subordinate e-mail in English with --lang en', async () => {
    const r = await importEdited((wb) => {
      sheet(wb, 'Cơ quan cấp dưới').getCell('H2').value = 'hieu truong@example.org';
    }, 'en');
    expect(r.ok ? [] : located(r.problems)).toEqual([
      [
        'Cơ quan cấp dưới!H2',
        'subordinates[0].director.email',
        '"hieu truong@example.org" is not a valid e-mail address',
      ],
    ]);
  });

  it('reads a workbook made before the sheet of subordinates as a plan without any', async () => {
    const r = await importEdited((wb) => wb.removeWorksheet(sheet(wb, 'Cơ quan cấp dưới').id));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.plan.subordinates).toEqual([]);
  });

  it('reads dates and numbers typed as text, as in a sheet filled in by hand', async () => {
    const r = await importEdited((wb) => {
      sheet(wb, 'Nhiệm vụ').getCell('G2').value = '7/1/2026';
      sheet(wb, 'Nhiệm vụ').getCell('B2').value = '1';
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect([r.plan.tasks[0]?.opensOn, r.plan.tasks[0]?.number]).toEqual(['2026-01-07', 1]);
  });

  it('runs the plan checks as on a YAML file: a date outside the plan year, at its cell', async () => {
    const r = await importEdited((wb) => {
      sheet(wb, 'Nhiệm vụ').getCell('I2').value = new Date(Date.UTC(2027, 0, 16));
    });
    expect(r.ok ? [] : located(r.problems)).toEqual([
      [
        'Nhiệm vụ!I2',
        'tasks[0].due.on',
        'hạn 2027-01-16 không thuộc năm kế hoạch 2026 (cần từ 2026-01-01 đến 2026-12-31)',
      ],
    ]);
  });

  it('says which sheet is missing, and that a file is not a workbook', async () => {
    const r = await importEdited((wb) => wb.removeWorksheet(sheet(wb, 'Hình thức').id));
    expect(r.ok ? [] : located(r.problems)).toEqual([
      [
        'Hình thức!A1',
        'forms',
        'thiếu trang tính "Hình thức"; tệp xuất bởi "kehoach plan export-xlsx" có sẵn trang này',
      ],
    ]);
    const yaml = await workbookToPlan(readFileSync('plans/demo.yaml'), 'demo.yaml');
    expect(yaml.ok ? '' : yaml.problems[0]?.message).toMatch(/^không đọc được tệp Excel \(XLSX\): /);
  });
});
