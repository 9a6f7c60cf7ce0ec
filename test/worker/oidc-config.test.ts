import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { oidcSettings } from '../../portal/auth/oidc-client.js';
import { loadServiceConfig } from '../../worker/config.js';

const LINK_SECRET = randomBytes(32).toString('base64url');

describe('OIDC_* (sign-in through the SSO), read once at start-up', () => {
  it('is off without OIDC_ISSUER, with the documented defaults', () => {
    const config = loadServiceConfig({ LINK_SECRET });
    expect(config.OIDC_EMAIL_CLAIM).toBe('email');
    expect(config.OIDC_SCOPES).toBe('openid email profile');
    expect(oidcSettings(config)).toBeUndefined();
  });

  it('needs OIDC_CLIENT_ID once OIDC_ISSUER is set, naming the variable', () => {
    expect(() => loadServiceConfig({ LINK_SECRET, OIDC_ISSUER: 'https://sso.example.gov.vn/realms/so' })).toThrow(
      /OIDC_CLIENT_ID: is not set: OIDC_ISSUER needs the client id/,
    );
  });

  it('takes plain http only for an issuer on this machine', () => {
    expect(() =>
      loadServiceConfig({ LINK_SECRET, OIDC_ISSUER: 'http://sso.example.gov.vn', OIDC_CLIENT_ID: 'kehoach' }),
    ).toThrow(/OIDC_ISSUER: is not https/);
    for (const issuer of ['http://127.0.0.1:8080', 'http://localhost:8080', 'http://keycloak.localhost:8080/realms/x'])
      expect(loadServiceConfig({ LINK_SECRET, OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'kehoach' }).OIDC_ISSUER).toBe(
        issuer,
      );
  });

  it('refuses scopes without openid', () => {
    expect(() => loadServiceConfig({ LINK_SECRET, OIDC_SCOPES: 'email profile' })).toThrow(
      /OIDC_SCOPES: must include openid/,
    );
  });

  it('gives the routes a public client and the redirect URI under PORTAL_BASE_URL', () => {
    const config = loadServiceConfig({
      LINK_SECRET,
      PORTAL_BASE_URL: 'https://kehoach.example.gov.vn',
      OIDC_ISSUER: 'https://sso.example.gov.vn/realms/so',
      OIDC_CLIENT_ID: 'kehoach',
    });
    expect(oidcSettings(config)).toEqual({
      issuer: new URL('https://sso.example.gov.vn/realms/so'),
      clientId: 'kehoach',
      scope: 'openid email profile',
      emailClaim: 'email',
      redirectUri: 'https://kehoach.example.gov.vn/dang-nhap/oidc/callback',
    });
  });
});
