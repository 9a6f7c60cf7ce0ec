/**
 * The office dashboard's lists through the portal app, on the real dev server: the organisation filter shows only
 * that organisation's plans and items, the pager walks every plan once, and a filter or page link that could carry
 * anything but a value is refused with a page.
 */
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalApp } from '../../../portal/app.js';
import { planQuery } from '../../../portal/lists/plan-query.js';
import { hashPassword } from '../../../portal/passwords.js';
import { startDevServer, type DevServerProcess } from '../../helpers/dev-server-process.js';
import { freePort } from '../../helpers/free-port.js';
import { startListedItem, startListedPlan, UNPOLLED_QUEUE, untilCounted } from '../../helpers/listed-workflows.js';
import { portalClient } from '../../helpers/portal-client.js';
import { portalTestConfig } from '../../helpers/portal-server.js';

const PASSWORD = 'mat-khau-van-phong';
// DA: 2020–2026 (7 plans); DB: 2000–2054 (55), so the unfiltered list has three pages of 25.
const PLANS = [
  ...Array.from({ length: 7 }, (_, i) => ({ org: 'DA', year: 2020 + i })),
  ...Array.from({ length: 55 }, (_, i) => ({ org: 'DB', year: 2000 + i })),
];

let server: DevServerProcess;
let connection: Connection;
let office: ReturnType<typeof portalClient>;

beforeAll(async () => {
  server = await startDevServer({ port: await freePort() });
  connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  await Promise.all(
    PLANS.map(({ org, year }) =>
      startListedPlan(
        client,
        {
          org,
          year,
          number: `${year % 100}/KH-${org}`,
          title: `Kế hoạch tuyên truyền năm ${year}`,
          orgName: `Trường ${org}`,
          units: ['VP', 'KHTC'],
        },
        UNPOLLED_QUEUE,
      ),
    ),
  );
  const due = new Date('2026-03-06T17:00:00+07:00');
  await Promise.all([
    startListedItem(client, {
      org: 'DA',
      year: 2026,
      itemId: 'task-01',
      units: ['KHTC'],
      overdue: ['KHTC'],
      nextDeadline: due,
    }),
    startListedItem(client, {
      org: 'DB',
      year: 2026,
      itemId: 'task-02',
      units: ['VP'],
      overdue: ['VP'],
      nextDeadline: due,
    }),
    startListedItem(client, { org: 'DB', year: 2026, itemId: 'report-Q1', units: ['VP'], incident: true }),
  ]);
  await untilCounted(client, planQuery({ orgs: 'all' }).where, PLANS.length);
  await untilCounted(client, `KhKind IN ('task', 'report')`, 3);
  const config = portalTestConfig({
    PORTAL_BASE_URL: 'http://portal.test',
    PORTAL_USERS: `vanphong:${await hashPassword(PASSWORD)}`,
  });
  office = portalClient(createPortalApp({ client, config }));
  await office.login('vanphong', PASSWORD);
});

afterAll(async () => {
  await connection?.close();
  await server?.stop();
});

/** `ORG/year` of every plan row on a page (item links go one level deeper and are not counted). */
const planRows = (page: string) =>
  [...page.matchAll(/<a href="\/van-phong\/([A-Z0-9-]+)\/(\d{4})">/g)].map((m) => `${m[1]}/${m[2]}`);
/** The address of the link labelled `label`, as a browser would follow it. */
const link = (page: string, label: string) =>
  [...page.matchAll(/href="([^"]+)">([^<]+)<\/a>/g)].find((m) => m[2] === label)?.[1]?.replaceAll('&amp;', '&');

