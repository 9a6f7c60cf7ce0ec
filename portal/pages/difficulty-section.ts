import { html } from 'hono/html';
import { DIFFICULTY_LIMITS, type Difficulty } from '../../domain/difficulties.js';
import type { RaiseValues } from '../difficulty-form.js';
import { withLang, type Lang } from '../i18n.js';
import { texts } from '../texts/index.js';
import { attemptField, csrfField, errorList, noticeBox } from './components.js';
import { answerNote, dayOf } from './difficulty-parts.js';
import type { Html } from './layout.js';

const MAX_TEXT = DIFFICULTY_LIMITS.textChars;

/** Where the section is on the unit's page: the form's action and the redirect after it come back to it. */
export const DIFFICULTY_ANCHOR = 'kien-nghi';

/** What the unit's page shows of its difficulties: its own (never another unit's), the form, and how it went. */
export interface DifficultySectionModel {
  own: Difficulty[];
  values: RaiseValues;
  errors: string[];
  /** The number just raised (after the redirect that follows the form). */
  sent?: number;
}

/**
 * The unit's difficulties and proposals for the office: what it sent, the office's answers, and a form for more.
 */
export function difficultySection(
  m: DifficultySectionModel & { lang: Lang; token: string; csrf: string; zone: string },
): Html {
  const t = texts(m.lang).difficulties;
  const one = (d: Difficulty) =>
    html`<div class="card">
      <strong>${t.number(d.id)}</strong> · ${dayOf(d.raisedAt, m.zone)} · ${d.raisedBy}
      <div class="pre">${d.text}</div>
      ${d.answer ? answerNote(d.answer, m.zone, t) : html`<p class="hint">${t.pending}</p>`}
    </div>`;
  const action = `${withLang(`/nop/${m.token}/kien-nghi`, m.lang)}#${DIFFICULTY_ANCHOR}`;
  return html`<section id="${DIFFICULTY_ANCHOR}">
    <h2>${t.unitHeading}</h2>
    ${noticeBox(m.sent ? t.sent(m.sent) : undefined)} ${errorList(m.errors)}
    <form method="post" action="${action}" class="card">
      ${csrfField(m.csrf)}${attemptField(m.values.attempt)}
      <p class="hint">${t.unitHint}</p>
      <label for="difficultyText">${t.text} *</label>
      <textarea id="difficultyText" name="difficultyText" maxlength="${MAX_TEXT}" required>${m.values.text}</textarea>
      <label for="raisedBy">${t.raisedBy}</label>
      <input
        type="text"
        id="raisedBy"
        name="raisedBy"
        value="${m.values.raisedBy}"
        maxlength="${DIFFICULTY_LIMITS.nameChars}"
        required
      />
      <button type="submit">${t.send}</button>
    </form>
    ${
      m.own.length
        ? html`<h2>${t.own}</h2>
            ${m.own.map(one)}`
        : ''
    }
  </section>`;
}
