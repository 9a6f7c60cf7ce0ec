import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../../activities/reports/figures.js';
import { createReportActivities } from '../../activities/reports/generate-report.js';
import { checkNd30 } from '../../activities/reports/nd30-check.js';
import { placeDateLine, signerBlock } from '../../activities/reports/report-content.js';
import { FAILURES } from '../../domain/failures.js';
import { reportRequest } from '../fixtures/report-request.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kehoach-reports-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Rewrites word/document.xml of a DOCX, to make a deliberately broken copy. */
async function editDocx(src: string, dest: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(src));
  zip.file('word/document.xml', edit((await zip.file('word/document.xml')?.async('string')) ?? ''));
  await writeFile(dest, await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('figures', () => {
  it('computes completion and on-time rates per unit and item, output per form and the overdue list', () => {
    const f = computeFigures(reportRequest());
    const vp = f.perUnit.find((u) => u.code === 'VP');
    const khtc = f.perUnit.find((u) => u.code === 'KHTC');
    expect(vp).toMatchObject({ assigned: 2, done: 2, doneOnTime: 2, completionRate: 1, onTimeRate: 1 });
    expect(khtc).toMatchObject({
      assigned: 2,
      done: 1,
      doneLate: 1,
      pendingInTime: 1,
      completionRate: 0.5,
      onTimeRate: 0,
    });
    expect(f.perUnit.find((u) => u.code === 'TCCB')).toMatchObject({
      assigned: 1,
      overdue: 1,
      completionRate: 0,
      onTimeRate: null,
    });
    expect(f.perItem.map((i) => [i.code, i.done, i.assigned])).toEqual([
      ['task-01', 2, 2],
      ['task-02', 1, 3],
    ]);
    expect(f.perForm).toEqual([
      { code: 'WEBSITE', title: 'Tin bài trên Cổng thông tin', total: 5 },
      { code: 'MEETING', title: 'Hội nghị, tọa đàm', total: 1 },
    ]);
    expect(f.overdue).toEqual([
      {
        itemId: 'task-02',
        title: 'Hội nghị tuyên truyền CCHC',
        unit: 'TCCB',
        unitName: 'Phòng Tổ chức cán bộ',
        due: '2026-02-27',
      },
    ]);
  });

  it('writes the date line with zero-padded days below 10 and months 1–2 only', () => {
    expect(placeDateLine('Thành phố Hồ Chí Minh', '2026-01-05')).toBe(
      'Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2026',
    );
    expect(placeDateLine('Hà Nội', '2026-03-09')).toBe('Hà Nội, ngày 09 tháng 3 năm 2026');
    expect(placeDateLine('Hà Nội', '2026-12-20')).toBe('Hà Nội, ngày 20 tháng 12 năm 2026');
  });

  it('signs for the director when the signer is a deputy', () => {
    expect(signerBlock({ name: 'A', title: 'Phó Giám đốc' })).toEqual({
      authority: 'KT. GIÁM ĐỐC',
      position: 'PHÓ GIÁM ĐỐC',
      name: 'A',
    });
    expect(signerBlock({ name: 'B', title: 'Giám đốc' })).toEqual({ position: 'GIÁM ĐỐC', name: 'B' });
  });
});

describe('generateReport', () => {
  it('writes DOCX, HTML, XLSX, CSV and PNG; the DOCX passes the Nghị định 30/2020 check', async () => {
    const { generateReport } = createReportActivities({ reportsDir: join(dir, 'a') });
    const result = await generateReport(reportRequest());
    expect(result.number).toBe('01/BC-SGDĐT');
    expect(result.files.docx).toBe(join(dir, 'a', 'plan-SGDDT-HCM-2026.report-Q1.docx'));

    const check = await checkNd30(result.files.docx);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);

    const html = await readFile(result.files.html, 'utf8');
    expect(html).toContain('Số: 01/BC-SGDĐT');
    expect(html).toContain('Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2026');
    expect(html).toContain('I. KẾT QUẢ ĐẠT ĐƯỢC');
    expect(html).toContain('IV. ĐỀ XUẤT, KIẾN NGHỊ');
    expect(html).toContain('Đề nghị bổ sung kinh phí in tờ rơi.');
    expect(html).toContain('&lt;mới&gt;');
    expect(html).toContain('data:image/png;base64,');
    expect(html).toContain('- Lưu: VT, VP.');

    const csv = await readFile(result.files.csv);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('Phòng Tổ chức cán bộ');

    const png = await readFile(result.files.png ?? '');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

    const docx = await JSZip.loadAsync(await readFile(result.files.docx));
    expect(Object.keys(docx.files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
    const xml = (await docx.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('KT. GIÁM ĐỐC');
    expect(xml).toContain('Nguyễn Văn An');

    const xlsx = await JSZip.loadAsync(await readFile(result.files.xlsx));
    expect(Object.keys(xlsx.files).filter((f) => f.startsWith('xl/worksheets/sheet'))).toHaveLength(5);
  });

  it('returns the same number for the same key and the next number for a new key', async () => {
    const reportsDir = join(dir, 'b');
    const { generateReport } = createReportActivities({ reportsDir });
    const q1 = await generateReport(reportRequest());
    const again = await generateReport(reportRequest());
    const adhoc = await generateReport(
      reportRequest({
        key: 'plan-SGDDT-HCM-2026/report-adhoc-1',
        period: { code: 'adhoc-1', title: 'đột xuất', from: '2026-01-01', to: '2026-01-04' },
      }),
    );
    expect([q1.number, again.number, adhoc.number]).toEqual(['01/BC-SGDĐT', '01/BC-SGDĐT', '02/BC-SGDĐT']);
    const register = JSON.parse(await readFile(join(reportsDir, 'so-van-ban-SGDDT-HCM-2026.json'), 'utf8')) as {
      entries: { key: string }[];
    };
    expect(register.entries.map((e) => e.key)).toEqual([
      'plan-SGDDT-HCM-2026/report-Q1',
      'plan-SGDDT-HCM-2026/report-adhoc-1',
    ]);
  });

  it('fails for good, with a typed failure, on what a retry cannot mend', async () => {
    const reportsDir = join(dir, 'f');
    const { generateReport } = createReportActivities({ reportsDir });
    await expect(generateReport(reportRequest({ issuedOn: '05/01/2026' }))).rejects.toMatchObject({
      nonRetryable: true,
      type: FAILURES.reportInputInvalid,
    });
    await mkdir(reportsDir, { recursive: true });
    const register = join(reportsDir, 'so-van-ban-SGDDT-HCM-2026.json');
    await writeFile(register, JSON.stringify({ organisation: 'KHAC', year: 2026, entries: [] }));
    await expect(generateReport(reportRequest())).rejects.toMatchObject({
      nonRetryable: true,
      type: FAILURES.numberRegisterInvalid,
      message: expect.stringContaining('belongs to KHAC 2026, expected SGDDT-HCM 2026'),
    });
    await writeFile(register, '{"organisation": "SGDDT-HCM", "ye');
    await expect(generateReport(reportRequest())).rejects.toMatchObject({ type: FAILURES.numberRegisterInvalid });
  });

  it('hands out distinct numbers to concurrent reports', async () => {
    const { generateReport } = createReportActivities({ reportsDir: join(dir, 'c') });
    const results = await Promise.all(
      [1, 2, 3].map((n) => generateReport(reportRequest({ key: `plan-X-2026/report-adhoc-${n}` }))),
    );
    expect(results.map((r) => r.number).sort()).toEqual(['01/BC-SGDĐT', '02/BC-SGDĐT', '03/BC-SGDĐT']);
  });

  it('signs as GIÁM ĐỐC without KT. when the director signs, and still passes the check', async () => {
    const { generateReport } = createReportActivities({ reportsDir: join(dir, 'd') });
    const r = await generateReport(
      reportRequest({
        director: { name: 'Trần Thị Bình', title: 'Giám đốc' },
        organisation: { ...reportRequest().organisation, parentBody: undefined },
      }),
    );
    expect((await checkNd30(r.files.docx)).problems).toEqual([]);
  });
});

describe('checkNd30 on broken documents', () => {
  let good: string;
  beforeAll(async () => {
    const { generateReport } = createReportActivities({ reportsDir: join(dir, 'broken') });
    good = (await generateReport(reportRequest())).files.docx;
  });

  const broken = async (name: string, edit: (xml: string) => string) => {
    const path = join(dir, 'broken', `${name}.docx`);
    await editDocx(good, path, edit);
    return checkNd30(path);
  };

  it('names page numbers shown on the first page', async () => {
    const r = await broken('title-page', (x) => x.replace('<w:titlePg/>', ''));
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(['page numbers: shown on the first page (expected hidden there: w:titlePg)']);
  });

  it('names a wrong font', async () => {
    const r = await broken('font', (x) => x.replace(/w:ascii="Times New Roman"/, 'w:ascii="Arial"'));
    expect(r.ok).toBe(false);
    expect(r.problems).toContain('font: Arial used (expected Times New Roman throughout)');
  });

  it('names an unpadded number', async () => {
    const r = await broken('number', (x) => x.replace('Số: 01/', 'Số: 1/'));
    expect(r.problems.some((p) => p.includes('leading zero') && p.startsWith('Số, ký hiệu'))).toBe(true);
  });

  it('names an unpadded day and month in the date line', async () => {
    const r = await broken('date', (x) => x.replace('ngày 05 tháng 01', 'ngày 5 tháng 1'));
    expect(r.problems).toContain('Địa danh, ngày tháng: day "5" needs a leading zero');
    expect(r.problems).toContain('Địa danh, ngày tháng: month "1" needs a leading zero (months 1 and 2)');
  });

  it('names wrong margins and a missing Lưu line', async () => {
    const r = await broken('layout', (x) =>
      x.replace(/(<w:pgMar[^>]*?)w:left="\d+"/, '$1w:left="1134"').replace('- Lưu: VT, VP.', '- Các đơn vị.'),
    );
    expect(r.problems).toContain('margin left: 20.0 mm (expected 30–35 mm)');
    expect(r.problems.some((p) => p.startsWith('Nơi nhận: must end with "- Lưu: VT'))).toBe(true);
  });

  it('names a Quốc hiệu that is not bold', async () => {
    const r = await broken('nation', (x) =>
      x.replace(/(<w:r>(?:(?!<\/w:r>).)*?)<w:b\/>((?:(?!<\/w:r>).)*?CỘNG HÒA XÃ HỘI)/s, '$1$2'),
    );
    expect(r.problems.some((p) => p.startsWith('Quốc hiệu') && p.endsWith('must be bold'))).toBe(true);
  });
});
