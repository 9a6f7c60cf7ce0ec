import { html } from 'hono/html';
import { formatDate } from '../../domain/format-date.js';
import type { YearCalendar } from '../../domain/year-calendar.js';
import type { PlanStatus } from '../../workflows/plan-types.js';
import { withLang } from '../i18n.js';
import type { Html } from './layout.js';
import { officePage, type OfficeView } from './office-shell.js';
import { yearCalendarSection } from './year-calendar-section.js';
import { yearCalendarTexts } from './year-calendar-texts.js';

/** `/van-phong/:org/:year/lich-nam`: the running plan's year calendar, today marked, a way back to the plan. */
export function yearCalendarPage(
  v: OfficeView,
  m: { status: PlanStatus; orgName: string; calendar: YearCalendar },
): Html {
  const t = yearCalendarTexts(v.lang);
  const { status, calendar } = m;
  const planPath = `/van-phong/${status.organisation}/${status.year}`;
  const today = calendar.today ? html`<p><strong>${t.todayIs(formatDate(calendar.today, v.lang))}</strong></p>` : '';
  const body = html`<h1>${t.heading(status.year)} – ${status.number}: ${status.title}</h1>
    <p><a href="${withLang(planPath, v.lang)}">← ${t.backToPlan}</a></p>
    ${today} ${yearCalendarSection(calendar, v.lang)}`;
  return officePage(v, {
    path: `${planPath}/lich-nam`,
    title: `${t.heading(status.year)} – ${status.number}`,
    org: m.orgName,
    body,
  });
}
