import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as oidc from 'openid-client';
import type { ResolvedDeps } from '../deps.js';
import { langOf, withLang } from '../i18n.js';
import { refuse, type RefusalKey } from '../refusals.js';
import type { Texts } from '../texts/index.js';
import { emailFromClaims } from './oidc-claims.js';
import { lazyDiscovery, oidcSettings, ssoUnreachable, type OidcSettings } from './oidc-client.js';
import { keepPendingSignIn, takePendingSignIn, type PendingSignIn } from './oidc-pending.js';
import { completeSignIn } from './sign-in.js';

/** Every SSO refusal offers the way back to the sign-in page (where the e-mail link is). */
const toLogin = { path: '/dang-nhap', label: (t: Texts) => t.sso.backToLogin };

function refuseSso(c: Context, status: ContentfulStatusCode, key: RefusalKey, detail?: (t: Texts) => string) {
  return refuse(c, status, key, detail, toLogin);
}

/** Longest `next` kept for the way back; an office path is far shorter. */
const MAX_NEXT = 512;

/**
 * `/dang-nhap/oidc`: sign-in through the province's SSO (OpenID Connect authorization code flow with PKCE and a
 * nonce). `GET /` sends the browser to the SSO; `GET /callback` takes it back, checks the answer, exchanges the
 * code and signs the person in by the e-mail the SSO vouches for. Nothing is routed when OIDC_ISSUER is unset.
 */
export function oidcRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  const settings = oidcSettings(deps.config);
  if (!settings) return app;
  const discover = lazyDiscovery(settings);
  const configuration = async (c: Context) => {
    try {
      return await discover();
    } catch (err) {
      console.error(`[portal] ${c.req.path}: SSO discovery at ${settings.issuer.href} failed:`, err);
      return undefined;
    }
  };

  app.get('/', async (c) => {
    const found = await configuration(c);
    if (!found) return refuseSso(c, 503, 'ssoUnavailable');
    const next = c.req.query('next');
    const pending: PendingSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      next: withLang(next && next.length <= MAX_NEXT ? next : '/van-phong', langOf(c)),
    };
    await keepPendingSignIn(c, deps, pending);
    const url = oidc.buildAuthorizationUrl(found, {
      redirect_uri: settings.redirectUri,
      scope: settings.scope,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    return c.redirect(url.href, 303);
  });

  app.get('/callback', async (c) => {
    const pending = await takePendingSignIn(c, deps);
    if (!pending) return refuseSso(c, 400, 'ssoExpired');
    const answer = new URL(c.req.url).searchParams;
    if (answer.get('state') !== pending.state) return refuseSso(c, 400, 'ssoStateMismatch');
    const error = answer.get('error');
    if (error === 'access_denied') return refuseSso(c, 403, 'ssoDenied');
    if (error) {
      const code = /^[\w.-]{1,64}$/.test(error) ? error : 'invalid';
      return refuseSso(c, 502, 'ssoFailed', (t) => t.refusalDetails.ssoError(code));
    }
    const found = await configuration(c);
    if (!found) return refuseSso(c, 503, 'ssoUnavailable');
    const verified = await verifiedClaims(c, found, settings, pending, answer);
    if ('refused' in verified) return refuseSso(c, verified.status, verified.refused);
    const who = emailFromClaims(verified.claims, settings.emailClaim);
    if ('refused' in who) return refuseSso(c, 403, who.refused);
    return completeSignIn(c, deps, { email: who.email, method: 'oidc' }, pending.next);
  });

  return app;
}

/**
 * Exchanges the code (with the PKCE verifier), checks the ID token (signature, issuer, audience, nonce) and returns
 * its claims, with the userinfo's when the e-mail claim is not in the ID token (providers that keep the token small).
 */
async function verifiedClaims(
  c: Context,
  found: oidc.Configuration,
  settings: OidcSettings,
  pending: PendingSignIn,
  answer: URLSearchParams,
): Promise<{ claims: Record<string, unknown> } | { refused: 'ssoUnavailable' | 'ssoFailed'; status: 502 | 503 }> {
  // The address the SSO redirected to, as registered: behind a reverse proxy the request's own URL is internal.
  const current = new URL(settings.redirectUri);
  current.search = answer.toString();
  try {
    const tokens = await oidc.authorizationCodeGrant(found, current, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the token response has no ID token');
    if (claims[settings.emailClaim] !== undefined) return { claims };
    const userinfo = await oidc.fetchUserInfo(found, tokens.access_token, claims.sub);
    return { claims: { ...userinfo, ...claims } };
  } catch (err) {
    console.error(`[portal] ${c.req.path}: SSO sign-in refused:`, err);
    return ssoUnreachable(err) ? { refused: 'ssoUnavailable', status: 503 } : { refused: 'ssoFailed', status: 502 };
  }
}
