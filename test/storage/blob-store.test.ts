import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The SDK warns once that its releases after January 2027 need Node 22: known (the project is on Node 20), not news.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
import {
  BlobKeyConflictError,
  BlobStoreConfigError,
  InvalidBlobKeyError,
  InvalidBlobMetaError,
  type BlobStore,
} from '../../storage/blob-store.js';
import { LocalBlobStore } from '../../storage/local-blob-store.js';
import { S3BlobStore, type S3BlobStoreOptions } from '../../storage/s3-blob-store.js';
import { freePort } from '../helpers/free-port.js';
import { startSeaweed, type SeaweedServer } from '../helpers/seaweed.js';

// The same contract for both drivers: a folder in a temporary directory, and a bucket on a real SeaweedFS server
// (`weed server -s3`, started once for this file) with authentication on.

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Starts like a DOCX (a ZIP's local file header) and holds every byte value, CR/LF and NUL included. */
const docxLike = (seed = 0) =>
  Buffer.concat([
    Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'),
    Buffer.from(Array.from({ length: 256 }, (_, i) => (i + seed) % 256)),
    Buffer.from('word/document.xml<w:t>Báo cáo quý I</w:t>\r\n\x00'),
  ]);
const FILE_NAME = 'Báo cáo quý I năm 2026.docx';

let seaweed: SeaweedServer;
let folder: string;

/** An identity of the test server that may read and list, not write. */
const READER = { name: 'reader', accessKeyId: 'kehoach-reader', secretAccessKey: 'reader-secret-0123456789' };

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'kehoach-blobs-'));
  seaweed = await startSeaweed({ identities: [{ ...READER, actions: ['Read', 'List'] }] });
}, 60_000);

