import { html } from 'hono/html';
import type { PlanProblem } from '../../domain/plan-file.js';
import type { DashboardParams } from '../dashboard-params.js';
import { withLang, type Lang } from '../i18n.js';
import type { ItemPage } from '../lists/item-page.js';
import type { OrgScope } from '../lists/scope.js';
import type { PlanLists } from '../plan-list.js';
import { texts, type Texts } from '../texts/index.js';
import { attentionSection } from './attention-section.js';
import { csrfField } from './components.js';
import type { Html } from './layout.js';
import { officePage, type OfficeView } from './office-shell.js';
import { planListSection, type PageHref } from './plan-list-section.js';

export interface DashboardModel {
  /** The organisations the user may see, and the filters and page asked for. */
  scope: OrgScope;
  params: DashboardParams;
  /** Links to other pages of the same list. */
  pageHref: PageHref;
  /** A page of plans from visibility search; `searchFailed` when the server cannot search (the test server). */
  plans: PlanLists;
  /** Overdue items and incidents in scope; absent when the server cannot search. */
  attention?: ItemPage;
  /** Why the uploaded plan file was refused, with the pasted text to show again. */
  problems?: PlanProblem[];
  planText?: string;
}

/** Opens any plan by its organisation code and year (`/van-phong/mo` redirects to its page). */
function openForm(lang: Lang, t: Texts['dashboard']): Html {
  return html`<form method="get" action="/van-phong/mo" class="row">
    ${lang === 'en' ? html`<input type="hidden" name="lang" value="en" />` : ''}
    <div>
      <label for="org">${t.orgCode}</label
      ><input type="text" id="org" name="org" pattern="[A-Z0-9][A-Z0-9-]*" required />
    </div>
    <div>
      <label for="year">${t.year}</label><input type="number" id="year" name="year" min="2000" max="2100" required />
    </div>
    <div><button type="submit" class="secondary">${t.open}</button></div>
  </form>`;
}

/** Every problem of a refused plan file, at file:line:col with its path in the plan. */
function problemList(problems: PlanProblem[], t: Texts['dashboard']): Html | '' {
  if (!problems.length) return '';
  const item = (p: PlanProblem) =>
    html`<li><code>${p.file}:${p.line}:${p.column}</code> <code>${p.path || '-'}</code> ${p.message}</li>`;
  return html`<div class="error" role="alert">
    <strong>${t.invalidPlan}</strong>
    <ul>
      ${problems.map(item)}
    </ul>
  </div>`;
}

/** Starts a plan from its file, or amends the running plan when a note says why. */
function uploadForm(v: OfficeView, planText: string, t: Texts['dashboard']): Html {
  return html`<form
    method="post"
    enctype="multipart/form-data"
    action="${withLang('/van-phong/ke-hoach', v.lang)}"
    class="card"
  >
    ${csrfField(v.csrf)}
    <label for="planFile">${t.planFile}</label>
    <input type="file" id="planFile" name="planFile" accept=".yaml,.yml,.json" />
    <label for="planText">${t.orPaste}</label>
    <textarea id="planText" name="planText" style="font-family:monospace">${planText}</textarea>
    <label for="amendNote">${t.amendNote}</label><input type="text" id="amendNote" name="amendNote" maxlength="500" />
    <button type="submit">${t.submit}</button>
  </form>`;
}

/**
 * `/van-phong`: a filtered page of plans, a form that opens one by code and year, the items needing attention, and
 * the form that starts or amends a plan.
 */
export function dashboardPage(v: OfficeView, m: DashboardModel): Html {
  const t = texts(v.lang).dashboard;
  const body = html`<h1>${t.heading}</h1>
    <div class="card">${planListSection(m, v.lang, texts(v.lang))} ${openForm(v.lang, t)}</div>
    ${attentionSection(m.attention, v.lang, texts(v.lang))}
    <h2>${t.startNew}</h2>
    ${problemList(m.problems ?? [], t)} ${uploadForm(v, m.planText ?? '', t)}`;
  return officePage(v, { path: '/van-phong', title: t.title, body });
}
