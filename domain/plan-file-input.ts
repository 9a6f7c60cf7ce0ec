/**
 * What a plan file's bytes are before they are read as YAML: empty, a Word, PDF, ZIP, spreadsheet or image file by
 * its first bytes, or text in another encoding than UTF-8; each said in words, at line 1.
 */
import type { Locale } from './format-date.js';
import { emptyPlanMessage, notPlanFileMessage } from './plan-issue-messages.js';
import type { NotPlanKind } from './plan-issue-messages.js';
import type { PlanProblem } from './plan-problem.js';

/** `bytes` holds `ascii` (a file signature) at `offset`. */
function startsWith(bytes: Uint8Array, ascii: string, offset = 0): boolean {
  if (bytes.length < offset + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[offset + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Whether `bytes` contains `needle` (Latin-1 or, with `utf16`, UTF-16LE as OLE directories store names). */
function contains(bytes: Uint8Array, needle: string, utf16 = false): boolean {
  const n = utf16 ? [...needle].flatMap((c) => [c.charCodeAt(0), 0]) : [...needle].map((c) => c.charCodeAt(0));
  const first = n[0];
  outer: for (
    let i = bytes.indexOf(first ?? 0);
    i >= 0 && i <= bytes.length - n.length;
    i = bytes.indexOf(first ?? 0, i + 1)
  ) {
    for (let j = 1; j < n.length; j++) if (bytes[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

const OLE = '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1';

/**
 * What a file is when it is not text, from its signature ("magic bytes"): Office documents (a ZIP of `word/`, `xl/` or
 * `ppt/` parts; an OLE compound file naming its WordDocument, Workbook or PowerPoint stream), OpenDocument, PDF, RTF,
 * archives and images; `binary` for any other file with NUL bytes that is not UTF-16 text; undefined for text.
 */
function sniffFileKind(bytes: Uint8Array): NotPlanKind | undefined {
  if (startsWith(bytes, 'PK\x03\x04') || startsWith(bytes, 'PK\x05\x06') || startsWith(bytes, 'PK\x07\x08')) {
    if (contains(bytes, 'mimetypeapplication/vnd.oasis.opendocument.text')) return 'odt';
    if (contains(bytes, 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    if (contains(bytes, 'word/')) return 'docx';
    if (contains(bytes, 'xl/')) return 'xlsx';
    if (contains(bytes, 'ppt/')) return 'pptx';
    return 'zip';
  }
  if (startsWith(bytes, OLE)) {
    if (contains(bytes, 'WordDocument', true)) return 'doc';
    if (contains(bytes, 'Workbook', true) || contains(bytes, 'Book', true)) return 'xls';
    if (contains(bytes, 'PowerPoint Document', true)) return 'ppt';
    return 'office';
  }
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, '{\\rtf')) return 'rtf';
  if (
    startsWith(bytes, '\x1F\x8B') ||
    startsWith(bytes, '7z\xBC\xAF\x27\x1C') ||
    startsWith(bytes, 'Rar!\x1A\x07') ||
    (startsWith(bytes, 'BZh') && startsWith(bytes, '1AY&SY', 4)) ||
    startsWith(bytes, '\xFD7zXZ\x00')
  )
    return 'archive';
  if (
    startsWith(bytes, '\x89PNG\r\n\x1A\n') ||
    startsWith(bytes, '\xFF\xD8\xFF') ||
    startsWith(bytes, 'GIF87a') ||
    startsWith(bytes, 'GIF89a') ||
    (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) ||
    startsWith(bytes, 'II*\x00') ||
    startsWith(bytes, 'MM\x00*') ||
    (startsWith(bytes, 'ftyp', 4) &&
      /^(heic|heix|mif1|msf1|avif)$/.test(String.fromCharCode(...bytes.subarray(8, 12)))) ||
    (startsWith(bytes, 'BM') &&
      bytes.length > 26 &&
      bytes[6] === 0 &&
      bytes[7] === 0 &&
      bytes[8] === 0 &&
      bytes[9] === 0)
  )
    return 'image';
  if (bytes.includes(0) && !looksUtf16(bytes)) return 'binary';
  return undefined;
}

/** A UTF-16 text file: a byte-order mark, or NUL in every other byte of its start (ASCII text in UTF-16). */
function looksUtf16(bytes: Uint8Array): boolean {
  if (startsWith(bytes, '\xFF\xFE') || startsWith(bytes, '\xFE\xFF')) return true;
  const head = bytes.subarray(0, 512 - (Math.min(bytes.length, 512) % 2));
  if (head.length < 2) return false;
  const zeros = [0, 1].map((parity) => head.filter((b, i) => i % 2 === parity && b === 0).length);
  const half = head.length / 2;
  return Math.max(zeros[0] ?? 0, zeros[1] ?? 0) >= half * 0.6 && Math.min(zeros[0] ?? 0, zeros[1] ?? 0) <= half * 0.1;
}

/**
 * Plan files must be UTF-8. Read as UTF-8, a UTF-16 file is full of NUL characters and a Latin-1 (or Windows-1258)
 * file turns its accented bytes into U+FFFD, which would otherwise slip into names and e-mails unnoticed.
 */
function encodingProblem(text: string, fileName: string, lang: Locale): PlanProblem | undefined {
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\uFFFD');
  if (nul < 0 && bad < 0) return undefined;
  const utf16 = nul >= 0;
  const offset = utf16 ? 0 : bad;
  const before = text.slice(0, offset).split('\n');
  const message = utf16
    ? lang === 'vi'
      ? 'không phải UTF-8: tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8'
      : 'not UTF-8: the file is saved as UTF-16; save it as UTF-8'
    : lang === 'vi'
      ? 'không phải UTF-8: có byte không đọc được (tệp lưu theo bảng mã khác, ví dụ Latin-1); hãy lưu lại dạng UTF-8'
      : 'not UTF-8: some bytes cannot be read (the file uses another encoding, e.g. Latin-1); save it as UTF-8';
  return { file: fileName, line: before.length, column: (before.at(-1)?.length ?? 0) + 1, path: '', message };
}

/** What `readInput` says of a file that is not text, or is empty: a plan file's words unless another format's. */
export interface InputWording {
  notText: (kind: NotPlanKind, lang: Locale) => string;
  empty: (lang: Locale) => string;
}

const PLAN_FILE_WORDING: InputWording = { notText: notPlanFileMessage, empty: emptyPlanMessage };

/**
 * The file's text, or the one problem that stops it being read as a plan file: a document, archive, image or other
 * binary file (by its signature), UTF-16 or another encoding than UTF-8, or nothing at all. Text given as a string
 * (pasted, or read by the caller) is checked the same way on its UTF-8 bytes, where signatures in ASCII survive.
 */
export function readInput(
  input: string | Uint8Array,
  fileName: string,
  lang: Locale,
  wording: InputWording = PLAN_FILE_WORDING,
): { text: string } | PlanProblem {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const whole = (message: string): PlanProblem => ({ file: fileName, line: 1, column: 1, path: '', message });
  const kind = sniffFileKind(bytes);
  if (kind) return whole(wording.notText(kind, lang));
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : new TextDecoder('utf-8').decode(input);
  const encoding = encodingProblem(text, fileName, lang);
  if (encoding) return encoding;
  if (text.trim() === '') return whole(wording.empty(lang));
  return { text };
}
