import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { RequestRejectedError, startOrAmendPlan } from '../client/plan-client.js';
import { parsePlanText, type PlanProblem } from '../domain/plan-file.js';
import type { ResolvedDeps } from './deps.js';
import { deriveRoutes } from './derive-routes.js';
import { dashboardHref, parseDashboardParams, type DashboardParams } from './dashboard-params.js';
import { field } from './form-body.js';
import { langOf, withLang } from './i18n.js';
import { amendRoutes } from './editor/amend-routes.js';
import { importRoutes } from './editor/import-routes.js';
import { importBodyLimit, isImportUpload } from './editor/import-upload.js';
import { itemRoutes } from './item-routes.js';
import { ListQueryError } from './lists/query-values.js';
import { narrowScope, type OrgScope } from './lists/scope.js';
import type { OfficeEnv } from './office-env.js';
import { forbidden } from './access/forbidden.js';
import { planAccess } from './access/plan-access.js';
import { headedUnits, readableOrgs } from './access/permissions.js';
import { myDuties } from './my-duties.js';
import { officeGuard } from './office-guard.js';
import { myDutiesPage } from './pages/my-duties-page.js';
import { organisationsPage } from './pages/organisations-page.js';
import { isOrgCode } from './office-params.js';
import { done, officeView } from './office-view.js';
import { dashboardPage } from './pages/dashboard-page.js';
import { listAttention, listPlans } from './plan-list.js';
import { planRoutes } from './plan-routes.js';
import { refuse } from './refusals.js';
import { subordinatesRoutes } from './subordinates-routes.js';
import { resolveInside } from './safe-path.js';
import { texts } from './texts/index.js';
import { yearCalendarRoutes } from './year-calendar-routes.js';
import { editorRoutes } from './editor/editor-routes.js';
import { openRunningRoutes } from './editor/open-running-route.js';

/**
 * The organisation a report file belongs to: its name starts with its item's workflow id
 * (`reports/plan-SGDDT-HCM-2026-report-Q1.docx`, or `plan-….report-Q1.docx` in REPORTS_DIR), or it sits in the
 * organisation's folder of REPORTS_DIR (`SGDDT-HCM/…`). Nothing else is served.
 */
function reportOwner(f: string): string | undefined {
  const m = /^(?:reports\/)?(?:plan-([A-Z0-9][A-Z0-9-]*)-\d{4}[-.]|([A-Z0-9][A-Z0-9-]*)\/)/.exec(f);
  return m?.[1] ?? m?.[2];
}

