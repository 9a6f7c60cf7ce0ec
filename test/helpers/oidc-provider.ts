import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata, type JWK } from 'oidc-provider';

/** A person the provider knows: the login typed on its dev login page, and what it says about them. */
export interface TestAccount {
  login: string;
  /** Claims besides `sub` (e.g. `email`, `email_verified`, `name`); none = an account without an e-mail. */
  claims: Record<string, unknown>;
}

export interface TestOidcProvider {
  /** `http://127.0.0.1:<port>`: OIDC_ISSUER. */
  issuer: string;
  /**
   * Opens the provider with its clients (once): a client's redirect URI names the portal's port, known only after
   * the portal, which needs the issuer, has started. Until then every request is answered 503.
   */
  open(clients: ClientMetadata[]): void;
  /**
   * Holds back the provider's next answer to a client (its redirect to a registered redirect URI, code and state and
   * all): the browser lands on a blank page of the provider instead, and the answer's address is returned, as an
   * attacker who signs in at the SSO and stops short of the portal would have it.
   */
  holdNextAnswer(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A certified OpenID provider (panva's `oidc-provider`) in this process on a free loopback port, with `accounts` to
 * sign in as and the clients given to `open`. Its development login and consent pages take any password, show a
 * `[ Cancel ]` link (the user denying: `error=access_denied`) and are driven by the test's browser. PKCE is
 * required of every client, so a portal that skipped it would be refused.
 */
export async function startOidcProvider(opts: { accounts: TestAccount[] }): Promise<TestOidcProvider> {
  const late: { handle?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  let redirectUris: string[] = [];
  let hold: ((answer: string) => void) | undefined;
  const server = createServer((req, res) => {
    if (req.url === HELD_PATH) return res.writeHead(200, { 'content-type': 'text/plain' }).end('held');
    if (!late.handle) return res.writeHead(503).end('provider not open yet');
    if (hold) holdAnswer(res, redirectUris, (answer) => hold?.(answer));
    late.handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    open(clients) {
      if (late.handle) throw new Error('the test provider is already open');
      redirectUris = clients.flatMap((c) => c.redirect_uris ?? []);
      late.handle = newProvider(issuer, clients, opts.accounts).callback();
    },
    holdNextAnswer: () =>
      new Promise<string>((resolve) => {
        hold = (answer) => {
          hold = undefined;
          resolve(answer);
        };
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Where a held-back answer sends the browser instead. */
const HELD_PATH = '/held';

/** Rewrites this response's redirect to a client (if it is one) to `HELD_PATH`, handing the original to `held`. */
function holdAnswer(res: ServerResponse, redirectUris: string[], held: (answer: string) => void): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => {
    const answer = String(value);
    if (name.toLowerCase() !== 'location' || !redirectUris.some((uri) => answer.startsWith(`${uri}?`)))
      return setHeader(name, value);
    held(answer);
    return setHeader(name, HELD_PATH);
  };
}

function newProvider(issuer: string, clients: ClientMetadata[], accounts: TestAccount[]): Provider {
  // A signing key of this run (the provider's built-in development keys are public).
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...(privateKey.export({ format: 'jwk' }) as JWK), kid: 'test', use: 'sig', alg: 'RS256' };
  return new Provider(issuer, {
    clients,
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'email', 'profile'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, sub) {
      const account = accounts.find((a) => a.login === sub);
      return account && { accountId: sub, claims: () => ({ ...account.claims, sub }) };
    },
  });
}
