import type { Context } from 'hono';
import { normalEmail } from '../access/roles.js';
import type { ResolvedDeps } from '../deps.js';
import { langOf, withLang } from '../i18n.js';
import { readSession, startSession } from '../session.js';
import { safeNext } from './safe-next.js';

/**
 * The last step of every password-less sign-in (e-mailed link, OIDC): closes the browser's previous session if it
 * had one, opens a new session for the address (lower-cased), sets its cookie and redirects (303) to `next` if it is
 * a safe office path, else to `/van-phong`.
 */
export async function completeSignIn(
  c: Context,
  deps: ResolvedDeps,
  who: { email: string; method: 'email-link' | 'oidc' },
  next: string,
): Promise<Response> {
  const previous = await readSession(c, deps);
  if (previous) await deps.sessions.close(previous.sid);
  await startSession(c, deps, { user: normalEmail(who.email), method: who.method });
  return c.redirect(withLang(safeNext(next), langOf(c)), 303);
}
