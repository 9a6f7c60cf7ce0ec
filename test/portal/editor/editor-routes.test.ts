/**
 * The editor as plain forms, as a browser without script uses it, against a real dev server with the worker and a
 * real Redis holding the drafts (shared by two portals): row buttons and "Check" come back to their place, the
 * script's check answers JSON and saves, the YAML download, a start refused and one accepted, a running plan
 * opened in the editor to amend it, the refusals (no CSRF token, signed out) and the editor's files.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsePlanText } from '../../../domain/plan-file.js';
import { createPortalApp } from '../../../portal/app.js';
import { loadDraft, saveDraft } from '../../../portal/editor/draft-store.js';
import { rawToForm } from '../../../portal/editor/raw-to-form.js';
import { hashPassword } from '../../../portal/passwords.js';
import { openPortalStore } from '../../../portal/store/open-store.js';
import type { PortalStore } from '../../../portal/store/portal-store.js';
import { portalClient } from '../../helpers/portal-client.js';
import { portalTestConfig } from '../../helpers/portal-server.js';
import { startRedisServer, type RedisServer } from '../../helpers/redis-server.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';
import { startLocalEnv, startTestWorker } from '../../helpers/temporal-env.js';

const ORG = 'SOAN-TUYEN';
const ADMIN = { user: 'quantri', password: 'mat-khau-quan-tri-tuyen' };
const EDITOR = `/van-phong/${ORG}/soan-thao`;

/** plans/demo.yaml as this organisation's plan for 2027: every date still ahead, so nothing opens while testing. */
function plan2027(): Record<string, unknown> {
  const text = readFileSync('plans/demo.yaml', 'utf8')
    .replace(/2026-/g, '2027-')
    .replace(/year: 2026/, 'year: 2027');
  const raw = parse(text) as Record<string, unknown>;
  delete raw.demo;
  return { ...raw, organisation: { ...(raw.organisation as object), code: ORG } };
}

let env: TestWorkflowEnvironment;
let sink: SmtpSink;
let stopWorker: () => Promise<void>;
let redis: RedisServer;
let store: PortalStore;
let app: ReturnType<typeof createPortalApp>;
let replica: ReturnType<typeof createPortalApp>;
let client: ReturnType<typeof portalClient>;

beforeAll(async () => {
  [env, sink, redis] = await Promise.all([startLocalEnv(), startSmtpSink(), startRedisServer()]);
  stopWorker = (await startTestWorker(env, sink)).stop;
  store = await openPortalStore(redis.url);
  const config = portalTestConfig({
    PORTAL_BASE_URL: 'http://portal.test',
    PORTAL_USERS: `${ADMIN.user}:${await hashPassword(ADMIN.password)}`,
  });
  const deps = { client: env.client, config, store };
  app = createPortalApp(deps);
  // A second portal on the same store: what one saves, the other shows.
  replica = createPortalApp(deps);
  client = portalClient(app);
  expect((await client.login(ADMIN.user, ADMIN.password)).status).toBe(303);
});

afterAll(async () => {
  await store?.close();
  await stopWorker?.();
  await sink?.stop();
  await redis?.stop();
  await env?.teardown();
});

/** POSTs the editor's form for `raw` with a button, as the page would send it. */
async function post(raw: Record<string, unknown>, op: string, path = EDITOR, extra: Record<string, string> = {}) {
  const csrf = await client.csrfOf(EDITOR);
  return client.post(path, { ...rawToForm(raw), _csrf: csrf, op, ...extra });
}

