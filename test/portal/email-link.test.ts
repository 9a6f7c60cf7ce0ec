/**
 * Sign-in by e-mailed link, end to end: the portal over real HTTP, the real SMTP sink as the inbox, real Chromium
 * (one context per browser), the Temporal test server behind the office pages. Who holds a role comes from a fixed
 * map; the portal's clock is real time plus an offset the expiry test moves.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normalEmail, type People, type Role } from '../../portal/access/roles.js';
import { createPortalApp } from '../../portal/app.js';
import { csrfToken } from '../../portal/csrf.js';
import { SIGN_IN_LINK_THROTTLE } from '../../portal/auth/email-link-throttle.js';
import { digest } from '../../portal/auth/email-link-tokens.js';
import { hashPassword } from '../../portal/passwords.js';
import { memoryPortalStore } from '../../portal/store/memory-store.js';
import { storeKeys, type PortalStore } from '../../portal/store/portal-store.js';
import { launchChromium, screenshot } from '../helpers/browser.js';
import { overHttp, portalClient } from '../helpers/portal-client.js';
import { portalTestConfig, startPortal, TEST_LINK_SECRET } from '../helpers/portal-server.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../helpers/smtp-sink.js';
import { startTimeSkippingEnv } from '../helpers/temporal-env.js';

const OFFICE = 'vanphong@sgddt.example.gov.vn';
const HEAD = 'truongphong.khtc@sgddt.example.gov.vn';
const STRANGER = 'nguoi-la@example.org';
const ADMIN_PASSWORD = 'mat-khau-quan-tri';
const ROLES = new Map<string, Role[]>([
  [OFFICE, [{ kind: 'office', org: 'SGDDT' }]],
  [HEAD, [{ kind: 'unit-head', org: 'SGDDT', unit: 'KHTC' }]],
]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Set by a test to make every lookup slow, so an answer that waited for it would show. */
let lookupDelayMs = 0;
const people: People = {
  async rolesOf(email) {
    if (lookupDelayMs) await sleep(lookupDelayMs);
    return ROLES.get(normalEmail(email)) ?? [];
  },
};
/** The portal's clock: real time plus this. */
let offsetMs = 0;

