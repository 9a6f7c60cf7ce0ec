import { basename } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { FormBody } from '../form-body.js';
import { langOf, withLang } from '../i18n.js';
import { messagePage } from '../pages/layout.js';
import { importTexts } from './import-texts.js';

/**
 * A workbook or a signed document: larger than the office's other forms (a DOCX with the body's emblem, a PDF with
 * its fonts), as large as a unit's evidence file (portal/uploads.ts).
 */
export const IMPORT_UPLOAD_MB = 5;
const IMPORT_UPLOAD_BYTES = IMPORT_UPLOAD_MB * 1024 * 1024;
/** Room for the multipart framing and the CSRF field around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** The editor's upload forms: `/van-phong/:org/soan-thao/excel` and `…/van-ban`. */
const IMPORT_PATH = /^\/van-phong\/[^/]+\/soan-thao\/(excel|van-ban)$/;

/** Whether a request is one of the editor's uploads, which get `importBodyLimit` instead of the office forms' 1 MB. */
export const isImportUpload = (path: string): boolean => IMPORT_PATH.test(path);

/**
 * The body limit of the editor's uploads, applied before the office guard reads the body. Its page has no session
 * yet (the guard has not run), so it links to the editor, which asks for one if need be.
 */
export const importBodyLimit: MiddlewareHandler = bodyLimit({
  maxSize: IMPORT_UPLOAD_BYTES + FORM_OVERHEAD_BYTES,
  onError: (c) => {
    const lang = langOf(c);
    const t = importTexts(lang).refusals;
    const editor = c.req.path.replace(/\/(excel|van-ban)$/, '');
    const way = { href: withLang(editor, lang), label: t.toEditor };
    return c.html(messagePage(lang, c.req.path, t.tooLarge.title, t.tooLarge.text(IMPORT_UPLOAD_MB), way), 413);
  },
});

/** What an upload may be, by its content. */
export type ImportKind = 'xlsx' | 'docx' | 'pdf';

const MIME_KINDS: Record<string, ImportKind> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/pdf': 'pdf',
};

/** An upload as read: its bytes and the name it came with, or why it is refused. */
export type ImportUpload =
  | { ok: true; bytes: Uint8Array; fileName: string; kind: ImportKind }
  | { ok: false; why: 'noFile' }
  | { ok: false; why: 'tooLarge' }
  | { ok: false; why: 'wrongType'; fileName: string; found?: string };

/**
 * The file in `field` of the form when its content is one of `kinds` (file-type reads the signature and, for a ZIP,
 * its parts), never by its name or the browser's type: a renamed file is what it is. The name is kept for the pages
 * and problems (its last segment only, at most 200 characters).
 */
export async function readImportUpload(
  form: FormBody,
  field: string,
  kinds: readonly ImportKind[],
): Promise<ImportUpload> {
  const file = form[field];
  // A form sent without choosing a file still has the part: empty, with no name.
  if (!(file instanceof File) || (file.size === 0 && file.name === '')) return { ok: false, why: 'noFile' };
  if (file.size > IMPORT_UPLOAD_BYTES) return { ok: false, why: 'tooLarge' };
  const fileName = basename(file.name.replaceAll('\\', '/')).slice(0, 200) || 'tep-tai-len';
  const bytes = new Uint8Array(await file.arrayBuffer());
  const found = await fileTypeFromBuffer(bytes);
  const kind = found ? MIME_KINDS[found.mime] : undefined;
  if (!kind || !kinds.includes(kind))
    return { ok: false, why: 'wrongType', fileName, ...(found ? { found: `${found.mime} (.${found.ext})` } : {}) };
  return { ok: true, bytes, fileName, kind };
}
