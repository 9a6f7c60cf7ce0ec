import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../../activities/reports/figures.js';
import { createReportActivities } from '../../activities/reports/generate-report.js';
import { checkNd30 } from '../../activities/reports/nd30-check.js';
import { buildReportContent, placeDateLine, signerBlock } from '../../activities/reports/report-content.js';
import type { Block } from '../../activities/reports/report-content.js';
import { toReportRequest } from '../../activities/report-render.js';
import type { ReportItem, ReportRequest } from '../../activities/report-types.js';
import { FAILURES } from '../../domain/failures.js';
import { collectedReport, reportRequest } from '../fixtures/report-request.js';

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

  it("counts a unit's report for the period where it states more than its tasks, and never the same output twice", () => {
    const req = reportRequest();
    const [vp, khtc] = req.periodReport!.units;
    // VP's report states the quarter's 12 posts (4 of them on task-01); KHTC's states fewer posts than its task did
    // (its task's one counts) and two meetings it held under ongoing duties, which no task holds.
    vp!.submission!.figures = { WEBSITE: 12 };
    khtc!.submission!.figures = { WEBSITE: 0, MEETING: 2 };
    expect(computeFigures(req).perForm).toEqual([
      { code: 'WEBSITE', title: 'Tin bài trên Cổng thông tin', total: 13 },
      { code: 'MEETING', title: 'Hội nghị, tọa đàm', total: 3 },
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

describe('the consolidated report reads right', () => {
  const content = (req: ReportRequest) => buildReportContent(req, computeFigures(req), '01/BC-TrMN', false);
  const texts = (blocks: Block[]) =>
    blocks.map((b) => ('text' in b ? `${b.kind === 'subheading' ? '# ' : ''}${b.text}` : b.kind));

  it('says "năm" once in the period title, the trích yếu and the opening, whatever the period', () => {
    const titles = { Q1: 'quý I năm 2026', H1: '6 tháng đầu năm 2026', Y: 'năm 2026' } as const;
    for (const code of ['Y', 'H1', 'Q1'] as const) {
      const req = toReportRequest(collectedReport(code));
      expect(req.period.title).toBe(titles[code]);
      const c = content(req);
      expect(c.summary).toBe(`Kết quả thực hiện Kế hoạch số 76/KH-TrMN ${titles[code]}`);
      expect(c.opening).toMatch(
        new RegExp(
          `^Thực hiện Kế hoạch số 76/KH-TrMN về tuyên truyền cải cách hành chính năm 2026, Trường Mầm non Điện Lực báo cáo kết quả thực hiện ${titles[code]} \\(từ ngày 15/12/2025 đến ngày 14/\\d\\d/2026\\) như sau:$`,
        ),
      );
      for (const text of [req.period.title, c.summary, c.opening]) expect(text).not.toMatch(/năm\s+năm/);
    }
    // The plan's own title ends in "năm 2026" too: an annual report still names the year once after it.
    expect(content(toReportRequest(collectedReport('Y'))).opening).toContain(
      'năm 2026, Trường Mầm non Điện Lực báo cáo kết quả thực hiện năm 2026 (',
    );
    expect(toReportRequest(collectedReport('Y', 'en')).period.title).toBe('year 2026');
    expect(toReportRequest(collectedReport('H1', 'en')).period.title).toBe('first half-year 2026');
  });

  it("shows the report's own item apart from the plan's duties, and does not count it as one", () => {
    const req = toReportRequest(collectedReport('Q1'));
    expect(req.items.map((i) => i.itemId)).toEqual(['task-01', 'task-02']);
    expect(req.periodReport?.itemId).toBe('report-Q1');
    const f = computeFigures(req);
    expect(f.perItem.map((i) => i.code)).toEqual(['task-01', 'task-02']);
    // BGH 1, VP 1, NT 1, MG 1 duty assignments; the report asked all four units but is not a duty.
    expect(f.totals).toMatchObject({ assigned: 4, done: 2, overdue: 0, pendingInTime: 2 });
    expect(f.perUnit.map((u) => [u.code, u.assigned])).toEqual([
      ['BGH', 1],
      ['NT', 1],
      ['MG', 1],
      ['VP', 1],
    ]);
    expect(f.overdue).toEqual([]);
    const [results] = content(req).sections;
    const i = texts(results!.blocks).indexOf('# 5. Tình hình gửi báo cáo của các đơn vị');
    expect(i).toBeGreaterThan(0);
    expect(results!.blocks[i + 1]).toEqual({
      kind: 'table',
      head: ['Đơn vị', 'Hạn gửi', 'Ngày gửi', 'Tình trạng'],
      rows: [
        ['Ban Giám hiệu', '13/03/2026', '12/03/2026', 'Đã gửi đúng hạn'],
        ['Tổ chuyên môn Nhà trẻ', '13/03/2026', '12/03/2026', 'Đã gửi, trễ hạn'],
        ['Tổ chuyên môn Mẫu giáo', '13/03/2026', '—', 'Quá hạn, chưa gửi'],
        ['Tổ Văn phòng', '13/03/2026', '—', 'Chưa gửi, còn trong hạn'],
      ],
    });
    expect(texts(results!.blocks)).toContain('- Ban Giám hiệu: Ban Giám hiệu quán triệt kế hoạch tại 02 cuộc họp.');
  });

  it("gathers the units' own texts for sections II–IV by unit, and says Không có. only where no unit wrote any", () => {
    const [, s2, s3, s4] = content(reportRequest()).sections;
    expect(texts(s2!.blocks)).toEqual([
      '# 1. Nhiệm vụ quá hạn chưa hoàn thành',
      'table',
      '# 2. Tồn tại, hạn chế và nguyên nhân do các đơn vị nêu',
      '- Văn phòng Sở: Chuyên mục CCHC cập nhật chưa thường xuyên.',
      'Thiếu người biên tập tin bài.',
      // written in KHTC's report and on task-01: said once
      '- Phòng Kế hoạch - Tài chính: Chưa có kinh phí cho pa-nô.',
    ]);
    expect(texts(s3!.blocks)).toEqual([
      '- Văn phòng Sở: Quý II tổ chức tọa đàm về dịch vụ công trực tuyến.',
      'Về nhiệm vụ “Đăng tin về thủ tục hành chính <mới>”: Tiếp tục đăng tin trên Cổng thông tin điện tử.',
      '- Phòng Kế hoạch - Tài chính: Về nhiệm vụ “Đăng tin về thủ tục hành chính <mới>”: Tiếp tục đăng tin trên Cổng thông tin điện tử.',
    ]);
    expect(texts(s4!.blocks)).toEqual([
      '- Văn phòng Sở: Đề nghị bổ sung 01 biên chế biên tập viên.',
      'Về nhiệm vụ “Đăng tin về thủ tục hành chính <mới>”: Đề nghị bổ sung kinh phí in tờ rơi.',
    ]);
    for (const s of [s2, s3, s4]) expect(texts(s!.blocks)).not.toContain('Không có.');

    // Nobody proposed anything, nobody named a shortcoming: "Không có." there, and only there.
    const req = reportRequest();
    const silent = (i: ReportItem): ReportItem => ({
      ...i,
      units: i.units.map((u) =>
        u.submission ? { ...u, submission: { ...u.submission, proposals: '', shortcomings: ' \n' } } : u,
      ),
    });
    req.items = req.items.map(silent);
    req.periodReport = silent(req.periodReport!);
    const [, q2, q3, q4] = content(req).sections;
    expect(texts(q2!.blocks).slice(2)).toEqual(['# 2. Tồn tại, hạn chế và nguyên nhân do các đơn vị nêu', 'Không có.']);
    expect(texts(q4!.blocks)).toEqual(['Không có.']);
    expect(texts(q3!.blocks)).toHaveLength(3);
  });

  it('renders those sections in the DOCX and HTML, still laid out per Nghị định 30/2020', async () => {
    const { generateReport } = createReportActivities({ reportsDir: join(dir, 'sections') });
    const r = await generateReport(reportRequest());
    expect((await checkNd30(r.files.docx)).problems).toEqual([]);
    const html = await readFile(r.files.html, 'utf8');
    expect(html).toContain('- Phòng Kế hoạch - Tài chính: Chưa có kinh phí cho pa-nô.');
    expect(html).toContain('5. Tình hình gửi báo cáo của các đơn vị');
    const xml =
      (await (await JSZip.loadAsync(await readFile(r.files.docx))).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('- Văn phòng Sở: Đề nghị bổ sung 01 biên chế biên tập viên.');
    expect(xml).toContain('Kết quả thực hiện Kế hoạch số 12/KH-SGDĐT quý I năm 2026');
  });
});

describe('ongoing duties and targets in the consolidated report', () => {
  it('lists each duty and target against what the units reported for the period, with the gap', () => {
    const req = reportRequest({
      period: { code: 'Q1', title: 'quý I năm 2026', from: '2025-12-15', to: '2026-03-14' },
      forms: [
        { code: 'WEBSITE', title: 'Tin bài trên Cổng thông tin', target: { count: 1, per: 'month' } },
        { code: 'MEETING', title: 'Hội nghị, tọa đàm' },
      ],
      duties: [
        { number: 9, title: 'Thường xuyên đăng tin CCHC', target: { count: 2, per: 'month' } },
        { number: 10, title: 'Niêm yết TTHC', target: { percent: 100, of: 'TTHC được niêm yết' } },
      ],
    });
    const report = req.periodReport!;
    const [vp, khtc] = report.units;
    vp!.submission = {
      ...vp!.submission!,
      figures: { WEBSITE: 2 },
      duties: {
        '9': { results: 'Đăng 4 tin.', figures: { WEBSITE: 4 } },
        '10': { results: '', figures: {}, percent: 100 },
      },
    };
    khtc!.submission = {
      ...khtc!.submission!,
      duties: { '10': { results: 'Niêm yết 18/20 thủ tục.', figures: {}, percent: 90 } },
    };
    const c = buildReportContent(req, computeFigures(req), '01/BC-SGDĐT', false);
    const blocks = c.sections[0]!.blocks;
    const at = blocks.findIndex(
      (b) => b.kind === 'subheading' && b.text === '6. Kết quả thực hiện nhiệm vụ thường xuyên và chỉ tiêu',
    );
    expect(at).toBeGreaterThan(0);
    const table = blocks[at + 1];
    // Q1 asks 2 a month × 3 months = 6 of duty 9 (VP reported 4: 2 short); a share is the units' mean (95% of 100%).
    expect(table).toEqual({
      kind: 'table',
      head: ['Nhiệm vụ, hình thức', 'Chỉ tiêu', 'Chỉ tiêu của kỳ', 'Đạt được', 'Còn thiếu'],
      rows: [
        ['Thường xuyên đăng tin CCHC', 'tối thiểu 2/tháng', '6', '4', '2'],
        ['Niêm yết TTHC', '100% TTHC được niêm yết', '100%', '95%', '5%'],
        ['Tin bài trên Cổng thông tin', 'tối thiểu 1/tháng', '3', '2', '1'],
      ],
    });
    expect(blocks.slice(at + 2).map((b) => ('text' in b ? b.text : b.kind))).toEqual([
      'Nhiệm vụ thường xuyên “Thường xuyên đăng tin CCHC”:',
      '- Văn phòng Sở: Đăng 4 tin.',
      'Nhiệm vụ thường xuyên “Niêm yết TTHC”:',
      '- Phòng Kế hoạch - Tài chính: Niêm yết 18/20 thủ tục.',
    ]);
  });
});
