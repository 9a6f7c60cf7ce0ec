import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { fileTypeFromBuffer } from 'file-type';
import mammoth from 'mammoth';
import { FAILURES } from '../domain/failures.js';

const run = promisify(execFile);

/** What a signed plan document was, by its content. */
export type DocumentKind = 'docx' | 'pdf';

/** A document that cannot be read: not a DOCX or PDF, damaged, or no `pdftotext` on this machine. */
export class DocumentUnreadable extends Error {
  override readonly name = 'DocumentUnreadable';
  readonly type = FAILURES.documentUnreadable;
}

/** The document's text: one paragraph a line, paragraphs separated by a blank line, in reading order. */
export interface DocumentText {
  kind: DocumentKind;
  text: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * DOCX or PDF from the first bytes (file-type reads the signature and, for a ZIP, its `word/` parts), never from the
 * name: a PDF saved as `.docx` is read as the PDF it is, and a renamed spreadsheet is refused.
 */
export async function documentKind(bytes: Uint8Array): Promise<DocumentKind> {
  const found = await fileTypeFromBuffer(bytes);
  if (found?.mime === DOCX) return 'docx';
  if (found?.mime === 'application/pdf') return 'pdf';
  const what = found ? `${found.mime} (.${found.ext})` : 'không rõ loại / unknown type';
  throw new DocumentUnreadable(
    `không phải văn bản DOCX hay PDF: ${what}; hãy lưu kế hoạch đã ký dạng .docx hoặc .pdf / ` +
      `not a DOCX or PDF document: ${what}; save the signed plan as .docx or .pdf`,
  );
}

/** Reads a signed plan (DOCX or PDF, by its content) as text, one paragraph a line. */
export async function readDocument(bytes: Uint8Array): Promise<DocumentText> {
  const kind = await documentKind(bytes);
  const text = kind === 'docx' ? await docxText(bytes) : await pdfText(bytes);
  return { kind, text };
}

/** mammoth's raw text: each Word paragraph (and table cell) followed by a blank line. */
async function docxText(bytes: Uint8Array): Promise<string> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return normaliseParagraphs(value.split(/\n{2,}/));
  } catch (err) {
    throw new DocumentUnreadable(`tệp DOCX hỏng / damaged DOCX: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** `pdftotext` from PATH, else Debian's /usr/bin (poppler-utils, installed by scripts/setup.mjs). */
export function findPdftotext(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    if (dir && existsSync(join(dir, 'pdftotext'))) return join(dir, 'pdftotext');
  if (existsSync('/usr/bin/pdftotext')) return '/usr/bin/pdftotext';
  throw new DocumentUnreadable(
    'không tìm thấy pdftotext: cài gói poppler-utils (apt-get install poppler-utils) / ' +
      'pdftotext not found: install the poppler-utils package (apt-get install poppler-utils)',
  );
}

/**
 * PDF text by poppler's `pdftotext -bbox-layout`: its XHTML groups lines into blocks, and a block is a paragraph as
 * the page shows it. Plain `pdftotext` (with or without `-layout`) gives only lines wrapped at the page width, and a
 * paragraph cannot be told from the next one after a short last line; `-layout` also pads the two-column header
 * (body | Quốc hiệu) onto shared lines. pdf-parse (pdf.js) gives text runs without any grouping at all.
 */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdftotext = findPdftotext();
  let xhtml: string;
  try {
    // `-` `-`: the PDF on stdin and the XHTML on stdout, so nothing is written to disk.
    const child = run(pdftotext, ['-bbox-layout', '-enc', 'UTF-8', '-', '-'], {
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
    });
    child.child.stdin?.end(Buffer.from(bytes));
    xhtml = (await child).stdout;
  } catch (err) {
    throw new DocumentUnreadable(`pdftotext không đọc được tệp PDF / cannot read the PDF: ${errorText(err)}`);
  }
  return normaliseParagraphs(pdfParagraphs(xhtml));
}

function errorText(err: unknown): string {
  const stderr = (err as { stderr?: unknown }).stderr;
  if (typeof stderr === 'string' && stderr.trim() !== '') return stderr.trim();
  return err instanceof Error ? err.message : String(err);
}

/** A word's text; fast-xml-parser gives a bare string once attributes are ignored. */
type BboxWord = string | number;
interface BboxLine {
  word?: BboxWord[];
}
interface BboxBlock {
  line?: BboxLine | BboxLine[];
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** A line that opens a paragraph of its own even inside a block: `- …`, `+ …`, `I. …`, `2. …`, `a) …`. */
const OPENS_PARAGRAPH = /^([-+•*]\s|[IVX]+\.\s|\d{1,2}\.\s|[a-zđ]\)\s)/u;

/** The paragraphs of `pdftotext -bbox-layout` XHTML: each block's lines joined, split again at a bullet or numbering. */
export function pdfParagraphs(xhtml: string): string[] {
  const parser = new XMLParser({
    ignoreAttributes: true,
    isArray: (name) => ['page', 'flow', 'block', 'line', 'word'].includes(name),
    parseTagValue: false,
  });
  const doc = parser.parse(xhtml) as {
    html?: { body?: { doc?: { page?: { flow?: { block?: BboxBlock[] }[] }[] } } };
  };
  const paragraphs: string[] = [];
  for (const page of asArray(doc.html?.body?.doc?.page)) {
    let firstOfPage = true;
    for (const flow of asArray(page.flow))
      for (const block of asArray(flow.block)) {
        let current: string[] = [];
        // A paragraph cut by the page break goes on: no full stop before it, a small letter after it.
        if (firstOfPage && /[^.:;!?]$/.test(paragraphs.at(-1) ?? '.')) {
          const first = asArray(asArray(block.line)[0]?.word).map(String).join(' ');
          if (/^\p{Ll}/u.test(first)) current = [paragraphs.pop() ?? ''];
        }
        firstOfPage = false;
        for (const line of asArray(block.line)) {
          const text = asArray(line.word).map(String).join(' ');
          if (OPENS_PARAGRAPH.test(text) && current.length > 0) {
            paragraphs.push(joinLines(current));
            current = [];
          }
          current.push(text);
        }
        if (current.length > 0) paragraphs.push(joinLines(current));
      }
  }
  return paragraphs;
}

/** Wrapped lines as one paragraph; a line ending in a hyphen glued to its word (`NĐ-` / `CP`) joins without a space. */
function joinLines(lines: string[]): string {
  return lines.reduce((text, line) => (text === '' ? line : /\S-$/.test(text) ? text + line : `${text} ${line}`), '');
}

/** One paragraph a line, white space collapsed (NBSP and tabs too), NFC so `ạ` is one character whatever the source. */
function normaliseParagraphs(paragraphs: string[]): string {
  return paragraphs
    .map((p) =>
      p
        .normalize('NFC')
        .replace(/[\s\u00A0]+/g, ' ')
        .trim(),
    )
    .filter((p) => p !== '')
    .join('\n\n');
}
