import { html } from 'hono/html';
import type { DashboardParams } from '../dashboard-params.js';
import { withLang, type Lang } from '../i18n.js';
import { MAX_TRAIL, nextTrail } from '../lists/page-token.js';
import { PLAN_STATES } from '../lists/plan-query.js';
import type { PlanRow } from '../lists/plan-row.js';
import type { OrgScope } from '../lists/scope.js';
import type { PlanLists } from '../plan-list.js';
import type { Texts } from '../texts/index.js';
import type { Html } from './layout.js';
import { listDay } from './list-day.js';

/** A scope this small gets a choice list of its organisations; a larger one (or all) a code field. */
const MAX_ORG_CHOICES = 50;

/** The GET form of the filters: organisation, year, state. A new filter starts again from the first page. */
function filterForm(scope: OrgScope, p: DashboardParams, lang: Lang, t: Texts): Html {
  const l = t.lists;
  const org =
    scope !== 'all' && scope.length <= MAX_ORG_CHOICES
      ? html`<select id="f-org" name="org">
          <option value="">${l.allOrgs}</option>
          ${scope.map((o) => html`<option value="${o}" ${o === p.org ? 'selected' : ''}>${o}</option>`)}
        </select>`
      : html`<input
          type="text"
          id="f-org"
          name="org"
          value="${p.org ?? ''}"
          pattern="[A-Za-z0-9][A-Za-z0-9-]*"
          placeholder="${l.orgHint}"
        />`;
  const state = html`<select id="f-state" name="state">
    <option value="">${l.allStates}</option>
    ${PLAN_STATES.map((s) => html`<option value="${s}" ${s === p.state ? 'selected' : ''}>${l.planStates[s]}</option>`)}
  </select>`;
  return html`<form method="get" action="/van-phong" class="row" aria-label="${l.filters}">
    ${lang === 'en' ? html`<input type="hidden" name="lang" value="en" />` : ''}
    <div><label for="f-org">${l.org}</label>${org}</div>
    <div>
      <label for="f-year">${l.year}</label
      ><input type="number" id="f-year" name="year" min="2000" max="2100" value="${p.year ?? ''}" />
    </div>
    <div><label for="f-state">${l.state}</label>${state}</div>
    <div><button type="submit" class="secondary">${l.apply}</button></div>
  </form>`;
}

/** One plan: its page, number and title (from the memo), state, start and close dates. */
function planRow(r: PlanRow, lang: Lang, t: Texts): Html {
  const l = t.lists;
  const doc = r.number ? `${t.dashboard.number} ${r.number}: ${r.title ?? ''}` : '';
  return html`<tr>
    <td>
      <a href="${withLang(`/van-phong/${r.org}/${r.year}`, lang)}">${r.org} ${r.year}</a>${
        r.orgName ? html`<div class="hint">${r.orgName}</div>` : ''
      }
    </td>
    <td>${doc || html`<span class="hint">${l.noMemo}</span>`}${r.archived ? html` (${t.dashboard.archived})` : ''}</td>
    <td>${l.planStates[r.state]}</td>
    <td>${listDay(r.startTime)}</td>
    <td>${listDay(r.closeTime)}</td>
  </tr>`;
}

/** First, previous and next page; the page number while the trail still counts every page. */
function pager(p: DashboardParams, next: string | undefined, href: PageHref, t: Texts): Html | '' {
  const l = t.lists;
  const { trail } = p;
  if (!trail.length && !next) return '';
  const link = (to: readonly string[], label: string) => html`<a href="${href(to)}">${label}</a>`;
  return html`<nav class="row" aria-label="${l.pageNumber(trail.length + 1)}">
    ${trail.length < MAX_TRAIL ? html`<span>${l.pageNumber(trail.length + 1)}</span>` : ''}
    ${trail.length > 1 ? link([], l.first) : ''} ${trail.length ? link(trail.slice(0, -1), l.previous) : ''}
    ${next ? link(nextTrail(trail, next), l.next) : ''}
  </nav>`;
}

/** The address of the page a trail leads to, with the same filters (signed: dashboard-params.ts). */
export type PageHref = (trail: readonly string[]) => string;

/** The filters, the total, a page of plans and the pager; or why the server cannot list them. */
export function planListSection(
  v: { scope: OrgScope; params: DashboardParams; plans: PlanLists; pageHref: PageHref },
  lang: Lang,
  t: Texts,
): Html {
  const { scope, params: p, plans: lists } = v;
  const { page, archived } = lists;
  const rows = [...(page?.rows ?? []), ...archived];
  const unavailable = lists.searchFailed ? html`<p class="hint">${t.dashboard.searchUnavailable}</p>` : '';
  const filtered = p.org !== undefined || p.year !== undefined || p.state !== undefined;
  const empty = filtered ? t.lists.noMatch : t.dashboard.noPlans;
  const table = rows.length
    ? html`<div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>${t.lists.plan}</th>
              <th>${t.lists.document}</th>
              <th>${t.lists.state}</th>
              <th>${t.lists.started}</th>
              <th>${t.lists.closed}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((r) => planRow(r, lang, t))}
          </tbody>
        </table>
      </div>`
    : unavailable
      ? ''
      : html`<p>${empty}</p>`;
  const total = page?.total !== undefined ? html`<p>${t.lists.total(page.total)}</p>` : '';
  return html`${lists.searchFailed ? '' : filterForm(scope, p, lang, t)} ${unavailable} ${total} ${table}
  ${pager(p, page?.nextPageToken, v.pageHref, t)}`;
}