describe('the editor without script', () => {
  it('saves on every button and comes back to the row added or moved, or to the problems after "Check"', async () => {
    const blank = await client.get(EDITOR);
    expect(blank.status).toBe(200);
    const page = await blank.text();
    expect(page).toMatch(new RegExp(`name="organisation\\.code"[^>]*value="${ORG}"`));
    expect(page).toContain('name="op" value="units.add"');

    const raw = plan2027();
    const added = await post(raw, 'units.add');
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`${EDITOR}#r-units-3`);
    const saved = await loadDraft(store, ORG);
    expect(saved?.raw.units).toHaveLength(4);
    expect(saved?.by).toBe(ADMIN.user);

    const moved = await post(saved!.raw, 'units.up.1');
    expect(moved.headers.get('location')).toBe(`${EDITOR}#r-units-0`);
    const units = (await loadDraft(store, ORG))!.raw.units as { code?: string }[];
    expect(units.map((u) => u.code)).toEqual(['KHTC', 'VP', 'TCCB', undefined]);

    // "Check" on the English page: every problem at its field, the empty row's too.
    const checked = await post((await loadDraft(store, ORG))!.raw, 'check', `${EDITOR}?lang=en`);
    expect(checked.headers.get('location')).toBe(`${EDITOR}?kiem-tra=1&lang=en#tom-tat`);
    const html = await (await client.get(`${EDITOR}?kiem-tra=1&lang=en`)).text();
    expect(html).toMatch(/id="e-units-3-code">\s*<span>required field &quot;code&quot; is missing/);
    expect(html).toMatch(/id="f-units-3-code"[^>]*aria-invalid="true"/);
    // The other portal shows the same draft.
    const other = portalClient(replica);
    for (const [k, v] of client.cookies) other.cookies.set(k, v);
    expect(await (await other.get(EDITOR)).text()).toContain('name="units[3].name"');
  });

  it('answers the script with every problem at its field, saving what was typed', async () => {
    const raw = plan2027();
    (raw.director as Record<string, unknown>).email = 'giamdoc-at-example.org';
    const res = await post(raw, '', `${EDITOR}/kiem-tra`);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as {
      problems: { path: string; field: string; message: string }[];
      valid: boolean;
    };
    expect(answer.valid).toBe(false);
    expect(answer.problems).toEqual([
      {
        path: 'director.email',
        field: 'director.email',
        message: '"giamdoc-at-example.org" không phải là địa chỉ e-mail hợp lệ',
      },
    ]);
    expect(((await loadDraft(store, ORG))!.raw.director as { email: string }).email).toBe('giamdoc-at-example.org');
    const fixed = (await (await post(plan2027(), '', `${EDITOR}/kiem-tra`)).json()) as { valid: boolean };
    expect(fixed.valid).toBe(true);
  });

  it('downloads the draft as a plan file at any time, valid or not', async () => {
    await post(plan2027(), 'save');
    const res = await client.get(`${EDITOR}/tai-ve`);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${ORG}-2027.yaml"`);
    const text = await res.text();
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=http://portal.test/tai-nguyen/plan.schema.json');
    const parsed = parsePlanText(text, 'x.yaml');
    expect(parsed.ok && parsed.plan.plan.number).toBe('01/KH-SGDĐT');
    const broken = plan2027();
    delete broken.units;
    await post(broken, 'save');
    expect(parsePlanText(await (await client.get(`${EDITOR}/tai-ve`)).text(), 'x.yaml').ok).toBe(false);
    // Its year cannot be computed yet: the calendar page says why.
    expect(await (await client.get(`${EDITOR}/lich`)).text()).toContain('Bản nháp còn lỗi nên chưa tính được lịch năm');
  });

  it('refuses to start a draft with problems, starts a valid one, and opens the running plan to amend it', async () => {
    const broken = plan2027();
    delete broken.forms;
    const refused = await post(broken, '', `${EDITOR}/bat-dau`);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(/id="e-forms">\s*<span>thiếu trường bắt buộc &quot;forms&quot;/);

    const started = await post(plan2027(), '', `${EDITOR}/bat-dau`);
    expect(started.status).toBe(303);
    expect(started.headers.get('location')).toBe(`/van-phong/${ORG}/2027?ok=started`);
    expect(await loadDraft(store, ORG)).toBeUndefined();
    expect((await env.client.workflow.getHandle(`plan-${ORG}-2027`).describe()).status.name).toBe('RUNNING');
    // A second start of the same year is not a restart: the editor says how to change the running plan instead.
    const again = await post(plan2027(), '', `${EDITOR}/bat-dau`);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain(`/van-phong/${ORG}/2027/sua`);

    // A draft being written is not replaced without asking.
    const asked = await client.get(`/van-phong/${ORG}/2027/sua`);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('Thay bản nháp đang soạn?');
    const csrf = await client.csrfOf(`/van-phong/${ORG}/2027/sua`);
    const opened = await client.post(`/van-phong/${ORG}/2027/sua`, { _csrf: csrf });
    expect(opened.headers.get('location')).toBe(EDITOR);
    const draft = await loadDraft(store, ORG);
    expect(draft).toMatchObject({ source: 'running', amends: { year: 2027 }, by: ADMIN.user });
    expect((draft!.raw.plan as { number: string }).number).toBe('01/KH-SGDĐT');
    // Opened again while it amends that year: straight back to it.
    expect((await client.get(`/van-phong/${ORG}/2027/sua`)).headers.get('location')).toBe(EDITOR);
    const page = await (await client.get(EDITOR)).text();
    expect(page).toContain(`href="${EDITOR}/thay-doi"`);
    expect(page).not.toContain(`formaction="${EDITOR}/bat-dau"`);
    // Starting an amending draft goes to its difference, after saving it.
    const toDiff = await post(draft!.raw, '', `${EDITOR}/bat-dau`);
    expect(toDiff.headers.get('location')).toBe(`${EDITOR}/thay-doi`);
    const discarded = await client.post(`${EDITOR}/xoa`, { _csrf: await client.csrfOf(EDITOR) });
    expect(discarded.status).toBe(303);
    expect(await loadDraft(store, ORG)).toBeUndefined();
  });

  it('refuses a form without its CSRF token, and sends the signed-out to sign in', async () => {
    await saveDraft(store, ORG, {
      raw: plan2027(),
      marked: [],
      source: 'blank',
      updatedAt: new Date().toISOString(),
      by: ADMIN.user,
    });
    const forged = await client.post(EDITOR, { ...rawToForm({}), op: 'save' });
    expect(forged.status).toBe(403);
    expect((await loadDraft(store, ORG))!.raw.units).toHaveLength(3);
    const stranger = portalClient(app);
    for (const [k, v] of client.cookies) stranger.cookies.set(k, v);
    await stranger.post('/dang-xuat', { _csrf: await stranger.csrfOf('/van-phong') });
    // Signed out: to the sign-in page, coming back here afterwards.
    expect((await stranger.get(EDITOR)).headers.get('location')).toContain('/dang-nhap?next=');
  });

  it('serves the editor’s files from a fixed list, cached for a year under their version', async () => {
    // (The test above signed the session out.)
    await client.login(ADMIN.user, ADMIN.password);
    const page = await (await client.get(EDITOR)).text();
    const src = /<script type="module" src="(\/tai-nguyen\/editor\.js\?v=[0-9a-f]{12})"/.exec(page)?.[1];
    expect(src).toBeDefined();
    const script = await client.get(src!);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toContain('kiem-tra');
    const cally = await client.get('/tai-nguyen/cally.js');
    expect(cally.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(await cally.text()).toContain('calendar-date');
    for (const path of ['/tai-nguyen/package.json', '/tai-nguyen/..%2Fpackage.json', '/tai-nguyen/editor.ts'])
      expect((await client.get(path)).status).toBe(404);
  });
});
