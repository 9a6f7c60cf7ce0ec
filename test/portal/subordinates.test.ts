/**
 * "Dashboards up the tree" (issue #18) through the portal, on the time-skipping server with a real worker, SMTP sink
 * and Chromium, people signed in by their e-mailed link with the roles a directory gives them: a province (TINH)
 * above a department (SO) above four schools. Q1 2026, the schools due Fri 20/03/2026: A's report, accepted by its
 * head on 18/03, rolls up on time; B's, accepted on 24/03, late; C runs a plan but never reports; D has no plan here.
 * On 24/03 the department's office sees on time / late / missing per school, asks A and C for an ad hoc report (only
 * their offices get it), a school's office is refused the department's page, and the province's office reads the
 * department's page and the schools' plans below it. axe-core finds nothing serious at 1280 and 390 px.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  getItemStatus,
  getPlanStatus,
  reviewReport,
  reviewSubmission,
  startPlan,
  submitReport,
  type PlanRef,
} from '../../client/plan-client.js';
import { planSchema, type Plan } from '../../domain/plan-schema.js';
import { directorySchema } from '../../organisations/directory-schema.js';
import { temporalPeople } from '../../portal/access/temporal-people.js';
import { skeletonClock, skeletonPlan } from '../fixtures/skeleton-plan.js';
import { mailedSignInLink, signInInBrowser } from '../helpers/browser-sign-in.js';
import { launchChromium, screenshot } from '../helpers/browser.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { overHttp, portalClient } from '../helpers/portal-client.js';
import { startPortal, TEST_LINK_SECRET } from '../helpers/portal-server.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from '../helpers/temporal-env.js';

const YEAR = 2026;
const SCHOOLS = ['TRUONG-A', 'TRUONG-B', 'TRUONG-C', 'TRUONG-D'] as const;
const office = (code: string) => `vanphong.${code.toLowerCase()}@example.org`;
const head = (code: string) => `hieutruong.${code.toLowerCase()}@example.org`;
const ref = (org: string): PlanRef => ({ org, year: YEAR });
const PAGE = '/van-phong/SO/2026/cap-duoi';
const FORBIDDEN = 'Không có quyền';

const directory = directorySchema().parse({
  organisations: [
    { code: 'TINH', name: 'Ủy ban nhân dân tỉnh (thử nghiệm)', office: office('TINH') },
    { code: 'SO', name: 'Sở Giáo dục và Đào tạo (thử nghiệm)', parent: 'TINH', office: office('SO') },
    ...SCHOOLS.map((code) => ({ code, name: `Trường ${code.slice(-1)}`, parent: 'SO', office: office(code) })),
  ],
});

/** A body's plan on the skeleton: its own code, office and head; no dated task. */
const bodyPlan = (code: string, name: string, extra: Record<string, unknown>): Plan =>
  planSchema().parse({
    ...skeletonPlan,
    organisation: { ...skeletonPlan.organisation, code, name },
    office: { name: 'Văn phòng', email: office(code), unit: 'VP' },
    director: { name: 'Thủ trưởng', email: head(code) },
    tasks: [],
    ...extra,
  });

