import { derivedKey, hmac, sameString } from './keys.js';

/** Name of the hidden field every POST form carries. */
export const CSRF_FIELD = '_csrf';

/**
 * A CSRF token bound to something the attacker cannot read: the office session's id, the pre-login cookie, or the
 * submit link's token. A forged cross-site form cannot know it.
 */
export function csrfToken(secret: string, binding: string): string {
  return hmac(derivedKey(secret, 'csrf'), binding);
}

export function csrfValid(secret: string, binding: string | undefined, given: unknown): boolean {
  return typeof given === 'string' && !!binding && sameString(given, csrfToken(secret, binding));
}
