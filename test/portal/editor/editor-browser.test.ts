/**
 * A plan written from nothing in the portal's editor, in real Chromium, against a real dev server (its visibility
 * lists the workflows) with the worker and a real SMTP sink: header typed, a unit row added by keyboard, a task with
 * its opening picked in the calendar and its deadline typed dd/MM/yyyy, a bad e-mail flagged as it is typed and
 * fixed, a reload that keeps everything, the YAML download that `parsePlanText` accepts, then the plan started and
 * its items on its page and in Temporal. `KEHOACH_SCREENSHOTS=1` also writes docs/img/editor.png and editor-phone.png.
 */
import { readFileSync } from 'node:fs';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../domain/plan-file.js';
import { hashPassword } from '../../../portal/passwords.js';
import { launchChromium } from '../../helpers/browser.js';
import { untilCounted } from '../../helpers/listed-workflows.js';
import { startPortal } from '../../helpers/portal-server.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';
import { startLocalEnv, startTestWorker } from '../../helpers/temporal-env.js';

const ADMIN = { user: 'quantri', password: 'mat-khau-quan-tri-soan-thao' };
const ORG = 'SOAN-THU';
const SHOTS = process.env.KEHOACH_SCREENSHOTS === '1';

/*
 * The plan runs on real time, so its dates come from today (Asia/Ho_Chi_Minh): the task opened 40 days ago (60 in
 * late December, so its deadline stays in the year) and falls due 10 days after; the year is the opening's.
 */
const today = DateTime.now().setZone('Asia/Ho_Chi_Minh').startOf('day');
const back = today.minus({ days: 40 }).month === 12 && today.minus({ days: 40 }).day > 15 ? 60 : 40;
const opens = today.minus({ days: back });
const due = opens.plus({ days: 10 });
const YEAR = opens.year;
const shown = (d: DateTime) => d.toFormat('dd/MM/yyyy');

let env: TestWorkflowEnvironment;
let sink: SmtpSink;
let stopWorker: () => Promise<void>;
let portal: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;

