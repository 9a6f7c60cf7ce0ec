import { readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

/** A node of fast-xml-parser's ordered output: `{ 'w:p': [...children], ':@': { '@_w:val': ... } }`. */
type XNode = Record<string, unknown>;

interface Run {
  text: string;
  font?: string;
  /** Half-points. */
  size?: number;
  bold: boolean;
  italics: boolean;
}

interface Para {
  text: string;
  runs: Run[];
  align?: string;
  firstLine?: number;
}

const tagOf = (n: XNode) => Object.keys(n).find((k) => k !== ':@');
const kids = (n: XNode): XNode[] => {
  const tag = tagOf(n);
  const v = tag ? n[tag] : undefined;
  return Array.isArray(v) ? (v as XNode[]) : [];
};
const attr = (n: XNode | undefined, name: string): string | undefined => {
  const a = n?.[':@'] as Record<string, unknown> | undefined;
  const v = a?.[`@_${name}`];
  return v === undefined ? undefined : String(v);
};
const child = (n: XNode | undefined, tag: string) => (n ? kids(n).find((c) => tagOf(c) === tag) : undefined);
function* descendants(nodes: XNode[], tag: string): Generator<XNode> {
  for (const n of nodes) {
    if (tagOf(n) === tag) yield n;
    else yield* descendants(kids(n), tag);
  }
}
/** `<w:b/>` is on; `<w:b w:val="false"/>` or `"0"` is off. */
const toggle = (n: XNode | undefined) => n !== undefined && !['false', '0', 'off'].includes(attr(n, 'w:val') ?? 'true');

function readRun(r: XNode, defaults: { font?: string; size?: number }): Run {
  const rPr = child(r, 'w:rPr');
  const sz = attr(child(rPr, 'w:sz'), 'w:val');
  const text = [...descendants(kids(r), 'w:t')]
    .flatMap((t) => kids(t))
    .map((x) => String(x['#text'] ?? ''))
    .join('');
  return {
    text,
    font: attr(child(rPr, 'w:rFonts'), 'w:ascii') ?? defaults.font,
    size: sz ? Number(sz) : defaults.size,
    bold: toggle(child(rPr, 'w:b')),
    italics: toggle(child(rPr, 'w:i')),
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
});

/** Paragraphs of the body (including those in table cells) in document order, and the section properties. */
async function readDocx(path: string) {
  const zip = await JSZip.loadAsync(await readFile(path));
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!documentXml) throw new Error(`${path}: no word/document.xml (not a DOCX?)`);
  const stylesXml = await zip.file('word/styles.xml')?.async('string');
  const defaults: { font?: string; size?: number } = {};
  if (stylesXml) {
    const rPrDefault = [...descendants(parser.parse(stylesXml) as XNode[], 'w:rPrDefault')][0];
    const rPr = child(rPrDefault, 'w:rPr');
    defaults.font = attr(child(rPr, 'w:rFonts'), 'w:ascii');
    const sz = attr(child(rPr, 'w:sz'), 'w:val');
    if (sz) defaults.size = Number(sz);
  }
  const doc = parser.parse(documentXml) as XNode[];
  const paras: Para[] = [...descendants(doc, 'w:p')].map((p) => {
    const runs = [...descendants(kids(p), 'w:r')].map((r) => readRun(r, defaults)).filter((r) => r.text.length > 0);
    const pPr = child(p, 'w:pPr');
    const firstLine = attr(child(pPr, 'w:ind'), 'w:firstLine');
    return {
      text: runs.map((r) => r.text).join(''),
      runs,
      align: attr(child(pPr, 'w:jc'), 'w:val'),
      firstLine: firstLine ? Number(firstLine) : undefined,
    };
  });
  const sectPr = [...descendants(doc, 'w:sectPr')].at(-1);
  const headers = await Promise.all(zip.file(/^word\/header\d*\.xml$/).map((f) => f.async('string')));
  const pageNumbered = headers.some((h) => /w:instrText[^>]*>\s*PAGE\b|w:fldSimple[^>]*w:instr="\s*PAGE\b/.test(h));
  return { paras: paras.filter((p) => p.text.trim().length > 0), sectPr, pageNumbered };
}

const pt = (halfPoints: number | undefined) => (halfPoints === undefined ? 'unset' : `${halfPoints / 2} pt`);
const isUpper = (s: string) => s === s.toLocaleUpperCase('vi');
const MM = 1440 / 25.4;

/**
 * Checks a DOCX against the layout of Nghị định 30/2020 Phụ lục I (as our reports use it): A4, margins, Times New
 * Roman, and the case, size and weight of each element of the header, title, signature and `Nơi nhận`.
 */
export async function checkNd30(docxPath: string): Promise<{ ok: boolean; problems: string[] }> {
  const { paras, sectPr, pageNumbered } = await readDocx(docxPath);
  const problems: string[] = [];
  if (!pageNumbered) problems.push('page numbers: none in the header (expected centred in the top margin)');
  if (!child(sectPr, 'w:titlePg'))
    problems.push('page numbers: shown on the first page (expected hidden there: w:titlePg)');
  const sizes = (p: Para) => [...new Set(p.runs.map((r) => r.size))];
  const expect = (
    p: Para | undefined,
    what: string,
    rules: { bold?: boolean; italics?: boolean; upper?: boolean; min?: number; max?: number; align?: string },
  ) => {
    if (!p) return void problems.push(`${what}: not found`);
    const quoted = `"${p.text.slice(0, 60)}"`;
    if (rules.bold !== undefined && !p.runs.every((r) => r.bold === rules.bold))
      problems.push(`${what} ${quoted}: must ${rules.bold ? '' : 'not '}be bold`);
    if (rules.italics !== undefined && !p.runs.every((r) => r.italics === rules.italics))
      problems.push(`${what} ${quoted}: must ${rules.italics ? '' : 'not '}be italic`);
    if (rules.upper && !isUpper(p.text)) problems.push(`${what} ${quoted}: must be upper case`);
    if (rules.min !== undefined && rules.max !== undefined) {
      for (const s of sizes(p)) {
        if (s === undefined || s < rules.min || s > rules.max)
          problems.push(`${what} ${quoted}: size ${pt(s)} (expected ${rules.min / 2}–${rules.max / 2} pt)`);
      }
    }
    if (rules.align && p.align !== rules.align)
      problems.push(`${what} ${quoted}: alignment ${p.align ?? 'left'} (expected ${rules.align})`);
  };

  // Page: A4 portrait and the margins of Phụ lục I, with 0.5 mm of rounding slack.
  const pgSz = child(sectPr, 'w:pgSz');
  const w = Number(attr(pgSz, 'w:w'));
  const h = Number(attr(pgSz, 'w:h'));
  if (Math.abs(w - 210 * MM) > 15 || Math.abs(h - 297 * MM) > 15)
    problems.push(`page: ${Math.round(w / MM)}×${Math.round(h / MM)} mm (expected A4 portrait 210×297 mm)`);
  const pgMar = child(sectPr, 'w:pgMar');
  const margins: [string, number, number][] = [
    ['top', 20, 25],
    ['bottom', 20, 25],
    ['left', 30, 35],
    ['right', 15, 20],
  ];
  for (const [side, min, max] of margins) {
    const mm = Number(attr(pgMar, `w:${side}`)) / MM;
    if (!(mm >= min - 0.5 && mm <= max + 0.5))
      problems.push(`margin ${side}: ${Number.isFinite(mm) ? mm.toFixed(1) : 'unset'} mm (expected ${min}–${max} mm)`);
  }

  const fonts = new Set(paras.flatMap((p) => p.runs.map((r) => r.font ?? 'unset')));
  for (const f of fonts)
    if (f !== 'Times New Roman') problems.push(`font: ${f} used (expected Times New Roman throughout)`);

  const idx = (test: (p: Para) => boolean) => paras.findIndex(test);
  const nation = idx((p) => p.text.trim() === 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(paras[nation], 'Quốc hiệu', { bold: true, upper: true, min: 24, max: 26 });
  expect(paras[idx((p) => p.text.trim() === 'Độc lập - Tự do - Hạnh phúc')], 'Tiêu ngữ', {
    bold: true,
    min: 26,
    max: 28,
  });

  const numberAt = idx((p) => p.text.startsWith('Số:'));
  const numberPara = paras[numberAt];
  expect(numberPara, 'Số, ký hiệu', { bold: false, min: 26, max: 26 });
  const num = numberPara && /^Số:\s*(\d+)\/\S+$/.exec(numberPara.text.trim());
  if (numberPara && !num) problems.push(`Số, ký hiệu "${numberPara.text}": expected "Số: NN/BC-SYMBOL"`);
  else if (num?.[1] && num[1].length < 2)
    problems.push(`Số, ký hiệu "${numberPara?.text}": numbers below 10 need a leading zero (expected "0${num[1]}/")`);

  // The left header cell comes first in the XML: parent body (upright) then issuing body (bold), then `Số:`.
  const headerLeft = numberAt > 0 ? paras.slice(0, numberAt) : [];
  const issuing = headerLeft.at(-1);
  expect(issuing, 'Cơ quan ban hành', { bold: true, upper: true, min: 24, max: 26 });
  for (const parent of headerLeft.slice(0, -1))
    expect(parent, 'Cơ quan chủ quản', { bold: false, upper: true, min: 24, max: 26 });

  const datePara = paras.find((p) => /, ngày \d+ tháng \d+ năm \d{4}$/.test(p.text.trim()));
  expect(datePara, 'Địa danh, ngày tháng', { italics: true, min: 26, max: 28 });
  const date = datePara && /ngày (\d+) tháng (\d+) năm/.exec(datePara.text);
  if (date?.[1] && date[2]) {
    const [day, month] = [date[1], date[2]];
    if (Number(day) < 10 && day.length < 2) problems.push(`Địa danh, ngày tháng: day "${day}" needs a leading zero`);
    if (Number(month) <= 2 && month.length < 2)
      problems.push(`Địa danh, ngày tháng: month "${month}" needs a leading zero (months 1 and 2)`);
    if (Number(month) > 2 && month.startsWith('0'))
      problems.push(`Địa danh, ngày tháng: month "${month}" takes no leading zero (only months 1 and 2 do)`);
  }

  const typeAt = idx((p) => p.text.trim() === 'BÁO CÁO');
  expect(paras[typeAt], 'Tên loại (BÁO CÁO)', { bold: true, upper: true, min: 26, max: 28, align: 'center' });
  expect(typeAt >= 0 ? paras[typeAt + 1] : undefined, 'Trích yếu', { bold: true, min: 26, max: 28 });

  const recipientsAt = idx((p) => p.text.trim() === 'Nơi nhận:');
  const body = typeAt >= 0 && recipientsAt > typeAt ? paras.slice(typeAt + 2, recipientsAt) : [];
  const justified = body.filter((p) => p.align === 'both');
  if (justified.length === 0) problems.push('body: no justified paragraph (expected justified text, 13–14 pt)');
  if (!justified.some((p) => (p.firstLine ?? 0) >= 500))
    problems.push('body: no first-line indent (expected 1–1.27 cm)');
  for (const p of justified) expect(p, 'Nội dung', { min: 26, max: 28 });

  expect(paras[recipientsAt], 'Nơi nhận', { bold: true, italics: true, min: 24, max: 24 });
  if (recipientsAt >= 0) {
    const lines: Para[] = [];
    for (const p of paras.slice(recipientsAt + 1)) {
      if (!p.text.startsWith('- ')) break;
      lines.push(p);
    }
    const last = lines.at(-1);
    if (!last || !/^- Lưu: VT(, .+)?\.$/.test(last.text.trim()))
      problems.push(`Nơi nhận: must end with "- Lưu: VT, <unit>." (found "${last?.text ?? 'nothing'}")`);
    for (const l of lines.slice(0, -1))
      if (!l.text.trim().endsWith(';')) problems.push(`Nơi nhận "${l.text}": each line ends with ";"`);
    for (const l of lines) expect(l, 'Nơi nhận (danh sách)', { min: 22, max: 22 });
    // The signer's cell follows the recipients' cell: authority and position in capitals, then the name, all bold.
    const signer = paras.slice(recipientsAt + 1 + lines.length);
    if (signer.length < 2) problems.push('Chữ ký: position and name not found after "Nơi nhận"');
    for (const p of signer.slice(0, -1))
      expect(p, 'Quyền hạn, chức vụ người ký', { bold: true, upper: true, min: 26, max: 28 });
    expect(signer.at(-1), 'Họ tên người ký', { bold: true, min: 26, max: 28 });
  }
  return { ok: problems.length === 0, problems };
}
