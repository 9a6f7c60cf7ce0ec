import { html } from 'hono/html';
import { formatDateTime, formatShortDate } from '../../domain/format-date.js';
import type { PlanDraftRecord } from '../editor/draft-store.js';
import { importTexts } from '../editor/import-texts.js';
import { withLang } from '../i18n.js';
import { editorPath, importSection } from './editor-import-section.js';
import type { Html } from './layout.js';
import { officePage, type OfficeView } from './office-shell.js';

/** The draft's value at `path` when it is text or a number: the draft is the plan file's shape, possibly wrong. */
function valueAt(raw: Record<string, unknown>, path: string): string | undefined {
  let v: unknown = raw;
  for (const key of path.split('.'))
    v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** A `yyyy-MM-dd` as dd/MM/yyyy; anything else as it is. */
function shownDate(value: string | undefined): string | undefined {
  if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  try {
    return formatShortDate(value);
  } catch {
    return value;
  }
}

/** When the draft was saved, in the organisation's zone; a stored instant this version cannot read, as stored. */
function shownInstant(iso: string, lang: OfficeView['lang']): string {
  try {
    return formatDateTime(iso, 'Asia/Ho_Chi_Minh', lang);
  } catch {
    return iso;
  }
}

/**
 * `…/soan-thao/van-ban`: the upload forms, and what the current draft's header says (number, date, title, body, the
 * document it carries out) with every field marked for the clerk: what an office checks after reading its document.
 */
export function importDocumentPage(v: OfficeView, m: { org: string; draft?: PlanDraftRecord }): Html {
  const t = importTexts(v.lang).documentPage;
  const draft = m.draft;
  const entry = (label: string, value: string | undefined) =>
    html`<dt>${label}</dt>
      <dd>${value ?? html`<span class="hint">${t.missing}</span>`}</dd>`;
  const summary = (d: PlanDraftRecord) => {
    const at = (path: string) => valueAt(d.raw, path);
    const carries = at('plan.carriesOut.number')
      ? t.carriesOutText(
          at('plan.carriesOut.kind') ?? '',
          at('plan.carriesOut.number') ?? '',
          shownDate(at('plan.carriesOut.signedOn')) ?? '',
          at('plan.carriesOut.issuer') ?? '',
        )
      : undefined;
    const marked = d.marked.map(
      (f) =>
        html`<tr>
          <th scope="row"><code>${f.field}</code></th>
          <td>${f.reason}</td>
        </tr>`,
    );
    return html`<p class="hint">${t.savedFrom(t.source[d.source], d.by, shownInstant(d.updatedAt, v.lang))}</p>
      <section class="card" aria-labelledby="draft-header">
        <h2 id="draft-header">${t.header}</h2>
        <dl class="meta">
          ${entry(t.number, at('plan.number'))} ${entry(t.signedOn, shownDate(at('plan.signedOn')))}
          ${entry(t.planTitle, at('plan.title'))} ${entry(t.year, at('plan.year'))}
          ${entry(t.orgName, at('organisation.name'))} ${entry(t.orgCode, at('organisation.code'))}
          ${entry(t.carriesOut, carries)}
        </dl>
      </section>
      <section class="card" aria-labelledby="draft-marked">
        <h2 id="draft-marked">${t.marked(d.marked.length)}</h2>
        ${
          marked.length
            ? html`<div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">${t.field}</th>
                      <th scope="col">${t.reason}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${marked}
                  </tbody>
                </table>
              </div>`
            : html`<p>${t.noneMarked}</p>`
        }
      </section>`;
  };
  const body = html`<h1>${t.title}</h1>
    <p>${t.intro}</p>
    ${draft ? summary(draft) : html`<p>${t.none}</p>`}
    <p><a href="${withLang(editorPath(m.org), v.lang)}">${t.toEditor}</a></p>
    ${importSection(v, m.org)}`;
  return officePage(v, { path: `${editorPath(m.org)}/van-ban`, title: t.title, body });
}