afterAll(async () => {
  await seaweed?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const s3Options = (o: Partial<S3BlobStoreOptions> = {}): S3BlobStoreOptions => ({
  endpoint: seaweed.endpoint,
  region: seaweed.region,
  bucket: 'kehoach-contract',
  accessKeyId: seaweed.accessKeyId,
  secretAccessKey: seaweed.secretAccessKey,
  ...o,
});

interface Driver {
  name: string;
  /** A new store on the same storage: what another worker or the portal would open. */
  open(): BlobStore;
  /** What the driver does with `a` and `a/b` both stored (see BlobStore). */
  nested: 'both kept' | 'second refused';
}

const drivers: Driver[] = [
  { name: 'local folder', open: () => new LocalBlobStore(folder), nested: 'second refused' },
  { name: 'S3 on SeaweedFS', open: () => new S3BlobStore(s3Options()), nested: 'both kept' },
];

describe.each(drivers)('BlobStore contract: $name', (driver) => {
  let store: BlobStore;
  let n = 0;
  /** A key prefix of its own for each test, so that tests never see each other's blobs. */
  const scope = () => `reports/plan-T${++n}-2026`;

  beforeAll(() => {
    store = driver.open();
  });
  afterAll(() => store.close());

  it('gives back the bytes, content type and file name that were put', async () => {
    const key = `${scope()}/report-Q1.docx`;
    const body = docxLike();
    await store.put(key, body, { contentType: DOCX, fileName: FILE_NAME });
    const got = await store.get(key);
    expect(got?.body.equals(body)).toBe(true);
    expect(got).toMatchObject({ contentType: DOCX, fileName: FILE_NAME });
  });

  it('keeps a blob without a file name, and an empty one', async () => {
    const key = `${scope()}/empty.csv`;
    await store.put(key, Buffer.alloc(0), { contentType: 'text/csv; charset=utf-8' });
    const got = await store.get(key);
    expect(got?.body.length).toBe(0);
    expect(got?.contentType).toBe('text/csv; charset=utf-8');
    expect(got?.fileName).toBeUndefined();
  });

  it('heads a blob: its size and metadata, without the bytes', async () => {
    const key = `${scope()}/report-Q1.docx`;
    const body = docxLike(1);
    await store.put(key, body, { contentType: DOCX, fileName: FILE_NAME });
    expect(await store.head(key)).toEqual({ size: body.length, contentType: DOCX, fileName: FILE_NAME });
  });

  it('answers undefined for a key that holds nothing, and deletes it without complaint', async () => {
    const key = `${scope()}/never-written.docx`;
    expect(await store.get(key)).toBeUndefined();
    expect(await store.head(key)).toBeUndefined();
    await expect(store.delete(key)).resolves.toBeUndefined();
    // A "folder" (the start of other keys) is not a blob either.
    const dir = scope();
    await store.put(`${dir}/a/b.docx`, docxLike(), { contentType: DOCX });
    expect(await store.get(`${dir}/a`)).toBeUndefined();
    expect(await store.head(`${dir}/a`)).toBeUndefined();
  });

  it('lists the keys under a string prefix, sorted, and nothing else', async () => {
    const dir = scope();
    const keys = [`${dir}/report-Q2.docx`, `${dir}/report-Q1.xlsx`, `${dir}/report-Q1.docx`, `${dir}/chart/q1.png`];
    for (const key of keys) await store.put(key, docxLike(), { contentType: DOCX });
    await store.put(`${dir}-other/report-Q1.docx`, docxLike(), { contentType: DOCX });
    expect(await store.list(`${dir}/`)).toEqual([...keys].sort());
    expect(await store.list(`${dir}/report-Q1`)).toEqual([`${dir}/report-Q1.docx`, `${dir}/report-Q1.xlsx`]);
    expect(await store.list(`${dir}/chart`)).toEqual([`${dir}/chart/q1.png`]);
    expect(await store.list(dir)).toEqual([...keys, `${dir}-other/report-Q1.docx`].sort());
    expect(await store.list(`${dir}/nothing-here/`)).toEqual([]);
    expect(await store.list('')).toEqual(expect.arrayContaining([...keys, `${dir}-other/report-Q1.docx`]));
  });

  it('replaces a blob on a second put: new bytes, new metadata, one key', async () => {
    const dir = scope();
    const key = `${dir}/report-Q1`;
    await store.put(key, docxLike(1), { contentType: DOCX, fileName: 'cũ.docx' });
    await store.put(key, Buffer.from('a,b\n1,2\n'), { contentType: XLSX, fileName: 'mới.xlsx' });
    const got = await store.get(key);
    expect(got?.body.toString()).toBe('a,b\n1,2\n');
    expect(got).toMatchObject({ contentType: XLSX, fileName: 'mới.xlsx' });
    expect(await store.head(key)).toEqual({ size: 8, contentType: XLSX, fileName: 'mới.xlsx' });
    // A put without a file name drops the old one.
    await store.put(key, Buffer.from('x'), { contentType: 'text/plain' });
    expect((await store.get(key))?.fileName).toBeUndefined();
    expect(await store.list(`${dir}/`)).toEqual([key]);
  });

  it('deletes a blob: gone from get, head and list, its neighbours kept', async () => {
    const dir = scope();
    await store.put(`${dir}/a.docx`, docxLike(), { contentType: DOCX });
    await store.put(`${dir}/b.docx`, docxLike(), { contentType: DOCX });
    await store.delete(`${dir}/a.docx`);
    expect(await store.get(`${dir}/a.docx`)).toBeUndefined();
    expect(await store.head(`${dir}/a.docx`)).toBeUndefined();
    expect(await store.list(`${dir}/`)).toEqual([`${dir}/b.docx`]);
    await store.delete(`${dir}/b.docx`);
    expect(await store.list(`${dir}/`)).toEqual([]);
  });

  it('lets a second store instance (another process) read, list and delete what the first wrote', async () => {
    const dir = scope();
    const body = docxLike(7);
    await store.put(`${dir}/report-Q3.docx`, body, { contentType: DOCX, fileName: FILE_NAME });
    const other = driver.open();
    try {
      const got = await other.get(`${dir}/report-Q3.docx`);
      expect(got?.body.equals(body)).toBe(true);
      expect(got).toMatchObject({ contentType: DOCX, fileName: FILE_NAME });
      expect(await other.list(`${dir}/`)).toEqual([`${dir}/report-Q3.docx`]);
      await other.put(`${dir}/evidence.pdf`, Buffer.from('%PDF-1.4\n'), { contentType: 'application/pdf' });
      await other.delete(`${dir}/report-Q3.docx`);
    } finally {
      await other.close();
    }
    expect(await store.get(`${dir}/report-Q3.docx`)).toBeUndefined();
    expect((await store.get(`${dir}/evidence.pdf`))?.body.toString()).toBe('%PDF-1.4\n');
  });

  it('refuses keys that are not plain relative ASCII paths with InvalidBlobKeyError, storing nothing', async () => {
    const bad = [
      '',
      '/etc/passwd',
      'reports/../../etc/passwd',
      '..',
      'reports/./a.docx',
      'reports//a.docx',
      'reports/',
      'reports/.a.docx.meta.json',
      '.hidden',
      'reports\\a.docx',
      'báo-cáo.docx',
      'report Q1.docx',
      'a\nb',
      'a\u0000b',
      'a?b',
      'a#b',
      'a%2F..',
      'a*b',
      'x'.repeat(201),
      `${'abcdefghij/'.repeat(94)}x`, // 1,035 characters
    ];
    for (const key of bad) {
      await expect(store.put(key, docxLike(), { contentType: DOCX }), JSON.stringify(key)).rejects.toBeInstanceOf(
        InvalidBlobKeyError,
      );
      await expect(store.get(key), key).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(store.head(key), key).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(store.delete(key), key).rejects.toBeInstanceOf(InvalidBlobKeyError);
    }
    for (const prefix of ['/', '/reports', '../', 'reports/../', 'reports//', 'báo', '.', 'reports/.a'])
      await expect(store.list(prefix), prefix).rejects.toBeInstanceOf(InvalidBlobKeyError);
    const err = await store.get('../x').catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'InvalidBlobKeyError', key: '../x' });
    // Everything else a key may hold, in one key.
    const odd = `${scope()}/Q1_2026~v2(final)+!$&'=@,;.x-y`;
    await store.put(odd, Buffer.from('ok'), { contentType: 'text/plain' });
    expect((await store.get(odd))?.body.toString()).toBe('ok');
    expect(await store.list(odd)).toEqual([odd]);
  });

  it('refuses a content type that is not a MIME type, and file names with control characters', async () => {
    const key = `${scope()}/a.docx`;
    for (const contentType of ['', 'docx', 'text/plain\r\nX-Injected: 1', 'text/plain\r\n; x=1', 'ứng dụng/docx'])
      await expect(store.put(key, docxLike(), { contentType }), contentType).rejects.toBeInstanceOf(
        InvalidBlobMetaError,
      );
    for (const fileName of ['', 'a\nb.docx', 'x'.repeat(256), '\ud800.docx'])
      await expect(store.put(key, docxLike(), { contentType: DOCX, fileName })).rejects.toBeInstanceOf(
        InvalidBlobMetaError,
      );
    expect(await store.head(key)).toBeUndefined();
  });

  it(`stores a blob and a blob under its name as a folder: ${driver.nested}`, async () => {
    const dir = scope();
    await store.put(`${dir}/a`, Buffer.from('A'), { contentType: 'text/plain' });
    const nested = store.put(`${dir}/a/b`, Buffer.from('B'), { contentType: 'text/plain' });
    if (driver.nested === 'both kept') {
      await nested;
      expect(await store.list(`${dir}/`)).toEqual([`${dir}/a`, `${dir}/a/b`]);
    } else {
      await expect(nested).rejects.toMatchObject({ name: 'BlobKeyConflictError', conflictsWith: `${dir}/a` });
      expect(await store.list(`${dir}/`)).toEqual([`${dir}/a`]);
    }
    expect((await store.get(`${dir}/a`))?.body.toString()).toBe('A');
  });

  it('is ready once ensureReady resolves', async () => {
    await expect(store.ensureReady()).resolves.toBeUndefined();
  });
});

