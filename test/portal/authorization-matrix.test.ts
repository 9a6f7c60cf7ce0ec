import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getItemDetail, startPlan } from '../../client/plan-client.js';
import { planSchema, type Plan } from '../../domain/plan-schema.js';
import { normalEmail, type People, type Role } from '../../portal/access/roles.js';
import { createPortalApp } from '../../portal/app.js';
import { hashPassword } from '../../portal/passwords.js';
import { parseDirectoryText } from '../../organisations/directory-file.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';
import { portalClient } from '../helpers/portal-client.js';
import { portalTestConfig } from '../helpers/portal-server.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startLocalEnv, startTestWorker, TASK_QUEUE } from '../helpers/temporal-env.js';

/*
 * Every office route × every role × its own organisation and a foreign one, and signed out: nothing is accepted
 * where the role does not allow it, every refusal is the 403 page saying what the person can do instead, and nothing
 * answers 500. People sign in the way they do (an e-mailed one-time link, an administrator's password) against a
 * real dev server (the lists come from its visibility) with two running plans, OWN and FRGN.
 */
const OWN = 'OWN';
const FRGN = 'FRGN';
const ADMIN = { user: 'quantri', password: 'mat-khau-quan-tri-ma-tran' };
const FORBIDDEN = 'Không có quyền';

type Who = 'office' | 'director' | 'head-of-item-unit' | 'head-of-other-unit' | 'parent-office' | 'former' | 'admin';
const ROLES: Record<Exclude<Who, 'admin'>, Role[]> = {
  office: [{ kind: 'office', org: OWN }],
  director: [{ kind: 'director', org: OWN }],
  'head-of-item-unit': [{ kind: 'unit-head', org: OWN, unit: 'KHTC' }],
  'head-of-other-unit': [{ kind: 'unit-head', org: OWN, unit: 'VP' }],
  'parent-office': [{ kind: 'parent-office', org: OWN }],
  // Signed in while named in a plan, then dropped from it: the session stays, the roles are gone.
  former: [{ kind: 'office', org: OWN }],
};
const emailOf = (who: string) => `${who}@own.example.org`;

/** What a route asks of its organisation: read the plan, read one item (task-03: KHTC, TCCB), or steer. */
type Need = 'read' | 'read-item' | 'steer' | 'review' | 'signed-in' | 'any-role';
interface Route {
  method: 'GET' | 'POST';
  path: (org: string) => string;
  need: Need;
  body?: (org: string) => Record<string, string>;
}
const planJson = (org: string) =>
  JSON.stringify({ ...skeletonPlan, organisation: { ...skeletonPlan.organisation, code: org } });
