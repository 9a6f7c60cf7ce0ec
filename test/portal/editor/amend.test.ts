/**
 * Amending a running plan from the editor's draft, as the office does it: real Chromium against a real portal over
 * HTTP, a real worker on the time-skipping server. The draft is put in the portal's own store as "open the running
 * plan in the editor" leaves it (`amends: { year }`), so this test does not depend on the editor's pages.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendPlan, getPlanDefinition, getPlanStatus, startPlan } from '../../../client/plan-client.js';
import type { Plan } from '../../../domain/plan-schema.js';
import { loadDraft, saveDraft, type PlanDraftRecord } from '../../../portal/editor/draft-store.js';
import { hashPassword } from '../../../portal/passwords.js';
import { memoryPortalStore } from '../../../portal/store/memory-store.js';
import type { PortalStore } from '../../../portal/store/portal-store.js';
import { skeletonClock, skeletonPlan } from '../../fixtures/skeleton-plan.js';
import { launchChromium, screenshot } from '../../helpers/browser.js';
import { portalClient, overHttp } from '../../helpers/portal-client.js';
import { startPortal, TEST_LINK_SECRET } from '../../helpers/portal-server.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';
import { startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from '../../helpers/temporal-env.js';

const ref = { org: 'SKEL', year: 2026 };
const PAGE = '/van-phong/SKEL/soan-thao/thay-doi';
const PASSWORD = 'mat-khau-van-phong';

/** A plan as the draft holds it: the plan file's plain shape, changed by `change`. */
function rawOf(plan: Plan, change: (raw: Plan) => void = () => {}): Record<string, unknown> {
  const raw = structuredClone(plan);
  change(raw);
  return raw as unknown as Record<string, unknown>;
}

function draftOf(raw: Record<string, unknown>): PlanDraftRecord {
  return {
    raw,
    marked: [],
    source: 'running',
    amends: { year: 2026 },
    updatedAt: new Date().toISOString(),
    by: 'vanphong',
  };
}

