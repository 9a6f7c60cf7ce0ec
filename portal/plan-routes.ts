import { Hono, type Context } from 'hono';
import {
  getItemStatus,
  getPlanDefinition,
  getPlanStatus,
  pauseReminders,
  RequestRejectedError,
  requestAdHocReport,
  resumeReminders,
  updateCalendar,
  type PlanRef,
} from '../client/plan-client.js';
import { parseCalendarText } from '../domain/calendar-file.js';
import type { ResolvedDeps } from './deps.js';
import { field, fields } from './form-body.js';
import type { OfficeEnv } from './office-env.js';
import { planParam } from './office-params.js';
import { done, officeView, orNotFound } from './office-view.js';
import { planPage, type AdHocValues, type MatrixItem } from './pages/plan-page.js';
import { refuse } from './refusals.js';

/** `/van-phong/:org/:year`: one plan's matrix, its ad hoc requests and its reminders switch. */
export function planRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();

  /** The matrix, with every running item's current status (closed items carry their result). */
  const show = async (
    c: Context<OfficeEnv>,
    ref: PlanRef,
    status: 200 | 422,
    adHoc?: AdHocValues,
    errors?: string[],
  ) => {
    const [planStatus, plan] = await Promise.all([
      getPlanStatus(deps.client, ref),
      getPlanDefinition(deps.client, ref),
    ]);
    const itemStatus = (entry: MatrixItem['entry']) =>
      entry.result ??
      (entry.phase === 'running' ? getItemStatus(deps.client, ref, entry.itemId).catch(() => undefined) : undefined);
    const items: MatrixItem[] = await Promise.all(
      planStatus.items.map(async (entry) => ({ entry, status: await itemStatus(entry) })),
    );
    return c.html(planPage(officeView(c, deps, errors), { status: planStatus, plan, items, adHoc }), status);
  };

  app.get('/:org/:year', planParam, (c) => orNotFound(c, () => show(c, c.req.valid('param').ref, 200)));

  app.post('/:org/:year/dot-xuat', planParam, async (c) => {
    const { ref } = c.req.valid('param');
    const form = c.get('form');
    const req = {
      title: field(form, 'title').trim(),
      content: field(form, 'content').trim(),
      dueDate: field(form, 'dueDate'),
      units: fields(form, 'units'),
    };
    try {
      await requestAdHocReport(deps.client, ref, { ...req, by: c.get('session').user });
      return done(c, `/van-phong/${ref.org}/${ref.year}`, 'adhoc');
    } catch (err) {
      if (err instanceof RequestRejectedError) return show(c, ref, 422, req, [err.message]);
      throw err;
    }
  });

  /** The approved calendar, uploaded as a file: the plan takes it for items not yet open and tells running ones. */
  app.post('/:org/:year/lich', planParam, async (c) => {
    const { ref } = c.req.valid('param');
    const file = c.get('form').calendarFile;
    const lang = officeView(c, deps).lang;
    const text = file instanceof File ? await file.text() : '';
    const parsed = parseCalendarText(text, lang);
    if (!parsed.ok) return show(c, ref, 422, undefined, parsed.problems);
    try {
      await updateCalendar(deps.client, ref, parsed.years);
      return done(c, `/van-phong/${ref.org}/${ref.year}`, 'calendar');
    } catch (err) {
      if (err instanceof RequestRejectedError) return show(c, ref, 422, undefined, [err.message]);
      throw err;
    }
  });

  // Pausing is a signal: it cannot be refused, and the plan forwards it to every running item.
  app.post('/:org/:year/nhac-han', planParam, async (c) => {
    const { ref } = c.req.valid('param');
    const action = field(c.get('form'), 'action');
    if (action !== 'pause' && action !== 'resume')
      return refuse(c, 400, 'malformedBody', (t) => t.refusalDetails.reminderAction);
    return orNotFound(c, async () => {
      await (action === 'pause' ? pauseReminders : resumeReminders)(deps.client, ref, c.get('session').user);
      return done(c, `/van-phong/${ref.org}/${ref.year}`, action === 'pause' ? 'paused' : 'resumed');
    });
  });

  return app;
}