/** `/van-phong`: the office's pages, every one behind the session guard (and every POST behind its CSRF token). */
export function officeRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();
  const { config } = deps;

  // Limit before the guard reads the body: a plan file and office forms are small; the editor's workbook and signed
  // document uploads have their own limit.
  const formLimit = bodyLimit({ maxSize: 1024 * 1024, onError: (c) => refuse(c, 413, 'tooLarge') });
  app.use('*', (c, next) => (isImportUpload(c.req.path) ? importBodyLimit : formLimit)(c, next));
  app.use('*', officeGuard(deps));
  // Every `/:org/:year[/…]` page and form is checked against its organisation first (portal/access/).
  app.use('*', planAccess(deps));

  /**
   * The dashboard on the page and filters asked for (the first page, unfiltered, after a form), with a refused
   * upload's problems and text, or the errors of a refused amendment.
   */
  const dashboard = async (
    c: Context<OfficeEnv>,
    upload: { problems?: PlanProblem[]; planText?: string } = {},
    errors?: string[],
    params: DashboardParams = { trail: [] },
  ) => {
    // What the person's roles let them list: their organisations (and those below them), or all for administrators.
    const scope: OrgScope = readableOrgs(c.get('roles'));
    const orgs = narrowScope(scope, params.org);
    const [plans, attention] = await Promise.all([
      listPlans(deps, { orgs, year: params.year, state: params.state }, params.trail),
      listAttention(deps, { orgs, year: params.year }),
    ]);
    const pageHref = (trail: readonly string[]) => dashboardHref(params, trail, langOf(c), config.LINK_SECRET);
    return dashboardPage(officeView(c, deps, errors), { scope, params, pageHref, plans, attention, ...upload });
  };

  app.get('/', async (c) => {
    // Someone who only heads units has no plan list: their page is their units' duties.
    const roles = c.get('roles');
    if (roles.length > 0 && roles.every((r) => r.kind === 'unit-head'))
      return c.redirect(withLang('/van-phong/cua-toi', langOf(c)), 303);
    try {
      const params = parseDashboardParams(c.req.query(), config.LINK_SECRET);
      return c.html(await dashboard(c, {}, undefined, params));
    } catch (err) {
      // A filter or page link no search may carry, or a page token the server refused: a page, never a 500.
      if (err instanceof ListQueryError) return refuse(c, 400, 'badListQuery');
      throw err;
    }
  });

  /** The dashboard's "open by code and year" form. */
  app.get('/mo', (c) => {
    const org = (c.req.query('org') ?? '').trim().toUpperCase();
    const year = Number(c.req.query('year'));
    const path = isOrgCode(org) && Number.isInteger(year) ? `/van-phong/${org}/${year}` : '/van-phong';
    return c.redirect(withLang(path, langOf(c)), 303);
  });

  /** A plan file: started, reported as running, or (with a note) amended; an invalid file shows every problem. */
  app.post('/ke-hoach', async (c) => {
    const lang = langOf(c);
    const form = c.get('form');
    const file = form.planFile;
    const pasted = field(form, 'planText');
    // A chosen file with nothing in it is still the file (and says it is empty), unless text was pasted instead.
    const fromFile = file instanceof File && (file.size > 0 || (file.name !== '' && pasted.trim() === ''));
    // Bytes, not text: a Word, PDF or image file is recognised by its first bytes, which decoding would mangle.
    const input = fromFile ? new Uint8Array(await file.arrayBuffer()) : pasted;
    const fileName = fromFile ? basename(file.name) : texts(lang).dashboard.pastedFileName;
    const parsed = parsePlanText(input, fileName, lang);
    if (!parsed.ok) return c.html(dashboard(c, { problems: parsed.problems, planText: fromFile ? '' : pasted }), 422);
    const { plan } = parsed;
    // Only the office of the plan's own organisation (or an administrator) starts or amends it.
    const refused = forbidden(c, { do: 'steer-plan', org: plan.organisation.code });
    if (refused) return refused;
    try {
      const outcome = await startOrAmendPlan(deps.client, plan, {
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        clock: plan.demo ? { speed: plan.demo.speed } : undefined,
        note: field(form, 'amendNote').trim(),
        by: c.get('session').user,
      });
      return done(c, `/van-phong/${plan.organisation.code}/${plan.plan.year}`, outcome);
    } catch (err) {
      if (!(err instanceof RequestRejectedError)) throw err;
      return c.html(dashboard(c, {}, [err.message]), 422);
    }
  });

  /**
   * Report files: from the blob store under `reports/` (what workers file now), or from REPORTS_DIR for the file
   * paths of reports filed before; nothing else. Always a download, never rendered in the portal's origin.
   */
  app.get('/bao-cao', async (c) => {
    const f = c.req.query('f') ?? '';
    const owner = reportOwner(f);
    if (!owner) return refuse(c, 404, 'pageNotFound');
    const refused = forbidden(c, { do: 'read-plan', org: owner });
    if (refused) return refused;
    const stored = f.startsWith('reports/') ? await deps.blobs.get(f).catch(() => undefined) : undefined;
    const path = stored ? undefined : await resolveInside(config.REPORTS_DIR, f);
    if (!stored && !path) return refuse(c, 404, 'pageNotFound');
    const name = stored ? (stored.fileName ?? basename(f)) : basename(path!);
    return c.body(new Uint8Array(stored ? stored.body : await readFile(path!)), 200, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'X-Content-Type-Options': 'nosniff',
    });
  });

  /** A unit head's own page: every open duty of the units they head, across plans and years. */
  app.get('/cua-toi', async (c) => {
    const units = headedUnits(c.get('roles'));
    const duties = await myDuties(deps.client, units, {
      baseUrl: config.PORTAL_BASE_URL,
      secret: config.LINK_SECRET,
      ttlDays: config.LINK_TTL_DAYS,
    });
    return c.html(myDutiesPage(officeView(c, deps), { duties, units }));
  });

  /** The organisations of the deployment as a tree (names and offices are public facts of the bodies). */
  app.get('/co-quan', (c) => c.html(organisationsPage(officeView(c, deps), deps.directory)));

  // Before the plan routes, whose `/:org/:year/:item` would take `soan-thao/excel` for a plan-year and an item.
  app.route('/:org/soan-thao/thay-doi', amendRoutes(deps));
  app.route('/:org/soan-thao', importRoutes(deps));
  app.route('/:org/soan-thao', editorRoutes(deps));
  app.route('/:org/:year/sua', openRunningRoutes(deps));
  app.route('/:org/:year/lich-nam', yearCalendarRoutes(deps));
  app.route('/:org/:year/giao-cap-duoi', deriveRoutes(deps));
  app.route('/:org/:year/cap-duoi', subordinatesRoutes(deps));
  app.route('/', planRoutes(deps));
  app.route('/', itemRoutes(deps));
  return app;
}
