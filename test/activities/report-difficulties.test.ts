import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { difficultiesForReport } from '../../activities/report-cycle.js';
import { toReportRequest } from '../../activities/report-render.js';
import type { ReportDifficulty, ReportItem, ReportRequest } from '../../activities/report-types.js';
import { computeFigures } from '../../activities/reports/figures.js';
import { createReportActivities } from '../../activities/reports/generate-report.js';
import { checkNd30 } from '../../activities/reports/nd30-check.js';
import { buildReportContent } from '../../activities/reports/report-content.js';
import type { Difficulty } from '../../domain/difficulties.js';
import type { PlanStatus } from '../../workflows/plan-types.js';
import { collectedReport, reportRequest } from '../fixtures/report-request.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kehoach-difficulties-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HEADING = '# Kiến nghị, vướng mắc các đơn vị phản ánh với Văn phòng trong kỳ';

/** One answered (KHTC), one still open (TCCB, two paragraphs), dates already on the plan's calendar. */
const twoDifficulties: ReportDifficulty[] = [
  {
    unit: 'KHTC',
    raisedOn: '2026-02-10',
    text: 'Chưa rõ quy trình đề nghị kinh phí in pa-nô.',
    answer: { text: 'Lập dự toán gửi Phòng Kế hoạch - Tài chính trước ngày 15/02/2026.', on: '2026-02-12' },
  },
  { unit: 'TCCB', raisedOn: '2026-03-05', text: 'Đề nghị ban hành mẫu báo cáo chung.\nXin gửi mẫu trước kỳ báo cáo.' },
];

const SECTION_IV_WITH_DIFFICULTIES = [
  '- Văn phòng Sở: Đề nghị bổ sung 01 biên chế biên tập viên.',
  'Về nhiệm vụ “Đăng tin về thủ tục hành chính <mới>”: Đề nghị bổ sung kinh phí in tờ rơi.',
  HEADING,
  '- Phòng Kế hoạch - Tài chính (ngày 10/02/2026): Chưa rõ quy trình đề nghị kinh phí in pa-nô.',
  'Văn phòng đã trả lời (ngày 12/02/2026): Lập dự toán gửi Phòng Kế hoạch - Tài chính trước ngày 15/02/2026.',
  '- Phòng Tổ chức cán bộ (ngày 05/03/2026): Đề nghị ban hành mẫu báo cáo chung.',
  'Xin gửi mẫu trước kỳ báo cáo.',
  'Văn phòng đang xem xét, báo cáo Phó Giám đốc cho ý kiến.',
];

/** A request where no unit proposed anything in its submissions. */
function withoutProposals(req: ReportRequest): ReportRequest {
  const silent = (i: ReportItem): ReportItem => ({
    ...i,
    units: i.units.map((u) => (u.submission ? { ...u, submission: { ...u.submission, proposals: '' } } : u)),
  });
  return { ...req, items: req.items.map(silent), periodReport: req.periodReport && silent(req.periodReport) };
}

const sectionIv = (req: ReportRequest) => {
  const c = buildReportContent(req, computeFigures(req), '01/BC-SGDĐT', false);
  const s4 = c.sections[3]!;
  return {
    heading: s4.heading,
    texts: s4.blocks.map((b) => ('text' in b ? (b.kind === 'subheading' ? '# ' : '') + b.text : b.kind)),
  };
};

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The body paragraphs of a report's HTML from section IV's heading to the signature, as plain text. */
function htmlSectionIv(html: string): string[] {
  const from = html.lastIndexOf('<p', html.indexOf('IV. ĐỀ XUẤT, KIẾN NGHỊ'));
  const to = html.indexOf('<div class="sign">');
  return [...html.slice(from, to).matchAll(/<p class="body">([\s\S]*?)<\/p>/g)].map((m) =>
    unescapeXml(m[1]!.replace(/<\/?b>/g, '')),
  );
}

