import { html } from 'hono/html';
import { withLang, type Lang } from '../i18n.js';
import type { ItemPage } from '../lists/item-page.js';
import type { ItemRow } from '../lists/item-row.js';
import type { Texts } from '../texts/index.js';
import type { Html } from './layout.js';
import { listDay } from './list-day.js';

function itemRow(r: ItemRow, lang: Lang, t: Texts): Html {
  return html`<tr>
    <td>
      <a href="${withLang(`/van-phong/${r.org}/${r.year}/${r.itemId}`, lang)}">${r.org} ${r.year} · ${r.itemId}</a>
    </td>
    <td>${r.overdueUnits.join(', ')}</td>
    <td>${listDay(r.nextDeadline)}</td>
    <td>${r.incident ? html`<span class="flag">${t.lists.hasIncident}</span>` : ''}</td>
  </tr>`;
}

/**
 * Items of the organisations in scope that are overdue or have an incident, from one visibility search; left out
 * when the server cannot search.
 */
export function attentionSection(page: ItemPage | undefined, lang: Lang, t: Texts): Html | '' {
  if (!page) return '';
  const l = t.lists;
  if (!page.rows.length)
    return html`<h2>${l.attention}</h2>
      <p>${l.attentionNone}</p>`;
  return html`<h2>${l.attention}</h2>
    <p>${l.attentionShown(page.rows.length, page.nextPageToken !== undefined)}</p>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>${l.item}</th>
            <th>${l.overdueUnits}</th>
            <th>${l.nextDeadline}</th>
            <th>${l.incident}</th>
          </tr>
        </thead>
        <tbody>
          ${page.rows.map((r) => itemRow(r, lang, t))}
        </tbody>
      </table>
    </div>`;
}
