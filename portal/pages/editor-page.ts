import { html } from 'hono/html';
import { DateTime } from 'luxon';
import { assetHref } from '../asset-routes.js';
import type { DraftCheck, EditorProblem } from '../editor/draft-check.js';
import type { PlanDraftRecord } from '../editor/draft-store.js';
import { domId, SECTIONS, type SectionKey } from '../editor/editor-fields.js';
import { editorTexts, type EditorTexts } from '../editor/editor-texts.js';
import { placeName } from '../editor/place-names.js';
import { anchorOf, type AnchorKind } from '../editor/raw-to-form.js';
import { withLang, type Lang } from '../i18n.js';
import { csrfField } from './components.js';
import { anchorId, fieldControl, type EditorView } from './editor-controls.js';
import type { Html } from './layout.js';
import { officePage, type OfficeView } from './office-shell.js';

/** Where the editor of `org` lives, and its parts: `/van-phong/SGDDT-HCM/soan-thao[/tai-ve|/lich|…]`. */
export const editorHref = (org: string, part = ''): string => `/van-phong/${org}/soan-thao${part ? `/${part}` : ''}`;

export interface EditorPageModel {
  org: string;
  /** The draft (or the blank one a new plan starts from, never saved: no `updatedAt`). */
  draft: Pick<PlanDraftRecord, 'raw' | 'marked' | 'amends'> & Partial<Pick<PlanDraftRecord, 'updatedAt' | 'by'>>;
  check: DraftCheck;
  /** Every problem at its field (after "Check", or a refused start); else only those at fields already filled. */
  showAll: boolean;
  /** The Excel and signed-document imports, drawn by their own module, when the editor has them. */
  imports?: Html;
}

/** The section a top-level key of the plan file is edited in. */
const SECTION_OF = new Map<string, SectionKey>(SECTIONS.flatMap((s) => s.fields.map((f) => [f.key, s.id] as const)));

/** Whether the place `path` holds anything typed or chosen (a problem there is shown before "Check"). */
function filled(values: Readonly<Record<string, string>>, path: string, kind: AnchorKind | undefined): boolean {
  if (kind === 'codes') return Object.keys(values).some((k) => k.startsWith(`${path}~`));
  if (kind === 'group' || kind === 'list' || kind === 'row' || kind === undefined) return false;
  return (values[path] ?? '').trim() !== '';
}

/** What is shown at each place of the page: every problem when `showAll`, else only those at filled fields. */
export function shownProblems(check: DraftCheck, showAll: boolean): Map<string, string[]> {
  const at = new Map<string, string[]>();
  for (const p of check.problems) {
    if (p.field === '') continue;
    if (!showAll && !filled(check.model.values, p.field, check.model.anchors.get(p.field))) continue;
    at.set(p.field, [...(at.get(p.field) ?? []), p.message]);
  }
  return at;
}

/**
 * The summary above the form: how many problems, the ones no field holds (each linked to its section), and after
 * "Check" every problem linked to its field, so a keyboard user can go from the list to the place.
 */
