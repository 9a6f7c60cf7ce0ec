import { Hono } from 'hono';
import { getPlanDefinition, getPlanStatus } from '../client/plan-client.js';
import { planYearCalendar } from '../domain/year-calendar.js';
import type { ResolvedDeps } from './deps.js';
import { currentDeadlines, itemStates, withStatuses } from './item-states.js';
import type { OfficeEnv } from './office-env.js';
import { planParam } from './office-params.js';
import { officeView, orNotFound } from './office-view.js';
import { heldCalendarYears } from './plan-calendar-years.js';
import { planToday } from './plan-today.js';
import { yearCalendarPage } from './pages/year-calendar-page.js';

/**
 * `/van-phong/:org/:year/lich-nam` (mounted at `/:org/:year/lich-nam`): the running plan's year at a glance, from
 * its definition in force and the calendar years it holds, today on the plan's own clock (`plan-today.ts`: a demo plan
 * runs faster than real time), each item's actions coloured by what has become of it, and what the year changed (an
extended deadline, a reassigned unit, an ad hoc report). A read: `planAccess` lets whoever may
 * read the plan through.
 */
export function yearCalendarRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();

  app.get('/', planParam, async (c) => {
    const { ref } = c.req.valid('param');
    return orNotFound(c, async () => {
      const [status, plan] = await Promise.all([getPlanStatus(deps.client, ref), getPlanDefinition(deps.client, ref)]);
      const items = await withStatuses(deps.client, ref, status.items);
      const view = officeView(c, deps);
      const [calendarYears, today] = await Promise.all([
        heldCalendarYears(deps.client, status),
        planToday(deps.client, status, plan.organisation.timeZone, deps.now()),
      ]);
      const calendar = planYearCalendar(plan, view.lang, {
        calendarYears,
        today,
        states: itemStates(items),
        current: currentDeadlines(items),
      });
      return c.html(yearCalendarPage(view, { status, orgName: plan.organisation.name, calendar }));
    });
  });

  return app;
}