beforeAll(async () => {
  env = await startLocalEnv();
  sink = await startSmtpSink();
  stopWorker = (await startTestWorker(env, sink)).stop;
  portal = await startPortal(env.client, {
    env: { PORTAL_USERS: `${ADMIN.user}:${await hashPassword(ADMIN.password)}` },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await stopWorker?.();
  await sink?.stop();
  await env?.teardown();
});

/** Types into the field named by its plan path (its id is the path's `f-…` form). */
const id = (path: string) => `#f-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
async function type(page: Page, path: string, text: string) {
  await page.locator(id(path)).fill(text);
}

/** Presses a row or section button by keyboard: focus it, then Enter; the page comes back at the row. */
async function pressByKeyboard(page: Page, op: string) {
  const button = page.locator(`button[name=op][value="${op}"]`);
  await button.focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

describe('the plan editor in a real browser', () => {
  it('writes a plan from nothing, checks it as one types, keeps it across a reload, downloads and starts it', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${portal.url}/dang-nhap`);
    await page.fill('#user', ADMIN.user);
    await page.fill('#password', ADMIN.password);
    await page.locator('#password').press('Enter');
    await page.waitForURL(/\/van-phong/);

    await page.goto(`${portal.url}/van-phong/${ORG}/soan-thao`);
    await expect(page.locator(id('organisation.code')).inputValue()).resolves.toBe(ORG);
    // The header as the signed document has it.
    await type(page, 'organisation.name', 'Trường Trung học phổ thông Soạn Thử');
    await type(page, 'organisation.parentBody', 'Sở Giáo dục và Đào tạo');
    await type(page, 'organisation.placeName', 'Cần Thơ');
    await type(page, 'organisation.symbol', 'THPTST');
    await type(page, 'plan.number', '12/KH-THPTST');
    await type(page, 'plan.signedOn', `01/01/${YEAR}`);
    await type(page, 'plan.title', `Tuyên truyền cải cách hành chính năm ${YEAR}`);
    await type(page, 'plan.year', String(YEAR));
    await type(page, 'office.name', 'Tổ Văn phòng');
    await type(page, 'office.email', 'vanphong.st@example.org');
    await type(page, 'director.name', 'Nguyễn Thị Hiệu');

    // Two unit rows, added by keyboard: the page comes back at the new row, its first field focused.
    await pressByKeyboard(page, 'units.add');
    expect(new URL(page.url()).hash).toBe('#r-units-0');
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.id')).toBe('f-units-0-code');
    await page.keyboard.type('VP');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Tổ Văn phòng');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Trần Văn Phòng');
    await type(page, 'units[0].head.email', 'vanphong.st@example.org');
    await pressByKeyboard(page, 'units.add');
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.id')).toBe('f-units-1-code');
    await page.keyboard.type('TOAN');
    await type(page, 'units[1].name', 'Tổ Toán - Tin');
    await type(page, 'units[1].head.name', 'Lê Thị Toán');
    await type(page, 'units[1].head.email', 'totoan.st@example.org');
    await page.locator('button[name=op][value="forms.add"]').click();
    await type(page, 'forms[0].code', 'WEBSITE');
    await type(page, 'forms[0].title', 'Trang thông tin điện tử của nhà trường');
    // The office's unit is chosen from the units typed.
    await page.locator(id('office.unit')).selectOption('VP');

    // A dated task: its opening picked in the calendar by keyboard, its deadline typed.
    await page.locator('button[name=op][value="tasks.add"]').click();
    await expect(page.locator(id('tasks[0].number')).inputValue()).resolves.toBe('1');
    await type(page, 'tasks[0].title', 'Đăng tin về thủ tục tuyển sinh trực tuyến');
    await type(page, 'tasks[0].content', 'Đăng tải tin, bài hướng dẫn phụ huynh nộp hồ sơ tuyển sinh trực tuyến.');
    await page.locator('button[name=op][value="tasks[0].units.add"]').click();
    await page.locator(id('tasks[0].units[0].unit')).selectOption('TOAN');
    await expect(page.locator(id('tasks[0].units[0].role')).inputValue()).resolves.toBe('lead');
    await page.getByLabel('WEBSITE – Trang thông tin điện tử của nhà trường').check();
    await page.locator(`${id('tasks[0].opensOn')} ~ button.pick`).click();
    await page.locator('.picker:popover-open calendar-date').waitFor();
    await expect.poll(() => page.evaluate<boolean>("!!document.activeElement?.closest('.picker')")).toBe(true);
    // The calendar opens on today: back `back` days, a week (arrow up) and a day (arrow left) at a time.
    // Each key moves the calendar's focus once it has drawn the last move (a new month draws anew): wait for it.
    await page.evaluate(`document.querySelector('.picker:popover-open calendar-date').addEventListener('focusday',
      (e) => { document.body.dataset.focusedDay = e.detail.toISOString().slice(0, 10); })`);
    const moves: [string, number][] = [
      ...Array.from({ length: Math.floor(back / 7) }, (): [string, number] => ['ArrowUp', 7]),
      ...Array.from({ length: back % 7 }, (): [string, number] => ['ArrowLeft', 1]),
    ];
    let at = today;
    for (const [key, days] of moves) {
      await page.keyboard.press(key);
      at = at.minus({ days });
      await expect.poll(() => page.locator('body').getAttribute('data-focused-day')).toBe(at.toISODate());
      // …and the day's button has the keyboard focus (it is drawn after the event).
      await expect
        .poll(() => page.evaluate<string | undefined>('document.activeElement?.shadowRoot?.activeElement?.textContent'))
        .toBe(String(at.day));
    }
    await page.keyboard.press('Enter');
    await expect(page.locator(id('tasks[0].opensOn')).inputValue()).resolves.toBe(shown(opens));
    await page.locator(id('tasks[0].due')).selectOption('on');
    await type(page, 'tasks[0].due.on', shown(due));

    // A bad e-mail is flagged at its field as it is typed, then fixed.
    await page.locator(id('director.email')).pressSequentially('giamdoc-at-example.org');
    const error = page.locator('#e-director-email');
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toContain('không phải là địa chỉ e-mail hợp lệ');
    await expect(page.locator(id('director.email')).getAttribute('aria-invalid')).resolves.toBe('true');
    if (SHOTS) {
      // From the top, so the sticky toolbar is drawn where it starts.
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: 'docs/img/editor.png', fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: 'docs/img/editor-phone.png', fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await page.locator(id('director.email')).fill('hieutruong.st@example.org');
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toBe('');
    await expect(page.locator(id('director.email')).getAttribute('aria-invalid')).resolves.toBeNull();
    await expect
      .poll(() => page.locator('#tom-tat-body').textContent(), { timeout: 10_000 })
      .toContain('Bản nháp hợp lệ');

    // A reload keeps everything (the draft was saved as it was typed).
    await page.reload();
    await expect(page.locator(id('director.email')).inputValue()).resolves.toBe('hieutruong.st@example.org');
    await expect(page.locator(id('units[1].code')).inputValue()).resolves.toBe('TOAN');
    await expect(page.locator(id('tasks[0].opensOn')).inputValue()).resolves.toBe(shown(opens));
    await expect(page.locator(id('tasks[0].due.on')).inputValue()).resolves.toBe(shown(due));
    await expect(page.locator(id('office.unit')).inputValue()).resolves.toBe('VP');

    // The YAML download is a plan file `kehoach plan validate` accepts, with everything typed.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('Tải tệp YAML').click()]);
    expect(download.suggestedFilename()).toBe(`${ORG}-${YEAR}.yaml`);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${portal.url}/tai-nguyen/plan.schema.json`);
    const parsed = parsePlanText(text, download.suggestedFilename(), 'vi');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.plan.units.map((u) => [u.code, u.head.email])).toEqual([
      ['VP', 'vanphong.st@example.org'],
      ['TOAN', 'totoan.st@example.org'],
    ]);
    expect(parsed.plan.tasks[0]).toMatchObject({
      number: 1,
      opensOn: opens.toISODate(),
      due: { on: due.toISODate() },
      forms: ['WEBSITE'],
      units: [{ unit: 'TOAN', role: 'lead' }],
    });
    expect(parsed.plan.director.email).toBe('hieutruong.st@example.org');

    // The draft's year at a glance, from the editor's link: the task's opening and deadline on their days.
    await Promise.all([
      page.waitForURL(/\/soan-thao\/lich$/),
      page.getByRole('link', { name: 'Xem lịch năm' }).click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toContain(String(YEAR));
    await expect(page.locator('main').innerText()).resolves.toContain('Đăng tin về thủ tục tuyển sinh trực tuyến');
    await page.goBack();

    // Started: the plan's page with its task, the draft gone, the workflows listed by Temporal's visibility.
    await Promise.all([
      page.waitForURL(new RegExp(`/van-phong/${ORG}/${YEAR}\\?ok=started`)),
      page.getByRole('button', { name: 'Khởi động kế hoạch' }).click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toContain('12/KH-THPTST');
    await expect(page.locator('main').innerText()).resolves.toContain('Đã khởi động kế hoạch.');
    await untilCounted(env.client, `KhOrg="${ORG}" AND KhYear=${YEAR} AND ExecutionStatus="Running"`, 2);
    const item = await env.client.workflow.getHandle(`plan-${ORG}-${YEAR}-task-01`).describe();
    expect(item.status.name).toBe('RUNNING');
    await page.reload();
    await expect(page.locator('main').innerText()).resolves.toContain('Đăng tin về thủ tục tuyển sinh trực tuyến');
    await page.goto(`${portal.url}/van-phong/${ORG}/soan-thao`);
    await expect(page.locator(id('plan.number')).inputValue()).resolves.toBe('');
    // The running plan opens in the editor from its page, to be amended.
    await page.goto(`${portal.url}/van-phong/${ORG}/${YEAR}`);
    await Promise.all([page.waitForURL(/\/soan-thao$/), page.getByRole('link', { name: 'Sửa kế hoạch' }).click()]);
    await expect(page.locator(id('plan.number')).inputValue()).resolves.toBe('12/KH-THPTST');
    await expect(page.getByRole('link', { name: 'Xem khác biệt và xác nhận điều chỉnh' }).count()).resolves.toBe(1);
    await context.close();
  });
});
