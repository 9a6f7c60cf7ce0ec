/**
 * Where report files and uploaded evidence live, so that any worker or portal reads what another one wrote: a folder
 * (`LocalBlobStore`, the embedded default of `npm start`) or an S3-compatible bucket (`S3BlobStore`, SeaweedFS in
 * docker-compose.yml). Both drivers keep the same contract, checked by one test suite (test/storage).
 */

/** What is stored with a blob besides its bytes. */
export interface BlobMeta {
  /** MIME type the blob is served with, e.g. `application/vnd.openxmlformats-officedocument.wordprocessingml.document`. */
  contentType: string;
  /** The name a person gave the file or should see when downloading it (any Unicode, e.g. `Báo cáo quý I.docx`). */
  fileName?: string;
}

export interface StoredBlob extends BlobMeta {
  body: Buffer;
}

export interface BlobHead extends BlobMeta {
  /** Bytes. */
  size: number;
}

/**
 * Keys are `/`-separated paths such as `reports/plan-X-2026/report-Q1.docx` (see `validateBlobKey`). A key should not
 * be both a blob and a folder of blobs (`a` and `a/b`): S3 keeps both, the folder driver refuses the second one with
 * `BlobKeyConflictError`.
 *
 * Errors: `InvalidBlobKeyError` / `InvalidBlobMetaError` for a bad argument, `BlobStoreConfigError` for a store that
 * cannot work until someone changes its configuration (credentials, bucket, folder permissions): both are permanent.
 * Anything else (a refused connection, a timeout, a 5xx) is a plain `Error`, worth retrying.
 */
export interface BlobStore {
  /** Stores `body` under `key`, replacing what was there; a reader gets the old bytes or the new, never part of either. */
  put(key: string, body: Buffer, meta: BlobMeta): Promise<void>;
  /** The blob, or `undefined` when there is none under `key`. */
  get(key: string): Promise<StoredBlob | undefined>;
  /** Size and metadata without the bytes, or `undefined` when there is no blob under `key`. */
  head(key: string): Promise<BlobHead | undefined>;
  /** Removes the blob; nothing happens when there is none. */
  delete(key: string): Promise<void>;
  /**
   * Every key starting with `prefix`, sorted: a plain string prefix, as in S3 (`reports/plan-X` matches
   * `reports/plan-X-2026/…`). Names that are not valid keys (files or objects put there by other tools) are left out.
   */
  list(prefix: string): Promise<string[]>;
  /**
   * Checks that the store can be used, preparing it (the folder, the bucket) when needed: for start-up, to fail early
   * with `BlobStoreConfigError` instead of at the first report. The other methods do it themselves when needed.
   */
  ensureReady(): Promise<void>;
  /** Releases connections; the store is not used afterwards. */
  close(): Promise<void>;
}

/** A key (or list prefix) that no driver accepts. Permanent: the caller built a wrong key. */
export class InvalidBlobKeyError extends Error {
  override readonly name = 'InvalidBlobKeyError';
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`blob key ${JSON.stringify(key)} ${reason}`);
  }
}

/** A content type or file name that cannot be stored. Permanent. */
export class InvalidBlobMetaError extends Error {
  override readonly name = 'InvalidBlobMetaError';
}

/** The folder driver only: `a/b` when the blob `a` exists, or the other way round (see `BlobStore`). Permanent. */
export class BlobKeyConflictError extends Error {
  override readonly name = 'BlobKeyConflictError';
  constructor(
    readonly key: string,
    readonly conflictsWith: string,
  ) {
    super(`blob key ${JSON.stringify(key)} conflicts with the blob or folder ${JSON.stringify(conflictsWith)}`);
  }
}

/**
 * The store cannot work as configured: wrong or unknown credentials, no access to the bucket, a bucket that does not
 * exist and could not be created, a folder that cannot be written. Permanent until the configuration changes, so an
 * activity should not retry it (its `name` is the failure type a retry policy can list as non-retryable).
 */
export class BlobStoreConfigError extends Error {
  override readonly name = 'BlobStoreConfigError';
}

/** Longest key in UTF-8 bytes (S3's limit; keys are ASCII, so also characters). */
export const MAX_KEY_LENGTH = 1024;
/** Longest path segment: leaves room for the folder driver's sidecar and temporary names within 255 bytes. */
export const MAX_SEGMENT_LENGTH = 200;
/** Longest `fileName` kept with a blob. */
export const MAX_FILE_NAME_LENGTH = 255;