export function problemSummary(
  t: EditorTexts,
  problems: readonly EditorProblem[],
  anchors: ReadonlyMap<string, AnchorKind>,
  showAll: boolean,
): Html {
  const elsewhere = problems.filter((p) => p.field === '');
  const atFields = problems.filter((p) => p.field !== '');
  const sectionLink = (p: EditorProblem) => {
    const section = SECTION_OF.get(p.path.split(/[.[]/)[0] ?? '');
    return section
      ? html`<a href="#${domId('s', section)}">${placeName(p.path, t)}</a> ${t.problems.inSection(t.sections[section])}`
      : html`${p.path}`;
  };
  return html`<p class="${problems.length === 0 ? 'ok' : 'error'}">${t.problems.count(problems.length)}</p>
    ${
      elsewhere.length
        ? html`<p>${t.problems.elsewhere}</p>
            <ul>
              ${elsewhere.map((p) => html`<li>${p.path ? html`${sectionLink(p)}: ` : ''}${p.message}</li>`)}
            </ul>`
        : ''
    }
    ${
      atFields.length && showAll
        ? html`<ul>
            ${atFields.map(
              (p) =>
                html`<li>
                  <a href="#${anchorId(p.field, anchors.get(p.field))}">${placeName(p.path, t)}</a>: ${p.message}
                </li>`,
            )}
          </ul>`
        : atFields.length
          ? html`<p class="hint">${t.problems.pressCheck}</p>`
          : ''
    }`;
}

/** A date-time of the draft as the office reads it: `dd/MM/yyyy HH:mm`, in Vietnam's time. */
export function savedAt(iso: string, lang: Lang): string {
  const at = DateTime.fromISO(iso, { zone: 'Asia/Ho_Chi_Minh' });
  return lang === 'vi' ? `${at.toFormat('dd/MM/yyyy')} lúc ${at.toFormat('HH:mm')}` : at.toFormat('dd/MM/yyyy HH:mm');
}

/** The marks a reader left for the clerk, by the place on the page that holds each field. */
function marksAt(model: EditorPageModel): Map<string, string[]> {
  const at = new Map<string, string[]>();
  for (const m of model.draft.marked) {
    const place = anchorOf(m.field, model.check.model.anchors);
    if (place) at.set(place, [...(at.get(place) ?? []), m.reason]);
  }
  return at;
}

/** How the start looks: a button for a new plan; for an amendment, the way to its difference and confirmation. */
function startPart(v: OfficeView, t: EditorTexts, model: EditorPageModel): Html {
  if (model.draft.amends)
    return html`<p>${t.amends(model.draft.amends.year)}</p>
      <p><a class="button" href="${withLang(editorHref(model.org, 'thay-doi'), v.lang)}">${t.seeDifference}</a></p>`;
  return html`<p class="hint" id="start-hint">${t.startHint}</p>
    <button
      type="submit"
      formaction="${withLang(editorHref(model.org, 'bat-dau'), v.lang)}"
      aria-describedby="start-hint"
    >
      ${t.start}
    </button>`;
}

/**
 * `/van-phong/:org/soan-thao`: the plan as a form, a section per part of the signed document, every field named by
 * its plan path so each problem lands at its field. Works as plain forms (row buttons, "Check", start); the
 * editor's script checks as one types and adds the date pickers.
 */
export function editorPage(v: OfficeView, model: EditorPageModel): Html {
  const t = editorTexts(v.lang);
  const { check, org } = model;
  const view: EditorView = {
    t,
    raw: model.draft.raw,
    values: check.model.values,
    problemsAt: shownProblems(check, model.showAll),
    marksAt: marksAt(model),
  };
  const problemSections = new Set(check.problems.map((p) => SECTION_OF.get(p.path.split(/[.[]/)[0] ?? '')));
  const section = (s: (typeof SECTIONS)[number]) => {
    const inner = s.fields.map((f) => fieldControl(view, f, f.key, 0, s.fields.length === 1));
    const id = domId('s', s.id);
    if (s.more) {
      const open = problemSections.has(s.id) || s.fields.some((f) => model.draft.raw[f.key] !== undefined);
      return html`<details class="card" id="${id}" ${open ? 'open' : ''}>
        <summary><h2>${t.sections[s.id]}</h2></summary>
        ${inner}
      </details>`;
    }
    return html`<section class="card" id="${id}" aria-labelledby="${id}-h">
      <h2 id="${id}-h">${t.sections[s.id]}</h2>
      ${inner}
    </section>`;
  };
  const saved =
    model.draft.updatedAt && model.draft.by
      ? t.savedBy(savedAt(model.draft.updatedAt, v.lang), model.draft.by)
      : t.notSaved;
  const action = withLang(editorHref(org), v.lang);
  const body = html`<link rel="stylesheet" href="${assetHref('editor.css')}" />
    <h1>${t.heading(org)}</h1>
    <p class="hint">${t.intro}</p>
    <p class="hint">${saved}</p>
    ${model.draft.amends ? html`<p class="ok">${t.amends(model.draft.amends.year)}</p>` : ''}
    <form
      id="editor"
      method="post"
      action="${action}"
      novalidate
      data-check-url="${withLang(editorHref(org, 'kiem-tra'), v.lang)}"
      data-checked="${model.showAll ? '1' : ''}"
      data-t-saved="${t.status.saved('{time}')}"
      data-t-failed="${t.status.failed}"
      data-t-checking="${t.status.checking}"
      data-t-pick="${t.picker.open}"
      data-t-previous="${t.picker.previous}"
      data-t-next="${t.picker.next}"
      data-locale="${t.picker.locale}"
    >
      ${csrfField(v.csrf)} ${model.showAll ? html`<input type="hidden" name="_checked" value="1" />` : ''}
      <div class="toolbar" role="group" aria-label="${t.toolbar}">
        <button type="submit" name="op" value="save">${t.save}</button>
        <button type="submit" name="op" value="check" class="secondary">${t.check}</button>
        <a href="${withLang(editorHref(org, 'tai-ve'), v.lang)}">${t.download}</a>
        <a href="${withLang(editorHref(org, 'lich'), v.lang)}">${t.seeYear}</a>
        <span id="save-status" role="status"></span>
      </div>
      <section class="card summary" id="tom-tat" aria-labelledby="tom-tat-h">
        <h2 id="tom-tat-h">${t.problems.heading}</h2>
        <div id="tom-tat-body">${problemSummary(t, check.problems, check.model.anchors, model.showAll)}</div>
      </section>
      ${SECTIONS.map(section)}
      <section class="card" id="khoi-dong" aria-labelledby="khoi-dong-h">
        <h2 id="khoi-dong-h">${model.draft.amends ? t.seeDifference : t.start}</h2>
        ${startPart(v, t, model)}
      </section>
    </form>
    ${model.imports ?? ''}
    <form method="post" action="${withLang(editorHref(org, 'xoa'), v.lang)}" class="card">
      ${csrfField(v.csrf)}
      <p class="hint" id="discard-hint">${t.discardHint}</p>
      <button type="submit" class="secondary" aria-describedby="discard-hint">${t.discard}</button>
    </form>
    <script type="module" src="${assetHref('cally.js')}"></script>
    <script type="module" src="${assetHref('editor.js')}"></script>`;
  return officePage(v, { path: editorHref(org), title: `${t.title} – ${org}`, body });
}