describe('sign-in by a one-time link e-mailed to a person with a role', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let store: PortalStore;
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let browser: Browser;
  /** A browser of its own (cookies included): a Chromium context. */
  const newBrowser = (): Promise<BrowserContext> =>
    browser.newContext({ locale: 'vi-VN', viewport: { width: 412, height: 900 } });
  const linkPattern = () => new RegExp(`${portal.url}/dang-nhap/lien-ket/[A-Za-z0-9_-]{43}`);

  /** Asks for a link from the login page in `page`'s browser; the answer page is shown. */
  async function askForLink(page: Page, email: string): Promise<void> {
    await page.goto(`${portal.url}/dang-nhap`);
    await page.fill('#email', email);
    await page.click('form[action="/dang-nhap/lien-ket"] button[type=submit]');
    await page.waitForURL(`${portal.url}/dang-nhap/lien-ket`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Kiểm tra hộp thư');
  }

  /** The first message to `email` after the first `after` messages (waiting for it), and the link in it. */
  async function mailTo(email: string, after: number): Promise<{ mail: ReceivedMail; link: string }> {
    for (let n = after + 1; ; n++) {
      const mail = (await sink.waitFor(n))[n - 1]!;
      if (!mail.to.includes(email)) continue;
      const link = linkPattern().exec(mail.text)?.[0];
      expect(link, 'a sign-in link in the message').toBeDefined();
      return { mail, link: link! };
    }
  }

  /** The session cookie the browser holds, as signed (user, method, sid). */
  async function sessionCookie(context: BrowserContext): Promise<{ user: string; method: string; sid: string }> {
    const cookie = (await context.cookies(portal.url)).find((c) => c.name === 'kh_session');
    expect(cookie, 'a session cookie').toBeDefined();
    return JSON.parse(Buffer.from(cookie!.value.split('.')[0]!, 'base64url').toString('utf8')) as never;
  }

  /** Who the browser is signed in as, if the portal takes its session (its login page sends a signed-in visitor on). */
  async function signedInAs(context: BrowserContext): Promise<{ user: string; method: string } | undefined> {
    const res = await context.request.get(`${portal.url}/dang-nhap`, { maxRedirects: 0 });
    if (res.status() !== 303) return undefined;
    expect(res.headers().location).toBe('/van-phong');
    const { user, method } = await sessionCookie(context);
    return { user, method };
  }

  /** The office bar's logout button, pressed: its form posts the session's CSRF token to `/dang-xuat`. */
  async function logOut(context: BrowserContext): Promise<void> {
    const { sid } = await sessionCookie(context);
    const res = await context.request.post(`${portal.url}/dang-xuat`, {
      form: { _csrf: csrfToken(TEST_LINK_SECRET, sid) },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(303);
    expect(res.headers().location).toBe('/dang-nhap');
  }

  /** Asks in `page`'s browser and returns the link mailed for it. */
  async function linkFor(page: Page, email: string): Promise<string> {
    const before = sink.messages.length;
    await askForLink(page, email);
    return (await mailTo(normalEmail(email), before)).link;
  }

  /** Opens `link` in `page` and confirms: signed in, on the person's first page (a unit head's: their duties). */
  async function confirm(page: Page, link: string): Promise<void> {
    await page.goto(link);
    await expect(page.locator('h1').textContent()).resolves.toBe('Xác nhận đăng nhập');
    await page.click('main form button[type=submit]');
    await page.waitForURL((url) => url.pathname === '/van-phong' || url.pathname === '/van-phong/cua-toi');
  }

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    sink = await startSmtpSink();
    store = memoryPortalStore();
    portal = await startPortal(env.client, {
      now: () => new Date(Date.now() + offsetMs),
      store,
      people,
      env: {
        SMTP_HOST: sink.host,
        SMTP_PORT: String(sink.port),
        PORTAL_USERS: `quantri:${await hashPassword(ADMIN_PASSWORD)}`,
      },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await sink?.stop();
    await env?.teardown();
  });

  beforeEach(async () => {
    offsetMs = 0;
    lookupDelayMs = 0;
    // Every test starts with fresh throttle windows (the throttle tests fill them on purpose).
    await store.del(storeKeys.signInClient('127.0.0.1'));
    for (const email of [OFFICE, HEAD, STRANGER]) await store.del(storeKeys.signInAddress(digest(email)));
  });

  it('a person with a role asks, gets the e-mail, opens it in the same browser, confirms and is signed in', async () => {
    const context = await newBrowser();
    const page = await context.newPage();
    await page.goto(`${portal.url}/van-phong`);
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await expect(page.locator('main').innerText()).resolves.toContain('Nhận liên kết đăng nhập qua e-mail');
    await expect(page.locator('main').innerText()).resolves.toContain('Quản trị viên');
    await screenshot(page, 'sign-in-01-login-page');
    const before = sink.messages.length;
    // Typed as people type it: the address is the same person in any case.
    await askForLink(page, 'VanPhong@SGDDT.Example.Gov.VN');
    await expect(page.locator('main').innerText()).resolves.toContain(
      'Liên kết có hiệu lực 15 phút, chỉ dùng được một lần và chỉ mở được trên trình duyệt này.',
    );
    const { mail, link } = await mailTo(OFFICE, before);
    expect(mail.to).toEqual([OFFICE]);
    expect(mail.subject).toBe('Liên kết đăng nhập — Hệ thống kế hoạch tuyên truyền');
    expect(mail.from).toBe(portal.config.MAIL_FROM);
    // Vietnamese first, then English, one link for both; the HTML part carries the same link.
    const vi = mail.text.indexOf('Liên kết có hiệu lực 15 phút');
    const en = mail.text.indexOf('The link is valid for 15 minutes');
    expect(vi).toBeGreaterThan(-1);
    expect(en).toBeGreaterThan(vi);
    expect(mail.html).toContain(`href="${link}"`);

    await page.goto(link);
    await expect(page.locator('h1').textContent()).resolves.toBe('Xác nhận đăng nhập');
    await expect(page.locator('main').innerText()).resolves.toContain(`Đăng nhập với địa chỉ ${OFFICE}.`);
    await screenshot(page, 'sign-in-02-confirm');
    expect(await signedInAs(context)).toBeUndefined();
    await page.click('main form button[type=submit]');
    await page.waitForURL(`${portal.url}/van-phong`);
    expect(await signedInAs(context)).toEqual({ user: OFFICE, method: 'email-link' });
  });

  it('a link works once: opened again, or confirmed from a second tab, it is refused with a clear page', async () => {
    const context = await newBrowser();
    const first = await context.newPage();
    const link = await linkFor(first, HEAD);
    const second = await context.newPage();
    await second.goto(link);
    await confirm(first, link);
    // The second tab's confirmation form was shown while the link was valid; it is used up now.
    await second.click('main form button[type=submit]');
    await expect(second.locator('h1').textContent()).resolves.toBe('Liên kết đăng nhập không còn hiệu lực');
    const again = await context.newPage();
    const res = await again.goto(link);
    expect(res?.status()).toBe(410);
    await expect(again.locator('main').innerText()).resolves.toContain(
      'Liên kết đăng nhập này đã được dùng hoặc đã hết hạn',
    );
    await expect(again.locator('main').innerText()).resolves.toContain('yêu cầu liên kết mới');
  });

  it('an unknown address gets the very same answer, as fast, and no e-mail', async () => {
    const anon = portalClient(overHttp, portal.url);
    const csrf = await anon.csrfOf('/dang-nhap');
    // Every lookup takes 2 s: an answer that waited for it (or for the store, or SMTP) would take longer.
    lookupDelayMs = 2_000;
    const ask = async (email: string) => {
      const started = Date.now();
      const res = await anon.post('/dang-nhap/lien-ket', { _csrf: csrf, email, next: '/van-phong' });
      return { res, ms: Date.now() - started, body: (await res.text()).replaceAll(email, '<địa chỉ>') };
    };
    const before = sink.messages.length;
    const unknown = await ask(STRANGER);
    const known = await ask(HEAD);
    expect(unknown.res.status).toBe(200);
    expect(known.res.status).toBe(unknown.res.status);
    expect(known.body).toBe(unknown.body);
    expect(known.body).toContain('Nếu địa chỉ <địa chỉ> có trong hệ thống');
    expect(known.res.headers.get('set-cookie')).toBe(unknown.res.headers.get('set-cookie'));
    expect(unknown.ms).toBeLessThan(1_500);
    expect(known.ms).toBeLessThan(1_500);
    // The known one's mail comes once its lookup is done; the unknown one's lookup, started first, is done too.
    await mailTo(HEAD, before);
    await sleep(300);
    expect(sink.messages.slice(before).flatMap((m) => m.to)).toEqual([HEAD]);
  });

  it('a link expires 15 minutes after it was asked for, on the portal clock', async () => {
    // Still valid at 14 minutes.
    const early = await (await newBrowser()).newPage();
    const valid = await linkFor(early, OFFICE);
    offsetMs = 14 * 60_000;
    await confirm(early, valid);
    // Opened after 16 minutes: refused.
    offsetMs = 0;
    const late = await (await newBrowser()).newPage();
    const expired = await linkFor(late, OFFICE);
    offsetMs = 16 * 60_000;
    expect((await late.goto(expired))?.status()).toBe(410);
    await expect(late.locator('h1').textContent()).resolves.toBe('Liên kết đăng nhập không còn hiệu lực');
    // Its confirmation page opened in time, the button pressed after 16 minutes: refused too.
    offsetMs = 0;
    const slow = await (await newBrowser()).newPage();
    const link = await linkFor(slow, OFFICE);
    await slow.goto(link);
    offsetMs = 16 * 60_000;
    await slow.click('main form button[type=submit]');
    await expect(slow.locator('h1').textContent()).resolves.toBe('Liên kết đăng nhập không còn hiệu lực');
    expect(new URL(slow.url()).pathname).toMatch(/^\/dang-nhap\/lien-ket\//);
  });

  it('a link opened in another browser is refused there, and still works in the browser that asked', async () => {
    const askingBrowser = await newBrowser();
    const asking = await askingBrowser.newPage();
    const link = await linkFor(asking, OFFICE);
    const other = await (await newBrowser()).newPage();
    const res = await other.goto(link);
    expect(res?.status()).toBe(403);
    await expect(other.locator('h1').textContent()).resolves.toBe('Mở liên kết trên trình duyệt đã yêu cầu');
    await expect(other.locator('main').innerText()).resolves.toContain(
      'Vui lòng mở liên kết trên trình duyệt đó, hoặc yêu cầu liên kết mới từ trình duyệt này.',
    );
    expect(await other.locator('main form').count()).toBe(0);
    await confirm(asking, link);
    expect(await signedInAs(askingBrowser)).toEqual({ user: OFFICE, method: 'email-link' });
  });

  it(`throttles each address to ${SIGN_IN_LINK_THROTTLE.perAddress.limit} links an hour, known or not, with the same 429`, async () => {
    const anon = portalClient(overHttp, portal.url);
    const csrf = await anon.csrfOf('/dang-nhap');
    const ask = (email: string) => anon.post('/dang-nhap/lien-ket', { _csrf: csrf, email, next: '/van-phong' });
    const before = sink.messages.length;
    const { limit } = SIGN_IN_LINK_THROTTLE.perAddress;
    for (let i = 0; i < limit; i++) {
      expect((await ask(i % 2 ? HEAD.toUpperCase() : HEAD)).status).toBe(200);
      expect((await ask(STRANGER)).status).toBe(200);
    }
    const [known, unknown] = [await ask(HEAD), await ask(STRANGER)];
    expect(known.status).toBe(429);
    expect(unknown.status).toBe(429);
    const [knownBody, unknownBody] = [await known.text(), await unknown.text()];
    expect(knownBody).toBe(unknownBody);
    expect(knownBody).toContain('Đã có quá nhiều yêu cầu gửi liên kết đăng nhập. Vui lòng thử lại sau 60 phút.');
    for (const res of [known, unknown]) {
      const retry = Number(res.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(3_500);
      expect(retry).toBeLessThanOrEqual(3_600);
    }
    // Another address is not held back by these two.
    expect((await ask(OFFICE)).status).toBe(200);
    await sink.waitFor(before + limit + 1);
    await sleep(300);
    const to = sink.messages.slice(before).flatMap((m) => m.to);
    expect(to.filter((a) => a === HEAD)).toHaveLength(limit);
    expect(to.filter((a) => a === OFFICE)).toHaveLength(1);
    expect(to).toHaveLength(limit + 1);
  });

  it(`throttles each client to ${SIGN_IN_LINK_THROTTLE.perClient.limit} requests a quarter hour, whatever the address`, async () => {
    const anon = portalClient(overHttp, portal.url);
    const csrf = await anon.csrfOf('/dang-nhap');
    const ask = (email: string) => anon.post('/dang-nhap/lien-ket', { _csrf: csrf, email, next: '/van-phong' });
    const { limit } = SIGN_IN_LINK_THROTTLE.perClient;
    for (let i = 1; i <= limit; i++) expect((await ask(`thu-${i}@example.org`)).status).toBe(200);
    const before = sink.messages.length;
    const refused = await ask(HEAD);
    expect(refused.status).toBe(429);
    const retry = Number(refused.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(800);
    expect(retry).toBeLessThanOrEqual(900);
    expect(await refused.text()).toContain('Quá nhiều yêu cầu');
    await sleep(500);
    expect(sink.messages.length).toBe(before);
  });

  it('logging out closes the session: a copy of the old cookie opens nothing', async () => {
    const context = await newBrowser();
    const page = await context.newPage();
    await confirm(page, await linkFor(page, OFFICE));
    const copy = await newBrowser();
    await copy.addCookies(await context.cookies());
    expect(await signedInAs(copy)).toEqual({ user: OFFICE, method: 'email-link' });
    await logOut(context);
    expect(await signedInAs(context)).toBeUndefined();
    // The copy still carries the signed cookie; the session it names is closed.
    expect((await sessionCookie(copy)).user).toBe(OFFICE);
    expect(await signedInAs(copy)).toBeUndefined();
    const thief = await copy.newPage();
    await thief.goto(`${portal.url}/van-phong`);
    expect(new URL(thief.url()).pathname).toBe('/dang-nhap');
  });

  it('administrators still log in with a password; the SSO button shows only when OIDC_ISSUER is set', async () => {
    const context = await newBrowser();
    const page = await context.newPage();
    await page.goto(`${portal.url}/van-phong`);
    await page.fill('#user', 'quantri');
    await page.fill('#password', ADMIN_PASSWORD);
    await page.click('form:has(#password) button[type=submit]');
    await page.waitForURL(`${portal.url}/van-phong`);
    expect(await signedInAs(context)).toEqual({ user: 'quantri', method: 'password' });
    // A password is for administrators only: an address with a role has none.
    const anon = portalClient(overHttp, portal.url);
    const wrong = await anon.login(OFFICE, ADMIN_PASSWORD);
    expect(wrong.status).toBe(401);

    const loginPage = async (config: typeof portal.config) => {
      const app = createPortalApp({ client: env.client, config, people });
      return (await portalClient(app).get('/dang-nhap?next=%2Fvan-phong')).text();
    };
    const sso = 'Đăng nhập bằng tài khoản của tỉnh (SSO)';
    expect(await loginPage(portal.config)).not.toContain(sso);
    const withSso = await loginPage(
      portalTestConfig({ OIDC_ISSUER: 'https://sso.example.gov.vn', OIDC_CLIENT_ID: 'kehoach-portal' }),
    );
    expect(withSso).toContain(`href="/dang-nhap/oidc?next=%2Fvan-phong">${sso}</a>`);
  });
});