/** The DOCX's paragraphs as plain text (runs joined), from section IV's heading up to the signature table. */
async function docxSectionIv(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const paras = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    unescapeXml([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
  const from = paras.indexOf('IV. ĐỀ XUẤT, KIẾN NGHỊ');
  const to = paras.indexOf('Nơi nhận:');
  return paras.slice(from + 1, to).filter((p) => p.trim().length > 0);
}

describe('section IV lists the difficulties raised with the office', () => {
  it("follows the units' proposals with each difficulty and the office's answer, or that it is still open", () => {
    const { heading, texts } = sectionIv(reportRequest({ difficulties: twoDifficulties }));
    expect(heading).toBe('IV. ĐỀ XUẤT, KIẾN NGHỊ');
    expect(texts).toEqual(SECTION_IV_WITH_DIFFICULTIES);
  });

  it('lists difficulties alone when no unit proposed anything, and says Không có. only when neither exists', () => {
    const silent = withoutProposals(reportRequest());
    expect(sectionIv({ ...silent, difficulties: twoDifficulties }).texts).toEqual(
      SECTION_IV_WITH_DIFFICULTIES.slice(2),
    );
    expect(sectionIv(silent).texts).toEqual(['Không có.']);
    expect(sectionIv({ ...silent, difficulties: [] }).texts).toEqual(['Không có.']);
  });

  it('speaks English in an English report', () => {
    const { heading, texts } = sectionIv({
      ...withoutProposals(reportRequest({ locale: 'en', director: { name: 'A', title: 'Director' } })),
      difficulties: twoDifficulties,
    });
    expect(heading).toBe('IV. PROPOSALS');
    expect(texts).toEqual([
      '# Difficulties and proposals the units raised with the office in the period',
      '- Phòng Kế hoạch - Tài chính (10/02/2026): Chưa rõ quy trình đề nghị kinh phí in pa-nô.',
      'The office answered (12/02/2026): Lập dự toán gửi Phòng Kế hoạch - Tài chính trước ngày 15/02/2026.',
      '- Phòng Tổ chức cán bộ (05/03/2026): Đề nghị ban hành mẫu báo cáo chung.',
      'Xin gửi mẫu trước kỳ báo cáo.',
      'The office is considering it and will ask the Director for guidance.',
    ]);
    expect(sectionIv(withoutProposals(reportRequest({ locale: 'en' }))).texts).toEqual(['None.']);
  });

  it('reaches the HTML and the DOCX, which still pass the Nghị định 30/2020 check', async () => {
    const { generateReport } = createReportActivities({ reportsDir: join(dir, 'with') });
    const r = await generateReport(reportRequest({ difficulties: twoDifficulties }));
    const expected = ['IV. ĐỀ XUẤT, KIẾN NGHỊ', ...SECTION_IV_WITH_DIFFICULTIES.map((t) => t.replace(/^# /, ''))];
    expect(htmlSectionIv(await readFile(r.files.html, 'utf8'))).toEqual(expected);
    expect(await docxSectionIv(r.files.docx)).toEqual(expected.slice(1));
    expect((await checkNd30(r.files.docx)).problems).toEqual([]);
  });

  it('says Không có. in the HTML and the DOCX when there are neither proposals nor difficulties', async () => {
    const { generateReport } = createReportActivities({ reportsDir: join(dir, 'none') });
    const r = await generateReport(withoutProposals(reportRequest()));
    expect(htmlSectionIv(await readFile(r.files.html, 'utf8'))).toEqual(['IV. ĐỀ XUẤT, KIẾN NGHỊ', 'Không có.']);
    expect(await docxSectionIv(r.files.docx)).toEqual(['Không có.']);
  });
});

const difficulty = (id: number, raisedAt: string, answerAt?: string): Difficulty => ({
  id,
  unit: 'NT',
  text: `Vướng mắc ${id}`,
  raisedBy: 'Tổ trưởng NT',
  raisedAt,
  ...(answerAt ? { answer: { text: `Trả lời ${id}`, by: 'Văn phòng', at: answerAt } } : {}),
});

/** A plan's status with Q1 due 20/03, H1 due 22/06 and an ad hoc report (no office deadline of its own). */
function planStatus(difficulties: Difficulty[]): Pick<PlanStatus, 'items' | 'difficulties'> {
  const item = (itemId: string, kind: 'task' | 'report', officeDueAt?: string): PlanStatus['items'][number] => ({
    itemId,
    workflowId: `plan-MNDL-2026-${itemId}`,
    kind,
    title: itemId,
    opensAt: '2026-01-05T08:00:00.000+07:00',
    phase: 'running',
    ...(officeDueAt ? { officeDueAt } : {}),
  });
  return {
    items: [
      item('task-01', 'task'),
      item('report-Q1', 'report', '2026-03-20T17:00:00.000+07:00'),
      item('report-H1', 'report', '2026-06-22T17:00:00.000+07:00'),
      item('report-adhoc-1', 'report'),
    ],
    difficulties,
  };
}

describe('which difficulties a report lists', () => {
  const raised = [
    difficulty(1, '2026-02-10T09:00:00.000+07:00'),
    difficulty(2, '2026-03-20T17:00:00.000+07:00'),
    difficulty(3, '2026-03-20T17:00:01.000+07:00'),
    difficulty(4, '2026-04-10T09:00:00.000+07:00'),
  ];

  it('puts each in the first periodic report due at or after it was raised, and none in an ad hoc report', () => {
    const status = planStatus(raised);
    expect(difficultiesForReport('report-Q1', status).map((d) => d.id)).toEqual([1, 2]);
    expect(difficultiesForReport('report-H1', status).map((d) => d.id)).toEqual([3, 4]);
    expect(difficultiesForReport('report-adhoc-1', status)).toEqual([]);
  });

  it("dates them on the plan's calendar: an instant late in the UTC day is the next day in Hồ Chí Minh City", () => {
    const req = toReportRequest({
      ...collectedReport('Q1'),
      difficulties: [
        difficulty(1, '2026-03-01T23:30:00Z', '2026-03-02T17:30:00Z'),
        difficulty(2, '2026-03-03T08:00:00+07:00'),
      ],
    });
    expect(req.difficulties).toEqual([
      { unit: 'NT', raisedOn: '2026-03-02', text: 'Vướng mắc 1', answer: { text: 'Trả lời 1', on: '2026-03-03' } },
      { unit: 'NT', raisedOn: '2026-03-03', text: 'Vướng mắc 2' },
    ]);
    expect(toReportRequest(collectedReport('Q1')).difficulties).toBeUndefined();
  });
});
