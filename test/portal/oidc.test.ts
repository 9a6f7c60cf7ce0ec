/**
 * Sign-in through the province's SSO (OpenID Connect, code flow with PKCE), end to end: real Chromium, the portal
 * over HTTP on loopback with its store in a real redis-server, and a certified OpenID provider (`oidc-provider`)
 * in this process whose login and consent pages the browser fills in. The provider requires PKCE, keeps the e-mail
 * out of the ID token (the portal reads it from userinfo) and signs with a key of this run.
 */
import { createClient } from '@redis/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Hono } from 'hono';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDeps } from '../../portal/app.js';
import { readSession } from '../../portal/session.js';
import { openPortalStore } from '../../portal/store/open-store.js';
import type { PortalStore } from '../../portal/store/portal-store.js';
import { launchChromium, screenshot } from '../helpers/browser.js';
import { freePort } from '../helpers/free-port.js';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider.js';
import { startPortal } from '../helpers/portal-server.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { startTimeSkippingEnv } from '../helpers/temporal-env.js';

type Portal = Awaited<ReturnType<typeof startPortal>>;

const CALLBACK = '/dang-nhap/oidc/callback';
const PUBLIC_CLIENT = 'kehoach-portal';
const CONFIDENTIAL_CLIENT = 'kehoach-portal-secret';
const CLIENT_SECRET = 'bi-mat-cua-ung-dung-cong-thong-tin-0123456789';

const accounts = [
  { login: 'ana', claims: { email: 'Ana.Nguyen@Example.org', email_verified: true, name: 'Nguyễn Thị An' } },
  { login: 'mallory', claims: { email: 'mallory@example.org', email_verified: true, name: 'Kẻ Tấn Công' } },
  { login: 'khong-email', claims: { name: 'Trần Văn Không' } },
  { login: 'chua-xac-minh', claims: { email: 'binh@example.org', email_verified: false, name: 'Lê Văn Bình' } },
];
const ANA = { user: 'ana.nguyen@example.org', method: 'oidc' };

let env: TestWorkflowEnvironment;
let redis: RedisServer;
let store: PortalStore;
let provider: TestOidcProvider;
let portal: Portal;
let confidential: Portal;
let browser: Browser;

beforeAll(async () => {
  // The office pages a sign-in lands on read Temporal.
  env = await startTimeSkippingEnv();
  redis = await startRedisServer();
  store = await openPortalStore(redis.url);
  provider = await startOidcProvider({ accounts });
  const sso = { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: PUBLIC_CLIENT };
  portal = await startPortal(env.client, { store, env: sso });
  confidential = await startPortal(env.client, {
    store,
    env: { ...sso, OIDC_CLIENT_ID: CONFIDENTIAL_CLIENT, OIDC_CLIENT_SECRET: CLIENT_SECRET },
  });
  provider.open([
    // A public client: nothing but PKCE proves at the token endpoint that this portal asked for the code.
    { client_id: PUBLIC_CLIENT, token_endpoint_auth_method: 'none', redirect_uris: [portal.url + CALLBACK] },
    {
      client_id: CONFIDENTIAL_CLIENT,
      client_secret: CLIENT_SECRET,
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: [confidential.url + CALLBACK],
    },
  ]);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await confidential?.stop();
  await portal?.stop();
  await provider?.stop();
  await store?.close();
  await redis?.stop();
  await env?.teardown();
});

/** Who the portal says the browser is: its own `readSession` over the same store, given the browser's cookies. */
async function whoAmI(p: Portal, context: BrowserContext): Promise<{ user: string; method: string } | null> {
  const deps = resolveDeps({ client: env.client, config: p.config, store });
  const app = new Hono().get('/', async (c) => {
    const session = await readSession(c, deps);
    return c.json(session ? { user: session.user, method: session.method } : null);
  });
  const cookie = (await context.cookies(p.url + '/van-phong')).map((k) => `${k.name}=${k.value}`).join('; ');
  return (await app.request('/', { headers: { cookie } })).json() as Promise<{ user: string; method: string } | null>;
}

/**
 * From the portal's sign-in page, through the SSO button, to the provider's login page; resolves with the
 * authorization request the portal sent the browser with.
 */
