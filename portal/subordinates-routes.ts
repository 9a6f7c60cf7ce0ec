import type { Client } from '@temporalio/client';
import { Hono, type Context } from 'hono';
import {
  getPlanDefinition,
  getPlanStatus,
  RequestRejectedError,
  requestAdHocReport,
  type PlanRef,
} from '../client/plan-client.js';
import { ISO_DATE } from '../domain/local-date.js';
import { may } from './access/permissions.js';
import type { ResolvedDeps } from './deps.js';
import { dateRead, datesAsShown } from './editor/form-values.js';
import { isNotFound } from './errors.js';
import { field, fields } from './form-body.js';
import { langOf } from './i18n.js';
import { withStatuses } from './item-states.js';
import type { OfficeEnv } from './office-env.js';
import { planParam } from './office-params.js';
import { done, officeView, orNotFound } from './office-view.js';
import { subordinatesPage, type SubordinatesAdHocValues } from './pages/subordinates-page.js';
import { subordinatesTexts } from './pages/subordinates-texts.js';
import { attemptOf } from './form-attempt.js';
import { reused } from './lists/reused.js';
import { subordinatesMatrix, type BodyPlan } from './subordinates-matrix.js';

/**
 * How long a subordinate's running plan is taken as read: the page asks one definition per body below (200 for a
 * department over its schools) on every view, and only an amendment of that plan changes the answer.
 */
const BODY_PLAN_TTL_MS = 30_000;

/**
 * What a subordinate's own plan of the year says: whether it runs here, and whether it has bodies below it. A plan
 * found is shared for `BODY_PLAN_TTL_MS` by every view; a plan not (yet) there is asked again each time.
 */
async function bodyPlan(client: Client, ref: PlanRef): Promise<BodyPlan> {
  const answer = await reused(
    client,
    `body-plan:${ref.org}:${ref.year}`,
    BODY_PLAN_TTL_MS,
    async (): Promise<BodyPlan> => {
      try {
        const plan = await getPlanDefinition(client, ref);
        // A plan-year started before `subordinates` existed has none in its definition.
        return { found: true, subordinates: plan.subordinates?.length ?? 0 };
      } catch (err) {
        return isNotFound(err) ? { found: false } : { found: 'unknown' };
      }
    },
    (plan) => plan.found === true,
  );
  return answer ?? { found: 'unknown' };
}

/**
 * `/van-phong/:org/:year/cap-duoi` (mounted there): the plan's subordinate bodies × its reports, and the ad hoc
 * request to chosen subordinates (`POST …/cap-duoi/dot-xuat`). `planAccess` has already checked the person: the page
 * is a read (the bodies above read it, two levels up as well); the request steers (the office of `org`).
 */
export function subordinatesRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();

  /** The page, with each opened report's status and each subordinate's own plan read as they are now. */
  const show = async (
    c: Context<OfficeEnv>,
    ref: PlanRef,
    status: 200 | 422,
    refused: { adHoc?: SubordinatesAdHocValues; errors?: string[] } = {},
  ) => {
    const [planStatus, plan] = await Promise.all([
      getPlanStatus(deps.client, ref),
      getPlanDefinition(deps.client, ref),
    ]);
    const reports = planStatus.items.filter((i) => i.kind === 'report' && i.phase !== 'dropped');
    const items = await withStatuses(deps.client, ref, reports);
    const bodies = new Map(
      await Promise.all(
        plan.subordinates.map(
          async (s) => [s.code, await bodyPlan(deps.client, { org: s.code, year: ref.year })] as const,
        ),
      ),
    );
    const view = officeView(c, deps, refused.errors);
    view.readOnly = !may(c.get('roles'), { do: 'steer-plan', org: ref.org });
    const matrix = subordinatesMatrix(plan, items, bodies);
    return c.html(subordinatesPage(view, { org: ref.org, year: ref.year, plan, matrix, adHoc: refused.adHoc }), status);
  };

  app.get('/', planParam, (c) => {
    const { ref } = c.req.valid('param');
    return orNotFound(c, () => show(c, ref, 200));
  });

  /** An ad hoc report from the subordinates checked: the plan's own update, with the session's user as `by`. */
  app.post('/dot-xuat', planParam, (c) => {
    const { ref } = c.req.valid('param');
    const t = subordinatesTexts(langOf(c)).refusals;
    const form = c.get('form');
    const typed: SubordinatesAdHocValues = {
      title: field(form, 'title').trim(),
      content: field(form, 'content').trim(),
      dueDate: field(form, 'dueDate').trim(),
      units: fields(form, 'units'),
      attempt: attemptOf(form),
    };
    return orNotFound(c, async () => {
      const below = (await getPlanDefinition(deps.client, ref)).subordinates.map((s) => s.code);
      const dueDate = dateRead(typed.dueDate);
      const errors = [
        ...(typed.units.length ? [] : [t.noBody]),
        ...typed.units.filter((code) => !below.includes(code)).map((code) => t.notBelow(code)),
        ...(ISO_DATE.test(dueDate) ? [] : [t.due(typed.dueDate)]),
      ];
      if (errors.length) return show(c, ref, 422, { adHoc: typed, errors });
      try {
        await requestAdHocReport(
          deps.client,
          ref,
          { title: typed.title, content: typed.content, units: typed.units, dueDate, by: c.get('session').user },
          { updateId: `dot-xuat:${typed.attempt}` },
        );
        return done(c, `/van-phong/${ref.org}/${ref.year}/cap-duoi`, 'adhoc');
      } catch (err) {
        if (!(err instanceof RequestRejectedError)) throw err;
        // The plan's validator speaks yyyy-MM-dd; the form is written dd/MM/yyyy. Refused before it reached the
        // history, the corrected form is a request of its own.
        const again = { ...typed, attempt: undefined };
        return show(c, ref, 422, { adHoc: again, errors: [t.refused(datesAsShown(err.message))] });
      }
    });
  });

  return app;
}
