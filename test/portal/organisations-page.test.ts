/**
 * The organisations page as a browser reads it: the sample directory rendered by the page component and loaded into
 * real Chromium, so the nesting checked is the one the HTML parser builds, not the one the template meant.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDirectoryFile } from '../../organisations/directory-file.js';
import type { OrganisationDirectory } from '../../organisations/directory-schema.js';
import { organisationList, organisationsPage } from '../../portal/pages/organisations-page.js';
import type { OfficeView } from '../../portal/pages/office-shell.js';
import { launchChromium, screenshot } from '../helpers/browser.js';

const view = (lang: 'vi' | 'en'): OfficeView => ({
  lang,
  user: 'vanphong',
  csrf: 'csrf-token',
  temporalUi: 'http://ui.test',
  namespace: 'default',
});

type Shape = [string, Shape[]] | string;

/** The nested lists as the browser parsed them: each item's body (its link's `org`) and its sub-list, if any. */
async function treeShape(ul: Locator): Promise<Shape[]> {
  const shapes: Shape[] = [];
  for (const li of await ul.locator(':scope > li').all()) {
    const href = (await li.locator(':scope > a[href^="/van-phong"]').getAttribute('href')) ?? '';
    const code = new URL(href, 'http://portal.test').searchParams.get('org') ?? href;
    const sub = li.locator(':scope > ul');
    shapes.push((await sub.count()) ? [code, await treeShape(sub)] : code);
  }
  return shapes;
}

describe('the organisations page, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let directory: OrganisationDirectory;

  beforeAll(async () => {
    directory = await loadDirectoryFile('plans/organisations.yaml');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1024, height: 800 }, locale: 'vi-VN' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('nests each body under the one it reports to, each linking to its plans with its office e-mail', async () => {
    await page.setContent(String(await organisationsPage(view('vi'), directory)));
    expect(await page.title()).toBe('Các cơ quan, đơn vị');
    await expect(page.locator('main h1').textContent()).resolves.toBe('Các cơ quan, đơn vị');
    expect(await treeShape(page.locator('main nav > ul'))).toEqual([
      [
        'UBND-HCM',
        [
          ['SGDDT-HCM', ['THPT-HOA-HUNG']],
          ['DEMO-SGDDT', ['DEMO-THPT']],
        ],
      ],
      ['UBND-ST', ['SGDDT-ST']],
      ['UBND-TP-TN', [['PGDDT-TP-TN', ['MNDL']]]],
    ]);
    const school = page.locator('li:has(> a[href="/van-phong?org=THPT-HOA-HUNG"])');
    await expect(school.locator(':scope > a[href^="/van-phong"]').innerText()).resolves.toBe(
      'THPT-HOA-HUNG Trường Trung học phổ thông Hòa Hưng',
    );
    await expect(school.innerText()).resolves.toContain('Văn phòng: vanphong.thpt-hoa-hung@example.org');
    await expect(school.locator('a[href^="mailto:"]').getAttribute('href')).resolves.toBe(
      'mailto:vanphong.thpt-hoa-hung@example.org',
    );
    // Office pages keep their bar: the plans link, the logout form with its token, the switch to English here.
    await expect(page.locator('header a', { hasText: 'Các kế hoạch' }).getAttribute('href')).resolves.toBe(
      '/van-phong',
    );
    await expect(page.locator('header input[name="_csrf"]').getAttribute('value')).resolves.toBe('csrf-token');
    await expect(page.locator('header a', { hasText: 'English' }).getAttribute('href')).resolves.toBe(
      '/van-phong/co-quan?lang=en',
    );
    await screenshot(page, 'organisations-page');
  });

  it('in English: the texts, and links that keep the language', async () => {
    await page.setContent(String(await organisationsPage(view('en'), directory)));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('main h1').textContent()).resolves.toBe('Organisations');
    const mndl = page.locator('li:has(> a[href="/van-phong?org=MNDL&lang=en"])');
    await expect(mndl.innerText()).resolves.toBe('MNDL Trường Mầm non Điện Lực · Office: vanphong.mndl@example.org');
    expect(await page.locator('main a[href^="/van-phong?org="]').count()).toBe(10);
  });

  it('shows names as text, never as markup, and says when the directory is empty', async () => {
    const odd: OrganisationDirectory = {
      administrators: [],
      organisations: [
        { code: 'X', name: 'Sở <script>document.title="x"</script> & "Đào tạo"', office: 'x@example.org', staff: [] },
      ],
    };
    await page.setContent(`<main>${String(await organisationList(odd, 'vi'))}</main>`);
    await expect(page.locator('main li > a[href^="/van-phong"]').innerText()).resolves.toBe(
      'X Sở <script>document.title="x"</script> & "Đào tạo"',
    );
    expect(await page.locator('main script').count()).toBe(0);
    expect(String(await organisationList({ administrators: [], organisations: [] }, 'vi'))).toBe(
      '<p>Danh sách chưa có cơ quan nào.</p>',
    );
  });
});
