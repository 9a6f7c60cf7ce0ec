import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import {
  BlobStoreConfigError,
  validateBlobKey,
  validateBlobMeta,
  validateBlobPrefix,
  type BlobHead,
  type BlobMeta,
  type BlobStore,
  type StoredBlob,
} from './blob-store.js';

export interface S3BlobStoreOptions {
  /** `http(s)://host:port` of an S3-compatible server (SeaweedFS, Ceph, Garage …); unset = AWS S3 itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Tries per request, counting the first (the SDK's default, 3); each activity also has its own retries. */
  maxAttempts?: number;
  /** Milliseconds to connect (5 s) and for a whole request (60 s) before it fails as a retryable error. */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
/** User metadata header (`x-amz-meta-file-name`) holding the file name, percent-encoded: headers are ASCII only. */
const FILE_NAME_META = 'file-name';

/** Error codes that no retry cures: the credentials, the signing or the bucket must be changed first. */
const PERMANENT_CODES = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'AllAccessDisabled',
  'AccountProblem',
  'AuthorizationHeaderMalformed',
  'ExpiredToken',
  'InvalidToken',
  'InvalidBucketName',
  'InvalidBucketState',
  'PermanentRedirect',
  'NotSignedUp',
]);

function statusOf(err: unknown): number | undefined {
  return err instanceof S3ServiceException ? err.$metadata?.httpStatusCode : undefined;
}

function isNotFound(err: unknown): boolean {
  if (!(err instanceof S3ServiceException)) return false;
  return err.name === 'NoSuchKey' || err.name === 'NotFound' || (statusOf(err) === 404 && err.name !== 'NoSuchBucket');
}

/**
 * Blobs as objects of one bucket of an S3-compatible store, addressed path-style (`endpoint/bucket/key`, which
 * SeaweedFS and most self-hosted stores need). The bucket is created on first use when it is missing
 * (`ensureBucket`). A missing object is `undefined`; refused credentials or an unusable bucket are
 * `BlobStoreConfigError`; anything else (connection refused, timeouts, 5xx) a plain Error, worth retrying.
 */
export class S3BlobStore implements BlobStore {
  readonly bucket: string;
  private readonly client: S3Client;
  private readonly region: string;
  private ready: Promise<void> | undefined;

