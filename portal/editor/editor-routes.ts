import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { RequestRejectedError, startOrAmendPlan } from '../../client/plan-client.js';
import { localDateOf } from '../../domain/local-date.js';
import { planYearCalendar } from '../../domain/year-calendar.js';
import type { ResolvedDeps } from '../deps.js';
import { langOf, withLang } from '../i18n.js';
import type { OfficeEnv } from '../office-env.js';
import { isOrgCode } from '../office-params.js';
import { done, officeView } from '../office-view.js';
import { editorHref, editorPage, problemSummary, savedAt } from '../pages/editor-page.js';
import { editorCalendarPage } from '../pages/editor-calendar-page.js';
import { importSection } from '../pages/editor-import-section.js';
import { refuse } from '../refusals.js';
import { blankDraft } from './blank-draft.js';
import { checkDraft } from './draft-check.js';
import { saveFromForm, type SavedForm } from './draft-save.js';
import { clearDraft, loadDraft } from './draft-store.js';
import { draftFile } from './draft-yaml.js';
import { editorTexts } from './editor-texts.js';

type EditorDraft = Parameters<typeof editorPage>[1]['draft'];

/**
 * `/van-phong/:org/soan-thao` (mounted there by the office routes): the office's plan editor. `plan-access.ts` has
 * already required the organisation's office for every request here, and the office guard the CSRF token of every
 * POST. Every POST saves the posted form as the draft before anything else, so nothing typed is lost.
 */
export function editorRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();
  const orgOf = (c: Context<OfficeEnv>) => c.req.param('org') ?? '';
  app.use('*', async (c, next) => (isOrgCode(orgOf(c)) ? next() : refuse(c, 404, 'pageNotFound')));

  /** The draft, or the blank one a new plan starts from (prefilled from the organisations directory). */
  const current = async (org: string): Promise<EditorDraft> =>
    (await loadDraft(deps.store, org)) ?? blankDraft(org, deps.directory);

  /** The editor on `draft`, with every problem at its field when `showAll`. */
  const show = (
    c: Context<OfficeEnv>,
    draft: EditorDraft,
    o: { showAll: boolean; status?: ContentfulStatusCode; errors?: string[] },
  ) => {
    const org = orgOf(c);
    const v = officeView(c, deps, o.errors);
    const check = checkDraft(draft.raw, org, v.lang);
    const page = editorPage(v, { org, draft, check, showAll: o.showAll, imports: importSection(v, org) });
    return c.html(page, o.status ?? 200);
  };

  app.get('/', async (c) => show(c, await current(orgOf(c)), { showAll: c.req.query('kiem-tra') === '1' }));

  /** Save, check or a row operation: saved, then back (303) to the same place of the page. */
  app.post('/', async (c) => {
    const org = orgOf(c);
    const saved = await saveFromForm(c, deps, org);
    return c.redirect(backTo(org, saved, langOf(c)), 303);
  });

  /** The editor's script as one types: saved, then every problem at its field (JSON). */
  app.post('/kiem-tra', async (c) => {
    const org = orgOf(c);
    const lang = langOf(c);
    const { record, checked } = await saveFromForm(c, deps, org);
    const check = checkDraft(record.raw, org, lang);
    const summary = await problemSummary(editorTexts(lang), check.problems, check.model.anchors, checked);
    return c.json(
      {
        problems: check.problems.map(({ path, message, field }) => ({ path, message, field })),
        valid: check.plan !== undefined,
        summary: summary.toString(),
        savedAt: record.updatedAt,
      },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });

  /** The draft as a plan file, valid or not, at any time. */
  app.get('/tai-ve', async (c) => {
    const org = orgOf(c);
    const draft = await current(org);
    const year = (draft.raw.plan as { year?: unknown } | undefined)?.year;
    const name = `${org}-${Number.isInteger(year) ? String(year) : 'nhap'}.yaml`;
    const text = draftFile(draft.raw, {
      baseUrl: deps.config.PORTAL_BASE_URL,
      org,
      savedAt: draft.updatedAt ? savedAt(draft.updatedAt, 'vi') : undefined,
    });
    return c.body(text, 200, {
      'Content-Type': 'application/yaml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
  });

  /**
   * Starts the plan when the draft validates, as the dashboard's upload does (`startOrAmendPlan`, no note), then
   * clears the draft and goes to the plan's page. A draft that amends a running plan goes to its difference instead.
   */
  app.post('/bat-dau', async (c) => {
    const org = orgOf(c);
    const lang = langOf(c);
    const t = editorTexts(lang);
    const { record } = await saveFromForm(c, deps, org);
    if (record.amends) return c.redirect(withLang(editorHref(org, 'thay-doi'), lang), 303);
    const { plan } = checkDraft(record.raw, org, lang);
    if (!plan) return show(c, record, { showAll: true, status: 422 });
    try {
      const outcome = await startOrAmendPlan(deps.client, plan, {
        taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
        clock: plan.demo ? { speed: plan.demo.speed } : undefined,
      });
      if (outcome === 'running') {
        const open = withLang(`/van-phong/${org}/${plan.plan.year}/sua`, lang);
        return show(c, record, { showAll: false, status: 409, errors: [t.running(open)] });
      }
      await clearDraft(deps.store, org);
      return done(c, `/van-phong/${org}/${plan.plan.year}`, outcome);
    } catch (err) {
      if (!(err instanceof RequestRejectedError)) throw err;
      return show(c, record, { showAll: true, status: 422, errors: [t.rejected(err.message)] });
    }
  });

  /** Discards the draft: the editor starts again from the blank one. */
  app.post('/xoa', async (c) => {
    const org = orgOf(c);
    await clearDraft(deps.store, org);
    return c.redirect(withLang(editorHref(org), langOf(c)), 303);
  });

  /** The draft's year at a glance, once it validates. */
  app.get('/lich', async (c) => {
    const org = orgOf(c);
    const v = officeView(c, deps);
    const { plan } = checkDraft((await current(org)).raw, org, v.lang);
    // A draft runs on no plan clock yet: today is the real one, in the plan's zone.
    const today = plan ? localDateOf(deps.now().toISOString(), plan.organisation.timeZone) : undefined;
    const calendar = plan ? planYearCalendar(plan, v.lang, { today }) : undefined;
    return c.html(editorCalendarPage(v, { org, calendar }));
  });

  return app;
}

/** Where a saving POST goes back to: the row it added or moved, the problems after "Check", else the page. */
function backTo(org: string, saved: SavedForm, lang: 'vi' | 'en'): string {
  const checked = saved.op === 'check' || saved.checked;
  const path = withLang(`${editorHref(org)}${checked ? '?kiem-tra=1' : ''}`, lang);
  const anchor = saved.anchor ?? (saved.op === 'check' ? 'tom-tat' : undefined);
  return anchor ? `${path}#${anchor}` : path;
}
