import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Hono } from 'hono';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signItemToken } from '../../activities/submit-link.js';
import { getItemStatus, getPlanStatus } from '../../client/plan-client.js';
import { createPortalApp } from '../../portal/app.js';
import { LOGIN_THROTTLE } from '../../portal/auth-routes.js';
import type { ServiceConfig } from '../../worker/config.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';
import { formOnceFields, portalClient } from '../helpers/portal-client.js';
import { TEST_LINK_SECRET } from '../helpers/portal-server.js';
import { OFFICE_PASSWORD, startPortalStack, type PortalStack } from '../helpers/portal-stack.js';

const ref = { org: 'SKEL', year: 2026 };
const ITEM = 'task-03';
const NOW = new Date('2026-03-03T10:00:00+07:00');
const token = (unit: string, opts: { secret?: string; expiresAt?: Date } = {}) =>
  signItemToken(
    { workflowId: `plan-SKEL-2026-${ITEM}`, itemId: ITEM, unit },
    opts.expiresAt ?? new Date('2026-04-05T00:00:00+07:00'),
    opts.secret ?? TEST_LINK_SECRET,
  );
const PDF = Buffer.from('%PDF-1.4\n%minh chung\n');

describe('portal refuses what it must (in-process requests against a real Temporal test server)', () => {
  let env: TestWorkflowEnvironment;
  let stack: PortalStack;
  let config: ServiceConfig;
  let app: Hono;
  let csrfKhtc: string;

  beforeAll(async () => {
    stack = await startPortalStack(skeletonPlan, NOW.toISOString(), { now: () => NOW });
    ({ env, config, app } = stack);
    await stack.sink.waitFor(2);
    csrfKhtc = await portalClient(app).csrfOf(`/nop/${token('KHTC')}`);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses forged and malformed links (403) and expired ones (410) with a Vietnamese page', async () => {
    const browser = portalClient(app);
    const forged = await browser.get(`/nop/${token('KHTC', { secret: 'someone-elses-secret-0123' })}`);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('Liên kết không hợp lệ');
    const tampered = token('KHTC').replace(
      /^[^.]+/,
      Buffer.from('{"w":"plan-SKEL-2026-task-03","i":"task-03","u":"TCCB","e":9999999999}').toString('base64url'),
    );
    expect((await browser.get(`/nop/${tampered}`)).status).toBe(403);
    expect((await browser.get('/nop/not-a-token')).status).toBe(403);
    const expired = await browser.get(`/nop/${token('KHTC', { expiresAt: new Date('2026-03-01T00:00:00Z') })}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Liên kết đã hết hạn');
    const post = await browser.post(`/nop/${token('KHTC', { secret: 'someone-elses-secret-0123' })}`, {
      _csrf: csrfKhtc,
      results: 'x',
      submittedBy: 'x',
    });
    // The link's own page, not the form-token refusal: the token is checked first, whatever the form carries.
    expect(post.status).toBe(403);
    expect(await post.text()).toContain('Liên kết không hợp lệ');
  });

  it('refuses a submission without the form token (403)', async () => {
    const res = await portalClient(app).post(`/nop/${token('KHTC')}`, { submittedBy: 'Kẻ lạ', results: 'giả mạo' });
    expect(res.status).toBe(403);
    expect((await getItemStatus(env.client, ref, ITEM)).units.every((u) => u.versions === 0)).toBe(true);
  });

  it('refuses oversized (413) and wrong-type (415) evidence, keeping what was typed', async () => {
    const browser = portalClient(app);
    const big = await browser.post(`/nop/${token('KHTC')}`, {
      _csrf: csrfKhtc,
      submittedBy: 'Trần Thị Kế',
      results: 'Kết quả đã gõ, không được mất',
      files: new File([Buffer.alloc(5 * 1024 * 1024 + 1, 0x25)], 'bao-cao.pdf', { type: 'application/pdf' }),
    });
    expect(big.status).toBe(413);
    const bigPage = await big.text();
    expect(bigPage).toContain('vượt quá 5 MB');
    expect(bigPage).toContain('Kết quả đã gõ, không được mất');
    const exe = await browser.post(`/nop/${token('KHTC')}`, {
      _csrf: csrfKhtc,
      submittedBy: 'Trần Thị Kế',
      results: 'Kết quả',
      files: new File([Buffer.from('MZ\x90\x00 not a pdf')], 'minh-chung.pdf', { type: 'application/pdf' }),
    });
    expect(exe.status).toBe(415);
    expect(await exe.text()).toContain('không đúng định dạng');
    const js = await browser.post(`/nop/${token('KHTC')}`, {
      _csrf: csrfKhtc,
      submittedBy: 'A',
      results: 'B',
      linkTitle: 'x',
      linkUrl: 'javascript:alert(1)',
    });
    expect(js.status).toBe(400);
    expect((await getItemStatus(env.client, ref, ITEM)).units.every((u) => u.versions === 0)).toBe(true);
  });

  it("submits for the token's unit only: a unit field in the form is ignored", async () => {
    const res = await portalClient(app).post(`/nop/${token('KHTC')}`, {
      _csrf: csrfKhtc,
      unit: 'TCCB',
      submittedBy: 'Trần Thị Kế',
      results: 'Báo cáo của KHTC',
      'figure.WEBSITE': '2',
      files: new File([PDF], 'minh-chung.pdf', { type: 'application/pdf' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/\/nop\/.+\?v=1$/);
    const units = (await getItemStatus(env.client, ref, ITEM)).units;
    expect(units.map((u) => [u.unit, u.phase, u.versions])).toEqual([
      ['KHTC', 'submitted', 1],
      ['TCCB', 'open', 0],
    ]);
    expect(units[0]?.lastSubmission?.evidence[0]?.url).toMatch(
      /^http:\/\/portal\.test\/minh-chung\/[a-f0-9]{64}\.pdf$/,
    );
  });

  it('takes one form once: a second click or a resend of the same form is the first version, a new form a new one', async () => {
    const browser = portalClient(app);
    const path = `/nop/${token('KHTC')}`;
    const form = await (await browser.get(path)).text();
    const attempt = /name="attempt" value="([0-9a-f-]{36})"/.exec(form)?.[1];
    expect(attempt).toBeDefined();
    const before = (await getItemStatus(env.client, ref, ITEM)).units.find((u) => u.unit === 'KHTC')!.versions;
    const fields = {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(form)![1]!,
      attempt: attempt!,
      submittedBy: 'Trần Thị Kế',
      results: 'Bấm gửi hai lần',
    };
    const [first, second] = await Promise.all([browser.post(path, fields), browser.post(path, fields)]);
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(first.headers.get('location')).toMatch(new RegExp(`\\?v=${before + 1}$`));
    const resent = await browser.post(path, fields);
    expect(resent.headers.get('location')).toBe(first.headers.get('location'));
    expect((await getItemStatus(env.client, ref, ITEM)).units.find((u) => u.unit === 'KHTC')!.versions).toBe(
      before + 1,
    );
    // The form shown again carries a new one: revising is a new version.
    const next = /name="attempt" value="([0-9a-f-]{36})"/.exec(await (await browser.get(path)).text())?.[1];
    expect(next).not.toBe(attempt);
    const revised = await browser.post(path, { ...fields, attempt: next!, results: 'Sửa lại' });
    expect(revised.headers.get('location')).toMatch(new RegExp(`\\?v=${before + 2}$`));
  });

  it('shows <script> typed by a unit as text, on its own page and in the office', async () => {
    const tccb = token('TCCB');
    const browser = portalClient(app);
    const csrf = await browser.csrfOf(`/nop/${tccb}`);
    const res = await browser.post(`/nop/${tccb}`, {
      _csrf: csrf,
      submittedBy: '<b>Lê</b>',
      results: '<script>alert("xss")</script>',
      linkTitle: '"><img src=x onerror=alert(1)>',
      linkUrl: 'https://example.org/"onmouseover="alert(1)',
    });
    expect(res.status).toBe(303);
    const unitPage = await (await browser.get(`/nop/${tccb}`)).text();
    expect(unitPage).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
    expect(unitPage).not.toContain('<script>');
    expect(unitPage).not.toContain('<img src=x');
    expect(unitPage).not.toContain('"onmouseover="');
    const office = portalClient(app);
    await office.login('vanphong', OFFICE_PASSWORD);
    const itemPage = await (await office.get(`/van-phong/SKEL/2026/${ITEM}`)).text();
    expect(itemPage).toContain('&lt;script&gt;');
    expect(itemPage).not.toContain('<script>');
    expect(itemPage).toContain('&lt;b&gt;Lê&lt;/b&gt;');
  });

  it('sends office pages to the login without a session, refuses POSTs without one, and never redirects off-site', async () => {
    const anon = portalClient(app);
    const res = await anon.get('/van-phong/SKEL/2026');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dang-nhap?next=%2Fvan-phong%2FSKEL%2F2026');
    expect((await anon.post(`/van-phong/SKEL/2026/${ITEM}/duyet`, { unit: 'KHTC', decision: 'accept' })).status).toBe(
      403,
    );
    const badLogin = await anon.login('vanphong', 'sai-mat-khau');
    expect(badLogin.status).toBe(401);
    expect(await badLogin.text()).toContain('Sai tên đăng nhập hoặc mật khẩu');
    const csrf = await anon.csrfOf('/dang-nhap');
    const offsite = await anon.post('/dang-nhap', {
      _csrf: csrf,
      user: 'vanphong',
      password: OFFICE_PASSWORD,
      next: '//evil.example/van-phong',
    });
    expect(offsite.headers.get('location')).toBe('/van-phong');
    const forgedCookie = portalClient(app);
    forgedCookie.cookies.set(
      'kh_session',
      `${Buffer.from('{"user":"x","sid":"y","exp":9999999999999}').toString('base64url')}.AAAA`,
    );
    expect((await forgedCookie.get('/van-phong')).status).toBe(303);
  });

  it('stops a password guesser after 10 failed logins from one address, even with the right password, and says when to come back', async () => {
    // An app of its own: its limiter counts every in-process request as one address, which would lock out the tests above.
    const own = createPortalApp({ client: env.client, config, now: () => NOW });
    // A successful login (same address: in-process requests share one) does not count toward the limit.
    expect((await portalClient(own).login('vanphong', OFFICE_PASSWORD)).status).toBe(303);
    const guesser = portalClient(own);
    for (let i = 1; i <= LOGIN_THROTTLE.failures; i++)
      expect((await guesser.login('vanphong', `doan-mo-${i}`)).status).toBe(401);
    const blocked = await guesser.login('vanphong', OFFICE_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('900');
    expect(blocked.headers.get('set-cookie') ?? '').not.toContain('kh_session=');
    expect(await blocked.text()).toContain('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.');
  });

  it("pauses and resumes the plan's reminders from its page, with the form token only", async () => {
    const office = portalClient(app);
    await office.login('vanphong', OFFICE_PASSWORD);
    const page = '/van-phong/SKEL/2026';
    const pausedNow = async (want: boolean) => {
      for (let i = 0; i < 50 && (await getPlanStatus(env.client, ref)).paused !== want; i++)
        await new Promise((r) => setTimeout(r, 100));
      return (await getPlanStatus(env.client, ref)).paused;
    };
    expect((await office.post(`${page}/nhac-han`, { action: 'pause' })).status).toBe(403);
    expect(await pausedNow(true)).toBe(false);
    const res = await office.post(`${page}/nhac-han`, { _csrf: await office.csrfOf(page), action: 'pause' });
    expect(res.status).toBe(303);
    expect(await pausedNow(true)).toBe(true);
    const shown = await (await office.get(page)).text();
    expect(shown).toContain('đang tạm dừng nhắc hạn');
    expect(shown).toContain('Tiếp tục nhắc hạn');
    await office.post(`${page}/nhac-han`, { _csrf: await office.csrfOf(page), action: 'resume' });
    expect(await pausedNow(false)).toBe(false);
  });

  it('opens one ad hoc report for one form, however often it is sent', async () => {
    const office = portalClient(app);
    await office.login('vanphong', OFFICE_PASSWORD);
    const page = '/van-phong/SKEL/2026';
    const adHocCount = async () =>
      (await getPlanStatus(env.client, ref)).items.filter((i) => i.itemId.startsWith('report-adhoc')).length;
    const before = await adHocCount();
    const fields = {
      ...formOnceFields(await (await office.get(page)).text(), '/dot-xuat'),
      title: 'Báo cáo nhanh về tin giả',
      content: 'Tình hình xử lý tin giả trên mạng xã hội',
      dueDate: '2026-03-31',
      units: 'KHTC',
    };
    const sent = await Promise.all([office.post(`${page}/dot-xuat`, fields), office.post(`${page}/dot-xuat`, fields)]);
    expect(sent.map((r) => r.status)).toEqual([303, 303]);
    expect((await office.post(`${page}/dot-xuat`, fields)).status).toBe(303);
    expect(await adHocCount()).toBe(before + 1);
  });

  it('refuses an office POST with a wrong or missing CSRF token (403) and leaves the workflow untouched', async () => {
    const office = portalClient(app);
    await office.login('vanphong', OFFICE_PASSWORD);
    const path = `/van-phong/SKEL/2026/${ITEM}/duyet`;
    expect((await office.post(path, { unit: 'KHTC', decision: 'accept' })).status).toBe(403);
    expect((await office.post(path, { _csrf: csrfKhtc, unit: 'KHTC', decision: 'accept' })).status).toBe(403);
    expect((await getItemStatus(env.client, ref, ITEM)).units[0]?.phase).toBe('submitted');
    const csrf = await office.csrfOf(`/van-phong/SKEL/2026/${ITEM}`);
    const ok = await office.post(path, { _csrf: csrf, unit: 'KHTC', decision: 'accept' });
    expect(ok.status).toBe(303);
    expect((await getItemStatus(env.client, ref, ITEM)).units[0]?.phase).toBe('accepted');
  });

  it('serves report files from REPORTS_DIR only and evidence only under stored names', async () => {
    mkdirSync(join(config.REPORTS_DIR, 'SKEL'), { recursive: true });
    writeFileSync(join(config.REPORTS_DIR, 'SKEL', 'bao-cao-Q1.csv'), 'a,b\n');
    const office = portalClient(app);
    await office.login('vanphong', OFFICE_PASSWORD);
    const ok = await office.get(`/van-phong/bao-cao?f=${encodeURIComponent('SKEL/bao-cao-Q1.csv')}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('a,b\n');
    for (const f of ['../../../../etc/passwd', '/etc/passwd', 'SKEL/../../x', `${config.UPLOADS_DIR}/x`]) {
      expect((await office.get(`/van-phong/bao-cao?f=${encodeURIComponent(f)}`)).status).toBe(404);
    }
    expect((await office.get('/minh-chung/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await office.get(`/minh-chung/${'a'.repeat(64)}.exe`)).status).toBe(404);
    expect(
      (await portalClient(app).get(`/van-phong/bao-cao?f=${encodeURIComponent('SKEL/bao-cao-Q1.csv')}`)).status,
    ).toBe(303);
  });

  it('shows every problem of an invalid plan file at file:line:col and starts nothing', async () => {
    const office = portalClient(app);
    await office.login('vanphong', OFFICE_PASSWORD);
    const csrf = await office.csrfOf('/van-phong');
    const yaml = 'organisation:\n  code: sai ma\nplan:\n  year: 13\n';
    const res = await office.post('/van-phong/ke-hoach', { _csrf: csrf, planFile: new File([yaml], 'ke-hoach.yaml') });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).toContain('ke-hoach.yaml:2:9');
    expect(text).toContain('organisation.code');
    expect(text).toContain('chưa khởi động gì');
  });

  it('starts a valid plan file once; uploading it again says it is already running, or amends it with a note', async () => {
    const office = portalClient(app);
    await office.login('vanphong', OFFICE_PASSWORD);
    const plan = JSON.parse(JSON.stringify(skeletonPlan).replaceAll('2026', '2027')) as typeof skeletonPlan;
    plan.organisation.code = 'UPL';
    const file = () => new File([stringify(plan)], 'ke-hoach-upl.yaml');
    const first = await office.post('/van-phong/ke-hoach', {
      _csrf: await office.csrfOf('/van-phong'),
      planFile: file(),
    });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/van-phong/UPL/2027?ok=started');
    expect((await getPlanStatus(env.client, { org: 'UPL', year: 2027 })).number).toBe('01/KH-SGDĐT');
    const again = await office.post('/van-phong/ke-hoach', {
      _csrf: await office.csrfOf('/van-phong'),
      planFile: file(),
    });
    expect(again.headers.get('location')).toBe('/van-phong/UPL/2027?ok=running');
    // The test server cannot search, so the dashboard lists nothing and says so (dashboard.test.ts sees the plan
    // listed on the dev server); the started plan opens from its "open by code and year" form.
    const dashboard = await (await office.get('/van-phong')).text();
    expect(dashboard).toContain('Máy chủ Temporal không hỗ trợ tìm kiếm nên không liệt kê được các kế hoạch.');
    expect(dashboard).not.toContain('UPL 2027');
    const opened = await office.get('/van-phong/mo?org=upl&year=2027');
    expect(opened.headers.get('location')).toBe('/van-phong/UPL/2027');
    const running = await (await office.get('/van-phong/UPL/2027?ok=running')).text();
    expect(running).toContain('Kế hoạch 01/KH-SGDĐT: Kế hoạch thử nghiệm năm 2027');
    expect(running).toContain('Kế hoạch này đã đang chạy; không khởi động lại.');
    // With a note, the same upload amends the running plan: a new version, the changed task updated.
    plan.tasks[0]!.title = 'Tuyên truyền kế hoạch (điều chỉnh)';
    const amended = await office.post('/van-phong/ke-hoach', {
      _csrf: await office.csrfOf('/van-phong'),
      planFile: file(),
      amendNote: 'Đổi tên nhiệm vụ theo chỉ đạo',
    });
    expect(amended.headers.get('location')).toBe('/van-phong/UPL/2027?ok=amended');
    const status = await getPlanStatus(env.client, { org: 'UPL', year: 2027 });
    expect(status.planVersion).toBe(2);
    expect(status.items.find((i) => i.itemId === 'task-03')?.title).toBe('Tuyên truyền kế hoạch (điều chỉnh)');
  });
});