const ROUTES: Route[] = [
  { method: 'GET', path: (o) => `/van-phong/${o}/2026`, need: 'read' },
  { method: 'GET', path: (o) => `/van-phong/${o}/2026/luu-tru?f=plan.json`, need: 'read' },
  { method: 'GET', path: (o) => `/van-phong/${o}/2026/nhat-ky`, need: 'read' },
  { method: 'GET', path: (o) => `/van-phong/${o}/2026/task-03`, need: 'read-item' },
  { method: 'GET', path: (o) => `/van-phong/bao-cao?f=reports/plan-${o}-2026-report-Q1.docx`, need: 'read' },
  { method: 'POST', path: (o) => `/van-phong/${o}/2026/dot-xuat`, need: 'steer' },
  { method: 'POST', path: (o) => `/van-phong/${o}/2026/lich`, need: 'steer' },
  { method: 'POST', path: (o) => `/van-phong/${o}/2026/kien-nghi`, need: 'steer' },
  { method: 'POST', path: (o) => `/van-phong/${o}/2026/nhac-han`, need: 'steer', body: () => ({ action: 'bogus' }) },
  { method: 'POST', path: (o) => `/van-phong/${o}/2026/task-03/duyet`, need: 'steer', body: () => ({ unit: 'NONE' }) },
  { method: 'POST', path: (o) => `/van-phong/${o}/2026/task-03/gia-han`, need: 'steer' },
  { method: 'POST', path: (o) => `/van-phong/${o}/2026/task-03/thu-lai`, need: 'steer', body: () => ({ id: '99' }) },
  { method: 'POST', path: (o) => `/van-phong/${o}/2026/report-Q1/duyet-tong-hop`, need: 'review' },
  { method: 'POST', path: (o) => `/van-phong/${o}/2026/report-Q1/tong-hop-lai`, need: 'steer' },
  { method: 'GET', path: (o) => `/van-phong/${o}/2026/lich-nam`, need: 'read' },
  { method: 'GET', path: (o) => `/van-phong/${o}/2026/cap-duoi`, need: 'read' },
  { method: 'POST', path: (o) => `/van-phong/${o}/2026/cap-duoi/dot-xuat`, need: 'steer' },
  {
    method: 'POST',
    path: (o) => `/van-phong/${o}/2026/giao-cap-duoi`,
    need: 'steer',
    body: (o) => ({ child: `${o}-TRUONG` }),
  },
  // The editor is the office's, even to look at; opening the running plan in it copies it into the draft.
  { method: 'GET', path: (o) => `/van-phong/${o}/2026/sua`, need: 'steer' },
  { method: 'GET', path: (o) => `/van-phong/${o}/soan-thao`, need: 'steer' },
  { method: 'POST', path: (o) => `/van-phong/${o}/soan-thao`, need: 'steer' },
  { method: 'POST', path: (o) => `/van-phong/${o}/soan-thao/kiem-tra`, need: 'steer' },
  { method: 'GET', path: (o) => `/van-phong/${o}/soan-thao/tai-ve`, need: 'steer' },
  { method: 'GET', path: (o) => `/van-phong/${o}/soan-thao/lich`, need: 'steer' },
  { method: 'POST', path: (o) => `/van-phong/${o}/soan-thao/bat-dau`, need: 'steer' },
  { method: 'POST', path: (o) => `/van-phong/${o}/soan-thao/xoa`, need: 'steer' },
  { method: 'GET', path: (o) => `/van-phong/${o}/soan-thao/thay-doi`, need: 'steer' },
  { method: 'POST', path: (o) => `/van-phong/${o}/soan-thao/thay-doi`, need: 'steer' },
  { method: 'GET', path: (o) => `/van-phong/${o}/soan-thao/excel`, need: 'steer' },
  { method: 'POST', path: (o) => `/van-phong/${o}/soan-thao/excel`, need: 'steer' },
  { method: 'POST', path: (o) => `/van-phong/${o}/soan-thao/van-ban`, need: 'steer' },
  { method: 'POST', path: () => '/van-phong/ke-hoach', need: 'steer', body: (o) => ({ planText: planJson(o) }) },
  { method: 'GET', path: () => '/van-phong', need: 'signed-in' },
  { method: 'GET', path: () => '/van-phong/cua-toi', need: 'signed-in' },
  { method: 'GET', path: () => '/van-phong/co-quan', need: 'signed-in' },
  { method: 'GET', path: () => `/minh-chung/${'a'.repeat(64)}.pdf`, need: 'any-role' },
];

/** The rules the portal must keep, written out independently of portal/access/permissions.ts. */
function allowed(who: Who, need: Need, org: string): boolean {
  if (who === 'admin') return true;
  if (need === 'signed-in') return true;
  if (who === 'former') return false;
  if (need === 'any-role') return true;
  if (org !== OWN) return false;
  switch (need) {
    case 'steer':
      return who === 'office';
    case 'review':
      return who === 'director';
    case 'read':
      return who === 'office' || who === 'director' || who === 'parent-office';
    case 'read-item':
      return who !== 'head-of-other-unit';
  }
}

