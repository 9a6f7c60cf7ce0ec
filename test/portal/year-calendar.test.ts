/**
 * The running plan's year calendar (`/van-phong/:org/:year/lich-nam`, issue #17): a plan across Tết and 30/4–1/5
 * started on the time-skipping server with a real worker and SMTP sink, people signed in by their e-mailed link in
 * real Chromium. The office sees the year with today (the plan's own date) marked and what has happened coloured; a
 * foreign office is refused; at 390 px the page does not scroll sideways and axe-core finds nothing serious.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  extendDeadline,
  getPlanStatus,
  requestAdHocReport,
  startPlan,
  submitReport,
  updateCalendar,
} from '../../client/plan-client.js';
import { officialYear } from '../../domain/official-calendar.js';
import { planSchema } from '../../domain/plan-schema.js';
import { planYearCalendar } from '../../domain/year-calendar.js';
import { normalEmail, type People, type Role } from '../../portal/access/roles.js';
import { yearCalendarSection } from '../../portal/pages/year-calendar-section.js';
import { skeletonClock } from '../fixtures/skeleton-plan.js';
import { yearCalendarPlan, yearCalendarPlanInput } from '../fixtures/year-calendar-plan.js';
import { signInInBrowser } from '../helpers/browser-sign-in.js';
import { launchChromium, screenshot } from '../helpers/browser.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { startPortal, TEST_LINK_SECRET } from '../helpers/portal-server.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from '../helpers/temporal-env.js';

const ref = { org: 'LICH', year: 2026 };
const PAGE = '/van-phong/LICH/2026/lich-nam';
const OFFICE = 'vanphong.lich@example.org';
const FOREIGN = 'vanphong.khac@example.org';
const ROLES = new Map<string, Role[]>([
  [OFFICE, [{ kind: 'office', org: 'LICH' }]],
  [FOREIGN, [{ kind: 'office', org: 'KHAC' }]],
]);
const people: People = { rolesOf: (email) => Promise.resolve(ROLES.get(normalEmail(email)) ?? []) };
/** A day off the province added to the approved 2026 calendar, uploaded to the running plan. */
const EXTRA_DAY = { date: '2026-06-12', kind: 'off' as const, name: 'Nghỉ thử nghiệm theo thông báo của tỉnh' };

