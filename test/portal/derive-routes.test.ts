/**
 * "Giao kế hoạch cho cơ quan cấp dưới" through the portal: the department's running plan (`plans/demo.yaml` on the
 * time-skipping server) handed down to its school by its office, signed in by e-mailed link as people are, with the
 * sample organisations directory; the school's draft lands in the portal store its editor reads.
 */
import { readFileSync } from 'node:fs';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlan } from '../../client/plan-client.js';
import { parsePlanText } from '../../domain/plan-file.js';
import type { OrganisationDirectory } from '../../organisations/directory-schema.js';
import { loadDirectoryFile } from '../../organisations/directory-file.js';
import { childrenOf } from '../../organisations/tree.js';
import { temporalPeople } from '../../portal/access/temporal-people.js';
import { createPortalApp } from '../../portal/app.js';
import { loadDraft } from '../../portal/editor/draft-store.js';
import { deriveSection } from '../../portal/pages/derive-section.js';
import { memoryPortalStore } from '../../portal/store/memory-store.js';
import type { PortalStore } from '../../portal/store/portal-store.js';
import { portalClient } from '../helpers/portal-client.js';
import { portalTestConfig } from '../helpers/portal-server.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from '../helpers/temporal-env.js';

const PATH = '/van-phong/DEMO-SGDDT/2026/giao-cap-duoi';
const FORBIDDEN = 'Không có quyền';

