/**
 * The editor's Excel and signed-document imports as the office uses them: real Chromium against a real portal over
 * HTTP (the time-skipping server behind it, the SMTP sink as the inbox of the sign-in links, the sample organisations
 * directory), the office signed in by its e-mailed link, and the drafts read back from the portal's own store.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDirectoryFile } from '../../../organisations/directory-file.js';
import { normalEmail, type People, type Role } from '../../../portal/access/roles.js';
import { loadDraft, saveDraft, type PlanDraftRecord } from '../../../portal/editor/draft-store.js';
import { memoryPortalStore } from '../../../portal/store/memory-store.js';
import type { PortalStore } from '../../../portal/store/portal-store.js';
import { skeletonPlan } from '../../fixtures/skeleton-plan.js';
import { signInInBrowser } from '../../helpers/browser-sign-in.js';
import { launchChromium, screenshot } from '../../helpers/browser.js';
import { startPortal } from '../../helpers/portal-server.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';
import { startTimeSkippingEnv } from '../../helpers/temporal-env.js';
import {
  SEEDS,
  docxToPdf,
  docxToPdfWithChromium,
  findSoffice,
  seedDocx,
  writeIn,
  type SeedName,
} from '../../plan-draft/seed-documents.js';

const OFFICE = 'vanphong@skel.example.org';
const FOREIGN_OFFICE = 'vanphong@khac.example.org';
/** The office steers its own plan and, for the seed documents, the plans of the bodies that signed them. */
const ROLES = new Map<string, Role[]>([
  [OFFICE, ['SKEL', 'SGDDT-HCM', 'SGDDT-ST', 'MNDL'].map((org) => ({ kind: 'office' as const, org }))],
  [FOREIGN_OFFICE, [{ kind: 'office', org: 'KHAC' }]],
]);
const people: People = { rolesOf: (email) => Promise.resolve(ROLES.get(normalEmail(email)) ?? []) };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EDITED_TITLE = 'Tuyên truyền cải cách thủ tục hành chính tháng 3 (bản sửa trên Excel)';

