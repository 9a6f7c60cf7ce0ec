/**
 * What the two accessibility test files run, one at a desktop width and one at a phone's 390 px (split to keep each
 * file short): axe-core in real Chromium on the plan editor (empty, with problems at their fields, a whole plan with
 * a date picker open) and the draft's year calendar, with no serious or critical violation. The portal runs for real
 * (its editor needs no Temporal server: nothing is started), signed in as an administrator with a password.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { Client } from '@temporalio/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { saveDraft, type PlanDraftRecord } from '../../../portal/editor/draft-store.js';
import { hashPassword } from '../../../portal/passwords.js';
import { memoryPortalStore } from '../../../portal/store/memory-store.js';
import { launchChromium } from '../../helpers/browser.js';
import { startPortal } from '../../helpers/portal-server.js';

const ADMIN = { user: 'quantri', password: 'mat-khau-quan-tri-axe' };

/** The serious and critical violations on the page, each with where it is, for the failure message. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A draft as the store keeps it, with one field marked for the clerk (as a signed document's reader leaves it). */
const draft = (raw: Record<string, unknown>): PlanDraftRecord => ({
  raw,
  marked: [{ field: 'plan.signedOn', reason: 'Không đọc được ngày ký' }],
  source: 'document',
  updatedAt: '2026-03-02T03:00:00.000Z',
  by: 'vanphong@example.org',
});

/** The checks at one screen size: a portal and a browser of its own, the same pages in the same states. */
export function editorA11ySuite(w: { name: string; width: number; height: number }): void {
  describe(`the editor pages have no serious or critical accessibility violation (${w.name})`, () => {
    let browser: Browser;
    let portal: Awaited<ReturnType<typeof startPortal>>;
    const store = memoryPortalStore();

    beforeAll(async () => {
      // A lazy client: no route of these pages calls Temporal.
      portal = await startPortal(new Client(), {
        store,
        env: { PORTAL_USERS: `${ADMIN.user}:${await hashPassword(ADMIN.password)}` },
      });
      browser = await launchChromium();
      const demo = parse(readFileSync('plans/demo.yaml', 'utf8')) as Record<string, unknown>;
      await saveDraft(store, 'DEMO-SGDDT', draft(demo));
      const broken = structuredClone(demo);
      broken.organisation = { ...(broken.organisation as object), code: 'LOI' };
      (broken.units as Record<string, unknown>[])[1] = { code: 'khtc', name: '', head: { email: 'khtc-at-example' } };
      (broken.tasks as Record<string, unknown>[])[0]!.opensOn = '2026-04-31';
      (broken.plan as Record<string, unknown>).year = 'hai nghìn';
      await saveDraft(store, 'LOI', draft(broken));
    });

    afterAll(async () => {
      await browser?.close();
      await portal?.stop();
    });

    it(`at ${w.width} px: empty, with problems, a whole plan, the year calendar`, async () => {
      // AxeBuilder opens a page of its own in the page's context: a context of our own, not browser.newPage's.
      const context = await browser.newContext({
        viewport: { width: w.width, height: w.height },
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      const page = await context.newPage();
      await page.goto(`${portal.url}/dang-nhap`);
      await page.fill('#user', ADMIN.user);
      await page.fill('#password', ADMIN.password);
      await page.locator('#password').press('Enter');
      await page.waitForURL(/\/van-phong/);

      // Empty: a new organisation's blank draft.
      await page.goto(`${portal.url}/van-phong/MOI/soan-thao`);
      await expect(page.locator('h1').textContent()).resolves.toContain('MOI');
      expect(await violations(page)).toEqual([]);
      // With problems at their fields, after "Check".
      await page.goto(`${portal.url}/van-phong/LOI/soan-thao?kiem-tra=1`);
      await expect(page.locator('#e-units-1-head-email').textContent()).resolves.toContain('e-mail');
      await expect(page.locator('#f-units-1-head-email').getAttribute('aria-invalid')).resolves.toBe('true');
      expect(await violations(page)).toEqual([]);
      // A whole plan, with a date picker open.
      await page.goto(`${portal.url}/van-phong/DEMO-SGDDT/soan-thao`);
      await expect(page.locator('#f-plan-signedOn').inputValue()).resolves.toBe('05/01/2026');
      // Nothing wider than the screen: tables stack (phone) or scroll inside their own box.
      const overflow = await page.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // (One analysis for both: the page and its open picker.)
      await page.locator('#f-plan-signedOn ~ button.pick').click();
      await page.locator('.picker:popover-open calendar-date').waitFor();
      expect(await violations(page)).toEqual([]);
      // The draft's year.
      await page.goto(`${portal.url}/van-phong/DEMO-SGDDT/soan-thao/lich`);
      await expect(page.locator('h1').textContent()).resolves.toContain('2026');
      expect(await violations(page)).toEqual([]);
      await context.close();
    });
  });
}
