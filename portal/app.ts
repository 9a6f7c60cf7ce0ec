import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { PortalDeps, ResolvedDeps } from './deps.js';
import { authRoutes } from './auth-routes.js';
import { parseUsers } from './passwords.js';
import { refuse } from './refusals.js';
import { memorySessionStore } from './session-store.js';
import { officeRoutes } from './office-routes.js';
import { submitRoutes } from './submit-routes.js';

/**
 * The portal: `/nop/:token` for unit heads (the signed link from their e-mail is their only credential) and
 * `/van-phong` for office staff (login, session cookie, CSRF token on every form).
 */
export function createPortalApp(deps: PortalDeps): Hono {
  const resolved: ResolvedDeps = {
    ...deps,
    now: deps.now ?? (() => new Date()),
    plans: [...(deps.plans ?? [])],
    sessions: deps.sessions ?? memorySessionStore(),
    users: parseUsers(deps.config.PORTAL_USERS),
  };
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
  app.notFound((c) => refuse(c, 404, 'pageNotFound'));
  app.onError((err, c) => {
    console.error(`[portal] ${c.req.method} ${c.req.path}:`, err);
    return refuse(c, 503, 'systemError');
  });
  return app;
}
