import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { PortalDeps, ResolvedDeps } from './deps.js';
import { langOf, tr } from './i18n.js';
import { messagePage } from './layout.js';
import { authRoutes } from './auth-routes.js';
import { officeRoutes } from './office-routes.js';
import { submitRoutes } from './submit-routes.js';

/**
 * The portal: `/nop/:token` for unit heads (the signed link from their e-mail is their only credential) and
 * `/van-phong` for office staff (login, session cookie, CSRF token on every form).
 */
export function createPortalApp(deps: PortalDeps): Hono {
  const resolved: ResolvedDeps = { ...deps, now: deps.now ?? (() => new Date()), plans: [...(deps.plans ?? [])] };
  const app = new Hono();
  app.use(
    secureHeaders({
      // No scripts at all; the one inline <style> is ours.
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );
  app.route('/nop', submitRoutes(resolved));
  app.route('/', authRoutes(resolved));
  app.route('/', officeRoutes(resolved));
  app.get('/', (c) => c.redirect('/van-phong'));
  app.notFound((c) => {
    const lang = langOf(c);
    return c.html(
      messagePage(
        lang,
        c.req.path,
        tr(lang, 'Không tìm thấy trang', 'Page not found'),
        tr(lang, 'Địa chỉ này không có trên hệ thống.', 'There is no such page.'),
      ),
      404,
    );
  });
  app.onError((err, c) => {
    console.error(`[portal] ${c.req.method} ${c.req.path}:`, err);
    const lang = langOf(c);
    return c.html(
      messagePage(
        lang,
        c.req.path,
        tr(lang, 'Lỗi hệ thống', 'System error'),
        tr(
          lang,
          'Hệ thống tạm thời không xử lý được yêu cầu. Vui lòng thử lại sau ít phút.',
          'The system could not handle the request. Please try again in a few minutes.',
        ),
      ),
      503,
    );
  });
  return app;
}
