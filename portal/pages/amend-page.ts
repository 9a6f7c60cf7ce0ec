import { html } from 'hono/html';
import { formatDateTime } from '../../domain/format-date.js';
import { noChange } from '../../domain/plan-diff.js';
import { planDiffWords } from '../../domain/plan-diff-words.js';
import { identityMismatch, type AmendState } from '../editor/amend-state.js';
import { amendTexts } from '../editor/amend-texts.js';
import { withLang } from '../i18n.js';
import { csrfField, listTable } from './components.js';
import type { Html } from './layout.js';
import { officePage, type OfficeView } from './office-shell.js';
import { planDiffSection } from './plan-diff-section.js';

/** The note the office typed, kept when the page comes back (refused, or the difference changed meanwhile). */
export interface AmendPageModel {
  org: string;
  state: AmendState;
  note?: string;
}

/** The longest note taken (the form's limit, checked again by the route); the audit trail shows it whole. */
export const NOTE_MAX = 500;

/**
 * `/van-phong/:org/soan-thao/thay-doi`: what the draft changes in the running plan and the form that confirms it
 * with a note; or why there is nothing to compare (no draft, a new plan, a plan no longer running, problems).
 */
export function amendPage(v: OfficeView, m: AmendPageModel): Html {
  const t = amendTexts(v.lang);
  const path = `/van-phong/${m.org}/soan-thao/thay-doi`;
  const editor = html`<p><a href="${withLang(`/van-phong/${m.org}/soan-thao`, v.lang)}">${t.backToEditor}</a></p>`;
  const shell = (title: string, body: Html) => officePage(v, { path, title, org: m.org, body });
  const { state } = m;
  switch (state.kind) {
    case 'no-draft':
    case 'not-amending':
    case 'not-running': {
      const why =
        state.kind === 'no-draft'
          ? t.noDraft
          : state.kind === 'not-amending'
            ? t.notAmending
            : t.notRunning(state.ref.org, state.ref.year);
      return shell(
        t.nothingHeading,
        html`<h1>${t.nothingHeading}</h1>
          <div class="card"><p>${why}</p></div>
          ${editor}`,
      );
    }
    case 'invalid': {
      const rows = state.problems.map(
        (p) =>
          html`<tr>
            <td><code>${p.path || t.wholeFile}</code></td>
            <td>${p.message}</td>
          </tr>`,
      );
      return shell(
        t.invalidHeading,
        html`<h1>${t.invalidHeading}</h1>
          <p>${t.invalid}</p>
          ${listTable([t.problemField, t.problemMessage], rows, '')} ${editor}`,
      );
    }
    case 'ready': {
      const { ref, draft, running } = state;
      const sections = planDiffWords(state.diff, running, state.amended, v.lang);
      const at = savedAt(draft.updatedAt, running.organisation.timeZone, v.lang);
      const confirmable = !noChange(state.diff) && !identityMismatch(state);
      const plan = html`<p><a href="${withLang(`/van-phong/${ref.org}/${ref.year}`, v.lang)}">${t.toPlan}</a></p>`;
      return shell(
        t.title,
        html`<h1>${t.heading(ref.org, ref.year)}</h1>
          <p>${t.intro(running.plan.number, draft.by, at)}</p>
          ${planDiffSection(sections, v.lang)} ${confirmable ? confirmForm(v, path, state.hash, m.note ?? '') : ''}
          ${editor} ${plan}`,
      );
    }
  }
}

/** When the draft was saved, in the plan's zone; a stamp this version cannot read is shown as stored, never a 500. */
function savedAt(iso: string, zone: string, lang: OfficeView['lang']): string {
  try {
    return formatDateTime(iso, zone, lang);
  } catch {
    return iso;
  }
}

function confirmForm(v: OfficeView, path: string, hash: string, note: string): Html {
  const t = amendTexts(v.lang);
  return html`<form method="post" action="${withLang(path, v.lang)}" class="card" aria-labelledby="xac-nhan">
    <h2 id="xac-nhan">${t.confirmHeading}</h2>
    <p>${t.whatHappens}</p>
    ${csrfField(v.csrf)}
    <input type="hidden" name="diffHash" value="${hash}" />
    <label for="note">${t.note}</label>
    <textarea id="note" name="note" required maxlength="${NOTE_MAX}" aria-describedby="note-hint">${note}</textarea>
    <p class="hint" id="note-hint">${t.noteHint}</p>
    <button type="submit">${t.confirm}</button>
  </form>`;
}
