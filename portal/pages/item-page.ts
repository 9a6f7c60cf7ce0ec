import { html } from 'hono/html';
import { formatDate, formatDateTime } from '../../domain/format-date.js';
import type { PlanRef } from '../../client/plan-client.js';
import type { Submission } from '../../domain/submission.js';
import type { ItemDetail, SubmissionVersion, UnitState } from '../../workflows/item-types.js';
import { withLang } from '../i18n.js';
import { storedNameOf } from '../submission-form.js';
import { texts, type Texts } from '../texts/index.js';
import { csrfField, stateBadge, submissionFields } from './components.js';
import { incidentSection } from './incident-section.js';
import { reportReviewSection, type ReportReviewRights } from './report-review-section.js';
import type { Html } from './layout.js';
import { officePage, temporalLink, type OfficeView } from './office-shell.js';

export interface ItemPageModel {
  ref: PlanRef;
  detail: ItemDetail;
  workflowId: string;
  /** What the viewer may do with the consolidated report (the director reviews, the office compiles again). */
  reportRights?: ReportReviewRights;
}

/** Stored files through the office's own download route; web links only if http(s); anything else as text. */
export function evidenceLink(e: Submission['evidence'][number]): Html {
  const stored = storedNameOf(e.url);
  if (stored) return html`<a href="/minh-chung/${stored}">${e.title}</a>`;
  if (/^https?:\/\//i.test(e.url))
    return html`<a href="${e.url}" target="_blank" rel="noopener noreferrer">${e.title}</a>`;
  return html`${e.title}`;
}

/** One version, open when it is the latest: when and by whom, what was sent, and the office's review. */
function versionDetails(ver: SubmissionVersion, latest: boolean, detail: ItemDetail, v: OfficeView, t: Texts): Html {
  const { lang } = v;
  const zone = detail.ctx.timeZone;
  const review = ver.review;
  const reviewNote = review
    ? html`<blockquote>
        ${review.decision === 'accept' ? t.version.accepted : t.item.returned} – ${review.by},
        ${formatDateTime(review.at, zone, lang)}${review.comment ? html`<div class="pre">${review.comment}</div>` : ''}
      </blockquote>`
    : '';
  const fields = { t, proposals: t.item.proposals, forms: detail.ctx.forms, evidence: evidenceLink };
  return html`<details ${latest ? 'open' : ''}>
    <summary>
      ${t.version.number} ${ver.version} · ${formatDateTime(ver.at, zone, lang)} ·
      ${ver.onTime ? t.version.onTime : t.version.late} · ${ver.submission.submittedBy}
    </summary>
    ${submissionFields(ver.submission, fields)} ${reviewNote}
  </details>`;
}

/** Accept, or return with a comment: offered while the unit's version awaits review. */
function reviewForm(v: OfficeView, base: string, unit: UnitState, t: Texts['item']): Html {
  return html`<form method="post" action="${withLang(`${base}/duyet`, v.lang)}">
    ${csrfField(v.csrf)}<input type="hidden" name="unit" value="${unit.unit}" />
    <label for="comment-${unit.unit}">${t.comment}</label><textarea id="comment-${unit.unit}" name="comment"></textarea>
    <button type="submit" name="decision" value="accept">${t.accept}</button>
    <button type="submit" name="decision" value="return" class="secondary">${t.return}</button>
  </form>`;
}

/** After the director returned the consolidated report: the office sends a unit's accepted report back for changes. */
function reopenForm(v: OfficeView, base: string, unit: UnitState, t: Texts): Html {
  return html`<form method="post" action="${withLang(`${base}/duyet`, v.lang)}">
    ${csrfField(v.csrf)}<input type="hidden" name="unit" value="${unit.unit}" />
    <label for="reopen-${unit.unit}">${t.item.comment}</label
    ><textarea id="reopen-${unit.unit}" name="comment" required></textarea>
    <button type="submit" name="decision" value="return" class="secondary">${t.reportReview.reopen}</button>
  </form>`;
}

/** A new deadline for one unit, with the reason (the unit is told by e-mail). */
function extendForm(v: OfficeView, base: string, unit: UnitState, t: Texts['item']): Html {
  return html`<details>
    <summary>${t.extendSummary}</summary>
    <form method="post" action="${withLang(`${base}/gia-han`, v.lang)}">
      ${csrfField(v.csrf)}<input type="hidden" name="unit" value="${unit.unit}" />
      <label for="date-${unit.unit}">${t.newDeadline}</label
      ><input type="date" id="date-${unit.unit}" name="newDate" required />
      <label for="reason-${unit.unit}">${t.reason}</label
      ><input type="text" id="reason-${unit.unit}" name="reason" required maxlength="500" />
      <button type="submit" class="secondary">${t.extend}</button>
    </form>
  </details>`;
}

/** One unit's card: its state, deadline and extensions, its versions newest first, and what the office can do. */
function unitCard(v: OfficeView, base: string, detail: ItemDetail, unit: UnitState, t: Texts): Html {
  const { lang } = v;
  const outcome = detail.status.units.find((u) => u.unit === unit.unit);
  const last = unit.versions.at(-1);
  const extensions = unit.extensions.map(
    (e) => html` · ${t.item.extended} ${formatDate(e.from, lang)} → ${formatDate(e.to, lang)} (${e.reason})`,
  );
  return html`<div class="card">
    <h2 style="margin-top:0">
      ${detail.ctx.units[unit.unit]?.name ?? unit.unit} ${outcome ? stateBadge(outcome.state, t) : ''}
    </h2>
    <p>${t.phases[unit.phase]} · ${t.item.due} ${formatDate(unit.due.date, lang)}${extensions}</p>
    ${[...unit.versions].reverse().map((ver) => versionDetails(ver, ver === last, detail, v, t))}
    ${unit.phase === 'submitted' && !v.readOnly ? reviewForm(v, base, unit, t.item) : ''}
    ${
      unit.phase === 'accepted' &&
      detail.status.report?.review?.decision === 'return' &&
      !v.readOnly &&
      !detail.status.closed
        ? reopenForm(v, base, unit, t)
        : ''
    }
    ${unit.phase !== 'accepted' && !detail.status.closed && !v.readOnly ? extendForm(v, base, unit, t.item) : ''}
  </div>`;
}

/** The item's report files (DOCX, HTML, XLSX …), downloaded from the blob store. */
function reportEntry(v: OfficeView, detail: ItemDetail, t: Texts['item']): Html | '' {
  const report = detail.status.report;
  if (!report) return '';
  const file = ([kind, path]: [string, string]) =>
    html`<a href="${withLang(`/van-phong/bao-cao?f=${encodeURIComponent(path)}`, v.lang)}">${kind}</a> `;
  return html`<dt>${t.report} ${report.number}</dt>
    <dd>${Object.entries(report.files).map(file)}</dd>`;
}

/**
 * `/van-phong/:org/:year/:item`: the item's incidents with their "Thử lại", every unit's submissions with review and
 * extension forms, and the report files.
 */
export function itemPage(v: OfficeView, m: ItemPageModel): Html {
  const { ref, detail } = m;
  const { ctx, item } = detail;
  const t = texts(v.lang);
  const base = `/van-phong/${ref.org}/${ref.year}/${item.itemId}`;
  const body = html`<p><a href="${withLang(`/van-phong/${ref.org}/${ref.year}`, v.lang)}">← ${ctx.plan.number}</a></p>
    <h1>${item.title}</h1>
    <div class="card">
      <dl class="meta">
        <dt>${t.item.content}</dt>
        <dd class="pre">${item.content}</dd>
        <dt>${t.item.opens}</dt>
        <dd>${formatDateTime(item.opens.at, ctx.timeZone, v.lang)}</dd>
        <dt>Temporal</dt>
        <dd>${temporalLink(v, m.workflowId)}</dd>
        ${reportEntry(v, detail, t.item)}
      </dl>
    </div>
    ${reportReviewSection(v, base, detail, m.reportRights ?? { review: false, steer: false })}
    ${incidentSection(v, base, detail, t.incidents)} ${detail.units.map((unit) => unitCard(v, base, detail, unit, t))}`;
  return officePage(v, {
    path: base,
    title: `${item.title} – ${ctx.organisation.name}`,
    org: ctx.organisation.name,
    body,
  });
}
