import { html } from 'hono/html';
import { DEFAULT_LEAD_WORKING_DAYS } from '../../domain/parent-deadlines.js';
import type { Organisation } from '../../organisations/directory-schema.js';
import { deriveTexts } from '../editor/derive-texts.js';
import { withLang } from '../i18n.js';
import { csrfField } from './components.js';
import type { Html } from './layout.js';
import type { OfficeView } from './office-shell.js';

/**
 * The plan page's form that hands the plan down: a subordinate body (one directly below `org` in the directory) and
 * how many working days before this plan's deadline for units its office must report; posts to `giao-cap-duoi`.
 * Nothing for a reader who may not steer the plan.
 */
export function deriveSection(
  v: OfficeView,
  o: { org: string; year: number; below: readonly Organisation[] },
): Html | '' {
  if (v.readOnly) return '';
  const t = deriveTexts(v.lang).section;
  if (!o.below.length)
    return html`<h2>${t.heading}</h2>
      <p class="hint">${t.noneBelow(o.org)}</p>`;
  return html`<h2>${t.heading}</h2>
    <form method="post" action="${withLang(`/van-phong/${o.org}/${o.year}/giao-cap-duoi`, v.lang)}" class="card">
      ${csrfField(v.csrf)}
      <p class="hint">${t.hint}</p>
      <label for="derive-child">${t.child}</label>
      <select id="derive-child" name="child" required>
        ${o.below.map((b) => html`<option value="${b.code}">${b.code} – ${b.name}</option>`)}
      </select>
      <label for="derive-lead-days">${t.leadDays}</label>
      <input
        type="number"
        id="derive-lead-days"
        name="leadDays"
        min="1"
        max="20"
        step="1"
        value="${DEFAULT_LEAD_WORKING_DAYS}"
        required
      />
      <button type="submit">${t.send}</button>
    </form>`;
}
