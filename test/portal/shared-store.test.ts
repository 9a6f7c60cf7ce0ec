/**
 * N portals behave as one (issue: one shared store for the portal's own state). Two portals served over HTTP on
 * loopback (so the throttle sees a real client address), each with its own client of one real redis-server: a
 * session opened on one is open on the other, a logout on one ends it on both, a restarted portal keeps it, and
 * failed logins from one address count across both. The memory driver keeps the same contract for one portal.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_THROTTLE } from '../../portal/auth-routes.js';
import { hashPassword } from '../../portal/passwords.js';
import { memoryPortalStore } from '../../portal/store/memory-store.js';
import { openPortalStore } from '../../portal/store/open-store.js';
import { storeKeys, type PortalStore } from '../../portal/store/portal-store.js';
import { overHttp, portalClient } from '../helpers/portal-client.js';
import { startPortal } from '../helpers/portal-server.js';
import { OFFICE_PASSWORD } from '../helpers/portal-stack.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { startTimeSkippingEnv } from '../helpers/temporal-env.js';

interface Portal {
  url: string;
  store: PortalStore;
  stop(): Promise<void>;
}

let env: TestWorkflowEnvironment;
let users: string;

beforeAll(async () => {
  env = await startTimeSkippingEnv();
  users = `vanphong:${await hashPassword(OFFICE_PASSWORD)}`;
});

afterAll(async () => {
  await env?.teardown();
});

/** A portal over HTTP on its own store client; stopping it closes both, as a portal process does on SIGTERM. */
async function startPortalOn(store: PortalStore): Promise<Portal> {
  const portal = await startPortal(env.client, { env: { PORTAL_USERS: users }, store });
  return {
    url: portal.url,
    store,
    async stop() {
      await portal.stop();
      await store.close();
    },
  };
}

const browserOn = (portal: Portal) => portalClient(overHttp, portal.url);
type Browser = ReturnType<typeof browserOn>;

/** A browser on `portal` holding the same cookies as `from` (the proxy sent the next request elsewhere). */
function sameBrowserOn(portal: Portal, from: Browser): Browser {
  const b = browserOn(portal);
  for (const [k, v] of from.cookies) b.cookies.set(k, v);
  return b;
}

/** Whether the browser's session is accepted: the dashboard (200) or a redirect to the login (303). */
async function signedIn(b: Browser): Promise<boolean> {
  const res = await b.get('/van-phong');
  if (res.status === 303) expect(res.headers.get('location')).toMatch(/^\/dang-nhap/);
  else expect(res.status).toBe(200);
  return res.status === 200;
}

async function sessionsAreShared(one: Portal, two: Portal): Promise<void> {
  const on1 = browserOn(one);
  expect((await on1.login('vanphong', OFFICE_PASSWORD)).status).toBe(303);
  expect(await signedIn(on1)).toBe(true);
  const on2 = sameBrowserOn(two, on1);
  expect(await signedIn(on2)).toBe(true);
  // Log out on portal 2 (its CSRF token is bound to the session, whichever portal made the page).
  expect((await on2.post('/dang-xuat', { _csrf: await on2.csrfOf('/van-phong') })).status).toBe(303);
  expect(await signedIn(on2)).toBe(false);
  // The first browser's copy of the cookie is refused on portal 1 too, for reading and for changing.
  expect(await signedIn(on1)).toBe(false);
  expect((await on1.post('/dang-xuat', { _csrf: 'x' })).headers.get('location')).toMatch(/^\/dang-nhap/);
}

async function throttleIsShared(one: Portal, two: Portal): Promise<void> {
  // A successful login (same address) does not count.
  expect((await browserOn(one).login('vanphong', OFFICE_PASSWORD)).status).toBe(303);
  const [on1, on2] = [browserOn(one), browserOn(two)];
  for (let i = 1; i <= LOGIN_THROTTLE.failures; i++)
    expect((await (i % 2 ? on1 : on2).login('vanphong', `doan-mo-${i}`)).status, `attempt ${i}`).toBe(401);
  for (const b of [on1, on2]) {
    const blocked = await b.login('vanphong', OFFICE_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('900');
    expect(blocked.headers.get('set-cookie') ?? '').not.toContain('kh_session=');
    expect(await blocked.text()).toContain('Đăng nhập sai quá nhiều lần');
  }
}

describe('two portals on one Redis behave as one', () => {
  let redis: RedisServer;
  let one: Portal;
  let two: Portal;
  let admin: PortalStore;

  beforeAll(async () => {
    redis = await startRedisServer({ password: 'mat-khau-redis-thu-nghiem' });
    one = await startPortalOn(await openPortalStore(redis.url));
    two = await startPortalOn(await openPortalStore(redis.url));
    admin = await openPortalStore(redis.url);
  });

  afterAll(async () => {
    await one?.stop();
    await two?.stop();
    await admin?.close();
    await redis?.stop();
  });

  it('a login on portal 1 is a session on portal 2; a logout on portal 2 ends it on portal 1', async () => {
    await sessionsAreShared(one, two);
    await sessionsAreShared(two, one);
  });

  it('a restarted portal keeps the sessions, kept in Redis until they expire', async () => {
    const b = browserOn(one);
    expect((await b.login('vanphong', OFFICE_PASSWORD)).status).toBe(303);
    const sid = (
      JSON.parse(Buffer.from(b.cookies.get('kh_session')!.split('.')[0]!, 'base64url').toString()) as {
        sid: string;
      }
    ).sid;
    const stored = await admin.get(storeKeys.session(sid));
    expect(Number(stored)).toBeGreaterThan(Date.now() + 7.9 * 3600_000);
    await one.stop();
    one = await startPortalOn(await openPortalStore(redis.url));
    expect(await signedIn(sameBrowserOn(one, b))).toBe(true);
  });

  it('10 failed logins from one address split across the two portals lock that address out of both', async () => {
    await admin.del(storeKeys.login('127.0.0.1'));
    await throttleIsShared(one, two);
    // One counter, under the address: the 10 failures (refused attempts are not counted on top).
    expect(await admin.get(storeKeys.login('127.0.0.1'))).toBe(String(LOGIN_THROTTLE.failures));
  });
});

describe('one portal on the memory driver (npm start) keeps the same contract', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortalOn(memoryPortalStore());
  });

  afterAll(async () => {
    await portal?.stop();
  });

  it('a logout ends the session for every copy of its cookie', async () => {
    await sessionsAreShared(portal, portal);
  });

  it('10 failed logins from one address lock it out', async () => {
    await throttleIsShared(portal, portal);
  });
});
