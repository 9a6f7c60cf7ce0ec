import { html } from 'hono/html';
import { DIFFICULTY_LIMITS, reportOfDifficulty, type Difficulty } from '../../domain/difficulties.js';
import type { Plan } from '../../domain/plan-schema.js';
import type { PlanStatus } from '../../workflows/plan-types.js';
import { withLang } from '../i18n.js';
import { texts } from '../texts/index.js';
import { csrfField } from './components.js';
import { answerNote, dayOf } from './difficulty-parts.js';
import type { Html } from './layout.js';

const MAX_TEXT = DIFFICULTY_LIMITS.textChars;
import type { OfficeView } from './office-shell.js';

/** An answer the workflow refused, shown again in its form with what was typed. */
export interface AnswerDraft {
  id: number;
  text: string;
}

/**
 * Every difficulty the units raised, oldest first: who, when, what, from which item, the periodic report it goes
 * into (the first whose office deadline is at or after it was raised, as the report itself picks them), and the
 * office's answer or the form to give it.
 */
export function difficultyTable(
  v: OfficeView,
  base: string,
  m: {
    status: PlanStatus;
    plan: Plan;
    draft?: AnswerDraft;
    /** An archived year: no answer form (unanswered ones say so), items linked where `itemHref` says. */
    readOnly?: { unanswered: string; itemHref: (itemId: string) => string };
  },
): Html {
  const t = texts(v.lang).difficulties;
  const { status, plan } = m;
  const zone = plan.organisation.timeZone;
  if (!status.difficulties.length) return html`<p>${t.officeNone}</p>`;
  // Every periodic report with a deadline, as activities/report-cycle.ts hands them to the report.
  const deadlines = status.items.flatMap((i) =>
    i.officeDueAt ? [{ itemId: i.itemId, officeDueAt: i.officeDueAt }] : [],
  );
  const titleOf = (itemId: string) => status.items.find((i) => i.itemId === itemId)?.title ?? itemId;
  const unitName = (code: string) => plan.units.find((u) => u.code === code)?.name ?? code;
  const itemHref = m.readOnly?.itemHref ?? ((itemId: string) => withLang(`${base}/${itemId}`, v.lang));
  const answerForm = (d: Difficulty) => {
    const typed = m.draft?.id === d.id ? m.draft.text : '';
    return html`<form method="post" action="${withLang(`${base}/kien-nghi`, v.lang)}">
      ${csrfField(v.csrf)}<input type="hidden" name="id" value="${d.id}" />
      <label for="answer-${d.id}">${t.answer}</label>
      <textarea id="answer-${d.id}" name="answer" maxlength="${MAX_TEXT}" required>${typed}</textarea>
      <button type="submit">${t.sendAnswer}</button>
    </form>`;
  };
  const row = (d: Difficulty) => {
    const report = reportOfDifficulty(d, deadlines);
    return html`<tr id="kien-nghi-${d.id}">
      <td>${d.id}</td>
      <td>${unitName(d.unit)}</td>
      <td>${d.raisedBy}</td>
      <td>${dayOf(d.raisedAt, zone)}</td>
      <td class="pre">${d.text}</td>
      <td>${d.itemId ? html`<a href="${itemHref(d.itemId)}">${titleOf(d.itemId)}</a>` : ''}</td>
      <td>${report ? titleOf(report) : t.afterLastReport}</td>
      <td>${d.answer ? answerNote(d.answer, zone, t) : m.readOnly ? m.readOnly.unanswered : answerForm(d)}</td>
    </tr>`;
  };
  return html`<div class="table-wrap">
    <table>
      <thead>
        <tr>
          <th>${t.colNumber}</th>
          <th>${t.colUnit}</th>
          <th>${t.colRaisedBy}</th>
          <th>${t.colDate}</th>
          <th>${t.colText}</th>
          <th>${t.colItem}</th>
          <th>${t.colReport}</th>
          <th>${t.colAnswer}</th>
        </tr>
      </thead>
      <tbody>
        ${status.difficulties.map(row)}
      </tbody>
    </table>
  </div>`;
}
