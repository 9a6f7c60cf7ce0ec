import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { blobStoreConfigSchema } from '../../storage/config.js';

interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] };
}

// No Docker engine here: the blob store's part of the deployment file is checked as data (test/deploy checks the rest).
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const seaweedfs = compose.services.seaweedfs!;
const blobKeys = Object.keys(blobStoreConfigSchema.shape).sort();

/** What compose would substitute: `${X:-default}` → default, `${X:?message}` (required) → what an operator sets. */
const resolve = (value: string) =>
  value.replace(/\$\{(\w+)(:-|:\?)([^}]*)\}/g, (_, name: string, op: string, rest: string) =>
    op === ':-' ? rest : `${name.toLowerCase()}-set-by-the-operator`,
  );

describe('docker-compose.yml: the blob store', () => {
  it('runs SeaweedFS from a pinned image, with its S3 gateway, telemetry off, its data in a named volume', () => {
    expect(seaweedfs.image).toMatch(/^chrislusf\/seaweedfs:\d+\.\d+$/);
    expect(seaweedfs.command?.[0]).toBe('server');
    expect(seaweedfs.command).toEqual(
      expect.arrayContaining(['-s3', '-s3.port=8333', '-master.telemetry=false', '-ip.bind=0.0.0.0']),
    );
    expect(seaweedfs.volumes).toEqual(['blobdata:/data']);
    expect(compose.volumes).toHaveProperty('blobdata');
    expect(seaweedfs.healthcheck?.test?.join(' ')).toContain('http://127.0.0.1:8333/healthz');
  });

  it('publishes nothing: only the worker and the portal reach it, on the compose network', () => {
    expect(seaweedfs.ports).toBeUndefined();
  });

  it('gives its S3 gateway the same required key pair the app signs with, and no default', () => {
    const env = seaweedfs.environment!;
    expect(env.AWS_ACCESS_KEY_ID).toMatch(/^\$\{S3_ACCESS_KEY_ID:\?/);
    expect(env.AWS_SECRET_ACCESS_KEY).toMatch(/^\$\{S3_SECRET_ACCESS_KEY:\?/);
    for (const name of ['worker', 'portal']) {
      const app = compose.services[name]!.environment!;
      expect(app.S3_ACCESS_KEY_ID, name).toBe(env.AWS_ACCESS_KEY_ID);
      expect(app.S3_SECRET_ACCESS_KEY, name).toBe(env.AWS_SECRET_ACCESS_KEY);
    }
  });

  it.each(['worker', 'portal'])('%s sets every blob store variable, valid for BLOB_STORE=s3 on seaweedfs', (name) => {
    const service = compose.services[name]!;
    const env = service.environment!;
    const blobEnv = Object.fromEntries(
      Object.entries(env)
        .filter(([k]) => blobKeys.includes(k))
        .map(([k, v]) => [k, resolve(v)]),
    );
    expect(Object.keys(blobEnv).sort()).toEqual(blobKeys);
    const parsed = blobStoreConfigSchema.safeParse(blobEnv);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toMatchObject({ BLOB_STORE: 's3', S3_ENDPOINT: 'http://seaweedfs:8333' });
    expect(service.depends_on?.seaweedfs?.condition).toBe('service_healthy');
  });
});
