import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getItemStatus, startPlan } from '../../client/plan-client.js';
import { hashPassword } from '../../portal/passwords.js';
import { skeletonClock, skeletonPlan } from '../fixtures/skeleton-plan.js';
import { launchChromium, screenshot } from '../helpers/browser.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { startPortal, TEST_LINK_SECRET } from '../helpers/portal-server.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from '../helpers/temporal-env.js';

const ref = { org: 'SKEL', year: 2026 };
const ITEM = 'task-03';
// A 1×1 PNG: evidence a phone camera would send, in miniature.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('portal in a real browser: e-mailed link, form and receipt; office login, matrix and return with a comment', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let stopWorker: () => Promise<void>;
  let browser: Browser;
  // Links expire relative to plan time, so the portal reads the same clock as the plan.
  let planNow = new Date(skeletonClock.planStart);

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    sink = await startSmtpSink();
    const users = `vanphong:${await hashPassword('mat-khau-van-phong')}`;
    portal = await startPortal(env.client, { now: () => planNow, env: { PORTAL_USERS: users } });
    stopWorker = (await startTestWorker(env, sink, { portalBaseUrl: portal.url, linkSecret: TEST_LINK_SECRET })).stop;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stopWorker?.();
    await portal?.stop();
    await sink?.stop();
    await env?.teardown();
  });

  it('a unit head submits from the e-mailed link; the office returns it with a comment; the unit sees the comment', async () => {
    const { handle } = await startPlan(env.client, skeletonPlan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    const clock = planTimeStepper(env, skeletonClock.planStart, (await handle.describe()).startTime.getTime());
    await clock.sleepUntil('2026-03-03T10:00:00+07:00');
    planNow = new Date('2026-03-03T10:00:00+07:00');
    await sink.waitFor(2);
    const mail = sink.messages.find((m) => m.to.includes('khtc@example.org'))!;
    const link = new RegExp(`${portal.url}/nop/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+`).exec(mail.text)?.[0];
    expect(link).toBeDefined();

    const page = await browser.newPage({ viewport: { width: 412, height: 900 }, locale: 'vi-VN' });
    await page.goto(link!);
    await expect(page.locator('h1').textContent()).resolves.toBe('Tuyên truyền cải cách thủ tục hành chính tháng 3');
    const text = await page.locator('main').innerText();
    expect(text).toContain('thứ Sáu, 06/03/2026');
    expect(text).toContain('Phòng Kế hoạch - Tài chính');
    expect(text).toContain('Chưa hoàn thành, trong hạn');
    await screenshot(page, '01-unit-form');

    await page.fill('#results', 'Đã đăng 4 tin bài về cải cách thủ tục hành chính trên trang thông tin điện tử.');
    await page.fill('#shortcomings', 'Số lượt xem còn thấp.');
    await page.fill('#figure-WEBSITE', '4');
    await page.fill('#linkTitle0', 'Tin bài ngày 02/03');
    await page.fill('#linkUrl0', 'https://example.gov.vn/tin-bai/1');
    await page.setInputFiles('#files', { name: 'anh-chup.png', mimeType: 'image/png', buffer: PNG });
    await page.click('#bao-cao button[type=submit]');
    await page.waitForSelector('.ok[role=status]');
    const receipt = await page.locator('.ok[role=status]').innerText();
    expect(receipt).toContain('Đã nhận báo cáo');
    expect(receipt).toContain('lần nộp 1');
    expect(receipt).toContain('đúng hạn');
    await screenshot(page, '02-unit-receipt');

    const status = await getItemStatus(env.client, ref, ITEM);
    const khtc = status.units.find((u) => u.unit === 'KHTC')!;
    expect(khtc).toMatchObject({ phase: 'submitted', state: 'done-on-time', versions: 1 });
    expect(khtc.lastSubmission?.figures).toEqual({ WEBSITE: 4 });
    expect(khtc.lastSubmission?.evidence.map((e) => e.title)).toEqual(['Tin bài ngày 02/03', 'anh-chup.png']);

    // The office logs in (the dashboard sends it to the login page first), opens the plan and sees KHTC in green.
    const office = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await office.goto(`${portal.url}/van-phong`);
    expect(new URL(office.url()).pathname).toBe('/dang-nhap');
    await office.fill('#user', 'vanphong');
    await office.fill('#password', 'mat-khau-van-phong');
    await office.click('form:has(#password) button[type=submit]');
    await office.waitForURL(`${portal.url}/van-phong`);
    await screenshot(office, '03-office-plans');
    // The test server cannot search workflows: the dashboard says so and the plan opens by code and year.
    await expect(office.locator('main').innerText()).resolves.toContain('Máy chủ Temporal không hỗ trợ tìm kiếm');
    await office.fill('#org', 'SKEL');
    await office.fill('#year', '2026');
    await office.click('form[action="/van-phong/mo"] button');
    await office.waitForURL(`${portal.url}/van-phong/SKEL/2026`);
    await office.waitForSelector('table');
    const cell = (unit: string) =>
      office
        .locator('tr', { has: office.locator(`th:text-is("${unit}")`) })
        .locator('td')
        .first();
    await expect(cell('Phòng Kế hoạch - Tài chính').getAttribute('class')).resolves.toContain('s-done-on-time');
    await expect(cell('Phòng Tổ chức cán bộ').getAttribute('class')).resolves.toContain('s-pending-in-time');
    const temporalHref = await office.locator('th a:text-is("Temporal")').first().getAttribute('href');
    expect(temporalHref).toBe('http://localhost:8233/namespaces/default/workflows/plan-SKEL-2026-task-03');
    await screenshot(office, '04-office-matrix');

    // It returns KHTC's report with a comment.
    await office.click('thead a:text-is("Tuyên truyền cải cách thủ tục hành chính tháng 3")');
    await office.fill('#comment-KHTC', 'Đề nghị bổ sung số lượt xem của từng tin bài.');
    await office.click('form:has(#comment-KHTC) button[value=return]');
    await office.waitForSelector('.ok[role=status]');
    await screenshot(office, '05-office-item-returned');
    expect((await getItemStatus(env.client, ref, ITEM)).units.find((u) => u.unit === 'KHTC')?.phase).toBe('returned');

    // The matrix changes: returned means not done, still in time (blue).
    await office.goto(`${portal.url}/van-phong/SKEL/2026`);
    await expect(cell('Phòng Kế hoạch - Tài chính').getAttribute('class')).resolves.toContain('s-pending-in-time');
    await expect(cell('Phòng Kế hoạch - Tài chính').innerText()).resolves.toContain('Trả lại để bổ sung');

    // The unit's page shows the office's comment and takes a new version.
    await page.goto(link!);
    await expect(page.locator('blockquote').first().innerText()).resolves.toContain(
      'Đề nghị bổ sung số lượt xem của từng tin bài.',
    );
    await expect(page.locator('#bao-cao button[type=submit]').innerText()).resolves.toBe('Nộp bản mới');
    await expect(page.inputValue('#results')).resolves.toContain('Đã đăng 4 tin bài');
    await screenshot(page, '06-unit-returned');

    // The revision starts from version 1 (text, figures, links and files) and arrives as version 2.
    await page.fill('#shortcomings', 'Tổng 1.250 lượt xem; tin bài ngày 02/03 đạt 600 lượt.');
    await page.click('#bao-cao button[type=submit]');
    await page.waitForSelector('.ok[role=status]');
    await expect(page.locator('.ok[role=status]').innerText()).resolves.toContain('lần nộp 2');
    const v2 = (await getItemStatus(env.client, ref, ITEM)).units.find((u) => u.unit === 'KHTC')!;
    expect(v2).toMatchObject({ phase: 'submitted', versions: 2 });
    expect(v2.lastSubmission?.evidence.map((e) => e.title)).toEqual(['Tin bài ngày 02/03', 'anh-chup.png']);
    expect(v2.lastSubmission?.figures).toEqual({ WEBSITE: 4 });
    await office.close();
    await page.close();
  });
});