describe('POST /van-phong/:org/:year/giao-cap-duoi', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let stopWorker: () => Promise<void>;
  let store: PortalStore;
  let directory: OrganisationDirectory;
  let app: ReturnType<typeof createPortalApp>;
  /** The department's office (DEMO-SGDDT), the school's (DEMO-THPT), and the city's, above the department. */
  let department: ReturnType<typeof portalClient>;
  let school: ReturnType<typeof portalClient>;
  let city: ReturnType<typeof portalClient>;

  /** Signs in by the e-mailed one-time link, as a person does (ask, open the link, confirm). */
  async function signInByLink(email: string) {
    const browser = portalClient(app);
    const seen = sink.messages.length;
    const asked = await browser.post('/dang-nhap/lien-ket', { _csrf: await browser.csrfOf('/dang-nhap'), email });
    expect(asked.status).toBe(200);
    let link: string | undefined;
    for (let n = seen + 1; !link; n++) {
      const mail = (await sink.waitFor(n, 10_000))[n - 1]!;
      if (mail.to.includes(email))
        link = /http:\/\/portal\.test(\/dang-nhap\/lien-ket\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    }
    const confirmed = await browser.post(link, { _csrf: await browser.csrfOf(link) });
    expect(confirmed.status).toBe(303);
    return browser;
  }

  /** A form post with the session's CSRF token, as the plan page's form sends it. */
  async function post(browser: ReturnType<typeof portalClient>, path: string, fields: Record<string, string>) {
    return browser.post(path, { _csrf: await browser.csrfOf('/van-phong/co-quan'), ...fields });
  }

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    sink = await startSmtpSink();
    stopWorker = (await startTestWorker(env, sink)).stop;
    directory = await loadDirectoryFile('plans/organisations.yaml');
    const parsed = parsePlanText(readFileSync('plans/demo.yaml'), 'plans/demo.yaml');
    if (!parsed.ok) throw new Error('plans/demo.yaml is invalid');
    await startPlan(env.client, parsed.plan, {
      taskQueue: TASK_QUEUE,
      clock: { planStart: '2026-01-05T07:00:00+07:00' },
    });
    store = memoryPortalStore();
    const config = portalTestConfig({
      PORTAL_BASE_URL: 'http://portal.test',
      SMTP_PORT: String(sink.port),
      SMTP_POOL: 'false',
    });
    app = createPortalApp({
      client: env.client,
      config,
      store,
      directory,
      people: temporalPeople({ client: env.client, directory }),
    });
    department = await signInByLink('vanphong@example.org');
    school = await signInByLink('vanphong.thpt@example.org');
    city = await signInByLink('vanphong.ubnd-hcm@example.org');
  }, 120_000);

  afterAll(async () => {
    await stopWorker?.();
    await sink?.stop();
    await env?.teardown();
  });

  it('the plan page’s section offers the bodies below the department and posts here', async () => {
    const below = childrenOf(directory, 'DEMO-SGDDT');
    const view = { lang: 'vi' as const, user: 'x', csrf: 'tok', temporalUi: 'http://ui', namespace: 'default' };
    const section = String(await deriveSection(view, { org: 'DEMO-SGDDT', year: 2026, below }));
    expect(section).toContain(`action="${PATH}"`);
    expect(section).toContain('<label for="derive-child">Cơ quan cấp dưới</label>');
    expect([...section.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1])).toEqual(['DEMO-THPT']);
    expect(section).toContain('name="leadDays"');
    expect(String(await deriveSection({ ...view, readOnly: true }, { org: 'DEMO-SGDDT', year: 2026, below }))).toBe('');
  });

  it('saves the school’s draft, derived from the running plan, and says where its office opens it', async () => {
    const res = await post(department, PATH, { child: 'DEMO-THPT', leadDays: '2' });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain('Đã giao bản nháp kế hoạch');
    expect(text).toContain('<a href="/van-phong/DEMO-THPT/soan-thao">/van-phong/DEMO-THPT/soan-thao</a>');
    // Q1: the school's office Mon 16/03/2026, the department's units Wed 18/03/2026.
    expect(text).toMatch(
      /Q1 \(quý I\)<\/td>\s*<td>16\/03\/2026<\/td>\s*<td>16\/03\/2026<\/td>\s*<td>18\/03\/2026<\/td>/,
    );
    const draft = await loadDraft(store, 'DEMO-THPT');
    expect(draft).toMatchObject({ source: 'derived', by: 'vanphong@example.org' });
    expect(draft?.amends).toBeUndefined();
    expect(draft?.raw).toMatchObject({
      organisation: { code: 'DEMO-THPT', reportsTo: 'DEMO-SGDDT' },
      plan: { year: 2026, carriesOut: { number: '01/KH-SGDĐT', org: 'DEMO-SGDDT', year: 2026 } },
      office: { email: 'vanphong.thpt@example.org' },
      reporting: { periods: ['Q1', 'H1', 'Q3', 'Y'], officeDeadlineDay: 15 },
    });
    expect(draft?.marked.map((m) => m.field)).toEqual(expect.arrayContaining(['plan.number', 'units']));
  });

  it('does not replace a draft the school is writing unless asked, then replaces it', async () => {
    const before = await loadDraft(store, 'DEMO-THPT');
    const asked = await post(department, PATH, { child: 'DEMO-THPT', leadDays: '3' });
    const page = await asked.text();
    expect(asked.status).toBe(409);
    expect(page).toContain('Cơ quan cấp dưới đang soạn kế hoạch');
    expect(page).toContain('lưu lần cuối bởi vanphong@example.org');
    expect(page).toContain('<input type="hidden" name="replace" value="yes" />');
    expect(await loadDraft(store, 'DEMO-THPT')).toEqual(before);
    const replaced = await post(department, PATH, { child: 'DEMO-THPT', leadDays: '3', replace: 'yes' });
    expect(replaced.status).toBe(200);
    // 3 working days: Q1 Fri 13/03/2026 (the 13th), three before Wed 18/03.
    expect((await loadDraft(store, 'DEMO-THPT'))?.raw).toMatchObject({ reporting: { officeDeadlineDay: 13 } });
  });

  it('refuses, with the 403 page, a body that is not directly below the department, saying which are', async () => {
    for (const child of ['THPT-HOA-HUNG', 'MNDL', 'DEMO-SGDDT', '']) {
      const res = await post(department, PATH, { child, leadDays: '2' });
      const text = await res.text();
      expect(res.status, child).toBe(403);
      expect(text).toContain(FORBIDDEN);
      expect(text).toContain(
        `&quot;${child}&quot; không phải cơ quan cấp dưới trực tiếp của DEMO-SGDDT trong danh sách cơ quan (các cơ quan cấp dưới: DEMO-THPT).`,
      );
      if (child) expect(await loadDraft(store, child)).toBeUndefined();
    }
    const en = await post(department, `${PATH}?lang=en`, { child: 'MNDL' });
    expect(await en.text()).toContain('&quot;MNDL&quot; is not directly below DEMO-SGDDT');
  });

  it('refuses the school’s office and the city’s (which only reads the department’s plan)', async () => {
    const before = await loadDraft(store, 'DEMO-THPT');
    for (const browser of [school, city]) {
      const res = await post(browser, PATH, { child: 'DEMO-THPT', leadDays: '2', replace: 'yes' });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain(FORBIDDEN);
    }
    expect(await loadDraft(store, 'DEMO-THPT')).toEqual(before);
  });

  it('answers a plan that is not running, or a lead time that is no number of days, with a page', async () => {
    const none = await post(department, '/van-phong/DEMO-SGDDT/2025/giao-cap-duoi', { child: 'DEMO-THPT' });
    expect(none.status).toBe(404);
    const bad = await post(department, PATH, { child: 'DEMO-THPT', leadDays: 'hai', replace: 'yes' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Số ngày làm việc gửi trước phải là số nguyên từ 1 đến 20.');
  });
});
