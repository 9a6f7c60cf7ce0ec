import { Hono, type Context } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { clientAddress } from './auth/client-address.js';
import { loginForm } from './auth/login-form.js';
import { safeNext } from './auth/safe-next.js';
import { csrfValid, CSRF_FIELD } from './csrf.js';
import type { ResolvedDeps } from './deps.js';
import { readForm } from './form-body.js';
import { langOf, withLang } from './i18n.js';
import { verifyPassword } from './passwords.js';
import { refuse } from './refusals.js';
import { throttleStore } from './store/throttle-store.js';
import { endSession, preLoginId, readSession, startSession } from './session.js';
import { texts } from './texts/index.js';

// Verifying against a real-looking hash for unknown users keeps the response time from telling who exists.
const DUMMY_HASH = 'scrypt$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * Failed logins one client address may make per window before the form refuses it until the window ends. scrypt
 * already costs ~50 ms a guess; this caps a guesser at 10 per quarter hour. Keyed by address, not by user name, so
 * nobody can lock an office account out from elsewhere. Counted in the portal store, so across every portal.
 */
export const LOGIN_THROTTLE = { failures: 10, windowMs: 15 * 60_000 } as const;

/**
 * `/dang-nhap`: the login page (every way in) and the POST of its password form, for the administrators listed in
 * PORTAL_USERS. The e-mailed link is `email-link-routes.ts`.
 */
export function loginRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  const { users } = deps;
  const secret = deps.config.LINK_SECRET;
  const form = (c: Context, m: { next: string; user?: string; error?: string }, status: 200 | 401 | 429) =>
    loginForm(c, deps, m, status);

  app.get('/', async (c) => {
    if (await readSession(c, deps)) return c.redirect(safeNext(c.req.query('next')), 303);
    return form(c, { next: safeNext(c.req.query('next')) }, 200);
  });

  const throttle = rateLimiter({
    windowMs: LOGIN_THROTTLE.windowMs,
    limit: LOGIN_THROTTLE.failures,
    keyGenerator: clientAddress,
    store: throttleStore(deps.store),
    // A successful login (303) does not count; wrong passwords (401) and forged forms (403) do.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-6',
    handler: (c) => {
      c.header('Retry-After', String(LOGIN_THROTTLE.windowMs / 1000));
      const minutes = Math.ceil(LOGIN_THROTTLE.windowMs / 60_000);
      return form(c, { next: '/van-phong', error: texts(langOf(c)).login.throttled(minutes) }, 429);
    },
  });

  app.post('/', throttle, async (c) => {
    const lang = langOf(c);
    const read = await readForm(c);
    if ('refused' in read) return read.refused;
    const body = read.form;
    const pre = preLoginId(c, deps);
    if (!csrfValid(secret, pre, body[CSRF_FIELD])) return refuse(c, 403, 'badForm');
    const user = typeof body.user === 'string' ? body.user.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(typeof body.next === 'string' ? body.next : undefined);
    const ok = await verifyPassword(password, users.get(user) ?? DUMMY_HASH);
    if (!ok || !users.has(user)) return form(c, { next, user, error: texts(lang).login.wrong }, 401);
    await startSession(c, deps, { user, method: 'password' });
    return c.redirect(withLang(next, lang), 303);
  });

  return app;
}

/** `/dang-xuat`: closes the session (CSRF-checked, so no other site can log the office out). */
export function logoutRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  app.post('/', async (c) => {
    const session = await readSession(c, deps);
    if (!session) return c.redirect(withLang('/dang-nhap', langOf(c)), 303);
    const read = await readForm(c);
    if ('refused' in read) return read.refused;
    if (!csrfValid(deps.config.LINK_SECRET, session.sid, read.form[CSRF_FIELD])) return refuse(c, 403, 'badForm');
    await endSession(c, deps, session);
    return c.redirect(withLang('/dang-nhap', langOf(c)), 303);
  });
  return app;
}
