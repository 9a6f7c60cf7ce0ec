import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, readdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import {
  BlobKeyConflictError,
  BlobStoreConfigError,
  validateBlobKey,
  validateBlobMeta,
  validateBlobPrefix,
  type BlobHead,
  type BlobMeta,
  type BlobStore,
  type StoredBlob,
} from './blob-store.js';

const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** Node's file system errors carry a `code` such as `ENOENT`. */
function codeOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/** The path names a blob that is not there: nothing, a folder, or a path through a file. */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/**
 * Blobs as plain files in a folder, each key's path under it (`reports/plan-X-2026/report-Q1.docx` is that file, so
 * an operator can open it or copy the folder into a bucket), and the metadata beside it in a hidden sidecar
 * (`.report-Q1.docx.meta.json`). Every file is written to a temporary name, flushed and renamed over the old one, so
 * a reader never sees half a file, in this process or another one on the same folder.
 *
 * The sidecar is renamed into place before the body: a new blob exists once its body does, and a put that fails
 * halfway leaves either nothing visible or the old bytes with the new metadata, which the retried put repairs.
 */
export class LocalBlobStore implements BlobStore {
  /** Absolute path of the folder. */
  readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  /** Makes the folder and checks that this process may write into it. */
  async ensureReady(): Promise<void> {
    try {
      await mkdir(this.root, { recursive: true });
      await access(this.root, constants.R_OK | constants.W_OK | constants.X_OK);
    } catch (err) {
      if (codeOf(err) === 'ENOTDIR' || codeOf(err) === 'EEXIST')
        throw new BlobStoreConfigError(`blob folder ${this.root}: is not a folder`, { cause: err });
      throw this.failure(err, 'prepare the folder');
    }
  }