  constructor(options: S3BlobStoreOptions) {
    this.bucket = options.bucket;
    this.region = options.region;
    this.client = new S3Client({
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      region: options.region,
      forcePathStyle: true,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      maxAttempts: options.maxAttempts ?? 3,
      // Checksums only where S3 requires them: many S3-compatible servers refuse the newer trailing checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: {
        connectionTimeout: options.connectionTimeoutMs ?? 5_000,
        requestTimeout: options.requestTimeoutMs ?? 60_000,
        throwOnRequestTimeout: true,
      },
    });
  }

  /**
   * Makes sure the bucket exists, creating it when it does not; done once (again after a transient failure) before
   * the first request. Throws `BlobStoreConfigError` when the credentials are refused or the bucket cannot be had.
   */
  ensureBucket(): Promise<void> {
    this.ready ??= this.headOrCreateBucket().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  ensureReady(): Promise<void> {
    return this.ensureBucket();
  }

  async put(key: string, body: Buffer, meta: BlobMeta): Promise<void> {
    validateBlobKey(key);
    const clean = validateBlobMeta(meta);
    if (!Buffer.isBuffer(body)) throw new TypeError(`blob ${key}: body must be a Buffer`);
    await this.send(`put ${key}`, () =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentLength: body.length,
          ContentType: clean.contentType,
          ...(clean.fileName ? { Metadata: { [FILE_NAME_META]: encodeURIComponent(clean.fileName) } } : {}),
        }),
      ),
    );
  }

  async get(key: string): Promise<StoredBlob | undefined> {
    validateBlobKey(key);
    const res = await this.read(`get ${key}`, async () => {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      // Read the body inside the same error handling: the connection may still break while it streams.
      const bytes = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      return { out, body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    });
    if (!res) return undefined;
    return { body: res.body, ...metaOf(res.out.ContentType, res.out.Metadata) };
  }

  async head(key: string): Promise<BlobHead | undefined> {
    validateBlobKey(key);
    const out = await this.read(`head ${key}`, () =>
      this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })),
    );
    if (!out) return undefined;
    return { size: out.ContentLength ?? 0, ...metaOf(out.ContentType, out.Metadata) };
  }

  async delete(key: string): Promise<void> {
    validateBlobKey(key);
    await this.send(`delete ${key}`, () =>
      this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })),
    );
  }

  async list(prefix: string): Promise<string[]> {
    validateBlobPrefix(prefix);
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.send(`list ${prefix}`, () =>
        this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            ...(prefix ? { Prefix: prefix } : {}),
            ...(token ? { ContinuationToken: token } : {}),
          }),
        ),
      );
      // Objects other tools put there under names that are not blob keys are left out, as the folder driver does.
      for (const object of page.Contents ?? [])
        if (object.Key !== undefined && isKey(object.Key)) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  /** `send`, and `undefined` when the object is missing. */
  private read<T>(what: string, request: () => Promise<T>): Promise<T | undefined> {
    return this.send(what, request, true);
  }

  /** Runs one request on the ensured bucket, its error classified by `failure`. */
  private async send<T>(what: string, request: () => Promise<T>): Promise<T>;
  private async send<T>(what: string, request: () => Promise<T>, missingIsUndefined: true): Promise<T | undefined>;
  private async send<T>(what: string, request: () => Promise<T>, missingIsUndefined = false): Promise<T | undefined> {
    await this.ensureBucket();
    try {
      return await request();
    } catch (err) {
      if (missingIsUndefined && isNotFound(err)) return undefined;
      // The bucket vanished since it was ensured (deleted by hand): ensure it again on the next try.
      if (err instanceof S3ServiceException && err.name === 'NoSuchBucket') this.ready = undefined;
      throw this.failure(err, what);
    }
  }

  private async headOrCreateBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (err) {
      if (statusOf(err) !== 404) throw this.failure(err, 'check the bucket', { refusalIsPermanent: true });
    }
    try {
      await this.client.send(
        new CreateBucketCommand({
          Bucket: this.bucket,
          // AWS wants the region said, except for its first one; other stores ignore it.
          ...(this.region !== 'us-east-1'
            ? { CreateBucketConfiguration: { LocationConstraint: this.region as BucketLocationConstraint } }
            : {}),
        }),
      );
    } catch (err) {
      if (err instanceof S3ServiceException && err.name === 'BucketAlreadyOwnedByYou') return; // a race with another process
      if (err instanceof S3ServiceException && err.name === 'BucketAlreadyExists')
        throw new BlobStoreConfigError(
          `blob bucket ${this.bucket}: the name is taken by another account; choose another S3_BUCKET`,
          { cause: err },
        );
      throw this.failure(err, 'create the missing bucket', { refusalIsPermanent: true });
    }
  }

  /**
   * Refused credentials, access or bucket: `BlobStoreConfigError`; anything else: a plain (retryable) Error whose
   * `cause` is the SDK's error. With `refusalIsPermanent` (the bucket checks) every 4xx but 404, 408 and 429 is
   * permanent: the bucket cannot be had as configured.
   */
  private failure(err: unknown, what: string, opts: { refusalIsPermanent?: boolean } = {}): Error {
    if (err instanceof BlobStoreConfigError) return err;
    const status = statusOf(err);
    const name = err instanceof Error ? err.name : 'Error';
    const message = err instanceof Error ? err.message : String(err);
    const detail = `blob bucket ${this.bucket}: ${what}: ${name}${status ? ` (HTTP ${status})` : ''}: ${message}`;
    const permanent =
      err instanceof S3ServiceException &&
      (PERMANENT_CODES.has(err.name) ||
        status === 301 ||
        status === 401 ||
        status === 403 ||
        (opts.refusalIsPermanent === true &&
          status !== undefined &&
          status >= 400 &&
          status < 500 &&
          ![404, 408, 429].includes(status)));
    if (permanent)
      return new BlobStoreConfigError(
        `${detail}; check S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY`,
        { cause: err },
      );
    return new Error(detail, { cause: err });
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

function metaOf(contentType: string | undefined, metadata: Record<string, string> | undefined): BlobMeta {
  const encoded = metadata?.[FILE_NAME_META];
  let fileName: string | undefined;
  if (encoded) {
    try {
      fileName = decodeURIComponent(encoded);
    } catch {
      fileName = encoded; // written by another tool, not percent-encoded
    }
  }
  return { contentType: contentType || DEFAULT_CONTENT_TYPE, ...(fileName ? { fileName } : {}) };
}