describe('the dashboard lists from visibility', () => {
  it("an organisation filter shows only that organisation's plans and items needing attention", async () => {
    const res = await office.get('/van-phong?org=da');
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(planRows(page)).toEqual(['DA/2026', 'DA/2025', 'DA/2024', 'DA/2023', 'DA/2022', 'DA/2021', 'DA/2020']);
    expect(page).toContain('<a href="/van-phong/DA/2026">DA 2026</a>');
    expect(page).toContain('Số 26/KH-DA: Kế hoạch tuyên truyền năm 2026');
    expect(page).toContain('Trường DA');
    expect(page).toContain('Tổng số: 7 kế hoạch');
    expect(page).toContain('Nhiệm vụ cần chú ý');
    expect(page).toContain('DA 2026 · task-01');
    expect(page).toContain('06/03/2026');
    expect(page).not.toContain('DB 20');
    expect(page).not.toContain('Trang sau');
    // The filter form shows what was asked.
    expect(page).toContain('value="DA"');

    const none = await (await office.get('/van-phong?org=DA&year=2019')).text();
    expect(planRows(none)).toEqual([]);
    expect(none).toContain('Không có kế hoạch nào khớp bộ lọc.');
    const db = await (await office.get('/van-phong?org=DB&year=2054')).text();
    expect(planRows(db)).toEqual(['DB/2054']);
    expect(db).toContain('Tổng số: 1 kế hoạch');
    // The year filters the items too.
    expect(db).toContain('Không có nhiệm vụ nào quá hạn hoặc gặp sự cố.');
    const dbItems = await (await office.get('/van-phong?org=DB')).text();
    expect(dbItems).toContain('DB 2026 · task-02');
    expect(dbItems).toContain('DB 2026 · report-Q1');
    expect(dbItems).toContain('có sự cố');
    expect(dbItems).toContain('2 nhiệm vụ quá hạn hoặc gặp sự cố.');
    expect(dbItems).not.toContain('DA 2026');
    const en = await (await office.get('/van-phong?org=DA&lang=en')).text();
    expect(en).toContain('Total: 7 plans');
    expect(en).toContain('Items needing attention');
  });

  it('pages through every plan with next and previous links, 25 a page', async () => {
    const first = await (await office.get('/van-phong')).text();
    expect(first).toContain('Tổng số: 62 kế hoạch');
    expect(first).toContain('Trang 1');
    expect(planRows(first)).toHaveLength(25);
    expect(first).not.toContain('Trang trước');
    const nextHref = link(first, 'Trang sau')!;
    expect(nextHref).toMatch(/^\/van-phong\?page=[A-Za-z0-9_-]+&sig=[A-Za-z0-9_-]+$/);
    const second = await (await office.get(nextHref)).text();
    expect(second).toContain('Trang 2');
    expect(planRows(second)).toHaveLength(25);
    expect(second).not.toContain('Trang đầu');
    const third = await (await office.get(link(second, 'Trang sau')!)).text();
    expect(third).toContain('Trang 3');
    expect(planRows(third)).toHaveLength(12);
    // The last page has no next link, although the server hands out a token after every full page.
    expect(third).not.toContain('Trang sau');
    expect(new Set([...planRows(first), ...planRows(second), ...planRows(third)]).size).toBe(62);
    expect(planRows(await (await office.get(link(third, 'Trang trước')!)).text())).toEqual(planRows(second));
    expect(planRows(await (await office.get(link(third, 'Trang đầu')!)).text())).toEqual(planRows(first));
    // A filter is kept across pages.
    const filtered = await (await office.get('/van-phong?org=DB&year=2054')).text();
    expect(planRows(filtered)).toEqual(['DB/2054']);
    const db = await (await office.get('/van-phong?org=DB')).text();
    expect(planRows(db)).toHaveLength(25);
    const dbNext = link(db, 'Trang sau')!;
    expect(dbNext).toContain('org=DB');
    const dbSecond = await (await office.get(dbNext)).text();
    expect(planRows(dbSecond)).toHaveLength(25);
    const dbThird = await (await office.get(link(dbSecond, 'Trang sau')!)).text();
    expect(planRows(dbThird)).toHaveLength(5);
    expect(planRows(dbThird).every((r) => r.startsWith('DB/'))).toBe(true);
  });

  it('refuses a filter or page link that is not a value it made, with a page', async () => {
    const first = await (await office.get('/van-phong')).text();
    const nextHref = link(first, 'Trang sau')!;
    const sig = /sig=([A-Za-z0-9_-]+)/.exec(nextHref)![1]!;
    const forged = `/van-phong?page=${Buffer.from('{"CloseTime":"x"}').toString('base64url')}&sig=${sig}`;
    for (const path of [
      `/van-phong?org=${encodeURIComponent(`X' OR '1'='1`)}`,
      '/van-phong?year=2026%20OR%201%3D1',
      '/van-phong?state=paused',
      nextHref.replace(/&sig=.*/, ''),
      forged,
    ]) {
      const res = await office.get(path);
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toContain('Bộ lọc không hợp lệ');
    }
    const none = await (await office.get('/van-phong?state=done')).text();
    expect(none).toContain('Không có kế hoạch nào khớp bộ lọc.');
  });
});
