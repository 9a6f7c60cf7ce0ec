import type { Context } from 'hono';
import { csrfToken } from '../csrf.js';
import type { ResolvedDeps } from '../deps.js';
import { langOf } from '../i18n.js';
import { loginPage } from '../pages/login-page.js';
import { preLoginId } from '../session.js';
import { SIGN_IN_LINK_MINUTES } from './email-link-tokens.js';

/** The login page for this request, its forms' token bound to the visitor's pre-login cookie (set on a first visit). */
export function loginForm(
  c: Context,
  deps: ResolvedDeps,
  m: { next: string; user?: string; email?: string; error?: string },
  status: 200 | 400 | 401 | 429,
): Response | Promise<Response> {
  return c.html(
    loginPage({
      lang: langOf(c),
      csrf: csrfToken(deps.config.LINK_SECRET, preLoginId(c, deps)),
      next: m.next,
      user: m.user ?? '',
      email: m.email ?? '',
      linkMinutes: SIGN_IN_LINK_MINUTES,
      // The province's SSO is offered when it is configured (`/dang-nhap/oidc`).
      oidc: Boolean(deps.config.OIDC_ISSUER),
      error: m.error,
    }),
    status,
  );
}