/** The province: the department below it; its units (and the department) due Thu 26/03 (31/03 minus 3 working days). */
const province = bodyPlan('TINH', 'Ủy ban nhân dân tỉnh (thử nghiệm)', {
  subordinates: [
    { code: 'SO', name: 'Sở Giáo dục và Đào tạo (thử nghiệm)', office: { name: 'Văn phòng Sở', email: office('SO') } },
  ],
  reporting: { periods: ['Q1'], officeDeadlineDay: 31, unitWorkingDaysBeforeOffice: 3 },
});
/** The department: four schools; Q1 units and schools due Fri 20/03 (25/03 minus 3 working days); H1 opens in June. */
const department = bodyPlan('SO', 'Sở Giáo dục và Đào tạo (thử nghiệm)', {
  subordinates: SCHOOLS.map((code) => ({
    code,
    name: `Trường ${code.slice(-1)}`,
    office: { name: `Văn phòng trường ${code.slice(-1)}`, email: office(code) },
    director: { name: `Hiệu trưởng trường ${code.slice(-1)}`, email: head(code) },
  })),
  reporting: { periods: ['Q1', 'H1'], officeDeadlineDay: 25, unitWorkingDaysBeforeOffice: 3 },
});
/** A school carries out the department's plan: its office reports on Wed 18/03, its units by Tue 17/03. */
const school = (code: string): Plan =>
  bodyPlan(code, `Trường ${code.slice(-1)}`, {
    organisation: { ...skeletonPlan.organisation, code, name: `Trường ${code.slice(-1)}`, reportsTo: 'SO' },
    plan: { ...skeletonPlan.plan, number: `01/KH-${code}`, carriesOut: { number: '01/KH-SGDĐT', org: 'SO' } },
    units: [
      { code: 'VP', name: 'Văn phòng', head: { name: 'Văn thư', email: office(code) } },
      {
        code: 'TO-VAN',
        name: 'Tổ Ngữ văn',
        head: { name: 'Tổ trưởng', email: `tovan.${code.toLowerCase()}@example.org` },
      },
    ],
    reporting: { periods: ['Q1'], officeDeadlineDay: 18, unitWorkingDaysBeforeOffice: 1 },
  });

