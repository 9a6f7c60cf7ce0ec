/**
 * Bench P8's B: the office dashboard built the old way (bench/old-plan-list.ts), behind the same login, session
 * guard and page component as the portal's own `/van-phong`. Only the plan list differs: no total, pager or
 * attention block, since the old way had none.
 */
import { Hono } from 'hono';
import { loginRoutes } from '../portal/auth-routes.js';
import type { PortalDeps } from '../portal/deps.js';
import { resolveDeps } from '../portal/app.js';
import type { OfficeEnv } from '../portal/office-env.js';
import { officeGuard } from '../portal/office-guard.js';
import { officeView } from '../portal/office-view.js';
import { dashboardPage } from '../portal/pages/dashboard-page.js';
import type { PlanRow } from '../portal/lists/plan-row.js';
import type { PlanStatus } from '../workflows/plan-types.js';
import { oldListPlans } from './old-plan-list.js';

/** What the old list knew of a plan, as a row of today's page. */
const rowOf = (s: PlanStatus, archived: Set<string>): PlanRow => ({
  workflowId: s.workflowId,
  org: s.organisation,
  year: s.year,
  number: s.number,
  title: s.title,
  state: s.closing ? 'done' : 'running',
  ...(archived.has(`${s.organisation}/${s.year}`) ? { archived: true as const } : {}),
});

/** `/dang-nhap` and `/van-phong[?org=]` with the old list, with the deps resolved as `createPortalApp` does. */
export function oldDashboardApp(deps: PortalDeps): Hono {
  const resolved = resolveDeps(deps);
  const office = new Hono<OfficeEnv>();
  office.use('*', officeGuard(resolved));
  office.get('/', async (c) => {
    const old = await oldListPlans(resolved, c.req.query('org') || undefined);
    const archived = new Set(old.archived);
    return c.html(
      dashboardPage(officeView(c, resolved), {
        scope: 'all',
        params: { trail: [] },
        pageHref: () => '/van-phong',
        plans: {
          page: { rows: old.plans.map((s) => rowOf(s, archived)) },
          searchFailed: old.searchFailed,
          archived: [],
        },
      }),
    );
  });
  const app = new Hono();
  app.route('/dang-nhap', loginRoutes(resolved));
  app.route('/van-phong', office);
  return app;
}
