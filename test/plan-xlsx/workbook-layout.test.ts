import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlanText } from '../../domain/plan-file.js';
import { planToWorkbook } from '../../plan-xlsx/export.js';

let wb: ExcelJS.Workbook;
const sheet = (name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

beforeAll(async () => {
  const r = parsePlanText(readFileSync('plans/demo.yaml'), 'demo.yaml');
  if (!r.ok) throw new Error('plans/demo.yaml is not valid');
  wb = new ExcelJS.Workbook();
  // exceljs 4.4 types `load` with an older Buffer; the bytes are the same.
  await wb.xlsx.load((await planToWorkbook(r.plan)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
});

describe('the workbook of plans/demo.yaml', () => {
  it('has one sheet per list of the plan, named in Vietnamese', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      'Thông tin chung',
      'Đơn vị',
      'Cơ quan cấp dưới',
      'Chủ đề',
      'Hình thức',
      'Chỉ tiêu',
      'Nhiệm vụ',
      'Phân công',
      'Kỳ báo cáo',
      'Lịch làm việc',
    ]);
  });

  it('has a bold, frozen header row and sized columns on every sheet', () => {
    for (const ws of wb.worksheets) {
      expect(ws.getCell('A1').font?.bold, ws.name).toBe(true);
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(1).width, ws.name).toBeGreaterThan(5);
    }
    expect(sheet('Nhiệm vụ').getRow(1).values).toEqual(
      expect.arrayContaining(['Loại', 'Số', 'Tên nhiệm vụ', 'Nội dung', 'Ngày giao', 'Cách tính hạn']),
    );
  });

  it('writes dates as real dates shown dd/MM/yyyy', () => {
    const opens = sheet('Nhiệm vụ').getCell('G2');
    expect(opens.value).toEqual(new Date(Date.UTC(2026, 0, 6)));
    expect(opens.numFmt).toBe('dd/mm/yyyy');
    const general = sheet('Thông tin chung');
    const signed = general.getColumn(3).values.indexOf('plan.signedOn');
    expect(general.getCell(signed, 4).value).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(general.getCell(signed, 4).numFmt).toBe('dd/mm/yyyy');
  });

  it('writes each subordinate on its own row: code, name, its office and its director', () => {
    const ws = sheet('Cơ quan cấp dưới');
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Mã cơ quan',
      'Tên cơ quan cấp dưới',
      'Tên Văn phòng',
      'Chức vụ (Văn phòng)',
      'E-mail Văn phòng',
      'Họ tên thủ trưởng',
      'Chức vụ (thủ trưởng)',
      'E-mail thủ trưởng',
    ]);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      'DEMO-THPT',
      'Trường Trung học phổ thông (bản chạy thử)',
      'Văn phòng nhà trường',
      undefined,
      'vanphong.thpt@example.org',
      'Phạm Thị Hoa',
      undefined,
      'hieutruong.thpt@example.org',
    ]);
    expect(ws.getCell('A2').numFmt).toBe('@');
    expect(ws.getCell('A3').value).toBeNull();
  });

  it('writes duty kinds, roles and rules in Vietnamese', () => {
    const duties = sheet('Nhiệm vụ');
    expect([duties.getCell('A2').value, duties.getCell('H2').value, duties.getCell('H3').value]).toEqual([
      'có hạn',
      'ngày cố định',
      'cuối tháng',
    ]);
    const assignments = sheet('Phân công');
    expect([1, 2, 3, 4].map((i) => assignments.getRow(i + 1).values)).toEqual([
      [undefined, 1, 'KHTC', 'chủ trì'],
      [undefined, 1, 'TCCB', 'phối hợp'],
      [undefined, 2, 'TCCB', 'chủ trì'],
      [undefined, 2, 'VP', 'phối hợp'],
    ]);
  });

  it('has drop-down lists: unit codes from "Đơn vị", roles, duty kinds, form codes, period codes', () => {
    const list = (ws: string, cell: string) => {
      const v = sheet(ws).getCell(cell).dataValidation;
      return v?.type === 'list' ? v.formulae[0] : undefined;
    };
    expect(list('Phân công', 'B2')).toBe("'Đơn vị'!$A$2:$A$204");
    expect(list('Phân công', 'B150')).toBe("'Đơn vị'!$A$2:$A$204");
    expect(list('Phân công', 'C2')).toBe('"chủ trì,phối hợp"');
    expect(list('Phân công', 'A2')).toBeUndefined();
    expect(list('Nhiệm vụ', 'A2')).toBe('"có hạn,định kỳ,thường xuyên"');
    expect(list('Nhiệm vụ', 'C2')).toBeUndefined();
    expect(list('Chỉ tiêu', 'A2')).toBe("'Hình thức'!$A$2:$A$203");
    expect(list('Kỳ báo cáo', 'A2')).toBe('"M01,M02,M03,M04,M05,M06,M07,M08,M09,M10,M11,M12,Q1,Q2,Q3,Q4,H1,H2,M9,Y"');
    const general = sheet('Thông tin chung');
    const officeUnit = general.getColumn(3).values.indexOf('office.unit');
    expect(list('Thông tin chung', `D${officeUnit}`)).toBe("'Đơn vị'!$A$2:$A$204");
  });
});
