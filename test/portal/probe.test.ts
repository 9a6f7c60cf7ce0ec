/**
 * Regression tests for what a security probe of the portal found (issue 11), each named after its probe, plus the
 * cases the suite was missing (CSRF on login and logout, one item's link on another item, one unit's page and
 * another unit's submission). In-process requests against a real Temporal test server, with the real worker.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signItemToken } from '../../activities/submit-link.js';
import { getItemStatus, RequestRejectedError, submitReport } from '../../client/plan-client.js';
import { itemWorkflowId, planWorkflowId } from '../../domain/ids.js';
import { planSchema } from '../../domain/plan-schema.js';
import { derivedKey, hmac } from '../../portal/keys.js';
import { createPortalApp } from '../../portal/app.js';
import { memorySessionStore } from '../../portal/session-store.js';
import { closeItemSignal } from '../../workflows/messages.js';
import type { ServiceConfig } from '../../worker/config.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';
import { portalClient } from '../helpers/portal-client.js';
import { TEST_LINK_SECRET } from '../helpers/portal-server.js';
import { OFFICE_PASSWORD, startPortalStack, type PortalStack } from '../helpers/portal-stack.js';

const ref = { org: 'PROBE', year: 2026 };
const PLAN_ID = planWorkflowId(ref.org, ref.year);
/** The skeleton plan with a second task, so one item's link can be tried on the other. */
const plan = planSchema().parse({
  ...skeletonPlan,
  organisation: { ...skeletonPlan.organisation, code: ref.org },
  tasks: [...skeletonPlan.tasks, { ...skeletonPlan.tasks[0]!, number: 4, title: 'Nhiệm vụ thứ hai' }],
});
const token = (item: string, unit: string, expiresAt = new Date('2026-04-05T00:00:00+07:00')) =>
  signItemToken({ workflowId: itemWorkflowId(PLAN_ID, item), itemId: item, unit }, expiresAt, TEST_LINK_SECRET);
// A 1×1 PNG (its IHDR, IDAT and IEND chunks), so file-type sees a real image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n%minh chung TCCB\n');
const versions = async (item: string) =>
  (await getItemStatus(env.client, ref, item)).units.map((u) => `${u.unit}:${u.versions}`);

let env: TestWorkflowEnvironment;

