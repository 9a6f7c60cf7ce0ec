import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobStoreConfigSchema, createBlobStore, type BlobStoreConfig } from '../../storage/config.js';
import { loadConfig } from '../../worker/config.js';
import { LocalBlobStore } from '../../storage/local-blob-store.js';
import { S3BlobStore } from '../../storage/s3-blob-store.js';

// The SDK warns once that its releases after January 2027 need Node 22: known (the project is on Node 20), not news.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const S3_ENV = {
  BLOB_STORE: 's3',
  S3_ENDPOINT: 'http://seaweedfs:8333',
  S3_BUCKET: 'kehoach',
  S3_ACCESS_KEY_ID: 'kehoach',
  S3_SECRET_ACCESS_KEY: 'a-secret-that-must-never-be-printed',
};

/** The blob store's part of the app's one configuration (worker/config.ts reads it with the rest). */
const loadBlobStoreConfig = (env: NodeJS.ProcessEnv) => {
  const { BLOB_STORE, BLOB_DIR, S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } =
    loadConfig(env);
  return Object.fromEntries(
    Object.entries({
      BLOB_STORE,
      BLOB_DIR,
      S3_ENDPOINT,
      S3_REGION,
      S3_BUCKET,
      S3_ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY,
    }).filter(([, v]) => v !== undefined),
  ) as BlobStoreConfig;
};

describe('blob store configuration', () => {
  it('defaults to the folder .data/blobs, resolved against the working folder', () => {
    const config = loadBlobStoreConfig({});
    expect(config).toEqual({ BLOB_STORE: 'local', BLOB_DIR: '.data/blobs', S3_REGION: 'us-east-1' });
    const store = createBlobStore(config, { cwd: '/srv/kehoach' });
    expect(store).toBeInstanceOf(LocalBlobStore);
    expect((store as LocalBlobStore).root).toBe(join('/srv/kehoach', '.data/blobs'));
  });

  it('reads only its own variables, treating empty ones as unset', () => {
    const config = loadBlobStoreConfig({ BLOB_DIR: '/data/blobs', S3_BUCKET: '', PATH: '/usr/bin', SMTP_HOST: 'x' });
    expect(config.BLOB_DIR).toBe('/data/blobs');
    expect(config.S3_BUCKET).toBeUndefined();
  });

  it('builds the S3 store from BLOB_STORE=s3 and its S3_* variables', async () => {
    const config = loadBlobStoreConfig(S3_ENV);
    expect(config).toMatchObject({ BLOB_STORE: 's3', S3_REGION: 'us-east-1', S3_BUCKET: 'kehoach' });
    const store = createBlobStore(config);
    expect(store).toBeInstanceOf(S3BlobStore);
    expect((store as S3BlobStore).bucket).toBe('kehoach');
    await store.close();
  });

  it('names every missing or bad variable in one error, never printing the secret', () => {
    const error = (env: Record<string, string>) => {
      try {
        loadBlobStoreConfig(env);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    };
    const missing = error({ BLOB_STORE: 's3' });
    expect(missing).toMatch(/^Invalid configuration:/);
    for (const key of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'])
      expect(missing).toMatch(new RegExp(`  ${key}: is not set: BLOB_STORE=s3 needs it`));
    const bad = error({ ...S3_ENV, BLOB_STORE: 'minio', S3_ENDPOINT: 'ftp://x', S3_BUCKET: 'Kế_Hoạch' });
    expect(bad).toMatch(/  BLOB_STORE: /);
    expect(bad).toMatch(/  S3_ENDPOINT: is not an http\(s\) URL/);
    expect(bad).toMatch(/  S3_BUCKET: is not a bucket name/);
    expect(bad).not.toContain(S3_ENV.S3_SECRET_ACCESS_KEY);
    expect(error({ ...S3_ENV, S3_ENDPOINT: 'not a url' })).toMatch(/S3_ENDPOINT/);
  });

  it('keeps the S3 variables optional for the folder store', () => {
    expect(blobStoreConfigSchema.safeParse({ BLOB_STORE: 'local' }).success).toBe(true);
  });
});
