import { html } from 'hono/html';
import type { YearCalendar } from '../../domain/year-calendar.js';
import { editorTexts } from '../editor/editor-texts.js';
import { withLang } from '../i18n.js';
import { editorHref } from './editor-page.js';
import { officePage, type OfficeView } from './office-shell.js';
import { yearCalendarSection } from './year-calendar-section.js';

/**
 * `/van-phong/:org/soan-thao/lich`: the draft's year at a glance (every opening, reminder, deadline, escalation and
 * report date on the official calendar), or, while the draft has problems, why it cannot be shown yet.
 */
export function editorCalendarPage(v: OfficeView, m: { org: string; calendar?: YearCalendar }) {
  const t = editorTexts(v.lang).calendar;
  const back = html`<p><a href="${withLang(editorHref(m.org), v.lang)}">← ${t.back}</a></p>`;
  const year = m.calendar ? String(m.calendar.year) : '';
  const body = m.calendar
    ? html`<h1>${t.heading(year)}</h1>
        ${back} ${yearCalendarSection(m.calendar, v.lang)}`
    : html`<h1>${t.title}</h1>
        ${back}
        <p class="error" role="alert">${t.invalid}</p>`;
  return officePage(v, { path: editorHref(m.org, 'lich'), title: `${t.title} – ${m.org}`, body });
}