// Letters, digits and the characters RFC 3986 allows unescaped in a path segment (unreserved and sub-delims but `*`):
// no separator, wildcard, quote or control character of a common file system, and S3 keys without encoding surprises.
const SEGMENT_CHARS = /^[A-Za-z0-9!$&'()+,;=@_~.-]+$/;
const ALLOWED = "letters, digits and ! $ & ' ( ) + , ; = @ _ ~ . -";

/** Why `segment` is not a valid key segment, or `undefined` when it is. */
function segmentProblem(segment: string, last: boolean): string | undefined {
  if (segment === '') return last ? 'ends with "/"' : 'has an empty path segment (a leading "/" or "//")';
  if (segment === '.' || segment === '..') return `has a "${segment}" path segment`;
  if (!SEGMENT_CHARS.test(segment)) return `has a character other than ${ALLOWED}`;
  // Names starting with "." are the folder driver's own (metadata sidecars, temporary files) and hidden elsewhere.
  if (segment.startsWith('.')) return 'has a path segment starting with "."';
  if (segment.length > MAX_SEGMENT_LENGTH) return `has a path segment longer than ${MAX_SEGMENT_LENGTH} characters`;
  return undefined;
}

/**
 * Returns `key` when it is a valid blob key, else throws `InvalidBlobKeyError`: 1 to 1024 characters, `/`-separated
 * segments of printable ASCII letters, digits and `! $ & ' ( ) + , ; = @ _ ~ . -`; no leading or trailing `/`, no
 * empty, `.` or `..` segment, no segment starting with `.` or longer than 200 characters.
 */
export function validateBlobKey(key: string): string {
  if (typeof key !== 'string' || key === '') throw new InvalidBlobKeyError(String(key), 'is empty');
  if (key.length > MAX_KEY_LENGTH) throw new InvalidBlobKeyError(key, `is longer than ${MAX_KEY_LENGTH} characters`);
  const segments = key.split('/');
  segments.forEach((segment, i) => {
    const problem = segmentProblem(segment, i === segments.length - 1 && i > 0);
    if (problem) throw new InvalidBlobKeyError(key, problem);
  });
  return key;
}

/**
 * Returns `prefix` when `list` accepts it, else throws `InvalidBlobKeyError`: `''` (everything), or the start of a
 * valid key, which may end inside a segment (`reports/plan-`) or with `/` (`reports/`).
 */
export function validateBlobPrefix(prefix: string): string {
  if (typeof prefix !== 'string') throw new InvalidBlobKeyError(String(prefix), 'is not a string');
  if (prefix === '') return prefix;
  if (prefix.length > MAX_KEY_LENGTH)
    throw new InvalidBlobKeyError(prefix, `is longer than ${MAX_KEY_LENGTH} characters`);
  const segments = prefix.split('/');
  segments.forEach((segment, i) => {
    // Every segment is checked as a whole one (a start of a segment obeys the same rules), except an empty last one.
    if (i === segments.length - 1 && segment === '' && i > 0) return;
    const problem = segmentProblem(segment, false);
    if (problem) throw new InvalidBlobKeyError(prefix, problem);
  });
  return prefix;
}

// A MIME type as RFC 9110 §8.3 writes it (type/subtype, optional parameters), printable ASCII: it becomes an HTTP
// header, where anything else is refused (or worse, injected).
const CONTENT_TYPE =
  /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+([ \t]*;[ \t]*[A-Za-z0-9!#$&^_.+-]+=("[ -~]*"|[A-Za-z0-9!#$&^_.+-]+))*$/;

/** Returns `meta` (only its known fields) when it can be stored, else throws `InvalidBlobMetaError`. */
export function validateBlobMeta(meta: BlobMeta): BlobMeta {
  if (
    !meta ||
    typeof meta.contentType !== 'string' ||
    meta.contentType.length > 255 ||
    !CONTENT_TYPE.test(meta.contentType)
  )
    throw new InvalidBlobMetaError(
      `content type ${JSON.stringify(meta?.contentType)} is not a MIME type (type/subtype)`,
    );
  if (meta.fileName === undefined) return { contentType: meta.contentType };
  const { fileName } = meta;
  if (typeof fileName !== 'string' || fileName === '' || fileName.length > MAX_FILE_NAME_LENGTH)
    throw new InvalidBlobMetaError(`file name must be 1 to ${MAX_FILE_NAME_LENGTH} characters`);
  // A lone surrogate does not survive UTF-8 (it comes back as U+FFFD), so such a name would not round-trip.
  if (/[\u0000-\u001f\u007f]/.test(fileName) || Buffer.from(fileName, 'utf8').toString('utf8') !== fileName)
    throw new InvalidBlobMetaError(`file name ${JSON.stringify(fileName)} has a control character or a lone surrogate`);
  return { contentType: meta.contentType, fileName };
}

/**
 * Runs a store call for an activity: a store that refuses this worker for good (`BlobStoreConfigError`) becomes the
 * non-retryable `failure` named by the caller (an incident the office sees at once, not an hour of retries).
 */
export async function permanentIfUnusable<T>(call: () => Promise<T>, fail: (message: string) => Error): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof BlobStoreConfigError) throw fail(err.message);
    throw err;
  }
}
