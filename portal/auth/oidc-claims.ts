import { z } from 'zod';
import { normalEmail } from '../access/roles.js';

const emailSchema = z.email();

/** The person's address from the SSO's claims, or why there is none the portal can trust. */
export type ClaimedEmail = { email: string } | { refused: 'ssoNoEmail' | 'ssoEmailUnverified' };

/**
 * The e-mail in claim `claim` (OIDC_EMAIL_CLAIM), lower-cased. An address the SSO marks unverified is refused
 * (`email_verified: false`, or "false" as some providers send it); an absent `email_verified` is the SSO vouching
 * for the address, as directories that hold only staff addresses do.
 *
 * @example emailFromClaims({ sub: 'a1', email: 'Ana@Example.org' }, 'email') // { email: 'ana@example.org' }
 */
export function emailFromClaims(claims: Record<string, unknown>, claim: string): ClaimedEmail {
  const value = claims[claim];
  const parsed = emailSchema.safeParse(typeof value === 'string' ? value.trim() : value);
  if (!parsed.success) return { refused: 'ssoNoEmail' };
  const verified = claims.email_verified;
  if (verified === false || verified === 'false') return { refused: 'ssoEmailUnverified' };
  return { email: normalEmail(parsed.data) };
}
