import { Hono } from 'hono';
import { createBlobStore } from '../storage/config.js';
import { secureHeaders } from 'hono/secure-headers';
import { loginRoutes, logoutRoutes } from './auth-routes.js';
import { emailLinkRoutes } from './auth/email-link-routes.js';
import { oidcRoutes } from './auth/oidc-routes.js';
import type { PortalDeps, ResolvedDeps } from './deps.js';
import { assetRoutes } from './asset-routes.js';
import { evidenceRoutes } from './evidence-routes.js';
import { officeRoutes } from './office-routes.js';
import { parseUsers } from './passwords.js';
import { refuse } from './refusals.js';
import { portalSessionStore } from './session-store.js';
import { memoryPortalStore } from './store/memory-store.js';
import { submitRoutes } from './submit-routes.js';

/** The portal's deps with every default filled in: what routes and helpers are given. */
export function resolveDeps(deps: PortalDeps): ResolvedDeps {
  const store = deps.store ?? memoryPortalStore();
  return {
    ...deps,
    now: deps.now ?? (() => new Date()),
    store,
    sessions: deps.sessions ?? portalSessionStore(store),
    blobs: deps.blobs ?? createBlobStore(deps.config),
    // Nobody by e-mail unless given (portal/main.ts passes the directory and plans' people); administrators sign in
    // with passwords.
    people: deps.people ?? { rolesOf: () => Promise.resolve([]) },
    directory: deps.directory ?? { administrators: [], organisations: [] },
    users: parseUsers(deps.config.PORTAL_USERS),
  };
}

/**
 * The portal: `/nop/:token` for unit heads (the signed link from their e-mail is their only credential) and
 * `/van-phong` for signed-in people (session cookie, roles per request, CSRF token on every form).
 */
export function createPortalApp(deps: PortalDeps): Hono {
  const resolved = resolveDeps(deps);
  const app = new Hono();
  app.use(
    secureHeaders({
      // Scripts only from the portal's own files (the editor's checks as one types), never inline; the one inline
      // <style> is ours, and so is the editor's stylesheet (/tai-nguyen); the editor's live checks call back to the portal.
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );
  app.route('/nop', submitRoutes(resolved));
  app.route('/dang-nhap', loginRoutes(resolved));
  app.route('/dang-nhap/lien-ket', emailLinkRoutes(resolved));
  app.route('/dang-nhap/oidc', oidcRoutes(resolved));
  app.route('/dang-xuat', logoutRoutes(resolved));
  app.route('/van-phong', officeRoutes(resolved));
  // Evidence addresses are stored in the workflows' submissions: `<PORTAL_BASE_URL>/minh-chung/<sha256>.<ext>`.
  app.route('/minh-chung', evidenceRoutes(resolved));
  app.route('/tai-nguyen', assetRoutes());
  app.get('/', (c) => c.redirect('/van-phong'));
  app.notFound((c) => refuse(c, 404, 'pageNotFound'));
  app.onError((err, c) => {
    console.error(`[portal] ${c.req.method} ${c.req.path}:`, err);
    return refuse(c, 503, 'systemError');
  });
  return app;
}