describe('the editor: Excel both ways, and a draft from the signed document', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let store: PortalStore;
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let browser: Browser;
  let office: BrowserContext;
  let dir: string;
  const documents = new Map<string, string>();

  /** Signs `email` in as people do: the link asked for on the login page, opened from the inbox, confirmed. */
  async function signIn(context: BrowserContext, email: string): Promise<void> {
    const page = await context.newPage();
    await signInInBrowser(page, portal.url, sink, email);
    await page.close();
  }

  /** Chooses `file` in the input `#id` and sends its form; the status of the POST's own answer. */
  async function upload(
    page: Page,
    id: 'import-workbook' | 'import-document',
    file: string | { name: string; mimeType: string; buffer: Buffer },
  ): Promise<number> {
    await page.setInputFiles(`#${id}`, file);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.request().frame() === page.mainFrame()),
      page.click(`form:has(#${id}) button[type=submit]`),
    ]);
    await page.waitForLoadState('load');
    return answer.status();
  }

  const editor = (org: string) => `${portal.url}/van-phong/${org}/soan-thao`;
  const draftOf = async (org: string): Promise<PlanDraftRecord> => {
    const draft = await loadDraft(store, org);
    if (!draft) throw new Error(`no draft of ${org}`);
    return draft;
  };
  const put = (org: string, raw: unknown, extra: Partial<PlanDraftRecord> = {}) =>
    saveDraft(store, org, {
      raw: structuredClone(raw) as Record<string, unknown>,
      marked: [],
      source: 'running',
      updatedAt: new Date().toISOString(),
      by: OFFICE,
      ...extra,
    });

  /** The workbook the page offers for SKEL's draft, downloaded as the browser does, and opened with exceljs. */
  async function downloadWorkbook(page: Page): Promise<ExcelJS.Workbook> {
    await page.goto(`${editor('SKEL')}/van-ban`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#import-download')]);
    expect(download.suggestedFilename()).toBe('SKEL-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    // exceljs 4.4 types `load` with an older Buffer; the bytes are the same.
    await wb.xlsx.load((await readFile(await download.path())) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    return wb;
  }
  const sheet = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name) ?? expect.fail(`no sheet ${name}`);
  const xlsxFile = async (wb: ExcelJS.Workbook, name = 'ke-hoach-SKEL.xlsx') => ({
    name,
    mimeType: XLSX,
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    sink = await startSmtpSink();
    store = memoryPortalStore();
    portal = await startPortal(env.client, {
      store,
      people,
      directory: await loadDirectoryFile('plans/organisations.yaml'),
      env: { SMTP_HOST: sink.host, SMTP_PORT: String(sink.port) },
    });
    browser = await launchChromium();
    office = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1100, height: 900 } });
    await signIn(office, OFFICE);
    // The four seed plans typed into DOCX, and the kindergarten's printed to PDF from its DOCX.
    dir = await mkdtemp(join(tmpdir(), 'kehoach-editor-import-'));
    for (const seed of Object.values(SEEDS))
      documents.set(`${seed}.docx`, await writeIn(dir, `${seed}.docx`, await seedDocx(seed)));
    const docx = [documents.get(`${SEEDS.mamNon76}.docx`)!];
    const soffice = findSoffice();
    const [pdf] = soffice ? await docxToPdf(soffice, docx, dir) : await docxToPdfWithChromium(docx);
    documents.set(`${SEEDS.mamNon76}.pdf`, pdf!);
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await sink?.stop();
    await env?.teardown();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('downloads the draft as a workbook, shows the one bad cell located, then takes the corrected workbook', async () => {
    await put('SKEL', skeletonPlan, { amends: { year: 2026 } });
    const page = await office.newPage();
    const wb = await downloadWorkbook(page);
    const answer = await page.request.get(`${editor('SKEL')}/excel`);
    expect(answer.headers()['content-type']).toBe(XLSX);
    expect(answer.headers()['content-disposition']).toBe('attachment; filename="SKEL-2026.xlsx"');
    expect(answer.headers()['x-content-type-options']).toBe('nosniff');

    // The office retitles the task and, by mistake, types a unit code no unit has on the duty's second row.
    expect(sheet(wb, 'Phân công').getCell('B3').value).toBe('TCCB');
    sheet(wb, 'Nhiệm vụ').getCell('C2').value = EDITED_TITLE;
    sheet(wb, 'Phân công').getCell('B3').value = 'TCCBX';
    expect(await upload(page, 'import-workbook', await xlsxFile(wb))).toBe(422);
    await expect(page.locator('h1').innerText()).resolves.toBe('Tệp ke-hoach-SKEL.xlsx có 1 lỗi');
    const cells = await page
      .locator('main table tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim())),
      );
    expect(cells).toEqual([
      [
        'Phân công',
        'dòng 3, cột B (B3)',
        'Mã đơn vị',
        'đơn vị "TCCBX" không có trong danh sách units (có: VP, KHTC, TCCB)',
      ],
    ]);
    await screenshot(page, 'editor-import-01-workbook-problems');
    expect((await draftOf('SKEL')).source).toBe('running');

    // Corrected and sent again from the same page: the draft is the edited plan, still amending the running one.
    sheet(wb, 'Phân công').getCell('B3').value = 'TCCB';
    expect(await upload(page, 'import-workbook', await xlsxFile(wb))).toBe(303);
    expect(page.url()).toBe(editor('SKEL'));
    const draft = await draftOf('SKEL');
    expect(draft).toMatchObject({ source: 'xlsx', marked: [], amends: { year: 2026 }, by: OFFICE });
    const edited = structuredClone(skeletonPlan);
    edited.tasks[0]!.title = EDITED_TITLE;
    expect(draft.raw).toEqual(structuredClone(edited));
    await page.close();
  });

  it('refuses, each with its page and never a 500: another body’s workbook, a file that is not one, an invalid draft', async () => {
    await put('SKEL', skeletonPlan);
    const page = await office.newPage();
    const wb = await downloadWorkbook(page);
    const general = sheet(wb, 'Thông tin chung');
    general.getCell(general.getColumn(3).values.indexOf('organisation.code'), 4).value = 'KHAC';
    expect(await upload(page, 'import-workbook', await xlsxFile(wb, 'ke-hoach-khac.xlsx'))).toBe(422);
    await expect(page.locator('main [role=alert]').innerText()).resolves.toBe(
      'Tệp ke-hoach-khac.xlsx là kế hoạch của cơ quan có mã KHAC, không phải của SKEL. Bản nháp của SKEL chưa ' +
        'thay đổi; hãy tải lên kế hoạch của SKEL, hoặc sửa mã cơ quan ở trang "Thông tin chung".',
    );

    // A Word file renamed to .xlsx is what its content says it is.
    const renamed = { name: 'ke-hoach.xlsx', mimeType: XLSX, buffer: await seedDocx(SEEDS.hcm588) };
    expect(await upload(page, 'import-workbook', renamed)).toBe(415);
    await expect(page.locator('h1').innerText()).resolves.toBe('Không phải tệp Excel');
    await expect(page.locator('main [role=alert]').innerText()).resolves.toContain(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document (.docx)',
    );
    const text = { name: 'ke-hoach.docx', mimeType: 'text/plain', buffer: Buffer.from('Số: 1/KH-X\n') };
    expect(await upload(page, 'import-document', text)).toBe(415);
    await expect(page.locator('main [role=alert]').innerText()).resolves.toContain('tệp không rõ loại');
    // Past the office forms' 1 MB, up to 5 MB: a 2 MB file is read (and refused for what it is), a 6 MB one is not.
    const bytes = (mb: number) => Buffer.alloc(mb * 1024 * 1024, 'x');
    expect(
      await upload(page, 'import-document', { name: 'lon.pdf', mimeType: 'application/pdf', buffer: bytes(2) }),
    ).toBe(415);
    expect(
      await upload(page, 'import-document', { name: 'qua-lon.pdf', mimeType: 'application/pdf', buffer: bytes(6) }),
    ).toBe(413);
    await expect(page.locator('main').innerText()).resolves.toContain('Tệp tải lên vượt quá 5 MB.');
    expect((await draftOf('SKEL')).source).toBe('running');

    // In English, the forms keep the language, and so do the pages they lead to.
    await page.goto(`${editor('SKEL')}/van-ban?lang=en`);
    await expect(page.locator('#import-heading').innerText()).resolves.toBe('Excel and the signed document');
    expect(await upload(page, 'import-document', text)).toBe(415);
    await expect(page.locator('h1').innerText()).resolves.toBe('Not a DOCX or PDF document');

    // A draft that is not yet a plan has no workbook: a page that says so and leads back to the editor.
    await put('SKEL', { ...skeletonPlan, units: [] });
    const res = await page.goto(`${editor('SKEL')}/excel`);
    expect(res?.status()).toBe(409);
    await expect(page.locator('h1').innerText()).resolves.toBe('Bản nháp chưa hợp lệ');
    await expect(page.locator('main a', { hasText: 'Về trang soạn kế hoạch' }).getAttribute('href')).resolves.toBe(
      '/van-phong/SKEL/soan-thao',
    );
    expect((await page.goto(`${editor('KHONG-CO')}/excel`))?.status()).toBe(403);
    await page.close();
  });

  it('is the office’s own: the office of another body gets the 403 page for every import path', async () => {
    await put('SKEL', skeletonPlan);
    const foreign = await browser.newContext({ locale: 'vi-VN' });
    await signIn(foreign, FOREIGN_OFFICE);
    const page = await foreign.newPage();
    for (const path of ['excel', 'van-ban']) {
      const res = await page.goto(`${editor('SKEL')}/${path}`);
      expect(res?.status(), path).toBe(403);
      await expect(page.locator('h1').innerText()).resolves.toBe('Không có quyền');
    }
    // Its own session's form token, so the refusal is the access check's, not the CSRF check's.
    await page.goto(`${portal.url}/van-phong/co-quan`);
    const csrf = (await page.locator('header input[name="_csrf"]').getAttribute('value')) ?? '';
    const workbook = { name: 'x.xlsx', mimeType: XLSX, buffer: Buffer.from(await sheetlessWorkbook()) };
    for (const [path, field] of [
      ['excel', 'workbook'],
      ['van-ban', 'document'],
    ] as const) {
      const res = await page.request.post(`${editor('SKEL')}/${path}`, {
        multipart: { _csrf: csrf, [field]: workbook },
        maxRedirects: 0,
      });
      expect(res.status(), path).toBe(403);
      expect(await res.text()).toContain('Không có quyền');
    }
    expect((await draftOf('SKEL')).source).toBe('running');
    await foreign.close();
  });

  /** What each seed's draft must say of its header, as the signed document says it. */
  const SEED_CASES: {
    seed: SeedName;
    kind: 'docx' | 'pdf';
    org: string;
    code: string;
    plan: Record<string, unknown>;
    name: string;
    marked: string[];
  }[] = [
    {
      seed: SEEDS.hcm588,
      kind: 'docx',
      org: 'SGDDT-HCM',
      code: 'SGDDT-HCM',
      name: 'Sở Giáo dục và Đào tạo',
      plan: {
        number: '588/KH-SGDĐT',
        signedOn: '2022-03-04',
        title: 'Tuyên truyền cải cách hành chính năm 2022',
        year: 2022,
        carriesOut: {
          kind: 'Kế hoạch',
          number: '172/KH-SGDĐT',
          signedOn: '2022-01-21',
          issuer: 'Sở Giáo dục và Đào tạo',
        },
      },
      marked: ['organisation.parentBody', 'units[0].head', 'office.email', 'director.email', 'ongoingDuties'],
    },
    {
      seed: SEEDS.socTrang290,
      kind: 'docx',
      org: 'SGDDT-ST',
      code: 'SGDDT-ST',
      name: 'Sở Giáo dục và Đào tạo tỉnh Sóc Trăng',
      // A news article: number and date from its text, and no plan carried out named.
      plan: {
        number: '290/KH-SGDĐT',
        signedOn: '2022-02-24',
        title: 'Tuyên truyền cải cách hành chính năm 2022',
        year: 2022,
      },
      marked: ['plan.number', 'plan.signedOn', 'organisation.placeName', 'units', 'office'],
    },
    {
      seed: SEEDS.hcm206,
      kind: 'docx',
      org: 'SGDDT-HCM',
      code: 'SGDDT-HCM',
      name: 'Sở Giáo dục và Đào tạo',
      plan: {
        number: '206/KH-SGDĐT',
        signedOn: '2021-01-22',
        title: 'Thực hiện công tác cải cách hành chính trong lĩnh vực giáo dục và đào tạo năm 2021',
        year: 2021,
        carriesOut: {
          kind: 'Quyết định',
          number: '4832/QĐ-UBND',
          signedOn: '2020-12-31',
          issuer: 'Ủy ban nhân dân Thành phố',
        },
      },
      marked: ['units[5].code', 'forms', 'reporting'],
    },
    ...(['docx', 'pdf'] as const).map((kind) => ({
      seed: SEEDS.mamNon76,
      kind,
      org: 'MNDL',
      code: 'MNDL',
      name: 'Trường Mầm non Điện Lực',
      // Signed "ngày 29 tháng 02 năm 2022", a day that does not exist: no date, and marked.
      plan: {
        number: '76/KH-TrMN',
        title: 'Tuyên truyền cải cách hành chính năm 2022',
        year: 2022,
        carriesOut: {
          kind: 'Kế hoạch',
          number: '216/KH-GD&ĐT',
          signedOn: '2022-02-28',
          issuer: 'Phòng GD&ĐT thành phố Thái Nguyên',
        },
      },
      marked: ['plan.signedOn', 'office', 'reporting.officeDeadlineDay'],
    })),
  ];

  it.each(SEED_CASES)('a draft from $seed ($kind) uploaded by the office of $org', async (c) => {
    const page = await office.newPage();
    await page.goto(`${editor(c.org)}/van-ban`);
    expect(await upload(page, 'import-document', documents.get(`${c.seed}.${c.kind}`)!)).toBe(303);
    expect(page.url()).toBe(editor(c.org));
    const draft = await draftOf(c.org);
    expect(draft).toMatchObject({ source: 'document', by: OFFICE });
    expect(draft.raw.plan).toEqual(c.plan);
    expect(draft.raw.organisation).toMatchObject({ code: c.code, name: c.name });
    const fields = draft.marked.map((m) => m.field);
    expect(fields).toEqual(expect.arrayContaining(c.marked));
    // The code is the office's own, not one made up from the body's initials.
    expect(fields).not.toContain('organisation.code');

    if (c.seed === SEEDS.mamNon76 && c.kind === 'pdf') {
      await page.goto(`${editor(c.org)}/van-ban`);
      const header = await page.locator('#draft-header + dl').innerText();
      expect(header).toContain('76/KH-TrMN');
      expect(header).toContain('Kế hoạch số 216/KH-GD&ĐT ngày 28/02/2022 của Phòng GD&ĐT thành phố Thái Nguyên');
      await expect(page.locator('main table th code', { hasText: 'plan.signedOn' }).count()).resolves.toBe(1);
      await screenshot(page, 'editor-import-02-draft-from-seed');
      if (process.env.KEHOACH_SCREENSHOTS === '1') {
        mkdirSync('docs/img', { recursive: true });
        await page.screenshot({ path: 'docs/img/draft-from-seed.png', fullPage: true });
      }
    }
    await page.close();
  });

  it('keeps the code of another body the document names, marked, when the office uploads that body’s plan', async () => {
    const page = await office.newPage();
    await page.goto(`${editor('SGDDT-ST')}/van-ban`);
    expect(await upload(page, 'import-document', documents.get(`${SEEDS.mamNon76}.docx`)!)).toBe(303);
    const draft = await draftOf('SGDDT-ST');
    expect(draft.raw.organisation).toMatchObject({ code: 'MNDL', name: 'Trường Mầm non Điện Lực' });
    const reason = draft.marked.find((m) => m.field === 'organisation.code')?.reason;
    expect(reason).toContain(
      '"Trường Mầm non Điện Lực" (mã MNDL trong danh sách cơ quan) ban hành, không phải SGDDT-ST',
    );
    await page.close();
  });
});

/** A workbook with nothing in it: enough to be a real XLSX upload for requests that must never be read. */
async function sheetlessWorkbook(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Trống');
  return wb.xlsx.writeBuffer();
}
