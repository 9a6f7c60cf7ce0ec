import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { BlobStore } from '../storage/blob-store.js';

/** Evidence files: a few office formats, small enough for e-mail-era offices, stored by content hash. */
export const UPLOAD_LIMITS = { bytesPerFile: 5 * 1024 * 1024, files: 5 } as const;

// What a file really is comes from its content (file-type reads the signature and, for DOCX and XLSX, the ZIP's
// parts), never from its name alone: a renamed executable or a ZIP named .docx is refused.
const TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
} as const;
export type EvidenceExt = keyof typeof TYPES;

/** A refused upload, with the HTTP status that says why: 413 too large, 415 wrong type. */
export class UploadRefused extends Error {
  override readonly name = 'UploadRefused';
  constructor(
    readonly status: 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

export interface StoredFile {
  /** `<sha256>.<ext>`: the only name under which the file is served. */
  name: string;
  /** The name the unit gave it, shown as the evidence title. */
  original: string;
}

const STORED_NAME = /^[a-f0-9]{64}\.(pdf|docx|xlsx|jpg|png)$/;

/** True for names the store produces; anything else (`../`, other extensions) is never opened. */
export function isStoredName(name: string): boolean {
  return STORED_NAME.test(name);
}

export function mimeOf(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1) as EvidenceExt;
  return TYPES[ext] ?? 'application/octet-stream';
}

function extOf(fileName: string): EvidenceExt | undefined {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const normal = ext === 'jpeg' ? 'jpg' : ext;
  return normal in TYPES ? (normal as EvidenceExt) : undefined;
}

/**
 * Markup a browser would run if it ever sniffed the file as HTML, looked for where sniffing looks (the first
 * 1,445 bytes, WHATWG MIME Sniffing §7.1): a PNG or PDF carrying it is a polyglot, refused whatever its signature.
 */
const ACTIVE_MARKUP = /<(script|html|body|iframe|svg|object|embed)[\s>/]/i;

/** The file's real type when it is one we take and its name says the same; else why not. */
async function evidenceType(fileName: string, bytes: Buffer): Promise<EvidenceExt | undefined> {
  const ext = extOf(fileName);
  const detected = await fileTypeFromBuffer(bytes);
  if (!ext || detected?.ext !== ext) return undefined;
  if (ACTIVE_MARKUP.test(bytes.subarray(0, 1445).toString('latin1'))) return undefined;
  return ext;
}

/** Checks size and type (content, and a name that agrees), then writes the file as `<sha256>.<ext>` under `dir`. */
export async function storeEvidence(file: File, blobs: BlobStore): Promise<StoredFile> {
  if (file.size > UPLOAD_LIMITS.bytesPerFile)
    throw new UploadRefused(413, `"${file.name}" is ${(file.size / 1048576).toFixed(1)} MB (limit 5 MB per file)`);
  const bytes = Buffer.from(await file.arrayBuffer());
  const ext = await evidenceType(file.name, bytes);
  if (!ext) throw new UploadRefused(415, `"${file.name}" is not a PDF, DOCX, XLSX, JPG or PNG file`);
  const name = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
  // Named by content: the same file twice is one blob, and a blob never changes under its name.
  if (!(await blobs.head(evidenceKey(name)))) await blobs.put(evidenceKey(name), bytes, { contentType: TYPES[ext] });
  return { name, original: file.name.slice(0, 200) || name };
}

/** Where a stored evidence file lives in the blob store: `evidence/<sha256>.<ext>`. */
export function evidenceKey(name: string): string {
  return `evidence/${name}`;
}
