import { html } from 'hono/html';
import { formatDateTime } from '../../domain/format-date.js';
import type { FiledReport, ItemDetail } from '../../workflows/item-types.js';
import { withLang } from '../i18n.js';
import { texts, type Texts } from '../texts/index.js';
import { csrfField } from './components.js';
import type { Html } from './layout.js';
import type { OfficeView } from './office-shell.js';

/** Who may do what on this page, from the session's roles (portal/access/permissions.ts). */
export interface ReportReviewRights {
  /** The organisation's director (or an administrator): accepts or returns the draft. */
  review: boolean;
  /** The organisation's office: compiles a returned draft again. */
  steer: boolean;
}

function decisionLine(r: FiledReport, zone: string, v: OfficeView, t: Texts['reportReview']): Html {
  const review = r.review;
  if (!review) return html`<p><strong>${t.awaiting}</strong></p>`;
  const at = formatDateTime(review.at, zone, v.lang);
  return html`<p>
      <strong>${review.decision === 'accept' ? t.accepted(review.by, at) : t.returned(review.by, at)}</strong>
    </p>
    ${review.comment ? html`<blockquote class="pre">${review.comment}</blockquote>` : ''}`;
}

/**
 * A report item's consolidated report as the director reviews it (since `kh-2026-12b`): the draft's state, the
 * director's accept / return form while it waits, and the office's "compile again" once returned. Nothing for a
 * report that has no review (compiled before directors reviewed) or is not compiled yet.
 */
export function reportReviewSection(v: OfficeView, base: string, detail: ItemDetail, may: ReportReviewRights) {
  const { status } = detail;
  const report = status.report;
  if (!status.directorReview || !report) return '';
  const t = texts(v.lang).reportReview;
  const zone = detail.ctx.timeZone;
  const open = !status.closed;
  const reviewForm =
    open && may.review && !report.review
      ? html`<form method="post" action="${withLang(`${base}/duyet-tong-hop`, v.lang)}">
          ${csrfField(v.csrf)}
          <label for="director-comment">${t.comment}</label>
          <textarea id="director-comment" name="comment" maxlength="4000"></textarea>
          <button type="submit" name="decision" value="accept">${t.accept}</button>
          <button type="submit" name="decision" value="return" class="secondary">${t.return}</button>
        </form>`
      : '';
  const recompileForm =
    open && may.steer && report.review?.decision === 'return'
      ? html`<p>${t.returnedHint}</p>
          <form method="post" action="${withLang(`${base}/tong-hop-lai`, v.lang)}">
            ${csrfField(v.csrf)}
            <label for="recompile-note">${t.recompileNote}</label>
            <input type="text" id="recompile-note" name="note" maxlength="500" />
            <button type="submit">${t.recompile}</button>
          </form>`
      : '';
  const earlier = status.returnedReports?.length
    ? html`<details>
        <summary>${t.earlier} (${status.returnedReports.length})</summary>
        ${status.returnedReports.map(
          (r, i) =>
            html`<h3>${t.draft(r.draft ?? i + 1)}</h3>
              ${decisionLine(r, zone, v, t)}`,
        )}
      </details>`
    : '';
  return html`<section class="card" aria-labelledby="director-review">
    <h2 id="director-review" style="margin-top:0">${t.heading} · ${t.draft(report.draft ?? 1)}</h2>
    ${decisionLine(report, zone, v, t)} ${reviewForm} ${recompileForm} ${earlier}
  </section>`;
}