async function toProviderLogin(p: Portal, page: Page, query = ''): Promise<URL> {
  await page.goto(`${p.url}/dang-nhap${query}`);
  const asked = page.waitForRequest((r) => r.url().startsWith(`${provider.issuer}/auth?`));
  await page.click('a[href^="/dang-nhap/oidc"]');
  await page.waitForSelector('input[name=login]');
  return new URL((await asked).url());
}

/** Signs in at the provider as `login` (any password) and consents. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'bat-ky-mat-khau');
  await page.click('button[type=submit]');
  await page.waitForSelector('button:has-text("Continue")');
  await page.click('button[type=submit]');
}

/** `signInAtProvider`, resolving with the portal's answer to the provider's redirect back. */
async function signInThrough(page: Page, login: string): Promise<Response> {
  const answer = page.waitForResponse((r) => r.url().includes(CALLBACK));
  await signInAtProvider(page, login);
  return answer;
}

/** A refusal page: its status, heading, and the way back to the sign-in page. */
async function expectRefusal(page: Page, answer: Response | null, status: number, heading: string): Promise<void> {
  expect(answer?.status()).toBe(status);
  await expect(page.locator('h1').textContent()).resolves.toBe(heading);
  await expect(page.locator('main a').getAttribute('href')).resolves.toBe('/dang-nhap');
}

