import { html } from 'hono/html';
import { formatDate, formatDateTime } from '../../domain/format-date.js';
import type { Submission } from '../../domain/submission.js';
import type { ItemDetail, SubmissionVersion, UnitState } from '../../workflows/item-types.js';
import { withLang, type Lang } from '../i18n.js';
import { storedNameOf, unitDuties, type SubmissionFormValues } from '../submission-form.js';
import { texts, type Texts } from '../texts/index.js';
import { errorList, stateBadge, submissionFields } from './components.js';
import { difficultySection, type DifficultySectionModel } from './difficulty-section.js';
import { page, type Html } from './layout.js';
import { submitForm } from './submit-form.js';

export interface SubmitPageModel {
  lang: Lang;
  token: string;
  csrf: string;
  /** The mark that binds a kept file to this link (see `formValues`). */
  keptMark: (name: string) => string;
  detail: ItemDetail;
  unit: UnitState;
  values: SubmissionFormValues;
  errors: string[];
  /** The version just received (after the redirect that follows a submission). */
  receipt?: SubmissionVersion;
  /** The unit's own difficulties and proposals for the office, and the form to raise one. */
  raise: DifficultySectionModel;
}

/** An evidence item as a link: stored files through this unit's own link, web links only if http(s). */
function evidenceLink(ev: Submission['evidence'][number], token: string, lang: Lang): Html {
  const stored = storedNameOf(ev.url);
  if (stored) return html`<a href="${withLang(`/nop/${token}/minh-chung/${stored}`, lang)}">${ev.title}</a>`;
  if (/^https?:\/\//i.test(ev.url))
    return html`<a href="${ev.url}" rel="noopener noreferrer" target="_blank">${ev.title}</a>`;
  return html`${ev.title} (${ev.url})`;
}

/** The office's review of a version: a returned one with its comment, an accepted one in green. */
function reviewNote(v: SubmissionVersion, zone: string, lang: Lang, t: Texts): Html | '' {
  const r = v.review;
  if (!r) return '';
  if (r.decision === 'return')
    return html`<blockquote>
      <strong>${t.submit.returnedBy}</strong> (${r.by}, ${formatDateTime(r.at, zone, lang)}):
      <div class="pre">${r.comment}</div>
    </blockquote>`;
  return html`<p class="ok">
    ${t.version.accepted} (${r.by}, ${formatDateTime(r.at, zone, lang)})${r.comment ? html`: ${r.comment}` : ''}
  </p>`;
}

/** One version the unit sent: when, whether on time, by whom, what, and the office's review. */
function versionBlock(v: SubmissionVersion, m: SubmitPageModel, t: Texts): Html {
  const { lang } = m;
  const zone = m.detail.ctx.timeZone;
  const evidence = (e: Submission['evidence'][number]) => evidenceLink(e, m.token, lang);
  return html`<div class="card">
    <strong>${t.version.number} ${v.version}</strong> · ${formatDateTime(v.at, zone, lang)} ·
    ${v.onTime ? t.version.onTime : t.version.late} · ${v.submission.submittedBy}
    ${submissionFields(v.submission, { t, proposals: t.submit.proposals, forms: m.detail.ctx.forms, evidence })}
    ${reviewNote(v, zone, lang, t)}
  </div>`;
}

/** The version just received: shown once after the redirect that follows a submission. */
function receiptBox(m: SubmitPageModel, t: Texts): Html | '' {
  const r = m.receipt;
  if (!r) return '';
  return html`<div class="ok" role="status">
    <strong>${t.submit.received}</strong>: ${t.submit.receivedVersion} ${r.version},
    ${formatDateTime(r.at, m.detail.ctx.timeZone, m.lang)}, ${r.onTime ? t.version.onTime : t.version.late}.
  </div>`;
}

/** What is asked, of which unit, by when, and where the unit stands. */
function itemFacts(m: SubmitPageModel, t: Texts): Html {
  const { detail, unit, lang } = m;
  const { ctx, item } = detail;
  const outcome = detail.status.units.find((u) => u.unit === unit.unit);
  const s = t.submit;
  return html`<div class="card">
    <dl class="meta">
      <dt>${s.organisation}</dt>
      <dd>${ctx.organisation.name}</dd>
      <dt>${s.plan}</dt>
      <dd>${s.number} ${ctx.plan.number}: ${ctx.plan.title}</dd>
      <dt>${s.unit}</dt>
      <dd>${ctx.units[unit.unit]?.name ?? unit.unit} (${unit.role === 'lead' ? s.lead : s.support})</dd>
      <dt>${s.deadline}</dt>
      <dd>
        <strong>${formatDate(unit.due.date, lang)}</strong>
        <div class="hint">${lang === 'vi' ? unit.due.rule : unit.due.ruleEn}</div>
      </dd>
      <dt>${s.status}</dt>
      <dd>${outcome ? html`${stateBadge(outcome.state, t)} ` : ''}${t.phases[unit.phase]}</dd>
      <dt>${s.content}</dt>
      <dd class="pre">${item.content}</dd>
    </dl>
  </div>`;
}

/** The office's comment on the last returned version, while the unit has it back to revise. */
function returnedNote(unit: UnitState, t: Texts['submit']): Html | '' {
  const lastReturn = [...unit.versions].reverse().find((v) => v.review?.decision === 'return');
  if (unit.phase !== 'returned' || !lastReturn?.review) return '';
  return html`<blockquote>
    <strong>${t.officeComment}:</strong>
    <div class="pre">${lastReturn.review.comment}</div>
    ${t.reviseAgain}
  </blockquote>`;
}

/** The form, folded away while a version awaits review; or why nothing more can be sent. */
function formSection(m: SubmitPageModel, t: Texts['submit']): Html {
  const { detail, unit } = m;
  if (detail.status.closed || unit.phase === 'accepted')
    return html`<div class="card">${detail.status.closed ? t.closed : t.accepted}</div>`;
  const form = submitForm({
    lang: m.lang,
    token: m.token,
    csrf: m.csrf,
    keptMark: m.keptMark,
    forms: detail.item.forms,
    formTitles: detail.ctx.forms,
    values: m.values,
    duties: unitDuties(detail.item, unit.unit),
    resubmit: unit.versions.length > 0,
  });
  if (unit.phase !== 'submitted') return form;
  // Awaiting review: the receipt and history matter most; a correction stays one tap away.
  return html`<details class="card" ${m.errors.length ? 'open' : ''}>
    <summary>${t.updateSummary}</summary>
    ${form}
  </details>`;
}

/**
 * The unit's page for one item: what is asked, by when, where it stands, what was sent, and the form; then the
 * unit's difficulties and proposals for the office.
 */
export function submitPage(m: SubmitPageModel): Html {
  const t = texts(m.lang);
  const { ctx, item } = m.detail;
  const versions = [...m.unit.versions].reverse();
  const body = html`<h1>${item.title}</h1>
    ${receiptBox(m, t)} ${errorList(m.errors)} ${itemFacts(m, t)} ${returnedNote(m.unit, t.submit)}
    ${formSection(m, t.submit)}
    ${
      versions.length
        ? html`<h2>${t.submit.submissions}</h2>
            ${versions.map((v) => versionBlock(v, m, t))}`
        : ''
    }
    ${difficultySection({ ...m.raise, lang: m.lang, token: m.token, csrf: m.csrf, zone: ctx.timeZone })}`;
  return page({
    lang: m.lang,
    path: `/nop/${m.token}`,
    title: `${item.title} – ${ctx.organisation.name}`,
    org: ctx.organisation.name,
    body,
  });
}