/** The serious and critical violations axe-core finds on the page, each with where it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  // axe ran its rules on the page (a run that checked nothing would find nothing too).
  expect(result.passes.length).toBeGreaterThan(10);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('subordinates × periods, the ad hoc request, two levels up (time-skipping server, Chromium)', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let stopWorker: () => Promise<void>;
  let browser: Browser;
  /** The department's office in Chromium at 1280 px, signed in once. */
  let desk: { context: BrowserContext; page: Page };

  const mailedLink = (email: string, before: number) => mailedSignInLink(sink, portal.url, email, before);

  /** A client over HTTP signed in as `email` by its e-mailed link (ask, open, confirm), as a person is. */
  async function signInByLink(email: string) {
    const client = portalClient(overHttp, portal.url);
    const before = sink.messages.length;
    const asked = await client.post('/dang-nhap/lien-ket', { _csrf: await client.csrfOf('/dang-nhap'), email });
    expect(asked.status).toBe(200);
    const link = await mailedLink(email, before);
    expect((await client.post(link, { _csrf: await client.csrfOf(link) })).status).toBe(303);
    return client;
  }

  /** A browser context of its own at `width`, signed in as `email` by the mailed link. */
  async function signedInBrowser(email: string, width: number) {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signInInBrowser(page, portal.url, sink, email);
    return { context, page };
  }

  /** A school's units report on 16/03 and its office accepts them, so its consolidated report compiles on 18/03. */
  async function schoolUnitsReport(code: string) {
    for (const unit of ['VP', 'TO-VAN']) {
      await submitReport(env.client, ref(code), 'report-Q1', {
        unit,
        submittedBy: 'Tổ trưởng',
        results: `Đã thực hiện (${unit})`,
        figures: { WEBSITE: 2 },
      });
      await reviewSubmission(env.client, ref(code), 'report-Q1', { unit, decision: 'accept', by: office(code) });
    }
  }
  const versionsOf = async (unit: string) =>
    (await getItemStatus(env.client, ref('SO'), 'report-Q1')).units.find((u) => u.unit === unit)?.versions ?? -1;
  /** The school's director accepts its compiled Q1 report, which then arrives in the department's report. */
  async function accepted(code: string) {
    // In a hook, where `expect.poll` is not allowed: `vi.waitFor` retries until the check passes.
    const waiting = { timeout: 20_000, interval: 100 };
    await vi.waitFor(async () => {
      expect((await getItemStatus(env.client, ref(code), 'report-Q1')).report?.number).toBeTruthy();
    }, waiting);
    await reviewReport(env.client, ref(code), 'report-Q1', { decision: 'accept', by: head(code) });
    await vi.waitFor(async () => expect(await versionsOf(code)).toBe(1), waiting);
  }

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    sink = await startSmtpSink();
    portal = await startPortal(env.client, {
      directory,
      people: temporalPeople({ client: env.client, directory }),
      env: { SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), SMTP_POOL: 'false' },
    });
    stopWorker = (await startTestWorker(env, sink, { portalBaseUrl: portal.url, linkSecret: TEST_LINK_SECRET })).stop;
    browser = await launchChromium();
    const started = await startPlan(env.client, department, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    await startPlan(env.client, province, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    // D has no plan here.
    for (const code of SCHOOLS.slice(0, 3))
      await startPlan(env.client, school(code), { taskQueue: TASK_QUEUE, clock: skeletonClock });
    const clock = planTimeStepper(env, skeletonClock.planStart, (await started.handle.describe()).startTime.getTime());
    await clock.sleepUntil('2026-03-16T10:00:00+07:00');
    await schoolUnitsReport('TRUONG-A');
    await schoolUnitsReport('TRUONG-B');
    await clock.sleepUntil('2026-03-18T12:00:00+07:00');
    await accepted('TRUONG-A');
    await clock.sleepUntil('2026-03-24T10:00:00+07:00');
    await accepted('TRUONG-B');
    desk = await signedInBrowser(office('SO'), 1280);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stopWorker?.();
    await portal?.stop();
    await sink?.stop();
    await env?.teardown();
  });

  const rowOf = (page: Page, code: string) =>
    page.locator('tbody tr', { has: page.locator(`th small`, { hasText: code }) });

  it("the department's office sees each school on time, late or missing per period, and opens a school's plan", async () => {
    const { page } = desk;
    const res = await page.goto(`${portal.url}${PAGE}`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').innerText()).resolves.toBe(
      'Báo cáo của cơ quan cấp dưới năm 2026 – 01/KH-SGDĐT: Kế hoạch thử nghiệm năm 2026',
    );
    const heads = await page.locator('thead th').allInnerTexts();
    expect(heads.map((h) => h.replace(/\s+/g, ' '))).toEqual([
      'Cơ quan cấp dưới',
      'Báo cáo quý I 2026 hạn 20/03/2026',
      'Báo cáo 6 tháng đầu năm 2026 chưa mở',
    ]);
    const q1 = async (code: string) => {
      const td = rowOf(page, code).locator('td').first();
      return { text: (await td.innerText()).replace(/\s+/g, ' '), cls: await td.getAttribute('class') };
    };
    // State in words and a sign of its own (colour is a third cue, never the only one); the day it arrived.
    expect(await q1('TRUONG-A')).toEqual({
      text: '✓ Đúng hạn nhận 18/03/2026 tự gửi lên từ báo cáo đã duyệt',
      cls: 'sb-on-time',
    });
    expect(await q1('TRUONG-B')).toEqual({
      text: '! Muộn nhận 24/03/2026 tự gửi lên từ báo cáo đã duyệt',
      cls: 'sb-late',
    });
    expect(await q1('TRUONG-C')).toEqual({ text: '✗ Chưa báo cáo hạn 20/03/2026', cls: 'sb-missing' });
    expect(await q1('TRUONG-D')).toEqual({ text: '✗ Chưa báo cáo hạn 20/03/2026', cls: 'sb-missing' });
    for (const code of SCHOOLS)
      await expect(rowOf(page, code).locator('td').nth(1).innerText()).resolves.toMatch(/^○ Chưa đến hạn/);
    const summary = await page.locator('tfoot td').allInnerTexts();
    expect(summary.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual([
      '1 đúng hạn · 1 muộn · 2 chưa báo cáo',
      '0 đúng hạn · 0 muộn · 0 chưa báo cáo 4 chưa đến hạn',
    ]);
    // Each school's own plan, where it runs here; none has bodies below it.
    await expect(rowOf(page, 'TRUONG-D').locator('th').innerText()).resolves.toContain(
      'Chưa có kế hoạch năm 2026 trên hệ thống',
    );
    await expect(rowOf(page, 'TRUONG-D').locator('th a').count()).resolves.toBe(0);
    await expect(page.locator('tbody a[href$="/cap-duoi"]').count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Drill down, read-only: the school's plan page, without its office's forms.
    await rowOf(page, 'TRUONG-A').locator('th a', { hasText: 'Kế hoạch năm 2026' }).click();
    await page.waitForURL(`${portal.url}/van-phong/TRUONG-A/2026`);
    await expect(page.locator('h1').innerText()).resolves.toContain('01/KH-TRUONG-A');
    await expect(page.locator('form[action="/van-phong/TRUONG-A/2026/dot-xuat"]').count()).resolves.toBe(0);
  });

  it('a request the form cannot send is shown again with why, as typed; nothing reaches the plan', async () => {
    const client = await signInByLink(office('SO'));
    const csrf = await client.csrfOf(PAGE);
    const send = (fields: Record<string, string | string[]>) =>
      client.post(`${PAGE}/dot-xuat`, { _csrf: csrf, title: 'Số liệu nhanh', content: 'Tin bài quý I.', ...fields });
    const cases: [Record<string, string | string[]>, string][] = [
      [{ dueDate: '31/03/2026' }, 'Chọn ít nhất một cơ quan cấp dưới.'],
      [{ dueDate: '31/03/2026', units: ['TRUONG-A', 'KHTC'] }, '&quot;KHTC&quot; không phải cơ quan cấp dưới'],
      [
        { dueDate: 'ngày mai', units: 'TRUONG-A' },
        'Hạn báo cáo &quot;ngày mai&quot; không phải một ngày viết dd/MM/yyyy',
      ],
      // The plan's own validator, its dates written as the form writes them.
      [
        { dueDate: '31/13/2026', units: 'TRUONG-A' },
        'Kế hoạch không nhận yêu cầu: dueDate: &quot;31/13/2026&quot; is not a date (expected dd/MM/yyyy)',
      ],
      [{ dueDate: '20/03/2026', units: 'TRUONG-A' }, 'dueDate: 20/03/2026 is already past'],
    ];
    for (const [fields, why] of cases) {
      const res = await send(fields);
      const text = await res.text();
      expect(res.status, why).toBe(422);
      expect(text).toContain(why);
      expect(text).toContain('value="Số liệu nhanh"');
    }
    const items = (await getPlanStatus(env.client, ref('SO'))).items;
    expect(items.filter((i) => i.itemId.startsWith('report-adhoc-'))).toEqual([]);
  });

  it("the ad hoc request from two chosen schools reaches those two schools' offices, and not the others", async () => {
    const { page } = desk;
    await page.goto(`${portal.url}${PAGE}`);
    await page.check('input[name="units"][value="TRUONG-A"]');
    await page.check('input[name="units"][value="TRUONG-C"]');
    await page.fill('#sb-title', 'Số liệu tin bài về an toàn giao thông');
    await page.fill('#sb-content', 'Báo cáo số tin bài đã đăng từ đầu năm.');
    await page.fill('#sb-due', '31/03/2026');
    await page.click('form[action$="/cap-duoi/dot-xuat"] button[type=submit]');
    await page.waitForURL(`${portal.url}${PAGE}?ok=adhoc`);
    await expect(page.locator('[role="status"]').innerText()).resolves.toBe('Đã gửi yêu cầu báo cáo đột xuất.');
    const item = (await getItemStatus(env.client, ref('SO'), 'report-adhoc-1')).units.map((u) => u.unit);
    expect(item).toEqual(['TRUONG-A', 'TRUONG-C']);

    // The request goes out at once, to each chosen school's office (its submit link in the message).
    const sentTo = () =>
      sink.messages
        .filter((m) => String(m.headers.get('x-kehoach-key')).startsWith('plan-SO-2026-report-adhoc-1/'))
        .flatMap((m) => m.to);
    await expect.poll(() => new Set(sentTo()).size, { timeout: 20_000 }).toBe(2);
    expect(new Set(sentTo())).toEqual(new Set([office('TRUONG-A'), office('TRUONG-C')]));
    for (const code of ['TRUONG-B', 'TRUONG-D']) {
      expect(sentTo()).not.toContain(office(code));
      expect(sentTo()).not.toContain(head(code));
    }

    // Its column: A and C asked (not due before 31/03), B and D not.
    await expect
      .poll(async () => {
        await page.reload();
        return page.locator('thead th').count();
      })
      .toBe(4);
    await expect(page.locator('thead th').nth(3).innerText()).resolves.toMatch(
      /^Đột xuất: Số liệu tin bài về an toàn giao thông\s+hạn 31\/03\/2026$/,
    );
    const adHoc = await Promise.all(SCHOOLS.map((code) => rowOf(page, code).locator('td').nth(2).innerText()));
    expect(adHoc.map((t) => t.replace(/\s+/g, ' '))).toEqual([
      '○ Chưa đến hạn hạn 31/03/2026',
      '– Không yêu cầu',
      '○ Chưa đến hạn hạn 31/03/2026',
      '– Không yêu cầu',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'subordinates-1280');
    if (process.env.KEHOACH_SCREENSHOTS === '1') {
      mkdirSync('docs/img', { recursive: true });
      await page.locator('main').screenshot({ path: 'docs/img/subordinates-dashboard.png' });
    }
  });

  it('at 390 px: nothing scrolls sideways but the matrix in its own box, and axe-core finds nothing serious', async () => {
    // The same session, on a phone-width screen.
    const context = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 390, height: 844 },
      storageState: await desk.context.storageState(),
    });
    const page = await context.newPage();
    expect((await page.goto(`${portal.url}${PAGE}`))?.status()).toBe(200);
    await expect(page.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth)).resolves.toBeLessThanOrEqual(
      0,
    );
    // The matrix is wider than the phone: its box scrolls, and takes the keyboard's focus to do so.
    const wrap = page.locator('.table-wrap[role="region"]');
    await expect(wrap.evaluate((el) => el.scrollWidth > el.clientWidth)).resolves.toBe(true);
    await expect(wrap.getAttribute('tabindex')).resolves.toBe('0');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'subordinates-390');
    // The English page, likewise.
    await page.goto(`${portal.url}${PAGE}?lang=en`);
    await expect(page.locator('h1').innerText()).resolves.toMatch(/^Reports of the subordinate bodies, 2026/);
    await expect(rowOf(page, 'TRUONG-A').locator('td').first().innerText()).resolves.toMatch(/^✓ On time/);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it("a school's office is refused the department's page and request with the 403 page; its own has no bodies", async () => {
    const client = await signInByLink(office('TRUONG-A'));
    const page = await client.get(PAGE);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain(FORBIDDEN);
    const csrf = await client.csrfOf('/van-phong/TRUONG-A/2026/cap-duoi');
    const asked = await client.post(`${PAGE}/dot-xuat`, {
      _csrf: csrf,
      title: 'x',
      content: 'x',
      dueDate: '31/03/2026',
      units: 'TRUONG-B',
    });
    expect(asked.status).toBe(403);
    const own = await client.get('/van-phong/TRUONG-A/2026/cap-duoi');
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('Kế hoạch này không có cơ quan cấp dưới');
  });

  it("two levels: the province's office reaches the department's page from its own, and the schools' plans below", async () => {
    const client = await signInByLink(office('TINH'));
    const own = await client.get('/van-phong/TINH/2026/cap-duoi');
    const text = await own.text();
    expect(own.status).toBe(200);
    // The department: not yet due to the province (Thu 26/03); its plan, and its own subordinates' page.
    expect(text).toContain('○</span> <strong>Chưa đến hạn</strong>');
    expect(text).toContain('<a href="/van-phong/SO/2026">Kế hoạch năm 2026</a>');
    expect(text).toContain('<a href="/van-phong/SO/2026/cap-duoi">Cơ quan cấp dưới của cơ quan này</a>');
    // Its own office asks its own subordinates.
    expect(text).toContain('action="/van-phong/TINH/2026/cap-duoi/dot-xuat"');

    const below = await client.get(PAGE);
    const belowText = await below.text();
    expect(below.status).toBe(200);
    expect(belowText).toContain('1 đúng hạn · 1 muộn · 2 chưa báo cáo');
    expect(belowText).toContain('<a href="/van-phong/TRUONG-B/2026">Kế hoạch năm 2026</a>');
    // A body above reads; only the department's office asks its schools.
    expect(belowText).not.toContain('cap-duoi/dot-xuat');
    expect((await client.get('/van-phong/TRUONG-B/2026')).status).toBe(200);
    const csrf = await client.csrfOf('/van-phong/TINH/2026/cap-duoi');
    const asked = await client.post(`${PAGE}/dot-xuat`, {
      _csrf: csrf,
      title: 'x',
      content: 'x',
      dueDate: '31/03/2026',
      units: 'TRUONG-B',
    });
    expect(asked.status).toBe(403);
  });
});
