import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadServiceConfig, PUBLISHED_SECRETS } from '../../worker/config.js';

const good = randomBytes(32).toString('base64url');

describe('LINK_SECRET: no default, nothing short, nothing ever published', () => {
  it('the worker and the portal refuse to start without one, naming the variable', () => {
    expect(() => loadServiceConfig({})).toThrow(/LINK_SECRET: is not set/);
    expect(loadConfig({}).LINK_SECRET).toBeUndefined();
  });

  it('refuses a short secret with what would be valid', () => {
    expect(() => loadServiceConfig({ LINK_SECRET: 'short-but-not-empty' })).toThrow(
      /LINK_SECRET: is too short: at least 32 random characters/,
    );
  });

  it.each(PUBLISHED_SECRETS.filter((s) => s.length >= 32))('refuses the published value %s', (secret) => {
    expect(() => loadServiceConfig({ LINK_SECRET: secret })).toThrow(/LINK_SECRET: is a value published/);
  });

  it('takes a long random one, and the portal listens on loopback unless PORTAL_HOST says otherwise', () => {
    const config = loadServiceConfig({ LINK_SECRET: good });
    expect(config.LINK_SECRET).toBe(good);
    expect(config.PORTAL_HOST).toBe('127.0.0.1');
    expect(loadServiceConfig({ LINK_SECRET: good, PORTAL_HOST: '0.0.0.0' }).PORTAL_HOST).toBe('0.0.0.0');
  });
});