describe('the probe of the portal, each finding refused', () => {
  let stack: PortalStack;
  let app: Hono;
  let config: ServiceConfig;

  beforeAll(async () => {
    // Real time for sessions, as in production; submit links are checked on the plan's own clock.
    stack = await startPortalStack(plan, '2026-03-03T10:00:00+07:00');
    ({ env, app, config } = stack);
    await stack.sink.waitFor(4);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('1. a session naming a user who is not configured opens nothing, however it was made', async () => {
    const sid = 'a'.repeat(22);
    const body = Buffer.from(JSON.stringify({ user: 'ke-la', sid, exp: Date.now() + 3600_000 })).toString('base64url');
    const forged = portalClient(app);
    forged.cookies.set('kh_session', `${body}.${hmac(derivedKey(TEST_LINK_SECRET, 'session'), body)}`);
    const res = await forged.get('/van-phong');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/dang-nhap/);
    // A real, open session of a user who is then removed from PORTAL_USERS (a portal restarted without them).
    const sessions = memorySessionStore();
    const before = createPortalApp({ client: env.client, config, sessions });
    const after = createPortalApp({ client: env.client, config: { ...config, PORTAL_USERS: '' }, sessions });
    const office = portalClient(before);
    await office.login('vanphong', OFFICE_PASSWORD);
    expect((await office.get('/van-phong')).status).toBe(200);
    const removed = portalClient(after);
    for (const [k, v] of office.cookies) removed.cookies.set(k, v);
    expect((await removed.get('/van-phong')).status).toBe(303);
  });

  it('3. the update validator refuses a javascript: evidence link from a direct Temporal client', async () => {
    const direct = submitReport(env.client, ref, 'task-04', {
      unit: 'KHTC',
      submittedBy: 'Kẻ lạ',
      results: 'Gửi thẳng qua Temporal',
      evidence: [{ title: 'bấm vào', url: 'javascript:alert(document.cookie)' }],
    });
    await expect(direct).rejects.toThrow(RequestRejectedError);
    await expect(direct).rejects.toThrow(/evidence\.0\.url: "javascript:alert\(document\.cookie\)" is not an http/);
    expect(await versions('task-04')).toEqual(['KHTC:0', 'TCCB:0']);
  });

  it('4. logging out ends the session: a copy of the old cookie neither reads nor changes anything', async () => {
    const office = portalClient(app);
    expect((await office.login('vanphong', OFFICE_PASSWORD)).status).toBe(303);
    const stolen = new Map(office.cookies);
    const csrf = await office.csrfOf('/van-phong');
    expect((await office.post('/dang-xuat', { _csrf: csrf })).status).toBe(303);
    const replay = portalClient(app);
    for (const [k, v] of stolen) replay.cookies.set(k, v);
    const read = await replay.get('/van-phong/PROBE/2026');
    expect(read.status).toBe(303);
    expect(read.headers.get('location')).toMatch(/^\/dang-nhap/);
    const change = await replay.post('/van-phong/PROBE/2026/nhac-han', { _csrf: csrf, action: 'pause' });
    expect(change.status).toBe(403);
    expect(await change.text()).toContain('Cần đăng nhập');
  });

  it('6. a unit link dated in plan time is valid while the plan is before its expiry, whatever the real date', async () => {
    // Real time is far past 05/04/2026; plan time is 03/03/2026 on this plan's clock.
    const res = await portalClient(app).get(`/nop/${token('task-03', 'KHTC')}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Tuyên truyền cải cách thủ tục hành chính tháng 3');
    const expired = await portalClient(app).get(`/nop/${token('task-03', 'KHTC', new Date('2026-03-02T00:00:00Z'))}`);
    expect(expired.status).toBe(410);
  });

  it('5. + missing case: a unit cannot keep another unit\u2019s file, see its submission, or download it', async () => {
    const tccb = portalClient(app);
    const tccbLink = `/nop/${token('task-03', 'TCCB')}`;
    const sent = await tccb.post(tccbLink, {
      _csrf: await tccb.csrfOf(tccbLink),
      submittedBy: 'Lê Văn Tổ',
      results: 'Nội dung riêng của TCCB',
      files: new File([PDF], 'bien-ban-tccb.pdf'),
    });
    expect(sent.status).toBe(303);
    const stored = (await getItemStatus(env.client, ref, 'task-03')).units.find((u) => u.unit === 'TCCB')
      ?.lastSubmission?.evidence[0]?.url;
    const hash = /minh-chung\/([a-f0-9]{64}\.pdf)$/.exec(stored ?? '')?.[1];
    expect(hash).toMatch(/^[a-f0-9]{64}\.pdf$/);

    const khtc = portalClient(app);
    const khtcLink = `/nop/${token('task-03', 'KHTC')}`;
    const page = await (await khtc.get(khtcLink)).text();
    expect(page).toContain('Trần Thị Kế');
    expect(page).not.toContain('Nội dung riêng của TCCB');
    expect(page).not.toContain(hash);
    for (const kept of [`${hash}|bien-ban.pdf`, `${hash}|forged-mark|bien-ban.pdf`]) {
      const res = await khtc.post(khtcLink, {
        _csrf: await khtc.csrfOf(khtcLink),
        submittedBy: 'Trần Thị Kế',
        results: 'Lấy tệp của đơn vị khác',
        kept,
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('không thuộc các lần nộp của đơn vị qua liên kết này');
    }
    expect(await versions('task-03')).toEqual(['KHTC:0', 'TCCB:1']);
    expect((await khtc.get(`${khtcLink}/minh-chung/${hash}`)).status).toBe(404);
    // The same file through TCCB's own link, and through TCCB's link for the other item: only the first.
    expect((await tccb.get(`${tccbLink}/minh-chung/${hash}`)).status).toBe(200);
    expect((await tccb.get(`/nop/${token('task-04', 'TCCB')}/minh-chung/${hash}`)).status).toBe(404);
  });

  it('missing case: a link for one item never reaches another (its item id is signed with its workflow id)', async () => {
    const mixed = signItemToken(
      { workflowId: itemWorkflowId(PLAN_ID, 'task-03'), itemId: 'task-04', unit: 'KHTC' },
      new Date('2026-04-05T00:00:00+07:00'),
      TEST_LINK_SECRET,
    );
    const res = await portalClient(app).get(`/nop/${mixed}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Liên kết không hợp lệ');
  });

  it('7. uploads are typed by content: a PNG carrying HTML and a ZIP named .docx are refused, a real PNG is kept', async () => {
    const unit = portalClient(app);
    const link = `/nop/${token('task-04', 'TCCB')}`;
    const post = async (file: File) =>
      unit.post(link, { _csrf: await unit.csrfOf(link), submittedBy: 'Lê Văn Tổ', results: 'Ảnh', files: file });
    const polyglot = Buffer.concat([PNG, Buffer.from('<html><script>alert(1)</script></html>')]);
    expect((await post(new File([polyglot], 'anh.png'))).status).toBe(415);
    const zip = Buffer.from('504b0304140000000000', 'hex');
    expect((await post(new File([zip], 'bao-cao.docx'))).status).toBe(415);
    expect((await post(new File([PDF], 'khong-phai-anh.png'))).status).toBe(415);
    expect(await versions('task-04')).toEqual(['KHTC:0', 'TCCB:0']);
    expect((await post(new File([PNG], 'anh.png'))).status).toBe(303);
    expect(await versions('task-04')).toEqual(['KHTC:0', 'TCCB:1']);
  });

  it('8. bad inputs get a clear 4xx page, never 503: malformed multipart, CR/LF in next=, duplicated fields, an alias bomb', async () => {
    const link = `/nop/${token('task-04', 'KHTC')}`;
    const broken = await app.request(`http://portal.test${link}`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=----x' },
      body: '------x\r\nContent-Disposition: form-data; name="results"\r\n\r\nkhông có đoạn kết',
    });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain('Không đọc được dữ liệu gửi lên');

    const unit = portalClient(app);
    for (const field of ['results', 'figure.WEBSITE']) {
      const twice = await unit.post(link, {
        _csrf: await unit.csrfOf(link),
        submittedBy: 'Trần Thị Kế',
        results: 'Một',
        'figure.WEBSITE': '1',
        [field]: ['2', '3'],
      });
      expect(twice.status).toBe(400);
      expect(await twice.text()).toContain(`Trường &quot;${field}&quot; được gửi nhiều lần`);
    }
    const long = await unit.post(link, {
      _csrf: await unit.csrfOf(link),
      submittedBy: 'Trần Thị Kế',
      results: 'x'.repeat(20_001),
    });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('Mục &quot;Kết quả thực hiện&quot; dài 20.001 ký tự, vượt quá 20.000 ký tự.');

    const office = portalClient(app);
    const csrf = await office.csrfOf('/dang-nhap');
    const crlf = await office.post('/dang-nhap', {
      _csrf: csrf,
      user: 'vanphong',
      password: OFFICE_PASSWORD,
      next: '/van-phong\r\nSet-Cookie: kh_session=x',
    });
    expect(crlf.status).toBe(303);
    expect(crlf.headers.get('location')).toBe('/van-phong');

    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
      .concat(
        Array.from(
          { length: 8 },
          (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`,
        ),
      )
      .join('\n');
    const upload = await office.post('/van-phong/ke-hoach', {
      _csrf: await office.csrfOf('/van-phong'),
      planFile: new File([bomb], 'bom.yaml'),
    });
    expect(upload.status).toBe(422);
    expect(await upload.text()).toContain('quá nhiều bí danh YAML');
  });

  it('missing case: the login and the logout POSTs need their form token', async () => {
    const visitor = portalClient(app);
    await visitor.get('/dang-nhap');
    const login = await visitor.post('/dang-nhap', { user: 'vanphong', password: OFFICE_PASSWORD });
    expect(login.status).toBe(403);
    expect(await login.text()).toContain('Biểu mẫu không hợp lệ hoặc đã hết hạn');
    expect(visitor.cookies.has('kh_session')).toBe(false);

    const office = portalClient(app);
    await office.login('vanphong', OFFICE_PASSWORD);
    const logout = await office.post('/dang-xuat', {});
    expect(logout.status).toBe(403);
    expect((await office.get('/van-phong')).status).toBe(200);
  });

  it('8. a submission to a closed item gets a page that says it is closed (409)', async () => {
    const unit = portalClient(app);
    const link = `/nop/${token('task-04', 'KHTC')}`;
    const csrf = await unit.csrfOf(link);
    await env.client.workflow
      .getHandle(itemWorkflowId(PLAN_ID, 'task-04'))
      .signal(closeItemSignal, { reason: 'kiểm thử' });
    for (let i = 0; i < 50 && !(await getItemStatus(env.client, ref, 'task-04')).closed; i++)
      await new Promise((r) => setTimeout(r, 100));
    const res = await unit.post(link, { _csrf: csrf, submittedBy: 'Trần Thị Kế', results: 'Muộn' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Nhiệm vụ đã kết thúc');
  });
});
