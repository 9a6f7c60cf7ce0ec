import { html } from 'hono/html';
import type { DiffLine, DiffMark, DiffSection } from '../../domain/plan-diff-words.js';
import { amendTexts } from '../editor/amend-texts.js';
import type { Lang } from '../i18n.js';
import type { Html } from './layout.js';

/** Each mark in a colour with white text at AA contrast; the word says it too, so colour is never the only sign. */
const MARK_COLOURS: Record<DiffMark, string> = { added: '#1e7b34', dropped: '#b3261e', changed: '#57606a' };

function markBadge(mark: DiffMark, lang: Lang): Html {
  return html`<span class="badge" style="background:${MARK_COLOURS[mark]}">${amendTexts(lang).marks[mark]}</span>`;
}

function line(l: DiffLine, lang: Lang): Html {
  return html`<li>
    ${markBadge(l.mark, lang)} ${l.text}
    ${
      l.details.length
        ? html`<ul>
            ${l.details.map((d) => html`<li>${d}</li>`)}
          </ul>`
        : ''
    }
  </li>`;
}

/**
 * What an amendment changes, one card per part of the plan (`diff-<id>` headings, so a section can be linked), or
 * "no change" when there is none.
 */
export function planDiffSection(sections: readonly DiffSection[], lang: Lang): Html {
  if (sections.length === 0) return html`<p class="ok" id="khong-thay-doi">${amendTexts(lang).noChange}</p>`;
  return html`<div id="thay-doi">
    ${sections.map(
      (s) =>
        html`<section class="card" aria-labelledby="diff-${s.id}">
          <h2 id="diff-${s.id}">${s.heading}</h2>
          <ul>
            ${s.lines.map((l) => line(l, lang))}
          </ul>
        </section>`,
    )}
  </div>`;
}