describe('sign-in through the SSO (OpenID Connect) in a real browser, against a real provider', () => {
  it('the provider login page → consent → back to the portal, signed in by the e-mail the SSO vouches for', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      const asked = await toProviderLogin(portal, page, '?next=/van-phong/ke-hoach/SKEL/2026');
      // What the portal keeps while the visitor is at the SSO: in the shared store, for 10 minutes, bound to a cookie.
      const keys = await admin.keys('kehoach:oidc:*');
      expect(keys).toHaveLength(1);
      expect(await admin.pTTL(keys[0]!)).toBeGreaterThan(590_000);
      expect(await admin.pTTL(keys[0]!)).toBeLessThanOrEqual(600_000);
      const pending = JSON.parse((await admin.get(keys[0]!))!) as Record<string, string>;
      const cookie = (await context.cookies(portal.url + CALLBACK)).find((k) => k.name === 'kh_oidc');
      expect(cookie?.httpOnly).toBe(true);
      expect(keys[0]).toBe(`kehoach:oidc:${cookie?.value}`);
      // The request the provider saw: PKCE S256 (the challenge, never the verifier), the state, the nonce, the scopes.
      expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
      expect(asked.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(asked.searchParams.get('state')).toBe(pending.state);
      expect(asked.searchParams.get('nonce')).toBe(pending.nonce);
      expect(asked.searchParams.get('scope')).toBe('openid email profile');
      expect(asked.searchParams.get('redirect_uri')).toBe(portal.url + CALLBACK);
      expect(asked.href).not.toContain(pending.verifier!);
      await screenshot(page, 'oidc-01-provider-login');

      const answer = await signInThrough(page, 'ana');
      expect(answer.status()).toBe(303);
      expect(answer.headers().location).toBe('/van-phong/ke-hoach/SKEL/2026');
      await page.waitForURL(`${portal.url}/van-phong/ke-hoach/SKEL/2026`);
      await expect(whoAmI(portal, context)).resolves.toEqual(ANA);
      // Used once: nothing is left to replay.
      expect(await admin.keys('kehoach:oidc:*')).toEqual([]);

      // The same callback again (a reload, a copied address): refused with a page, the session untouched.
      await expectRefusal(page, await page.goto(answer.url()), 400, 'Lượt đăng nhập đã hết hạn');
      await screenshot(page, 'oidc-02-replayed-callback');
      await expect(whoAmI(portal, context)).resolves.toEqual(ANA);
      // …and in another browser, which never started a sign-in.
      const other = await browser.newContext();
      expect((await (await other.newPage()).goto(answer.url()))?.status()).toBe(400);
      await expect(whoAmI(portal, other)).resolves.toBeNull();
      await other.close();
    } finally {
      await admin.close();
      await context.close();
    }
  });

  it('a confidential client (OIDC_CLIENT_SECRET) signs in the same way', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await toProviderLogin(confidential, page);
    const answer = await signInThrough(page, 'ana');
    expect(answer.status()).toBe(303);
    expect(answer.headers().location).toBe('/van-phong');
    await expect(whoAmI(confidential, context)).resolves.toEqual(ANA);
    await context.close();
  });

  it("a tampered state is refused with a page, and so is an attacker's answer opened in someone else's browser", async () => {
    // The attacker signs in at the SSO and keeps the answer (code and state) instead of letting it reach the portal.
    const attacker = await browser.newContext();
    const mallory = await attacker.newPage();
    await toProviderLogin(portal, mallory);
    const held = provider.holdNextAnswer();
    await signInAtProvider(mallory, 'mallory');
    const genuine = new URL(await held);
    expect(genuine.searchParams.get('code')).toBeTruthy();

    // Ana has started her own sign-in; the attacker's answer opened in her browser would sign her in as mallory.
    const victim = await browser.newContext();
    const ana = await victim.newPage();
    await toProviderLogin(portal, ana);
    await expectRefusal(ana, await ana.goto(genuine.href), 400, 'Phản hồi đăng nhập không khớp');
    await screenshot(ana, 'oidc-03-state-mismatch');
    await expect(whoAmI(portal, victim)).resolves.toBeNull();

    // In the attacker's own browser, the answer with its state changed is refused, and that ends the sign-in: the
    // genuine answer, code and all, finds nothing under way afterwards.
    const tampered = new URL(genuine);
    tampered.searchParams.set('state', `${genuine.searchParams.get('state')}x`);
    await expectRefusal(mallory, await mallory.goto(tampered.href), 400, 'Phản hồi đăng nhập không khớp');
    await expectRefusal(mallory, await mallory.goto(genuine.href), 400, 'Lượt đăng nhập đã hết hạn');
    await expect(whoAmI(portal, attacker)).resolves.toBeNull();
    await attacker.close();
    await victim.close();
  });

  it('the user cancelling at the provider (access_denied) gets a clear page back to the sign-in page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await toProviderLogin(portal, page);
    const answer = page.waitForResponse((r) => r.url().includes(CALLBACK));
    await page.click('text=[ Cancel ]');
    expect(new URL((await answer).url()).searchParams.get('error')).toBe('access_denied');
    await expectRefusal(page, await answer, 403, 'Chưa đăng nhập');
    await expect(page.locator('main').innerText()).resolves.toContain('liên kết đăng nhập qua e-mail');
    await screenshot(page, 'oidc-04-denied');
    await expect(whoAmI(portal, context)).resolves.toBeNull();
    await context.close();
  });

  it('an account without an e-mail claim is refused, and so is one whose e-mail the SSO has not verified', async () => {
    for (const [login, heading] of [
      ['khong-email', 'Tài khoản chưa có địa chỉ e-mail'],
      ['chua-xac-minh', 'Địa chỉ e-mail chưa được xác minh'],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await toProviderLogin(portal, page);
      await expectRefusal(page, await signInThrough(page, login), 403, heading);
      await expect(whoAmI(portal, context)).resolves.toBeNull();
      await context.close();
    }
  });

  it('an unreachable SSO is a 503 page offering the e-mail link, never a 500; English with ?lang=en', async () => {
    const down = await startPortal(env.client, {
      store,
      env: { OIDC_ISSUER: `http://127.0.0.1:${await freePort()}`, OIDC_CLIENT_ID: PUBLIC_CLIENT },
    });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await expectRefusal(page, await page.goto(`${down.url}/dang-nhap/oidc`), 503, 'Chưa đăng nhập được qua SSO');
      await expect(page.locator('main').innerText()).resolves.toContain('nhận liên kết đăng nhập qua e-mail');
      const en = await page.goto(`${down.url}/dang-nhap/oidc?lang=en`);
      expect(en?.status()).toBe(503);
      await expect(page.locator('h1').textContent()).resolves.toBe('SSO sign-in unavailable');
      await expect(page.locator('main a').getAttribute('href')).resolves.toBe('/dang-nhap?lang=en');
    } finally {
      await context.close();
      await down.stop();
    }
  });
});
