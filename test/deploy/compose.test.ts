import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { stackConfigSchema } from '../../scripts/stack-config.js';
import { configSchema } from '../../worker/config.js';

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  profiles?: string[];
  depends_on?: unknown;
}

// No Docker engine here: the deployment file is checked as data, against the app's own config schema.
const text = readFileSync('docker-compose.yml', 'utf8');
const compose = parse(text, { merge: true }) as { services: Record<string, Service> };
const appKeys = Object.keys(configSchema.shape).sort();

/** What compose would substitute: `${X:-default}` → default, `${X:?message}` (required) → a value an operator sets. */
function resolve(value: string, key: string): string {
  return value.replace(/\$\{(\w+)(:-|:\?)([^}]*)\}/g, (_, name: string, op: string, rest: string) =>
    op === ':-'
      ? rest
      : name === 'LINK_SECRET'
        ? randomBytes(32).toString('base64url')
        : `${key.toLowerCase()}.example.org`,
  );
}

describe('docker-compose.yml', () => {
  it('has the deployment services, with the schema set up by a one-shot job instead of auto-setup', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [
        'keycloak',
        'mailcatcher',
        'portal',
        'postgresql',
        'redis',
        'seaweedfs',
        'temporal',
        'temporal-schema',
        'temporal-setup',
        'temporal-ui',
        'worker',
      ].sort(),
    );
    for (const s of Object.values(compose.services)) expect(s.image ?? '').not.toContain('auto-setup');
    expect(compose.services.temporal?.image).toMatch(/^temporalio\/server:/);
    expect(JSON.stringify(compose.services['temporal-schema'])).toContain('temporal-sql-tool');
  });

  it('pins every image to a version', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.image, name).toMatch(/^[\w./-]+:\d[\w.-]*$/);
    }
  });

  it("publishes every port on the host's loopback only", () => {
    const published = Object.entries(compose.services).flatMap(([name, s]) => (s.ports ?? []).map((p) => [name, p]));
    expect(published.map(([name]) => name).sort()).toEqual([
      'keycloak',
      'mailcatcher',
      'portal',
      'temporal',
      'temporal-ui',
    ]);
    for (const [name, port] of published) expect(port, name).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  it('runs the mail catcher (whose inbox shows every signed link) only in the staging profile', () => {
    expect(compose.services.mailcatcher?.profiles).toEqual(['staging']);
    for (const [name, s] of Object.entries(compose.services))
      expect(JSON.stringify(s.depends_on ?? {}), name).not.toContain('mailcatcher');
  });

  it('runs the example OpenID provider (Keycloak, start-dev) only in the sso profile, with the portal not needing it', () => {
    const keycloak = compose.services.keycloak as Service & { command?: string[] };
    expect(keycloak.profiles).toEqual(['sso']);
    expect(keycloak.command?.[0]).toBe('start-dev');
    for (const [name, s] of Object.entries(compose.services))
      expect(JSON.stringify(s.depends_on ?? {}), name).not.toContain('keycloak');
    const portal = compose.services.portal!.environment!;
    expect(resolve(portal.OIDC_ISSUER!, 'OIDC_ISSUER')).toBe('');
  });

  it('keeps the Web UI read-only and ready for the OpenID provider (TEMPORAL_AUTH_*)', () => {
    const env = compose.services['temporal-ui']!.environment!;
    expect(resolve(env.TEMPORAL_DISABLE_WRITE_ACTIONS!, '')).toBe('true');
    for (const k of ['ENABLED', 'PROVIDER_URL', 'CLIENT_ID', 'CLIENT_SECRET', 'CALLBACK_URL', 'SCOPES'])
      expect(env).toHaveProperty(`TEMPORAL_AUTH_${k}`);
  });

  it('documents mutual TLS for the frontend with the server certificate variables', () => {
    const env = compose.services.temporal!.environment!;
    for (const k of ['FRONTEND_CERT', 'FRONTEND_KEY', 'CLIENT1_CA_CERT', 'REQUIRE_CLIENT_AUTH'])
      expect(env).toHaveProperty(`TEMPORAL_TLS_${k}`);
  });

  it('gives the server the dynamic config of deploy/temporal, which lets the portal search more than 10 times a second', () => {
    const temporal = compose.services.temporal! as { environment?: Record<string, string>; volumes?: string[] };
    const path = temporal.environment!.DYNAMIC_CONFIG_FILE_PATH!;
    const mount = temporal.volumes?.find((v) => v.split(':')[1] === path);
    expect(mount).toMatch(/^\.\/deploy\/temporal\/dynamic-config\.yaml:.*:ro$/);
    const settings = parse(readFileSync(mount!.split(':')[0]!, 'utf8')) as Record<string, { value: number }[]>;
    expect(settings['frontend.namespaceRPS.visibility']?.[0]?.value).toBeGreaterThanOrEqual(100);
  });

  it("keeps the portals' shared store (Redis) unpublished, behind a password, and points the portal at it", () => {
    const redis = compose.services.redis!;
    expect(redis.ports).toBeUndefined();
    expect((redis as { command?: string[] }).command?.join(' ')).toContain('--requirepass "$$REDIS_PASSWORD"');
    expect(redis.environment?.REDIS_PASSWORD).toMatch(/^\$\{REDIS_PASSWORD:\?/);
    expect(compose.services.portal!.environment!.PORTAL_STORE_URL).toMatch(
      /^redis:\/\/:\$\{REDIS_PASSWORD:\?.*\}@redis:6379/,
    );
    expect(JSON.stringify(compose.services.portal!.depends_on)).toContain('"redis":{"condition":"service_healthy"}');
  });

  it.each(['worker', 'portal'])('%s sets exactly the variables the app reads, each valid for its schema', (name) => {
    const env = compose.services[name]!.environment!;
    expect(Object.keys(env).sort()).toEqual(appKeys);
    const resolved = Object.fromEntries(
      Object.entries(env)
        .map(([k, v]) => [k, resolve(v, k)])
        .filter(([, v]) => v !== ''),
    );
    expect(configSchema.safeParse(resolved).error?.issues ?? []).toEqual([]);
    expect(env.LINK_SECRET).toMatch(/^\$\{LINK_SECRET:\?/);
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
      .filter((l) => /^[A-Z][A-Z0-9_]*=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

  it('lists every app and stack variable with its real default', () => {
    const defaults = { ...configSchema.parse({}), ...stackConfigSchema.parse({}) } as Record<string, unknown>;
    const keys = [...appKeys, ...Object.keys(stackConfigSchema.shape)].sort();
    expect(Object.keys(example).sort()).toEqual(keys);
    for (const key of keys) expect(example[key], key).toBe(defaults[key] === undefined ? '' : String(defaults[key]));
  });
});
