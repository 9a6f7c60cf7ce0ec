import { html } from 'hono/html';
import { formatDateTime, formatShortDate } from '../../domain/format-date.js';
import type { ArchivedEmail, ArchivedItemFile, ArchivedUnit, PlanArchiveRecord } from '../../storage/plan-archive.js';
import { ARCHIVE_PATHS } from '../../storage/plan-archive.js';
import type { SubmissionVersion } from '../../workflows/item-types.js';
import { withLang } from '../i18n.js';
import { texts, type Texts } from '../texts/index.js';
import { stateBadge, submissionFields } from './components.js';
import { dayOf } from './difficulty-parts.js';
import { difficultyTable } from './difficulty-table.js';
import type { Html } from './layout.js';
import { officePage, type OfficeView } from './office-shell.js';
import { evidenceLink } from './item-page.js';
import { matrix, STATES, type MatrixItem } from './plan-page.js';

/** The section of the page that holds an item's record (the matrix links there: the item page needs its workflow). */
export const itemAnchor = (itemId: string): string => `muc-${itemId}`;

/** A file of the archive, through the office's download route (`path` relative to the plan-year's prefix). */
export function archiveFileHref(base: string, path: string, lang: OfficeView['lang']): string {
  return withLang(`${base}/luu-tru?f=${encodeURIComponent(path)}`, lang);
}

function versionDetails(
  ver: SubmissionVersion,
  latest: boolean,
  zone: string,
  v: OfficeView,
  t: Texts,
  forms: Record<string, string>,
): Html {
  const review = ver.review;
  const reviewNote = review
    ? html`<blockquote>
        ${
          review.decision === 'accept'
            ? t.archive.accepted(review.by, formatDateTime(review.at, zone, v.lang))
            : t.archive.returned(review.by, formatDateTime(review.at, zone, v.lang))
        }
        ${review.comment ? html`<div class="pre">${review.comment}</div>` : ''}
      </blockquote>`
    : '';
  return html`<details ${latest ? 'open' : ''}>
    <summary>
      ${t.version.number} ${ver.version} · ${formatDateTime(ver.at, zone, v.lang)} ·
      ${ver.onTime ? t.version.onTime : t.version.late} · ${ver.submission.submittedBy}
    </summary>
    ${submissionFields(ver.submission, { t, proposals: t.item.proposals, forms, evidence: evidenceLink })} ${reviewNote}
  </details>`;
}

function emailList(emails: ArchivedEmail[], zone: string, v: OfficeView, t: Texts, office = false): Html | '' {
  if (!emails.length) return '';
  const line = (e: ArchivedEmail) =>
    html`<li>
      ${t.incidents.emailKinds[e.kind] ?? e.kind} · ${formatDateTime(e.sentAt ?? e.scheduledAt, zone, v.lang)} ·
      ${[...e.to, ...e.cc].join(', ')} · <code>${e.messageId}</code>
      ${e.outcome === 'sent' ? '' : html` · <strong>${t.archive.emailFailed}</strong>`}
    </li>`;
  return html`<details>
    <summary>${office ? t.archive.officeEmails(emails.length) : t.archive.emails(emails.length)}</summary>
    <ul>
      ${emails.map(line)}
    </ul>
  </details>`;
}

/** What the record shows of an item's unit: where it stands, each version and review, the e-mails about it. */
interface UnitContext {
  zone: string;
  names: Record<string, string>;
  forms: Record<string, string>;
}

function unitRecord(u: ArchivedUnit, c: UnitContext, v: OfficeView, t: Texts): Html {
  const { zone, names } = c;
  const o = u.outcome;
  const name = names[u.unit] ?? u.name ?? u.unit;
  const head = html`<h4>
    ${name}${o ? html` · ${stateBadge(o.state, t)} · ${t.phases[o.phase]} · ${t.item.due} ${formatShortDate(o.due)}` : ''}
    ${u.reassignedTo ? html` · ${t.archive.reassigned(names[u.reassignedTo] ?? u.reassignedTo)}` : ''}
  </h4>`;
  const state = u.state;
  const extensions = (state?.extensions ?? []).map(
    (x) => html`<li>${t.archive.extension(formatShortDate(x.from), formatShortDate(x.to), x.by)}: ${x.reason}</li>`,
  );
  const versions = state?.versions ?? [];
  return html`${head}
  ${
    extensions.length
      ? html`<ul>
          ${extensions}
        </ul>`
      : ''
  }
  ${
    state
      ? versions.length
        ? versions.map((ver, i) => versionDetails(ver, i === versions.length - 1, zone, v, t, c.forms))
        : html`<p class="hint">${t.archive.noVersions}</p>`
      : ''
  }
  ${emailList(u.emails, zone, v, t)}`;
}

