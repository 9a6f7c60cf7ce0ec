import { html } from 'hono/html';
import { DateTime } from 'luxon';
import type { Difficulty } from '../../domain/difficulties.js';
import type { Texts } from '../texts/index.js';
import type { Html } from './layout.js';

/** The local day of a plan instant, `dd/MM/yyyy` as documents write it, e.g. `03/03/2026`. */
export function dayOf(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('dd/MM/yyyy');
}

/** The office's answer with who gave it and when, as both the unit and the office see it. */
export function answerNote(answer: NonNullable<Difficulty['answer']>, zone: string, t: Texts['difficulties']): Html {
  return html`<blockquote>
    <strong>${t.answerOf}</strong> (${t.answeredBy(answer.by, dayOf(answer.at, zone))}):
    <div class="pre">${answer.text}</div>
  </blockquote>`;
}