describe('authorization: every route × every role × own and foreign organisation', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let stopWorker: () => Promise<void>;
  const current = new Map<string, Role[]>();
  const people: People = { rolesOf: (email) => Promise.resolve(current.get(normalEmail(email)) ?? []) };
  let app: ReturnType<typeof createPortalApp>;

  beforeAll(async () => {
    env = await startLocalEnv();
    sink = await startSmtpSink();
    stopWorker = (await startTestWorker(env, sink)).stop;
    // Plan time runs an hour a second from an hour before task-03 opens (Mon 02/03 08:00).
    const clock = { speed: 3_600, planStart: '2026-03-02T07:00:00+07:00' };
    for (const org of [OWN, FRGN]) {
      const plan: Plan = planSchema().parse({
        ...skeletonPlan,
        organisation: { ...skeletonPlan.organisation, code: org },
      });
      await startPlan(env.client, plan, { taskQueue: TASK_QUEUE, clock });
    }
    for (const [who, roles] of Object.entries(ROLES)) current.set(emailOf(who), roles);
    const config = portalTestConfig({
      PORTAL_BASE_URL: 'http://portal.test',
      PORTAL_USERS: `${ADMIN.user}:${await hashPassword(ADMIN.password)}`,
      SMTP_PORT: String(sink.port),
      SMTP_POOL: 'false',
    });
    // Each body has a school below it, so the office can hand its plan down (giao-cap-duoi) to its own.
    const parsed = parseDirectoryText(
      `organisations:\n` +
        [OWN, FRGN]
          .map(
            (o) =>
              `  - { code: ${o}, name: Cơ quan ${o}, office: vp@${o.toLowerCase()}.example.org }\n` +
              `  - { code: ${o}-TRUONG, name: Trường ${o}, parent: ${o}, office: vp@truong-${o.toLowerCase()}.example.org }\n`,
          )
          .join(''),
      'organisations.yaml',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    app = createPortalApp({ client: env.client, config, people, directory: parsed.directory });
    // task-03 opens in each plan about a second later.
    for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 250))) {
      const opened = await getItemDetail(env.client, { org: OWN, year: 2026 }, 'task-03').then(
        () => true,
        () => false,
      );
      if (opened) break;
      if (Date.now() > deadline) throw new Error('task-03 never opened');
    }
  }, 60_000);
  afterAll(async () => {
    await stopWorker?.();
    await sink?.stop();
    await env?.teardown();
  });

  /** Signs in by the e-mailed one-time link, as a person does (ask, open the link, confirm). */
  async function signInByLink(email: string) {
    const browser = portalClient(app);
    const seen = sink.messages.length;
    const asked = await browser.post('/dang-nhap/lien-ket', { _csrf: await browser.csrfOf('/dang-nhap'), email });
    expect(asked.status).toBe(200);
    let link: string | undefined;
    for (let n = seen + 1; !link; n++) {
      const mail = (await sink.waitFor(n, 10_000))[n - 1]!;
      if (mail.to.includes(email))
        link = /http:\/\/portal\.test(\/dang-nhap\/lien-ket\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    }
    const confirmed = await browser.post(link, { _csrf: await browser.csrfOf(link) });
    expect(confirmed.status).toBe(303);
    return browser;
  }

  const sessions = new Map<Who, ReturnType<typeof portalClient>>();
  let signedOut: ReturnType<typeof portalClient>;
  beforeAll(async () => {
    for (const who of Object.keys(ROLES) as Exclude<Who, 'admin'>[])
      sessions.set(who, await signInByLink(emailOf(who)));
    const admin = portalClient(app);
    expect((await admin.login(ADMIN.user, ADMIN.password)).status).toBe(303);
    sessions.set('admin', admin);
    current.delete(emailOf('former'));
    signedOut = portalClient(app);
  }, 60_000);

  const cases = (Object.keys(ROLES) as Who[])
    .concat('admin')
    .flatMap((who) =>
      ROUTES.flatMap((route) =>
        [OWN, FRGN].map((org) => ({ who, route, org, name: `${who} ${route.method} ${route.path(org)}` })),
      ),
    );

  it(`${cases.length} signed-in requests: allowed where the rules allow, else the 403 page, never a 500`, async () => {
    const wrong: string[] = [];
    for (const { who, route, org, name } of cases) {
      const browser = sessions.get(who)!;
      const res =
        route.method === 'GET'
          ? await browser.get(route.path(org))
          : await browser.post(route.path(org), {
              _csrf: await browser.csrfOf('/van-phong/co-quan'),
              ...(route.body?.(org) ?? {}),
            });
      const text = await res.text();
      const refused = res.status === 403 && text.includes(FORBIDDEN);
      const expected = allowed(who, route.need, org);
      if (res.status >= 500) wrong.push(`${name}: ${res.status}`);
      else if (expected && refused) wrong.push(`${name}: refused, should be allowed`);
      else if (!expected && !refused) wrong.push(`${name}: ${res.status}, should be the 403 page`);
      // A refusal says what the person can do instead.
      if (refused && !/href="\/van-phong(\/cua-toi)?"/.test(text)) wrong.push(`${name}: refusal without a way on`);
    }
    expect(wrong).toEqual([]);
  }, 240_000);

  it(`${ROUTES.length * 2} signed-out requests: pages go to sign-in, forms are refused`, async () => {
    for (const route of ROUTES)
      for (const org of [OWN, FRGN]) {
        const res =
          route.method === 'GET'
            ? await signedOut.get(route.path(org))
            : await signedOut.post(route.path(org), route.body?.(org) ?? {});
        if (route.method === 'GET') {
          expect(res.status, route.path(org)).toBe(303);
          expect(res.headers.get('location'), route.path(org)).toMatch(/^\/dang-nhap\?next=/);
        } else expect(res.status, route.path(org)).toBe(403);
      }
  });

  it('the office list shows only the organisations a person may read; a unit head goes to their duties', async () => {
    await expect
      .poll(
        async () => (await (await sessions.get('admin')!.get('/van-phong')).text()).includes(`/van-phong/${FRGN}/2026`),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
    const office = await (await sessions.get('office')!.get('/van-phong')).text();
    expect(office).toContain(`/van-phong/${OWN}/2026`);
    expect(office).not.toContain(`/van-phong/${FRGN}/2026`);
    const head = await sessions.get('head-of-item-unit')!.get('/van-phong');
    expect(head.status).toBe(303);
    expect(head.headers.get('location')).toBe('/van-phong/cua-toi');
    const duties = await (await sessions.get('head-of-item-unit')!.get('/van-phong/cua-toi')).text();
    expect(duties).toContain('task-03');
    expect(duties).toMatch(/href="http:\/\/portal\.test\/nop\/[^"]+"/);
  });

  it('a reader gets the plan and item pages without the forms only the office may send', async () => {
    const steering = /action="\/van-phong\/OWN\/2026\/(nhac-han|dot-xuat|lich|task-03\/gia-han)"/g;
    const formsOf = async (who: Who, path: string) =>
      [...(await (await sessions.get(who)!.get(path)).text()).matchAll(steering)].map((m) => m[1]).sort();
    expect(await formsOf('office', `/van-phong/${OWN}/2026`)).toEqual(['dot-xuat', 'lich', 'nhac-han']);
    expect(await formsOf('director', `/van-phong/${OWN}/2026`)).toEqual([]);
    expect(await formsOf('parent-office', `/van-phong/${OWN}/2026`)).toEqual([]);
    expect((await formsOf('office', `/van-phong/${OWN}/2026/task-03`)).length).toBeGreaterThan(0);
    expect(await formsOf('head-of-item-unit', `/van-phong/${OWN}/2026/task-03`)).toEqual([]);
  });

  it('who steered comes from the session, not from the form', async () => {
    const office = sessions.get('office')!;
    const res = await office.post(`/van-phong/${OWN}/2026/task-03/gia-han`, {
      _csrf: await office.csrfOf('/van-phong/co-quan'),
      unit: 'TCCB',
      newDate: '2026-03-13',
      reason: 'Đơn vị xin gia hạn',
      by: 'someone-else@example.org',
    });
    expect(res.status).toBe(303);
    const detail = await getItemDetail(env.client, { org: OWN, year: 2026 }, 'task-03');
    const extensions = JSON.stringify(detail.units.find((u) => u.unit === 'TCCB'));
    expect(extensions).toContain(emailOf('office'));
    expect(extensions).not.toContain('someone-else@example.org');
    // ... and it is on the plan-year's audit page, with who did it.
    const audit = await (await office.get(`/van-phong/${OWN}/2026/nhat-ky`)).text();
    expect(audit).toMatch(
      new RegExp(`Gia hạn <span class="hint">\\(TCCB\\)</span></td>\\s*<td>${emailOf('office')}</td>`),
    );
  });
});
