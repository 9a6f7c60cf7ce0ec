import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Block, ReportContent } from './report-content.js';

/** Page and type of Nghị định 30/2020 Phụ lục I: A4 portrait, margins 20/20/30/15 mm, Times New Roman. */
export const ND30_LAYOUT = {
  font: 'Times New Roman',
  page: { widthMm: 210, heightMm: 297 },
  margins: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 },
  /** Half-points, as Word stores them: 26 = 13 pt. */
  size: {
    body: 28,
    header: 26,
    motto: 26,
    nation: 24,
    number: 26,
    type: 28,
    table: 24,
    recipientsLabel: 24,
    recipients: 22,
  },
} as const;

export interface DocxChart {
  png: Buffer;
  width: number;
  height: number;
}

const F = ND30_LAYOUT.font;
const S = ND30_LAYOUT.size;
const tw = convertMillimetersToTwip;
const textWidth = tw(ND30_LAYOUT.page.widthMm - ND30_LAYOUT.margins.leftMm - ND30_LAYOUT.margins.rightMm);

interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
}
// Font named on every run, not only in the style: LibreOffice and older Word ignore docDefaults in table cells.
const run = (text: string, s: RunStyle) =>
  new TextRun({ text, font: F, size: s.size, bold: s.bold, italics: s.italics });
const centred = (text: string, s: RunStyle, spacingAfter = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children: [run(text, s)] });
/** A short horizontal rule: an empty paragraph whose bottom border is narrowed by indents. */
const rule = (cellWidth: number, fraction: number) =>
  new Paragraph({
    spacing: { after: 120 },
    indent: { left: Math.round((cellWidth * (1 - fraction)) / 2), right: Math.round((cellWidth * (1 - fraction)) / 2) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
const cell = (width: number, children: Paragraph[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP, children });

function headerTable(c: ReportContent): Table {
  const left = Math.round(textWidth * 0.4);
  const right = textWidth - left;
  const leftCell = [
    ...(c.parentBody ? [centred(c.parentBody, { size: S.header })] : []),
    centred(c.issuingBody, { size: S.header, bold: true }),
    rule(left, 0.4),
    centred(`Số: ${c.number}`, { size: S.number }),
  ];
  const rightCell = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: S.nation, bold: true }),
    centred('Độc lập - Tự do - Hạnh phúc', { size: S.motto, bold: true }),
    rule(right, 0.62),
    centred(c.placeDate, { size: S.body, italics: true }),
  ];
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, leftCell), cell(right, rightCell)] })],
  });
}

const bodyPara = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: tw(12.7) },
    spacing: { after: 120, line: 288 },
    children: [run(text, { size: S.body })],
  });
const headingPara = (text: string, size: number = S.body) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: tw(12.7) },
    spacing: { before: 120, after: 120, line: 288 },
    keepNext: true,
    children: [run(text, { size, bold: true })],
  });

function dataTable(head: string[], rows: string[][]): Table {
  const first = Math.round(textWidth * 0.34);
  const rest = head.length > 1 ? Math.floor((textWidth - first) / (head.length - 1)) : 0;
  const widths = head.map((_, i) => (i === 0 ? first : rest));
  const cellPara = (text: string, bold: boolean, i: number) =>
    new Paragraph({
      alignment: i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER,
      children: [run(text, { size: S.table, bold })],
    });
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (t, i) =>
          new TableCell({ width: { size: widths[i] ?? rest, type: WidthType.DXA }, children: [cellPara(t, bold, i)] }),
      ),
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [row(head, true), ...rows.map((r) => row(r, false))],
  });
}

function blockToDocx(b: Block, chart: DocxChart | undefined): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'para':
      return [bodyPara(b.text)];
    case 'subheading':
      return [headingPara(b.text)];
    case 'table':
      return [dataTable(b.head, b.rows), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case 'chart': {
      if (!chart) return [];
      // 15 cm wide: fits the 16.5 cm text width with room to spare.
      const widthPx = Math.round((150 / 25.4) * 96);
      const heightPx = Math.round((widthPx * chart.height) / chart.width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({ type: 'png', data: chart.png, transformation: { width: widthPx, height: heightPx } }),
          ],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 120 },
          children: [run(b.caption, { size: S.table, italics: true })],
        }),
      ];
    }
  }
}

function signatureTable(c: ReportContent): Table {
  const left = Math.round(textWidth * 0.5);
  const right = textWidth - left;
  const recipients = [
    new Paragraph({ children: [run('Nơi nhận:', { size: S.recipientsLabel, bold: true, italics: true })] }),
    ...c.recipients.map((line) => new Paragraph({ children: [run(line, { size: S.recipients })] })),
  ];
  const signer = [
    ...(c.signer.authority ? [centred(c.signer.authority, { size: S.body, bold: true })] : []),
    centred(c.signer.position, { size: S.body, bold: true }, 1400),
    centred(c.signer.name, { size: S.body, bold: true }),
  ];
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, recipients), cell(right, signer)] })],
  });
}

/** The report as a DOCX laid out per Nghị định 30/2020 Phụ lục I. */
export async function renderReportDocx(c: ReportContent, chart?: DocxChart): Promise<Buffer> {
  const m = ND30_LAYOUT.margins;
  const doc = new Document({
    creator: c.issuingBody,
    title: `${c.typeName} ${c.number}`,
    styles: { default: { document: { run: { font: F, size: S.body } } } },
    sections: [
      {
        // ND 30/2020 Phụ lục I: page numbers centred in the top margin, size 13–14, not shown on the first page.
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: F, size: S.number })],
              }),
            ],
          }),
        },
        properties: {
          titlePage: true,
          page: {
            size: { width: tw(ND30_LAYOUT.page.widthMm), height: tw(ND30_LAYOUT.page.heightMm) },
            margin: { top: tw(m.topMm), bottom: tw(m.bottomMm), left: tw(m.leftMm), right: tw(m.rightMm) },
          },
        },
        children: [
          headerTable(c),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          centred(c.typeName, { size: S.type, bold: true }),
          centred(c.summary, { size: S.type, bold: true }),
          rule(textWidth, 0.25),
          bodyPara(c.opening),
          ...c.sections.flatMap((s) => [headingPara(s.heading), ...s.blocks.flatMap((b) => blockToDocx(b, chart))]),
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          signatureTable(c),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