function itemRecord(
  entry: MatrixItem,
  item: ArchivedItemFile | undefined,
  base: string,
  rec: PlanArchiveRecord,
  v: OfficeView,
  t: Texts,
): Html {
  const { plan } = rec.plan;
  const zone = plan.organisation.timeZone;
  const c: UnitContext = {
    zone,
    names: Object.fromEntries(plan.units.map((u) => [u.code, u.name])),
    forms: Object.fromEntries(plan.forms.map((f) => [f.code, f.title])),
  };
  const listed = rec.plan.items.find((i) => i.itemId === entry.entry.itemId);
  const docs = rec.plan.documents.filter((d) => d.itemId === entry.entry.itemId);
  const documents = docs.length
    ? html`<p>
        <strong>${t.archive.documents}:</strong>
        ${docs.map((d, n) =>
          d.path
            ? html`${n ? ' · ' : ''}<a href="${archiveFileHref(base, d.path, v.lang)}">${d.fileName ?? d.kind}</a>`
            : html`${n ? ' · ' : ''}<span class="flag">${t.archive.documentMissing(d.kind)}</span>`,
        )}
      </p>`
    : '';
  const body = item
    ? html`${item.units.map((u) => unitRecord(u, c, v, t))} ${emailList(item.officeEmails, zone, v, t, true)}`
    : html`<p class="flag">${t.archive.itemUnreadable}</p>`;
  return html`<section class="card" id="${itemAnchor(entry.entry.itemId)}">
    <h3>${entry.entry.title} <small class="hint">${entry.entry.itemId}</small></h3>
    ${entry.entry.failure ? html`<p class="flag">${t.incidents.failure(entry.entry.failure)}</p>` : ''} ${documents}
    ${body}
    ${
      listed?.path
        ? html`<p class="hint"><a href="${archiveFileHref(base, listed.path, v.lang)}">${t.archive.itemData}</a></p>`
        : ''
    }
  </section>`;
}

/**
 * `/van-phong/:org/:year` once Temporal deleted the closed plan (after the namespace's retention): the same matrix of
 * official states from the archive, the amendments, the difficulties with their answers, and each item's record
 * (versions, reviews, extensions, e-mails sent), read only, with the report documents served from the archive.
 */
export function archivedPlanPage(v: OfficeView, rec: PlanArchiveRecord): Html {
  const { plan, status } = rec.plan;
  const t = texts(v.lang);
  const zone = plan.organisation.timeZone;
  const base = `/van-phong/${status.organisation}/${status.year}`;
  const items: MatrixItem[] = status.items
    .filter((e) => e.phase !== 'dropped')
    .map((entry) => ({ entry, status: rec.items.get(entry.itemId)?.status ?? entry.result }));
  const href = (itemId: string) => `#${itemAnchor(itemId)}`;
  const amendments = status.amendments.length
    ? html`<ul>
        ${status.amendments.map(
          (a) =>
            html`<li>
              ${t.archive.amendment(a.version, dayOf(a.at, zone), a.by)}: ${a.note}
              ${a.changes.length ? html`<div class="hint">${a.changes.join('; ')}</div>` : ''}
            </li>`,
        )}
      </ul>`
    : html`<p>${t.archive.noAmendments}</p>`;
  const missing = rec.plan.problems.length
    ? html`<h2>${t.archive.missing}</h2>
        <ul>
          ${rec.plan.problems.map((p) => html`<li>${p}</li>`)}
        </ul>`
    : '';
  const body = html`<div class="ok" role="status">
      <strong>${t.archive.banner}</strong>
      <div>${t.archive.bannerHint(dayOf(status.now || rec.plan.archivedAt, zone))}</div>
    </div>
    <h1>${t.plan.heading} ${status.number}: ${status.title}</h1>
    <p class="hint">
      ${t.plan.version} ${status.planVersion} ·
      <a href="${archiveFileHref(base, ARCHIVE_PATHS.plan, v.lang)}">${t.archive.planData}</a> ·
      <a href="${archiveFileHref(base, ARCHIVE_PATHS.index, v.lang)}">${t.archive.index}</a>
    </p>
    <p>${STATES.map((s) => html`${stateBadge(s, t)} `)}</p>
    ${matrix(v, base, plan, items, t, { href })}
    <h2>${t.archive.amendments}</h2>
    ${amendments}
    <h2 id="kien-nghi">${t.difficulties.officeHeading}</h2>
    ${difficultyTable(v, base, { status, plan, readOnly: { unanswered: t.archive.unanswered, itemHref: href } })}
    <h2>${t.archive.itemsHeading}</h2>
    ${items.map((i) => itemRecord(i, rec.items.get(i.entry.itemId), base, rec, v, t))} ${missing}`;
  const title = `${status.number} – ${status.organisation} ${status.year}`;
  return officePage(v, { path: base, title, org: plan.organisation.name, body });
}
