import type { MiddlewareHandler } from 'hono';
import { csrfToken, csrfValid, CSRF_FIELD } from './csrf.js';
import type { ResolvedDeps } from './deps.js';
import { langOf, tr, withLang } from './i18n.js';
import { messagePage } from './layout.js';
import type { OfficeEnv } from './office-env.js';
import { readSession } from './session.js';
import type { FormBody } from './submission-form.js';

/** Office pages need a session (else: to the login page, coming back afterwards); every POST needs its CSRF token. */
export function officeGuard(deps: ResolvedDeps): MiddlewareHandler<OfficeEnv> {
  const secret = deps.config.LINK_SECRET;
  return async (c, next) => {
    const session = readSession(c, deps.config, deps.now());
    if (!session) {
      if (c.req.method !== 'GET') return c.text('Forbidden: log in first', 403);
      const back = new URL(c.req.url);
      return c.redirect(withLang(`/dang-nhap?next=${encodeURIComponent(back.pathname + back.search)}`, langOf(c)), 303);
    }
    c.set('session', session);
    c.set('csrf', csrfToken(secret, session.sid));
    if (c.req.method === 'POST') {
      const form = (await c.req.parseBody({ all: true })) as FormBody;
      if (!csrfValid(secret, session.sid, form[CSRF_FIELD])) {
        const lang = langOf(c);
        return c.html(
          messagePage(
            lang,
            c.req.path,
            tr(lang, 'Yêu cầu bị từ chối', 'Request refused'),
            tr(
              lang,
              'Biểu mẫu không hợp lệ hoặc đã hết hạn. Vui lòng tải lại trang rồi thực hiện lại.',
              'The form is invalid or has expired. Please reload the page and try again.',
            ),
          ),
          403,
        );
      }
      c.set('form', form);
    }
    await next();
  };
}