/** Zero serious or critical accessibility violations on the page as it is now (the page's own rules, WCAG A/AA). */
async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  // axe ran its rules on this page (a check that ran nothing would pass anything).
  expect(result.passes.length).toBeGreaterThan(10);
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('the office amends the running plan: sees the difference, confirms with a note', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let store: PortalStore;
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let stopWorker: () => Promise<void>;
  let browser: Browser;
  let office: BrowserContext;

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    sink = await startSmtpSink();
    store = memoryPortalStore();
    const users = `vanphong:${await hashPassword(PASSWORD)}`;
    portal = await startPortal(env.client, { store, env: { PORTAL_USERS: users } });
    stopWorker = (await startTestWorker(env, sink, { portalBaseUrl: portal.url, linkSecret: TEST_LINK_SECRET })).stop;
    browser = await launchChromium();
    office = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const login = await office.newPage();
    await login.goto(`${portal.url}/dang-nhap`);
    await login.fill('#user', 'vanphong');
    await login.fill('#password', PASSWORD);
    await login.click('form:has(#password) button[type=submit]');
    await login.waitForURL(`${portal.url}/van-phong`);
    await login.close();
    await startPlan(env.client, skeletonPlan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
  });

  afterAll(async () => {
    await office?.close();
    await browser?.close();
    await stopWorker?.();
    await portal?.stop();
    await sink?.stop();
    await env?.teardown();
  });

  it('shows the unit added, the deadline moved and the lead changed, then amends with the note and who', async () => {
    const running = await getPlanDefinition(env.client, ref);
    await saveDraft(
      store,
      'SKEL',
      draftOf(
        rawOf(running, (p) => {
          p.units.push({ code: 'PC', name: 'Phòng Pháp chế', head: { name: 'Đỗ Thị Chế', email: 'pc@example.org' } });
          p.tasks[0]!.due = { on: '2026-03-13' };
          p.tasks[0]!.units = [
            { unit: 'TCCB', role: 'lead' },
            { unit: 'KHTC', role: 'support' },
          ];
        }),
      ),
    );
    const page = await office.newPage();
    await page.goto(`${portal.url}${PAGE}`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Điều chỉnh kế hoạch SKEL năm 2026: những gì thay đổi');
    const units = await page.locator('section:has(#diff-units)').innerText();
    expect(units).toContain('Thêm Phòng Pháp chế (PC)');
    expect(units).toContain('Trưởng đơn vị: Đỗ Thị Chế <pc@example.org>');
    const duties = await page.locator('section:has(#diff-duties)').innerText();
    expect(duties).toContain('Sửa Nhiệm vụ 3 (có hạn): Tuyên truyền cải cách thủ tục hành chính tháng 3');
    expect(duties).toContain('Hạn nộp: 06/03/2026 → 13/03/2026');
    expect(duties).toContain(
      'Chủ trì: Phòng Tổ chức cán bộ (TCCB) nhận chủ trì; Phòng Kế hoạch - Tài chính (KHTC) thôi chủ trì',
    );
    expect(duties).toContain(
      'Phối hợp: Phòng Kế hoạch - Tài chính (KHTC) nhận phối hợp; Phòng Tổ chức cán bộ (TCCB) thôi phối hợp',
    );
    // Nothing else differs, so nothing else is listed.
    await expect(page.locator('#thay-doi section').count()).resolves.toBe(2);
    await expectAccessible(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
    await screenshot(page, 'amend-01-difference');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Without a note the browser does not send the form; with one, the plan is amended.
    await expect(page.locator('#note').getAttribute('required')).resolves.toBe('');
    await page.fill('#note', 'Bổ sung Phòng Pháp chế; lùi hạn nhiệm vụ 3 theo chỉ đạo của Giám đốc');
    await page.click('form:has(#note) button[type=submit]');
    await page.waitForURL(`${portal.url}/van-phong/SKEL/2026?ok=amended`);
    await expect(page.locator('.ok[role=status]').innerText()).resolves.toContain('Đã điều chỉnh kế hoạch');

    const amended = await getPlanDefinition(env.client, ref);
    expect(amended.units.map((u) => u.code)).toEqual(['VP', 'KHTC', 'TCCB', 'PC']);
    expect(amended.tasks[0]!.due).toEqual({ on: '2026-03-13' });
    expect(amended.tasks[0]!.units).toEqual([
      { unit: 'TCCB', role: 'lead' },
      { unit: 'KHTC', role: 'support' },
    ]);
    const { amendments } = await getPlanStatus(env.client, ref);
    expect(amendments).toMatchObject([
      { version: 2, note: 'Bổ sung Phòng Pháp chế; lùi hạn nhiệm vụ 3 theo chỉ đạo của Giám đốc', by: 'vanphong' },
    ]);
    expect(amendments[0]!.changes).toEqual(['~ task-03']);
    await expect(loadDraft(store, 'SKEL')).resolves.toBeUndefined();
    // The audit trail says who amended, with the note.
    await page.goto(`${portal.url}/van-phong/SKEL/2026/nhat-ky`);
    const trail = await page.locator('tbody tr').first().innerText();
    expect(trail).toContain('v2: Bổ sung Phòng Pháp chế; lùi hạn nhiệm vụ 3 theo chỉ đạo của Giám đốc');
    expect(trail).toContain('vanphong');
    await page.close();
  });

  it('amends nothing when the running plan changed meanwhile, and shows the new difference', async () => {
    const running = await getPlanDefinition(env.client, ref);
    const addInspection = (p: Plan) =>
      p.units.push({ code: 'TTR', name: 'Thanh tra Sở', head: { name: 'Vũ Văn Tra', email: 'ttr@example.org' } });
    await saveDraft(store, 'SKEL', draftOf(rawOf(running, addInspection)));
    const page = await office.newPage();
    await page.goto(`${portal.url}${PAGE}`);
    await expect(page.locator('#thay-doi').innerText()).resolves.toContain('Thêm Thanh tra Sở (TTR)');
    await expect(page.locator('#thay-doi').innerText()).resolves.not.toContain('Hạn nộp');

    // A colleague amends the running plan from the dashboard while the page is open: the deadline moves again.
    const elsewhere = rawOf(running, (p) => {
      p.tasks[0]!.due = { on: '2026-03-20' };
    }) as unknown as Plan;
    await amendPlan(env.client, ref, { plan: elsewhere, note: 'Lùi hạn đến 20/03', by: 'dong-nghiep' });

    await page.fill('#note', 'Bổ sung Thanh tra Sở');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.click('form:has(#note) button[type=submit]'),
    ]);
    expect(answer.status()).toBe(409);
    await expect(page.locator('.error[role=alert]').innerText()).resolves.toContain(
      'Kế hoạch đang chạy hoặc bản nháp đã thay đổi từ khi trang này được mở',
    );
    // The new difference: the draft would also move the colleague's deadline back; the note is kept.
    const now = await page.locator('#thay-doi').innerText();
    expect(now).toContain('Thêm Thanh tra Sở (TTR)');
    expect(now).toContain('Hạn nộp: 20/03/2026 → 13/03/2026');
    await expect(page.inputValue('#note')).resolves.toBe('Bổ sung Thanh tra Sở');
    await screenshot(page, 'amend-02-stale');

    const status = await getPlanStatus(env.client, ref);
    expect(status.amendments.map((a) => [a.version, a.by])).toEqual([
      [2, 'vanphong'],
      [3, 'dong-nghiep'],
    ]);
    const definition = await getPlanDefinition(env.client, ref);
    expect(definition.units.map((u) => u.code)).not.toContain('TTR');
    expect(definition.tasks[0]!.due).toEqual({ on: '2026-03-20' });
    await expect(loadDraft(store, 'SKEL')).resolves.toBeDefined();

    // Confirmed again on the new difference, it goes through.
    await page.click('form:has(#note) button[type=submit]');
    await page.waitForURL(`${portal.url}/van-phong/SKEL/2026?ok=amended`);
    const last = (await getPlanStatus(env.client, ref)).amendments.at(-1);
    expect(last).toMatchObject({ version: 4, note: 'Bổ sung Thanh tra Sở', by: 'vanphong' });
    expect((await getPlanDefinition(env.client, ref)).units.map((u) => u.code)).toContain('TTR');
    await page.close();
  });

  it('says when there is nothing to compare, no change, or a draft with problems; a note is required', async () => {
    const running = await getPlanDefinition(env.client, ref);
    const page = await office.newPage();

    await saveDraft(store, 'SKEL', draftOf(rawOf(running)));
    await page.goto(`${portal.url}${PAGE}`);
    await expect(page.locator('#khong-thay-doi').innerText()).resolves.toContain('Không có thay đổi');
    await expect(page.locator('form:has(#note)').count()).resolves.toBe(0);
    await page.goto(`${portal.url}${PAGE}?lang=en`);
    await expect(page.locator('#khong-thay-doi').innerText()).resolves.toContain('No change');

    // A new plan's draft, not an amendment: nothing running to compare it with.
    await saveDraft(store, 'SKEL', { ...draftOf(rawOf(running)), amends: undefined });
    await page.goto(`${portal.url}${PAGE}`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Không có kế hoạch đang chạy để so sánh');
    await expect(page.locator('main a[href="/van-phong/SKEL/soan-thao"]').count()).resolves.toBe(1);

    await saveDraft(
      store,
      'SKEL',
      draftOf(
        rawOf(running, (p) => {
          p.units[1]!.head.email = 'khong-phai-email';
        }),
      ),
    );
    await page.goto(`${portal.url}${PAGE}`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Bản nháp chưa hợp lệ');
    await expect(page.locator('main table').innerText()).resolves.toContain('units[1].head.email');
    await expectAccessible(page);

    // A draft naming another organisation: the plan would refuse it, so the page says why and offers no button.
    await saveDraft(
      store,
      'SKEL',
      draftOf(
        rawOf(running, (p) => {
          p.organisation.code = 'KHAC';
        }),
      ),
    );
    await page.goto(`${portal.url}${PAGE}`);
    await expect(page.locator('#thay-doi').innerText()).resolves.toContain('Mã cơ quan: SKEL → KHAC');
    await expect(page.locator('.error[role=alert]').innerText()).resolves.toContain(
      'Điều chỉnh phải giữ mã cơ quan SKEL và năm 2026; bản nháp ghi mã KHAC, năm 2026.',
    );
    await expect(page.locator('form:has(#note)').count()).resolves.toBe(0);

    // A form sent without a note (no browser to stop it) is refused with the page, and nothing is amended.
    await saveDraft(
      store,
      'SKEL',
      draftOf(
        rawOf(running, (p) => {
          p.plan.title = 'Kế hoạch thử nghiệm năm 2026 (điều chỉnh)';
        }),
      ),
    );
    const client = portalClient(overHttp, portal.url);
    await client.login('vanphong', PASSWORD);
    const form = await (await client.get(PAGE)).text();
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(form)?.[1] ?? '';
    expect(form).toContain('Trích yếu: Kế hoạch thử nghiệm năm 2026 → Kế hoạch thử nghiệm năm 2026 (điều chỉnh)');
    const before = (await getPlanStatus(env.client, ref)).amendments.length;
    const refused = await client.post(PAGE, { _csrf: field('_csrf'), diffHash: field('diffHash'), note: '  ' });
    expect(refused.status).toBe(422);
    await expect(refused.text()).resolves.toContain('Hãy ghi chú lý do điều chỉnh.');
    expect((await getPlanStatus(env.client, ref)).amendments).toHaveLength(before);
    await page.close();
  });
});