describe('year calendar of a running plan (time-skipping server, real worker, Chromium)', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let stopWorker: () => Promise<void>;
  let browser: Browser;
  /** The portal's clock is the test server's (which skips ahead), as a deployment's is the Temporal server's. */
  let serverNow = new Date();

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    sink = await startSmtpSink();
    portal = await startPortal(env.client, {
      now: () => serverNow,
      people,
      env: { SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), SMTP_POOL: 'false' },
    });
    stopWorker = (await startTestWorker(env, sink, { portalBaseUrl: portal.url, linkSecret: TEST_LINK_SECRET })).stop;
    browser = await launchChromium();
    // Plan time starts Sun 01/03 07:00: task-01 (due 23/02) and report M02 (units due 26/02) open late, on catch-up.
    const { handle } = await startPlan(env.client, yearCalendarPlan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    const clock = planTimeStepper(env, skeletonClock.planStart, (await handle.describe()).startTime.getTime());
    await clock.sleepUntil('2026-03-02T09:00:00+07:00');
    // KHTC sends its M02 report on Mon 02/03, after its deadline (done late); TCCB and VP have not (overdue).
    await submitReport(env.client, ref, 'report-M02', {
      unit: 'KHTC',
      submittedBy: 'Trần Thị Kế',
      results: 'Tháng 2.',
    });
    await updateCalendar(env.client, ref, [
      {
        ...officialYear(2026),
        source: 'Thông báo thử nghiệm 03/TB-UBND',
        days: [...officialYear(2026).days, EXTRA_DAY],
      },
    ]);
    await clock.sleepUntil('2026-03-03T10:00:00+07:00');
    serverNow = new Date(await env.currentTimeMs());
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopWorker?.();
    await portal?.stop();
    await sink?.stop();
    await env?.teardown();
  });

  /** A browser of its own, signed in as `email` by the link the portal mails (ask, open, confirm). */
  async function signedIn(email: string, width: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signInInBrowser(page, portal.url, sink, email);
    return { context, page };
  }

  /** The day cell of `dd/MM/yyyy` (its screen-reader text starts with the weekday and the date). */
  const cell = (page: Page, date: string) =>
    page.locator('td.yc-d', { has: page.locator('.sr-only', { hasText: `, ${date}` }) });

  it('the office sees the year: events on their days with their rules, today marked, states coloured', async () => {
    // The plan last woke before today: its status's clock lags, the calendar's today does not.
    expect((await getPlanStatus(env.client, ref)).now < '2026-03-03').toBe(true);
    const { context, page } = await signedIn(OFFICE, 1280);
    const res = await page.goto(`${portal.url}${PAGE}`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').innerText()).resolves.toBe(
      'Lịch năm 2026 – 02/KH-SGDĐT: Tuyên truyền cải cách hành chính năm 2026',
    );
    const main = await page.locator('main').innerText();
    expect(main).toContain('Hôm nay (theo đồng hồ của kế hoạch): thứ Ba, 03/03/2026');
    expect(main).toContain('Danh sách các mốc');
    await expect(page.locator('details.hint li').allTextContents()).resolves.toContain(
      'Năm 2026: Thông báo thử nghiệm 03/TB-UBND',
    );
    // Every date of this plan is on an approved (or uploaded) calendar: no provisional warning.
    expect(main).not.toContain('lịch tạm tính');
    expect(await page.locator('caption').allInnerTexts()).toEqual(
      Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}/2026`),
    );
    expect(await page.locator('.yc-t thead th').first().innerText()).toBe('T2');

    // Today: one cell, marked for eyes (its class: a thick border) and for screen readers (aria-current, "hôm nay").
    const today = page.locator('td[aria-current="date"]');
    await expect(today.count()).resolves.toBe(1);
    await expect(today.locator('.sr-only').innerText()).resolves.toMatch(/^thứ Ba, 03\/03\/2026, hôm nay/);
    await expect(today.getAttribute('class')).resolves.toContain('yc-today');
    await expect(cell(page, '02/03/2026').getAttribute('class')).resolves.toContain('yc-past');

    // Tết: the days off named; the task's deadline moved to Mon 23/02, overdue for KHTC, with the rule on hover.
    await expect(cell(page, '17/02/2026').getAttribute('class')).resolves.toContain('k-holiday');
    await expect(cell(page, '17/02/2026').getAttribute('title')).resolves.toBe('Nghỉ: Tết Nguyên đán Bính Ngọ');
    const due = cell(page, '23/02/2026');
    await expect(due.getAttribute('title')).resolves.toContain(
      'Hạn 20/02/2026 rơi vào thứ Sáu, ngày nghỉ: Tết Nguyên đán Bính Ngọ; chuyển sang thứ Hai, 23/02/2026',
    );
    await expect(due.locator('.yc-ms .yc-mk', { hasText: /^H$/ }).getAttribute('class')).resolves.toContain(
      't-overdue',
    );
    await expect(due.locator('.sr-only').innerText()).resolves.toContain(
      'Đến hạn hôm nay: Tuyên truyền đón Tết Bính Ngọ – Phòng Kế hoạch - Tài chính (Quá hạn)',
    );
    // 30/4: the office's M04 deadline on Mon 04/05, not yet open (no state, no colour).
    const officeDue = cell(page, '04/05/2026');
    await expect(officeDue.getAttribute('title')).resolves.toContain(
      'Hạn 30/04/2026 rơi vào thứ Năm, ngày nghỉ: Ngày Chiến thắng 30/4; chuyển sang thứ Hai, 04/05/2026',
    );
    await expect(officeDue.locator('.yc-ms .yc-mk', { hasText: /^TH$/ }).getAttribute('class')).resolves.toBe('yc-mk');
    await expect(cell(page, '30/04/2026').getAttribute('class')).resolves.toContain('k-holiday');
    await expect(cell(page, '10/01/2026').getAttribute('class')).resolves.toContain('k-working-saturday');
    // The day the office uploaded, read from the plan's own calendar.
    await expect(cell(page, '12/06/2026').getAttribute('title')).resolves.toBe(`Nghỉ: ${EXTRA_DAY.name}`);
    await expect(cell(page, '12/06/2026').getAttribute('class')).resolves.toContain('k-holiday');

    // M02 by unit: KHTC sent late (done late), TCCB did not (overdue); in the list with dates dd/MM/yyyy.
    const list = page.locator('ul.yc-list li', { hasText: 'Đến hạn hôm nay: Báo cáo tháng 02 2026' });
    const dueLines = await list.allInnerTexts();
    expect(dueLines.find((l) => l.includes('Phòng Kế hoạch - Tài chính'))).toContain('(Hoàn thành quá hạn)');
    expect(dueLines.find((l) => l.includes('Phòng Tổ chức cán bộ'))).toContain('(Quá hạn)');
    expect(dueLines[0]).toMatch(/^thứ Năm, 26\/02\/2026/);

    // Tapping (or Enter on) a day opens its disclosure with every action and its rule: no script needed.
    await due.locator('summary').focus();
    await page.keyboard.press('Enter');
    const pop = due.locator('.yc-pop');
    await expect(pop.isVisible()).resolves.toBe(true);
    await expect(pop.innerText()).resolves.toContain('Căn cứ: Hạn theo kế hoạch: 20/02/2026.');
    // Desktop: three or four months a row.
    const tops = await page.locator('.yc-month').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect([3, 4]).toContain(tops.filter((t) => t === tops[0]).length);
    await screenshot(page, 'year-calendar-desktop');
    if (process.env.KEHOACH_SCREENSHOTS === '1') {
      mkdirSync('docs/img', { recursive: true });
      await page.locator('.yc-months').screenshot({ path: 'docs/img/year-calendar.png' });
    }

    // The way back to the plan, and the plan page's way here.
    await page.click(`main a[href="/van-phong/LICH/2026"]`);
    await page.waitForURL(`${portal.url}/van-phong/LICH/2026`);
    await page.click(`main a[href="${PAGE}"]`);
    await page.waitForURL(`${portal.url}${PAGE}`);
    await context.close();
  });

  it('at 390 px: months stack, nothing scrolls sideways, a day opens in place, axe-core finds nothing serious', async () => {
    const { context, page } = await signedIn(OFFICE, 390);
    await page.goto(`${portal.url}${PAGE}`);
    // The page's width beyond the viewport: what would scroll sideways.
    const overflow = () => page.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    const lefts = await page.locator('.yc-month').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
    expect(new Set(lefts).size).toBe(1);
    // Open the busiest days (their disclosures lie over the month), then look again.
    await cell(page, '27/02/2026').locator('summary').click();
    await cell(page, '04/05/2026').locator('summary').click();
    await expect(cell(page, '27/02/2026').locator('.yc-pop').isVisible()).resolves.toBe(true);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).analyze();
    // axe ran its rules on the page (a run that checked nothing would find nothing too).
    expect(results.passes.length).toBeGreaterThan(10);
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    await cell(page, '04/05/2026').locator('summary').click();
    await screenshot(page, 'year-calendar-390');
    // The English page, likewise.
    await page.goto(`${portal.url}${PAGE}?lang=en`);
    await expect(page.locator('h1').innerText()).resolves.toMatch(/^Year calendar 2026/);
    await expect(page.locator('caption').first().innerText()).resolves.toBe('January 2026');
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    const en = await new AxeBuilder({ page }).analyze();
    expect(en.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await context.close();
  });

  it('a foreign office is refused with the 403 page; a plan that is not there is a 404 page', async () => {
    const { context, page } = await signedIn(FOREIGN, 1280);
    const refused = await page.goto(`${portal.url}${PAGE}`);
    expect(refused?.status()).toBe(403);
    await expect(page.locator('main').innerText()).resolves.toContain('Không có quyền');
    await context.close();
    const office = await signedIn(OFFICE, 1280);
    const missing = await office.page.goto(`${portal.url}/van-phong/LICH/2025/lich-nam`);
    expect(missing?.status()).toBe(404);
    await office.context.close();
  });

  it('what the year changed: an extended deadline and an ad hoc report on their days, the planned deadline saying where it went', async () => {
    const by = OFFICE;
    await extendDeadline(env.client, ref, 'report-M02', {
      unit: 'TCCB',
      newDate: '2026-03-06',
      reason: 'Chờ số liệu',
      by,
    });
    const { itemId } = await requestAdHocReport(env.client, ref, {
      title: 'Báo cáo đột xuất về tin giả',
      content: 'Tình hình xử lý tin giả',
      units: ['KHTC'],
      dueDate: '2026-03-13',
      by,
    });
    await expect
      .poll(async () => (await getPlanStatus(env.client, ref)).items.find((i) => i.itemId === itemId)?.phase)
      .toBe('running');
    const { context, page } = await signedIn(OFFICE, 1280);
    await page.goto(`${portal.url}${PAGE}`);
    await expect(cell(page, '06/03/2026').getAttribute('title')).resolves.toContain('Văn phòng gia hạn từ 26/02/2026');
    await expect(cell(page, '26/02/2026').getAttribute('title')).resolves.toContain('Đã gia hạn đến 06/03/2026.');
    const lines = await page.locator('ul.yc-list li').allInnerTexts();
    expect(lines.find((l) => l.includes('Hạn mới (gia hạn): Báo cáo tháng 02 2026'))).toMatch(
      /^thứ Sáu, 06\/03\/2026.*Phòng Tổ chức cán bộ/s,
    );
    expect(lines.find((l) => l.includes('Hạn gửi báo cáo đột xuất: Báo cáo đột xuất về tin giả'))).toMatch(
      /^thứ Sáu, 13\/03\/2026.*Phòng Kế hoạch - Tài chính/s,
    );
    expect(lines.find((l) => l.includes('Đề nghị báo cáo đột xuất: Báo cáo đột xuất về tin giả'))).toMatch(
      /^thứ Ba, 03\/03\/2026/,
    );
    await context.close();
  });
});

describe('yearCalendarSection: the markup, without a server', () => {
  // Due Thu 31/12/2026: its overdue notice and escalations fall in January 2027, a computed (provisional) year.
  const december = planSchema().parse({
    ...yearCalendarPlanInput,
    tasks: [{ ...yearCalendarPlanInput.tasks[0]!, title: 'Tin <script>alert(1)</script> & "Tết"' }],
    recurringTasks: [{ ...yearCalendarPlanInput.recurringTasks[0]!, from: '2026-12', to: '2026-12', due: { day: 31 } }],
  });

  it('a table per month with its caption and weekday headings, a disclosure per busy day, the list by month', async () => {
    const markup = String(await yearCalendarSection(planYearCalendar(december, 'vi', { today: '2026-02-24' }), 'vi'));
    const tables = markup.split('<table class="yc-t">').slice(1);
    expect(tables).toHaveLength(13);
    for (const t of tables) expect(t.match(/<th scope="col">/g)).toHaveLength(7);
    expect(markup).toContain('Tháng 1/2027 (ngoài năm kế hoạch)');
    expect(markup).toContain('<blockquote role="note">Lịch năm 2027 là lịch tạm tính');
    expect(markup.match(/aria-current="date"/g)).toHaveLength(1);
    // Titles are text, never markup.
    expect(markup).not.toContain('<script>');
    expect(markup).toContain('Tin &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Tết&quot;');
    // The list: a heading per month that has actions, each action with its date dd/MM/yyyy and its rule.
    const list = markup.slice(markup.indexOf('Danh sách các mốc'));
    expect([...list.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual([
      'Tháng 2/2026',
      'Tháng 3/2026',
      'Tháng 4/2026',
      'Tháng 5/2026',
      'Tháng 12/2026',
      'Tháng 1/2027 (ngoài năm kế hoạch)',
    ]);
    expect(list).toContain('<time datetime="2027-01-04">thứ Hai, 04/01/2027</time>');
    expect(list).toContain('<em>(lịch tạm tính, có thể thay đổi)</em>');
    // Each day with actions opens without script; a day without any is a plain cell.
    const cellOf = (date: string) => {
      const at = markup.indexOf(`<span class="sr-only">${date}`);
      return markup.slice(markup.lastIndexOf('<td', at), markup.indexOf('</td>', at));
    };
    const busy = cellOf('thứ Hai, 23/02/2026,');
    expect(busy).toContain('<details>');
    expect(busy).toContain('<summary>');
    expect(busy).toContain('title="Nhắc hạn: Báo cáo tháng 02 2026');
    const quiet = cellOf('thứ Ba, 10/03/2026,');
    expect(quiet).toMatch(/^<td class="yc-d k-working"\s*>/);
    expect(quiet).not.toContain('<details>');
    expect(quiet).toContain('thứ Ba, 10/03/2026, không có mốc');
  });
});
