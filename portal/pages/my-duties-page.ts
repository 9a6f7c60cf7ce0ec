import { html } from 'hono/html';
import { formatShortDate } from '../../domain/format-date.js';
import { withLang } from '../i18n.js';
import type { MyDuty } from '../my-duties.js';
import { texts } from '../texts/index.js';
import { listTable, stateBadge } from './components.js';
import type { Html } from './layout.js';
import { officePage, type OfficeView } from './office-shell.js';

/** `/van-phong/cua-toi`: a unit head's open duties across plans and years, each with its deadline, state and submit button. */
export function myDutiesPage(v: OfficeView, m: { duties: MyDuty[]; units: { org: string; unit: string }[] }): Html {
  const all = texts(v.lang);
  const t = all.myDuties;
  const rows = m.duties.map(
    (d) =>
      html`<tr>
        <td>${d.org} ${d.year}</td>
        <td>${d.unit}</td>
        <td>
          ${d.item.title}
          <div class="hint">${d.item.itemId}</div>
        </td>
        <td>${formatShortDate(d.outcome.due.slice(0, 10))}</td>
        <td>${stateBadge(d.outcome.state, all)}</td>
        <td>
          <a class="button" href="${withLang(d.submitHref, v.lang)}">${d.outcome.versions ? t.resubmit : t.submit}</a>
        </td>
      </tr>`,
  );
  const body = html`<h1>${t.heading}</h1>
    <p class="hint">${m.units.length ? t.units(m.units.map((u) => `${u.unit} (${u.org})`).join(', ')) : t.noUnits}</p>
    ${listTable(
      [t.colPlan, t.colUnit, t.colItem, t.colDue, t.colState, html`<span class="sr-only">${t.submit}</span>`],
      rows,
      t.none,
    )}`;
  return officePage(v, { path: '/van-phong/cua-toi', title: t.heading, body });
}
