import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { rateLimiter } from 'hono-rate-limiter';
import { csrfToken, csrfValid, CSRF_FIELD } from './csrf.js';
import type { ResolvedDeps } from './deps.js';
import { langOf, tr, withLang, type Lang } from './i18n.js';
import { page } from './layout.js';
import { verifyPassword } from './passwords.js';
import { readForm } from './form-body.js';
import { refuse } from './refusals.js';
import { endSession, preLoginId, readSession, startSession } from './session.js';

// Verifying against a real-looking hash for unknown users keeps the response time from telling who exists.
const DUMMY_HASH = 'scrypt$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * Failed logins one client address may make per window before the form refuses it until the window ends. scrypt
 * already costs ~50 ms a guess; this caps a guesser at 10 per quarter hour. Keyed by address, not by user name, so
 * nobody can lock an office account out from elsewhere.
 */
export const LOGIN_THROTTLE = { failures: 10, windowMs: 15 * 60_000 } as const;

/** The client's address; in-process requests (tests) have none and share one key. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Only local office paths: `next=https://evil.example` or `//evil.example` must not redirect away, and a CR/LF or
 * any other character outside a plain path and query must not reach the Location header.
 */
export function safeNext(next: string | undefined): string {
  return next && /^\/van-phong(\/[\w\-./%~]*)?(\?[\w\-./%~=&]*)?$/.test(next) && !next.includes('//')
    ? next
    : '/van-phong';
}

function loginPage(
  c: Context,
  lang: Lang,
  csrf: string,
  next: string,
  user: string,
  error?: string,
  status: 200 | 401 | 429 = error ? 401 : 200,
) {
  const body = html`<h1>${tr(lang, 'Đăng nhập Văn phòng', 'Office login')}</h1>
    ${error ? html`<div class="error" role="alert">${error}</div>` : ''}
    <form method="post" action="${withLang('/dang-nhap', lang)}" class="card">
      <input type="hidden" name="${CSRF_FIELD}" value="${csrf}" /><input type="hidden" name="next" value="${next}" />
      <label for="user">${tr(lang, 'Tên đăng nhập', 'User name')}</label
      ><input type="text" id="user" name="user" value="${user}" autocomplete="username" required />
      <label for="password">${tr(lang, 'Mật khẩu', 'Password')}</label
      ><input type="password" id="password" name="password" autocomplete="current-password" required />
      <button type="submit">${tr(lang, 'Đăng nhập', 'Log in')}</button>
    </form>`;
  return c.html(page({ lang, path: '/dang-nhap', title: tr(lang, 'Đăng nhập', 'Log in'), body }), status);
}

/** `/dang-nhap` (log in) and `/dang-xuat` (log out) for office staff listed in PORTAL_USERS. */
export function authRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  const { users } = deps;
  const secret = deps.config.LINK_SECRET;

  app.get('/dang-nhap', async (c) => {
    const lang = langOf(c);
    if (await readSession(c, deps)) return c.redirect(safeNext(c.req.query('next')), 303);
    return loginPage(c, lang, csrfToken(secret, preLoginId(c, deps)), safeNext(c.req.query('next')), '');
  });

  const throttle = rateLimiter({
    windowMs: LOGIN_THROTTLE.windowMs,
    limit: LOGIN_THROTTLE.failures,
    keyGenerator: clientAddress,
    // A successful login (303) does not count; wrong passwords (401) and forged forms (403) do.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-6',
    handler: (c) => {
      const lang = langOf(c);
      const minutes = Math.ceil(LOGIN_THROTTLE.windowMs / 60_000);
      c.header('Retry-After', String(LOGIN_THROTTLE.windowMs / 1000));
      return loginPage(
        c,
        lang,
        csrfToken(secret, preLoginId(c, deps)),
        '/van-phong',
        '',
        tr(
          lang,
          `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
          `Too many failed logins. Please try again in ${minutes} minutes.`,
        ),
        429,
      );
    },
  });

  app.post('/dang-nhap', throttle, async (c) => {
    const lang = langOf(c);
    const read = await readForm(c);
    if ('refused' in read) return read.refused;
    const { form } = read;
    const pre = preLoginId(c, deps);
    if (!csrfValid(secret, pre, form[CSRF_FIELD])) return refuse(c, 403, 'badForm');
    const user = typeof form.user === 'string' ? form.user.trim() : '';
    const password = typeof form.password === 'string' ? form.password : '';
    const next = safeNext(typeof form.next === 'string' ? form.next : undefined);
    const ok = await verifyPassword(password, users.get(user) ?? DUMMY_HASH);
    if (!ok || !users.has(user))
      return loginPage(
        c,
        lang,
        csrfToken(secret, pre),
        next,
        user,
        tr(lang, 'Sai tên đăng nhập hoặc mật khẩu.', 'Wrong user name or password.'),
      );
    await startSession(c, deps, user);
    return c.redirect(withLang(next, lang), 303);
  });

  app.post('/dang-xuat', async (c) => {
    const session = await readSession(c, deps);
    if (!session) return c.redirect(withLang('/dang-nhap', langOf(c)), 303);
    const read = await readForm(c);
    if ('refused' in read) return read.refused;
    if (!csrfValid(secret, session.sid, read.form[CSRF_FIELD])) return refuse(c, 403, 'badForm');
    await endSession(c, deps, session);
    return c.redirect(withLang('/dang-nhap', langOf(c)), 303);
  });

  return app;
}
