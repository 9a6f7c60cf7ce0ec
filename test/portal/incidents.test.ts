/**
 * Incidents on the office portal: a report that could not be compiled (the worker's reports folder is a file) shows
 * on the item page with "Thử lại" and is flagged on the plan page; the office fixes the cause and retries through
 * the form, the report is compiled, and a second retry of the same incident comes back refused with the reason.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getItemStatus, getPlanDefinition, getPlanStatus, submitReport } from '../../client/plan-client.js';
import { planPage } from '../../portal/pages/plan-page.js';
import { incidentPlan } from '../fixtures/replay-plans.js';
import { portalClient } from '../helpers/portal-client.js';
import { OFFICE_PASSWORD, startPortalStack, type PortalStack } from '../helpers/portal-stack.js';

const ref = { org: 'INCI', year: 2026 };
const PLAN_PAGE = '/van-phong/INCI/2026';
const ITEM_PAGE = `${PLAN_PAGE}/report-Q1`;

/** The incidents section of an item page (up to the first unit card). */
const section = (page: string) =>
  page.slice(page.indexOf('id="su-co"'), page.indexOf('<div class="card">', page.indexOf('id="su-co"')));

describe('incidents on the office portal (time-skipping server, real worker, a real failing report)', () => {
  let stack: PortalStack;
  const blocked = join(mkdtempSync(join(tmpdir(), 'kehoach-portal-incident-')), 'reports');

  beforeAll(async () => {
    writeFileSync(blocked, 'not a folder');
    stack = await startPortalStack(incidentPlan, '2026-03-16T10:00:00+07:00', {}, { reportsDir: blocked });
    await submitReport(stack.env.client, ref, 'report-Q1', {
      unit: 'KHTC',
      submittedBy: 'Trần Thị Kế',
      results: 'Quý I.',
    });
    // The office's deadline, Wed 18/03 08:00: every attempt to write the report fails, the item records an incident.
    await stack.clock.sleepUntil('2026-03-18T12:00:00+07:00');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('shows the incident, flags it on the plan page, retries it through the form and refuses a second retry', async () => {
    expect((await getItemStatus(stack.env.client, ref, 'report-Q1')).incidents).toHaveLength(1);
    const office = portalClient(stack.app);
    await office.login('vanphong', OFFICE_PASSWORD);

    const page = await (await office.get(ITEM_PAGE)).text();
    expect(page).toContain('<h2 id="su-co">Sự cố</h2>');
    const open = section(page);
    expect(open).toContain('<td>1</td>');
    expect(open).toContain('Tổng hợp báo cáo');
    expect(open).toMatch(/<td>18\/03\/2026 \d\d:\d\d<\/td>/);
    expect(open).toMatch(/<strong>Error<\/strong>: <span class="pre">[^<]*(ENOTDIR|EEXIST)/);
    expect(open).toContain(`action="${ITEM_PAGE}/thu-lai"`);
    expect(open).toContain('<input type="hidden" name="id" value="1" />');
    expect(open).toContain('>Thử lại</button>');

    // In English too.
    const en = section(await (await office.get(`${ITEM_PAGE}?lang=en`)).text());
    expect(en).toContain('Compile the report');
    expect(en).toContain(`action="${ITEM_PAGE}/thu-lai?lang=en"`);
    expect(en).toContain('>Retry</button>');

    // The plan page flags the item, linking to its incidents.
    const planHtml = await (await office.get(PLAN_PAGE)).text();
    expect(planHtml).toContain('Sự cố cần Văn phòng xử lý');
    expect(planHtml).toContain(`<a class="flag" href="${ITEM_PAGE}#su-co">⚠ 1 sự cố</a>`);

    // Without the form's token: refused before anything is retried.
    const forged = await office.post(`${ITEM_PAGE}/thu-lai`, { id: '1' });
    expect(forged.status).toBe(403);
    expect((await getItemStatus(stack.env.client, ref, 'report-Q1')).incidents![0]!.retried).toBeUndefined();
    // A number that is not one.
    const bad = await office.post(`${ITEM_PAGE}/thu-lai`, { _csrf: await office.csrfOf(ITEM_PAGE), id: 'một' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Số sự cố không hợp lệ.');
    // An incident the item does not have: the page with the reason.
    const unknown = await office.post(`${ITEM_PAGE}/thu-lai`, { _csrf: await office.csrfOf(ITEM_PAGE), id: '7' });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('Nội dung này không có sự cố số 7.');

    // The office frees the folder and presses "Thử lại".
    rmSync(blocked);
    const ok = await office.post(`${ITEM_PAGE}/thu-lai`, { _csrf: await office.csrfOf(ITEM_PAGE), id: '1' });
    expect(ok.status).toBe(303);
    const location = ok.headers.get('location')!;
    expect(location).toBe(`${ITEM_PAGE}?ok=retried&su-co=1`);
    const after = await (await office.get(location)).text();
    expect(after).toContain('<div class="ok" role="status">Đã cho thử lại sự cố số 1.</div>');
    expect(section(after)).toMatch(/Đã thử lại bởi vanphong lúc 18\/03\/2026 \d\d:\d\d/);
    expect(section(after)).not.toContain('>Thử lại</button>');

    // The report is compiled once plan time moves on a little.
    await stack.clock.sleepUntil('2026-03-18T13:00:00+07:00');
    const status = await getItemStatus(stack.env.client, ref, 'report-Q1');
    expect(status.report?.number).toMatch(/^01\/BC-/);
    expect(status.incidents![0]!.retried).toMatchObject({ by: 'vanphong' });
    expect(await (await office.get(ITEM_PAGE)).text()).toContain(`Báo cáo ${status.report!.number}`);
    expect(await (await office.get(PLAN_PAGE)).text()).not.toContain('⚠ 1 sự cố');

    // Retried once: a second retry (a stale page, a colleague) is the page again saying by whom and when.
    const again = await office.post(`${ITEM_PAGE}/thu-lai`, { _csrf: await office.csrfOf(ITEM_PAGE), id: '1' });
    expect(again.status).toBe(422);
    const refused = await again.text();
    expect(refused).toMatch(
      /Sự cố số 1 đã được thử lại bởi vanphong lúc 18\/03\/2026 \d\d:\d\d; mỗi sự cố chỉ thử lại/,
    );
    expect(refused).toContain('<h2 id="su-co">Sự cố</h2>');
  });

  it('says on the plan page when an item workflow stopped abnormally', async () => {
    // The time-skipping server does not tell a parent its child was terminated (test/faults/item-terminated.test.ts
    // does that on the dev server): the page is given the plan's real status with one item accounted as failed.
    const [status, plan] = await Promise.all([
      getPlanStatus(stack.env.client, ref),
      getPlanDefinition(stack.env.client, ref),
    ]);
    const items = status.items.map((entry) =>
      entry.itemId === 'task-03'
        ? { entry: { ...entry, phase: 'closed' as const, failure: 'Workflow terminated: dọn thử nghiệm' } }
        : { entry, status: entry.result },
    );
    const view = {
      lang: 'vi' as const,
      user: 'vanphong',
      csrf: 'x',
      temporalUi: 'http://ui.test',
      namespace: 'default',
    };
    const html = String(await planPage(view, { status, plan, items, calendarProvisional: false }));
    expect(html).toContain('<span class="flag">Quy trình dừng bất thường: Workflow terminated: dọn thử nghiệm</span>');
    expect(html).toContain('Sự cố cần Văn phòng xử lý');
  });
});
