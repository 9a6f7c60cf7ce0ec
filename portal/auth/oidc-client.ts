import * as oidc from 'openid-client';
import type { ServiceConfig } from '../../worker/config.js';

/** Where the provider sends the browser back: registered with the SSO as the client's redirect URI. */
export const OIDC_CALLBACK_PATH = '/dang-nhap/oidc/callback';

/** What the portal needs to know about the province's SSO, from OIDC_* (set only when OIDC_ISSUER is). */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  /** Unset: a public client, which proves itself with PKCE alone. */
  clientSecret?: string;
  scope: string;
  emailClaim: string;
  redirectUri: string;
}

/** The SSO settings of `config`, or undefined when OIDC_ISSUER is unset (sign-in by SSO is off). */
export function oidcSettings(config: ServiceConfig): OidcSettings | undefined {
  if (!config.OIDC_ISSUER) return undefined;
  // The schema refuses OIDC_ISSUER without OIDC_CLIENT_ID; this keeps a hand-built config honest too.
  if (!config.OIDC_CLIENT_ID)
    throw new Error('Invalid configuration:\n  OIDC_CLIENT_ID: is not set: OIDC_ISSUER needs the client id');
  return {
    issuer: new URL(config.OIDC_ISSUER),
    clientId: config.OIDC_CLIENT_ID,
    ...(config.OIDC_CLIENT_SECRET ? { clientSecret: config.OIDC_CLIENT_SECRET } : {}),
    scope: config.OIDC_SCOPES,
    emailClaim: config.OIDC_EMAIL_CLAIM,
    redirectUri: new URL(OIDC_CALLBACK_PATH, config.PORTAL_BASE_URL).href,
  };
}

/** Seconds the portal waits for the SSO (discovery, token, userinfo) before telling the visitor it is unavailable. */
const SSO_TIMEOUT_SECONDS = 5;

/**
 * The SSO's client configuration, discovered on first use and then kept. A failed discovery is not kept, so the
 * first visitor after the SSO comes back succeeds without a portal restart.
 */
export function lazyDiscovery(settings: OidcSettings): () => Promise<oidc.Configuration> {
  let found: Promise<oidc.Configuration> | undefined;
  return () => {
    found ??= oidc
      .discovery(
        settings.issuer,
        settings.clientId,
        undefined,
        settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(),
        {
          timeout: SSO_TIMEOUT_SECONDS,
          // Plain http only for an issuer on this machine (the config refuses it elsewhere): tests, the compose example.
          ...(settings.issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
        },
      )
      .catch((err: unknown) => {
        found = undefined;
        throw err;
      });
    return found;
  };
}

/** True when the SSO did not answer (connection refused, DNS, timeout) rather than answering no. */
export function ssoUnreachable(err: unknown): boolean {
  if (err instanceof TypeError) return true;
  return err instanceof oidc.ClientError && (err.code === 'OAUTH_TIMEOUT' || err.code === 'OAUTH_ABORT');
}
