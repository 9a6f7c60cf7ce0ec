import type { MiddlewareHandler } from 'hono';
import { rolesOfSession } from './access/session-roles.js';
import { csrfToken, csrfValid, CSRF_FIELD } from './csrf.js';
import type { ResolvedDeps } from './deps.js';
import { readForm } from './form-body.js';
import { langOf, withLang } from './i18n.js';
import type { OfficeEnv } from './office-env.js';
import { refuse } from './refusals.js';
import { readSession } from './session.js';

/** Office pages need a session (else: to the login page, coming back afterwards); every POST needs its CSRF token. */
export function officeGuard(deps: ResolvedDeps): MiddlewareHandler<OfficeEnv> {
  const secret = deps.config.LINK_SECRET;
  return async (c, next) => {
    const session = await readSession(c, deps);
    if (!session) {
      if (c.req.method !== 'GET') return refuse(c, 403, 'loginFirst');
      const back = new URL(c.req.url);
      return c.redirect(withLang(`/dang-nhap?next=${encodeURIComponent(back.pathname + back.search)}`, langOf(c)), 303);
    }
    c.set('session', session);
    c.set('roles', await rolesOfSession(deps, session));
    c.set('csrf', csrfToken(secret, session.sid));
    if (c.req.method === 'POST') {
      const read = await readForm(c);
      if ('refused' in read) return read.refused;
      if (!csrfValid(secret, session.sid, read.form[CSRF_FIELD])) return refuse(c, 403, 'badForm');
      c.set('form', read.form);
    }
    await next();
  };
}
