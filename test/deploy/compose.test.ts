import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { stackConfigSchema } from '../../scripts/stack-config.js';
import { configSchema } from '../../worker/config.js';

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
}

// No Docker engine here: the deployment file is checked as data, against the app's own config schema.
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const appKeys = Object.keys(configSchema.shape).sort();

describe('docker-compose.yml', () => {
  it('has the deployment services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['mailcatcher', 'portal', 'postgresql', 'temporal', 'temporal-setup', 'temporal-ui', 'worker'].sort(),
    );
  });

  it('pins every image to a version', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.image, name).toMatch(/^[\w./-]+:\d[\w.-]*$/);
    }
  });

  it.each(['worker', 'portal'])('%s sets exactly the variables the app reads, each valid for its schema', (name) => {
    const env = compose.services[name]!.environment!;
    expect(Object.keys(env).sort()).toEqual(appKeys);
    const resolved = Object.fromEntries(
      Object.entries(env)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => [k, v.startsWith('${') ? 'a-long-random-secret-for-the-check' : v]),
    );
    expect(configSchema.safeParse(resolved).error?.issues ?? []).toEqual([]);
  });

  it('registers every search attribute the workflows use', async () => {
    const { ALL_SEARCH_ATTRIBUTES } = await import('../../workflows/search-attributes.js');
    const setup = JSON.stringify(compose.services['temporal-setup']);
    for (const key of ALL_SEARCH_ATTRIBUTES) expect(setup).toContain(`--name ${key.name} `);
  });
});

describe('.env.example', () => {
  const example = Object.fromEntries(
    readFileSync('.env.example', 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

  it('lists every app and stack variable with its real default', () => {
    const defaults = { ...configSchema.parse({}), ...stackConfigSchema.parse({}) } as Record<string, unknown>;
    const keys = [...appKeys, ...Object.keys(stackConfigSchema.shape)].sort();
    expect(Object.keys(example).sort()).toEqual(keys);
    for (const key of keys) expect(example[key], key).toBe(defaults[key] === undefined ? '' : String(defaults[key]));
  });
});
