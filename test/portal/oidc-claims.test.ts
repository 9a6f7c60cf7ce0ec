import { describe, expect, it } from 'vitest';
import { emailFromClaims } from '../../portal/auth/oidc-claims.js';

describe('the e-mail an SSO vouches for', () => {
  it('is the configured claim, lower-cased and trimmed', () => {
    expect(emailFromClaims({ sub: 'a1', email: ' Ana.Nguyen@Example.org ' }, 'email')).toEqual({
      email: 'ana.nguyen@example.org',
    });
    expect(emailFromClaims({ sub: 'a1', upn: 'an@example.gov.vn', email: 'x@y.org' }, 'upn')).toEqual({
      email: 'an@example.gov.vn',
    });
  });

  it('is refused when absent, not a string or not an address', () => {
    for (const claims of [{ sub: 'a1' }, { sub: 'a1', email: 42 }, { sub: 'a1', email: 'không phải e-mail' }])
      expect(emailFromClaims(claims, 'email')).toEqual({ refused: 'ssoNoEmail' });
  });

  it('is refused when the SSO says it is unverified (false, or "false" as some providers send it)', () => {
    for (const email_verified of [false, 'false'])
      expect(emailFromClaims({ sub: 'a1', email: 'an@example.org', email_verified }, 'email')).toEqual({
        refused: 'ssoEmailUnverified',
      });
    expect(emailFromClaims({ sub: 'a1', email: 'an@example.org', email_verified: true }, 'email')).toEqual({
      email: 'an@example.org',
    });
  });
});
