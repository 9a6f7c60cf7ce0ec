import { html } from 'hono/html';
import type { Submission } from '../../domain/submission.js';
import type { OfficialState } from '../../workflows/item-types.js';
import { CSRF_FIELD } from '../csrf.js';
import { ATTEMPT_FIELD, newAttempt } from '../form-attempt.js';
import type { Texts } from '../texts/index.js';
import type { Html } from './layout.js';

/** The hidden field with the form's CSRF token. */
export const csrfField = (csrf: string): Html => html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}" />`;

/** The hidden field with the form's one submission id (`portal/form-attempt.ts`); a new one when none is given. */
export const attemptField = (attempt: string | undefined): Html =>
  html`<input type="hidden" name="${ATTEMPT_FIELD}" value="${attempt ?? newAttempt()}" />`;

/** What went wrong, above the form that is shown again. */
export function errorList(errors: readonly string[] | undefined): Html | '' {
  if (!errors?.length) return '';
  return html`<div class="error" role="alert">${errors.map((e) => html`<div>${e}</div>`)}</div>`;
}

/** What the last action did (`?ok=<notice>` after a redirect). */
export function noticeBox(notice: string | undefined): Html | '' {
  return notice ? html`<div class="ok" role="status">${notice}</div>` : '';
}

/** An official state in its colour. */
export const stateBadge = (state: OfficialState, t: Texts): Html =>
  html`<span class="badge s-${state}">${t.states[state]}</span>`;

/** A text as typed (line breaks kept), with its label; left out when empty. */
function textEntry(label: string, text: string): Html | '' {
  return text
    ? html`<dt>${label}</dt>
        <dd class="pre">${text}</dd>`
    : '';
}

/** Lines (figures, evidence) with their label; left out when there are none. */
function linesEntry(label: string, lines: Html[]): Html | '' {
  return lines.length
    ? html`<dt>${label}</dt>
        <dd>${lines.map((line) => html`${line}<br />`)}</dd>`
    : '';
}

/**
 * A submitted version's content: results, then whichever of shortcomings, next tasks, proposals, figures and
 * evidence were given. `proposals` names that field as the page does; `evidence` renders one evidence item.
 */
export function submissionFields(
  s: Submission,
  o: {
    t: Texts;
    proposals: string;
    forms: Record<string, string>;
    evidence: (e: Submission['evidence'][number]) => Html;
  },
): Html {
  const t = o.t.version;
  const figures = Object.entries(s.figures).map(([code, n]) => html`${o.forms[code] ?? code}: ${n}`);
  return html`<dl class="meta">
    <dt>${t.results}</dt>
    <dd class="pre">${s.results}</dd>
    ${textEntry(t.shortcomings, s.shortcomings)} ${textEntry(t.nextTasks, s.nextTasks)}
    ${textEntry(o.proposals, s.proposals)} ${linesEntry(t.figures, figures)}
    ${linesEntry(t.evidence, s.evidence.map(o.evidence))}
  </dl>`;
}

/** A table with one header row (each cell a column heading), or `empty` as a paragraph when there are no rows. */
export function listTable(headings: (string | Html)[], rows: Html[], empty: string): Html {
  if (!rows.length) return html`<p>${empty}</p>`;
  return html`<div class="table-wrap">
    <table>
      <thead>
        <tr>
          ${headings.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}
