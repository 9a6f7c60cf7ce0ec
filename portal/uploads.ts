import { createHash } from 'node:crypto';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Evidence files: a few office formats, small enough for e-mail-era offices, stored by content hash. */
export const UPLOAD_LIMITS = { bytesPerFile: 5 * 1024 * 1024, files: 5 } as const;

// Magic bytes, so a renamed executable is refused even with a harmless extension. DOCX and XLSX are ZIP files.
const TYPES = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b, 0x03, 0x04] },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
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
  return TYPES[ext]?.mime ?? 'application/octet-stream';
}

function extOf(fileName: string): EvidenceExt | undefined {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const normal = ext === 'jpeg' ? 'jpg' : ext;
  return normal in TYPES ? (normal as EvidenceExt) : undefined;
}

/** Checks size and type (extension and content), then writes the file as `<sha256>.<ext>` under `dir`. */
export async function storeEvidence(file: File, dir: string): Promise<StoredFile> {
  if (file.size > UPLOAD_LIMITS.bytesPerFile)
    throw new UploadRefused(413, `"${file.name}" is ${(file.size / 1048576).toFixed(1)} MB (limit 5 MB per file)`);
  const ext = extOf(file.name);
  const bytes = Buffer.from(await file.arrayBuffer());
  const magic = ext ? TYPES[ext].magic : undefined;
  if (!ext || !magic || !magic.every((b, i) => bytes[i] === b))
    throw new UploadRefused(415, `"${file.name}" is not a PDF, DOCX, XLSX, JPG or PNG file`);
  const name = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
  await mkdir(dir, { recursive: true });
  const target = join(dir, name);
  const exists = await access(target).then(
    () => true,
    () => false,
  );
  if (!exists) {
    // Write then rename, so a half-written file is never served under its final name.
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  }
  return { name, original: file.name.slice(0, 200) || name };
}