describe('S3 driver', () => {
  it('refuses a wrong secret or an unknown key id with BlobStoreConfigError, on every operation', async () => {
    for (const wrong of [{ secretAccessKey: 'not-the-secret' }, { accessKeyId: 'nobody' }]) {
      const store = new S3BlobStore(s3Options({ ...wrong, maxAttempts: 1 }));
      try {
        const attempts: (() => Promise<unknown>)[] = [
          () => store.ensureReady(),
          () => store.put('reports/x.docx', docxLike(), { contentType: DOCX }),
          () => store.get('reports/x.docx'),
          () => store.head('reports/x.docx'),
          () => store.delete('reports/x.docx'),
          () => store.list('reports/'),
        ];
        for (const attempt of attempts) {
          const err = await attempt().then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(BlobStoreConfigError);
          expect(String(err)).not.toContain(seaweed.secretAccessKey);
        }
      } finally {
        await store.close();
      }
    }
  });

  it('refuses what the identity may not do with BlobStoreConfigError, and still does what it may', async () => {
    const writer = new S3BlobStore(s3Options());
    const reader = new S3BlobStore(s3Options({ ...READER, maxAttempts: 1 }));
    const noBucket = new S3BlobStore(s3Options({ ...READER, bucket: 'kehoach-reader-cannot-create', maxAttempts: 1 }));
    try {
      await writer.put('reports/shared.docx', docxLike(), { contentType: DOCX });
      expect((await reader.get('reports/shared.docx'))?.body.equals(docxLike())).toBe(true);
      expect(await reader.list('reports/shared')).toEqual(['reports/shared.docx']);
      for (const refused of [
        () => reader.put('reports/new.docx', docxLike(), { contentType: DOCX }),
        () => reader.delete('reports/shared.docx'),
        // A bucket that is missing and that this identity may not create: nothing will work until someone acts.
        () => noBucket.get('reports/shared.docx'),
      ])
        await expect(refused()).rejects.toBeInstanceOf(BlobStoreConfigError);
      expect(await writer.head('reports/shared.docx')).toMatchObject({ contentType: DOCX });
    } finally {
      await Promise.all([writer.close(), reader.close(), noBucket.close()]);
    }
  });

  it('creates a missing bucket on first use, and a second instance (or a race) finds it made', async () => {
    const bucket = `kehoach-new-${Date.now().toString(36)}`;
    const [a, b] = [new S3BlobStore(s3Options({ bucket })), new S3BlobStore(s3Options({ bucket }))];
    try {
      await Promise.all([a.ensureBucket(), b.ensureBucket()]);
      await a.put('evidence/x.pdf', Buffer.from('%PDF-1.4\n'), { contentType: 'application/pdf' });
      expect(await b.list('')).toEqual(['evidence/x.pdf']);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses a bucket name the server does not take with BlobStoreConfigError', async () => {
    const store = new S3BlobStore(s3Options({ bucket: 'Not_A_Bucket', maxAttempts: 1 }));
    try {
      await expect(store.put('a.txt', Buffer.from('a'), { contentType: 'text/plain' })).rejects.toBeInstanceOf(
        BlobStoreConfigError,
      );
    } finally {
      await store.close();
    }
  });

  it('fails with a plain, retryable Error when the server cannot be reached, remembering nothing', async () => {
    const store = new S3BlobStore(
      s3Options({ endpoint: `http://127.0.0.1:${await freePort()}`, maxAttempts: 1, connectionTimeoutMs: 1_000 }),
    );
    try {
      const err = await store.get('reports/x.docx').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(BlobStoreConfigError);
      expect(err).not.toBeInstanceOf(InvalidBlobKeyError);
      // The failed bucket check is not remembered: the next call tries again (and fails the same way here).
      const again = await store.ensureBucket().catch((e: unknown) => e);
      expect(again).toBeInstanceOf(Error);
      expect(again).not.toBeInstanceOf(BlobStoreConfigError);
      expect(String(again)).toMatch(/ECONNREFUSED/);
    } finally {
      await store.close();
    }
  });

  it('runs against a server that refuses anonymous requests', async () => {
    const res = await fetch(`${seaweed.endpoint}/kehoach-contract/reports/`);
    await res.arrayBuffer();
    expect(res.status).toBe(403);
  });
});

describe('local folder driver', () => {
  it('keeps each blob as a plain file at its key, with a hidden metadata sidecar and no temporary file left', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kehoach-blobs-'));
    try {
      const store = new LocalBlobStore(root);
      const body = docxLike();
      await store.put('reports/plan-X-2026/report-Q1.docx', body, { contentType: DOCX, fileName: FILE_NAME });
      const dir = join(root, 'reports', 'plan-X-2026');
      expect(readFileSync(join(dir, 'report-Q1.docx')).equals(body)).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['.report-Q1.docx.meta.json', 'report-Q1.docx']);
      expect(JSON.parse(readFileSync(join(dir, '.report-Q1.docx.meta.json'), 'utf8'))).toEqual({
        contentType: DOCX,
        fileName: FILE_NAME,
      });
      // Deleting the last blob of a folder removes the folder, so that a blob may take its name later.
      await store.delete('reports/plan-X-2026/report-Q1.docx');
      expect(readdirSync(root)).toEqual([]);
      await store.put('reports', Buffer.from('now a blob'), { contentType: 'text/plain' });
      expect((await store.get('reports'))?.body.toString()).toBe('now a blob');
      // A file copied in by hand is a blob too, of unknown type; files that are not keys are not listed.
      writeFileSync(join(root, 'copied.pdf'), '%PDF-1.4\n');
      writeFileSync(join(root, 'not a key.pdf'), '%PDF-1.4\n');
      expect(await store.head('copied.pdf')).toEqual({ size: 9, contentType: 'application/octet-stream' });
      expect(await store.list('')).toEqual(['copied.pdf', 'reports']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('never shows a reader half a file while puts replace it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kehoach-blobs-'));
    try {
      const [writer, reader] = [new LocalBlobStore(root), new LocalBlobStore(root)];
      const versions = Array.from({ length: 8 }, (_, i) => Buffer.alloc(256 * 1024 + i, i + 1));
      await writer.put('reports/big.bin', versions[0]!, { contentType: 'application/octet-stream' });
      const writes = Promise.all(
        versions.map((v) => writer.put('reports/big.bin', v, { contentType: 'application/octet-stream' })),
      );
      const seen = new Set<number>();
      for (let i = 0; i < 40; i++) {
        const got = await reader.get('reports/big.bin');
        expect(got).toBeDefined();
        const version = versions.findIndex((v) => v.equals(got!.body));
        expect(version).toBeGreaterThanOrEqual(0);
        seen.add(version);
      }
      await writes;
      expect(readdirSync(join(root, 'reports')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a folder that is a file with BlobStoreConfigError, and a blob inside a blob with BlobKeyConflictError', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kehoach-blobs-'));
    try {
      writeFileSync(join(root, 'file'), 'x');
      await expect(new LocalBlobStore(join(root, 'file')).ensureReady()).rejects.toBeInstanceOf(BlobStoreConfigError);
      const store = new LocalBlobStore(join(root, 'blobs'));
      await store.put('a/b', Buffer.from('B'), { contentType: 'text/plain' });
      await expect(store.put('a', Buffer.from('A'), { contentType: 'text/plain' })).rejects.toBeInstanceOf(
        BlobKeyConflictError,
      );
      await expect(store.put('a/b/c', Buffer.from('C'), { contentType: 'text/plain' })).rejects.toBeInstanceOf(
        BlobKeyConflictError,
      );
      expect(await store.list('')).toEqual(['a/b']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