  async put(key: string, body: Buffer, meta: BlobMeta): Promise<void> {
    validateBlobKey(key);
    const clean = validateBlobMeta(meta);
    if (!Buffer.isBuffer(body)) throw new TypeError(`blob ${key}: body must be a Buffer`);
    const p = this.paths(key);
    const sidecar = JSON.stringify(clean) + '\n';
    // A concurrent delete may remove the (then empty) folder between mkdir and the write: make it again.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.makeFolder(key, p.dir);
        await this.clearEmptyFolderAt(key, p.body);
        await writeAtomically(p.meta, sidecar);
        await writeAtomically(p.body, body);
        return;
      } catch (err) {
        if (codeOf(err) === 'ENOENT' && attempt < 4) continue;
        if (codeOf(err) === 'EISDIR') throw new BlobKeyConflictError(key, `${key}/`);
        throw this.failure(err, `put ${key}`);
      }
    }
  }

  async get(key: string): Promise<StoredBlob | undefined> {
    validateBlobKey(key);
    const p = this.paths(key);
    let body: Buffer;
    try {
      body = await readFile(p.body);
    } catch (err) {
      if (ABSENT.has(codeOf(err) ?? '')) return undefined;
      throw this.failure(err, `get ${key}`);
    }
    return { body, ...(await this.readMeta(p.meta, key)) };
  }

  async head(key: string): Promise<BlobHead | undefined> {
    validateBlobKey(key);
    const p = this.paths(key);
    let size: number;
    try {
      const s = await stat(p.body);
      if (!s.isFile()) return undefined;
      size = s.size;
    } catch (err) {
      if (ABSENT.has(codeOf(err) ?? '')) return undefined;
      throw this.failure(err, `head ${key}`);
    }
    return { size, ...(await this.readMeta(p.meta, key)) };
  }

  async delete(key: string): Promise<void> {
    validateBlobKey(key);
    const p = this.paths(key);
    try {
      // The body first: the blob is gone as soon as it is, whatever happens to the sidecar.
      await unlinkIfThere(p.body);
      await unlinkIfThere(p.meta);
    } catch (err) {
      throw this.failure(err, `delete ${key}`);
    }
    await this.pruneEmptyFolders(p.dir);
  }

  async list(prefix: string): Promise<string[]> {
    validateBlobPrefix(prefix);
    // Walk only the folder the prefix's complete segments name, then filter by the whole (string) prefix.
    const cut = prefix.lastIndexOf('/');
    const folderKey = cut >= 0 ? prefix.slice(0, cut + 1) : '';
    const keys: string[] = [];
    const walk = async (dir: string, keyPrefix: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        if (ABSENT.has(codeOf(err) ?? '')) return;
        throw this.failure(err, `list ${prefix}`);
      }
      for (const entry of entries) {
        // Dot names are this driver's own (sidecars, temporary files); symlinks and other odd files are not blobs.
        if (entry.name.startsWith('.')) continue;
        const key = keyPrefix + entry.name;
        if (entry.isDirectory()) {
          const folder = key + '/';
          if (folder.startsWith(prefix) || prefix.startsWith(folder)) await walk(join(dir, entry.name), folder);
        } else if (entry.isFile() && key.startsWith(prefix) && isKey(key)) {
          keys.push(key);
        }
      }
    };
    await walk(join(this.root, ...folderKey.split('/').filter(Boolean)), folderKey);
    return keys.sort();
  }

  async close(): Promise<void> {}

  private paths(key: string): { body: string; meta: string; dir: string } {
    const body = join(this.root, ...key.split('/'));
    const dir = dirname(body);
    return { body, dir, meta: join(dir, `.${basename(body)}.meta.json`) };
  }

  /** The blob's folder, or `BlobKeyConflictError` naming the blob that stands where one of its folders should be. */
  private async makeFolder(key: string, dir: string): Promise<void> {
    try {
      await mkdir(dir, { recursive: true });
    } catch (err) {
      if (codeOf(err) !== 'ENOTDIR' && codeOf(err) !== 'EEXIST') throw err;
      const segments = key.split('/');
      for (let i = 1; i < segments.length; i++) {
        const ancestor = segments.slice(0, i).join('/');
        const s = await stat(join(this.root, ...segments.slice(0, i))).catch(() => undefined);
        if (s && !s.isDirectory()) throw new BlobKeyConflictError(key, ancestor);
      }
      throw err;
    }
  }

  /** A folder left where the blob goes (by a blob `key/…` since deleted) is removed when empty, else a conflict. */
  private async clearEmptyFolderAt(key: string, path: string): Promise<void> {
    const s = await stat(path).catch(() => undefined);
    if (!s?.isDirectory()) return;
    try {
      await rmdir(path);
    } catch (err) {
      if (codeOf(err) === 'ENOTEMPTY' || codeOf(err) === 'EEXIST') throw new BlobKeyConflictError(key, `${key}/`);
      if (codeOf(err) !== 'ENOENT') throw err;
    }
  }

  private async readMeta(path: string, key: string): Promise<BlobMeta> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      // A body without a sidecar: copied in by hand, or deleted between the two reads.
      if (ABSENT.has(codeOf(err) ?? '')) return { contentType: DEFAULT_CONTENT_TYPE };
      throw this.failure(err, `get ${key}`);
    }
    try {
      const parsed = JSON.parse(text) as Partial<BlobMeta>;
      return validateBlobMeta({
        contentType: typeof parsed.contentType === 'string' ? parsed.contentType : DEFAULT_CONTENT_TYPE,
        ...(typeof parsed.fileName === 'string' ? { fileName: parsed.fileName } : {}),
      });
    } catch {
      return { contentType: DEFAULT_CONTENT_TYPE };
    }
  }

  /** Removes the blob's now empty folders up to (not including) the root, so that a blob may later take their name. */
  private async pruneEmptyFolders(dir: string): Promise<void> {
    for (let d = dir; d.startsWith(this.root + sep); d = dirname(d)) {
      try {
        await rmdir(d);
      } catch {
        return; // not empty (or already gone, or not ours to remove): stop there
      }
    }
  }

  /** Permissions and read-only file systems need an operator: permanent. Anything else may pass: a plain Error. */
  private failure(err: unknown, what: string): Error {
    if (err instanceof BlobKeyConflictError || err instanceof BlobStoreConfigError) return err;
    const code = codeOf(err);
    const message = err instanceof Error ? err.message : String(err);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      return new BlobStoreConfigError(`blob folder ${this.root}: ${what}: ${message}`, { cause: err });
    return new Error(`blob folder ${this.root}: ${what}: ${message}`, { cause: err });
  }
}

function isKey(key: string): boolean {
  try {
    validateBlobKey(key);
    return true;
  } catch {
    return false;
  }
}

async function unlinkIfThere(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (err) {
    if (ABSENT.has(codeOf(err) ?? '')) return;
    // A folder is not a blob, so there is nothing to delete (macOS says EPERM where Linux says EISDIR).
    if (
      codeOf(err) === 'EPERM' &&
      (await stat(path).then(
        (st) => st.isDirectory(),
        () => false,
      ))
    )
      return;
    throw err;
  }
}

/** Writes `data` to a temporary file beside `target`, flushes it to disk and renames it over `target`. */
async function writeAtomically(target: string, data: Buffer | string): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(tmp, 'wx');
  try {
    await file.writeFile(data);
    await file.sync();
  } catch (err) {
    await file.close().catch(() => {});
    await rm(tmp, { force: true });
    throw err;
  }
  await file.close();
  try {
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
