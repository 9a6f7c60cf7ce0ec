import { html } from 'hono/html';
import type { DerivedPlan } from '../../domain/derive-plan.js';
import { formatShortDate } from '../../domain/format-date.js';
import { periodLabel } from '../../domain/plan-checks.js';
import type { Plan } from '../../domain/plan-schema.js';
import type { Organisation } from '../../organisations/directory-schema.js';
import { deriveTexts } from '../editor/derive-texts.js';
import { withLang } from '../i18n.js';
import { csrfField, listTable } from './components.js';
import type { Html } from './layout.js';
import { officePage, type OfficeView } from './office-shell.js';

/** What the parent's office handed down: to whom, from which plan, and with what. */
export interface DerivedDraftModel {
  parent: Plan;
  child: Organisation;
  derived: DerivedPlan;
  leadWorkingDays: number;
}

/**
 * After `giao-cap-duoi`: the subordinate's draft is saved; where its office opens it, each period's deadline against
 * this plan's, and the fields left for its clerk.
 */
export function derivedDraftPage(v: OfficeView, m: DerivedDraftModel): Html {
  const t = deriveTexts(v.lang).done;
  const { parent, child, derived } = m;
  const base = `/van-phong/${parent.organisation.code}/${parent.plan.year}`;
  const editor = `/van-phong/${child.code}/soan-thao`;
  const rows = derived.deadlines.map(
    (d) =>
      html`<tr>
        <td>${periodLabel(d.period, v.lang)}</td>
        <td>${formatShortDate(d.childOfficeDue)}</td>
        <td>${formatShortDate(d.latest)}</td>
        <td>${formatShortDate(d.parentUnitDue)}</td>
      </tr>`,
  );
  const body = html`<h1>${t.title}</h1>
    <div class="ok" role="status">${t.saved(`${child.code} – ${child.name}`, parent.plan.number)}</div>
    <p>${t.openEditor(child.code)} <a href="${withLang(editor, v.lang)}">${editor}</a>.</p>
    <h2>${t.deadlinesHeading}</h2>
    <p class="hint">${t.deadlinesCaption(m.leadWorkingDays)}</p>
    ${listTable([t.period, t.childDue, t.latest, t.parentDue], rows, '—')}
    <h2>${t.markedHeading(derived.marked.length)}</h2>
    <ul>
      ${derived.marked.map((f) => html`<li><code>${f.field}</code>: ${f.reason}</li>`)}
    </ul>
    <p><a href="${withLang(base, v.lang)}">${t.back}</a></p>`;
  return officePage(v, { path: `${base}/giao-cap-duoi`, title: t.title, org: parent.organisation.name, body });
}

/**
 * The subordinate already has a draft: who saved it and when, and a form to replace it (the same request again, with
 * `replace`), or the way back that keeps it.
 */
export function draftExistsPage(
  v: OfficeView,
  m: { parent: Plan; child: Organisation; by: string; at: string; leadWorkingDays: number },
): Html {
  const t = deriveTexts(v.lang).exists;
  const base = `/van-phong/${m.parent.organisation.code}/${m.parent.plan.year}`;
  const body = html`<h1>${t.title}</h1>
    <div class="card">
      <p>${t.text(`${m.child.code} – ${m.child.name}`, m.by, m.at)}</p>
      <form method="post" action="${withLang(`${base}/giao-cap-duoi`, v.lang)}">
        ${csrfField(v.csrf)}
        <input type="hidden" name="child" value="${m.child.code}" />
        <input type="hidden" name="leadDays" value="${m.leadWorkingDays}" />
        <input type="hidden" name="replace" value="yes" />
        <button type="submit">${t.replace}</button>
      </form>
      <p><a href="${withLang(base, v.lang)}">${t.back}</a></p>
    </div>`;
  return officePage(v, { path: `${base}/giao-cap-duoi`, title: t.title, org: m.parent.organisation.name, body });
}
