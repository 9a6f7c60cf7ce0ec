import { resolve } from 'node:path';
import { z } from 'zod';
import type { BlobStore } from './blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

// S3's bucket naming rules (3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or
// digit); SeaweedFS and AWS refuse anything else.
const bucketName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'is not a bucket name: 3 to 63 lowercase letters, digits, "." and "-"');

/**
 * The blob store's variables, with their defaults: `BLOB_STORE=local` keeps blobs in the folder `BLOB_DIR`;
 * `BLOB_STORE=s3` in the bucket `S3_BUCKET` of an S3-compatible server (`S3_ENDPOINT`, unset for AWS itself), which
 * then needs `S3_BUCKET`, `S3_ACCESS_KEY_ID` and `S3_SECRET_ACCESS_KEY`.
 */
export const blobStoreFields = {
  BLOB_STORE: z.enum(['local', 's3']).default('local'),
  BLOB_DIR: z.string().min(1).default('.data/blobs'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'is not an http(s) URL' }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: bucketName.optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
};

/** `BLOB_STORE=s3` needs its bucket and credentials: one issue per missing variable. */
export function checkBlobStore(
  c: { BLOB_STORE: 'local' | 's3'; S3_BUCKET?: string; S3_ACCESS_KEY_ID?: string; S3_SECRET_ACCESS_KEY?: string },
  ctx: z.RefinementCtx,
): void {
  if (c.BLOB_STORE !== 's3') return;
  for (const key of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const)
    if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is not set: BLOB_STORE=s3 needs it' });
}

export const blobStoreConfigSchema = z.strictObject(blobStoreFields).superRefine(checkBlobStore);

export type BlobStoreConfig = z.output<typeof blobStoreConfigSchema>;

/**
 * The store `config` names. A relative `BLOB_DIR` is taken from `cwd` (the process's own by default). The S3 store
 * creates its bucket on first use; call `ensureBucket()` at start-up to fail early on refused credentials.
 */
export function createBlobStore(config: BlobStoreConfig, opts: { cwd?: string } = {}): BlobStore {
  if (config.BLOB_STORE === 'local') return new LocalBlobStore(resolve(opts.cwd ?? process.cwd(), config.BLOB_DIR));
  const { S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  // The schema already refuses BLOB_STORE=s3 without these; this keeps a hand-built config honest too.
  if (!bucket || !accessKeyId || !secretAccessKey)
    throw new Error(
      'Invalid configuration:\n  BLOB_STORE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY',
    );
  return new S3BlobStore({
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
    region: config.S3_REGION,
    bucket,
    accessKeyId,
    secretAccessKey,
  });
}
