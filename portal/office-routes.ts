import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { RequestRejectedError, startOrAmendPlan } from '../client/plan-client.js';
import { parsePlanText, type PlanProblem } from '../domain/plan-file.js';
import type { ResolvedDeps } from './deps.js';
import { field } from './form-body.js';
import { langOf, withLang } from './i18n.js';
import { itemRoutes } from './item-routes.js';
import type { OfficeEnv } from './office-env.js';
import { officeGuard } from './office-guard.js';
import { isOrgCode } from './office-params.js';
import { done, officeView } from './office-view.js';
import { dashboardPage } from './pages/dashboard-page.js';
import { listPlans } from './plan-list.js';
import { planRoutes } from './plan-routes.js';
import { refuse } from './refusals.js';
import { resolveInside } from './safe-path.js';
import { texts } from './texts/index.js';

/** `/van-phong`: the office's pages, every one behind the session guard (and every POST behind its CSRF token). */
export function officeRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();
  const { config } = deps;

  // Limit before the guard reads the body: a plan file and office forms are small.
  app.use('*', bodyLimit({ maxSize: 1024 * 1024, onError: (c) => refuse(c, 413, 'tooLarge') }));
  app.use('*', officeGuard(deps));

  /** The dashboard, with a refused upload's problems and text, or the errors of a refused amendment. */
  const dashboard = async (
    c: Context<OfficeEnv>,
    upload: { problems?: PlanProblem[]; planText?: string } = {},
    errors?: string[],
  ) => dashboardPage(officeView(c, deps, errors), { ...(await listPlans(deps)), ...upload });

  app.get('/', async (c) => c.html(dashboard(c)));

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

  app.route('/', planRoutes(deps));
  app.route('/', itemRoutes(deps));
  return app;
}
