import { html } from 'hono/html';
import type { ReportDuty } from '../../domain/schedule-types.js';
import { targetText } from '../../domain/targets.js';
import { withLang, type Lang } from '../i18n.js';
import { LINK_ROWS, type SubmissionFormValues } from '../submission-form.js';
import { texts, type Texts } from '../texts/index.js';
import { UPLOAD_LIMITS } from '../uploads.js';
import { attemptField, csrfField } from './components.js';
import type { Html } from './layout.js';

export interface SubmitFormModel {
  lang: Lang;
  token: string;
  csrf: string;
  /** The mark that binds a kept file to this link (see `formValues`). */
  keptMark: (name: string) => string;
  /** The codes of the item's communication forms, and every form's title by code. */
  forms: string[];
  formTitles: Record<string, string>;
  values: SubmissionFormValues;
  /** The plan's ongoing duties this unit reports on (a periodic report); none for a task. */
  duties: readonly ReportDuty[];
  /** True when the unit has submitted before: the button then says a new version. */
  resubmit: boolean;
}

/** One whole-number output of a communication form, labelled with the form's title. */
function figureInput(label: string, id: string, name: string, value: string): Html {
  return html`<label for="${id}">${label}</label>
    <input type="number" min="0" step="1" inputmode="numeric" id="${id}" name="${name}" value="${value}" />`;
}

/** A number per communication form the item uses. */
function figureInputs(m: SubmitFormModel, t: Texts['form']): Html {
  const input = (f: string) =>
    figureInput(m.formTitles[f] ?? f, `figure-${f}`, `figure.${f}`, m.values.figures[f] ?? '');
  return html`${m.forms.length ? html`<h2>${t.figures}</h2>` : ''} ${m.forms.map(input)}`;
}

/** A section per ongoing duty: what was done, outputs per form, and the share reached for a share target. */
function dutySections(m: SubmitFormModel, t: Texts['form']): Html {
  const section = (d: ReportDuty) => {
    const v = m.values.duties[String(d.number)] ?? { results: '', figures: {}, percent: '' };
    const id = (s: string) => `duty-${d.number}-${s}`;
    const figure = (f: string) =>
      figureInput(m.formTitles[f] ?? f, id(f), `duty.${d.number}.figure.${f}`, v.figures[f] ?? '');
    const target = d.target ? html`<p class="hint">${t.target(targetText(d.target, m.lang))}</p>` : '';
    const percent =
      d.target && 'percent' in d.target
        ? html`<label for="${id('percent')}">${t.dutyPercent(d.target.of)}</label>
            <input
              type="number"
              min="0"
              max="100"
              step="0.1"
              inputmode="decimal"
              id="${id('percent')}"
              name="duty.${d.number}.percent"
              value="${v.percent}"
            />`
        : '';
    return html`<fieldset>
      <legend>${t.duty(d.number, d.title)}</legend>
      ${target}
      <label for="${id('results')}">${t.dutyResults}</label>
      <textarea id="${id('results')}" name="duty.${d.number}.results">${v.results}</textarea>
      ${percent} ${d.forms.map(figure)}
    </fieldset>`;
  };
  return m.duties.length
    ? html`<h2>${t.duties}</h2>
        ${m.duties.map(section)}`
    : html``;
}

/** The links already given plus blank rows, so there are always LINK_ROWS to fill in. */
function linkRows(m: SubmitFormModel, t: Texts['form']): Html {
  const blank = Math.max(0, LINK_ROWS - m.values.links.length);
  const links = [...m.values.links, ...Array.from({ length: blank }, () => ({ title: '', url: '' }))];
  const row = (l: { title: string; url: string }, i: number) =>
    html`<div class="row">
      <div>
        <label for="linkTitle${i}">${t.linkTitle}</label>
        <input type="text" id="linkTitle${i}" name="linkTitle" value="${l.title}" maxlength="300" />
      </div>
      <div>
        <label for="linkUrl${i}">${t.linkUrl}</label>
        <input type="text" inputmode="url" id="linkUrl${i}" name="linkUrl" value="${l.url}" maxlength="2000" />
      </div>
    </div>`;
  return html`${links.map(row)}`;
}

/** Files stored by an earlier attempt travel with the form, each with its link-bound mark. */
function keptFiles(m: SubmitFormModel, t: Texts['form']): Html {
  const kept = (k: SubmissionFormValues['kept'][number]) =>
    html`<input type="hidden" name="kept" value="${k.name}|${m.keptMark(k.name)}|${k.original}" />
      <p class="hint">${t.uploaded}: ${k.original}</p>`;
  return html`${m.values.kept.map(kept)}`;
}

/** The unit's report form: what was done, shortcomings, next tasks, proposals, figures and evidence. */
export function submitForm(m: SubmitFormModel): Html {
  const t = texts(m.lang).form;
  const { values } = m;
  return html`<form
    id="bao-cao"
    method="post"
    enctype="multipart/form-data"
    action="${withLang(`/nop/${m.token}`, m.lang)}"
    class="card"
  >
    ${csrfField(m.csrf)}${attemptField(values.attempt)}
    <label for="submittedBy">${t.submittedBy}</label>
    <input type="text" id="submittedBy" name="submittedBy" value="${values.submittedBy}" maxlength="200" required />
    <label for="results">${t.results} *</label>
    <textarea id="results" name="results" required>${values.results}</textarea>
    <label for="shortcomings">${t.shortcomings}</label>
    <textarea id="shortcomings" name="shortcomings">${values.shortcomings}</textarea>
    <label for="nextTasks">${t.nextTasks}</label>
    <textarea id="nextTasks" name="nextTasks">${values.nextTasks}</textarea>
    <label for="proposals">${t.proposals}</label>
    <textarea id="proposals" name="proposals">${values.proposals}</textarea>
    ${figureInputs(m, t)} ${dutySections(m, t)}
    <h2>${t.evidence}</h2>
    ${linkRows(m, t)} ${keptFiles(m, t)}
    <label for="files">${t.files}</label>
    <input type="file" id="files" name="files" multiple accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png" />
    <p class="hint">${t.filesHint(UPLOAD_LIMITS.files)}</p>
    <button type="submit">${m.resubmit ? t.submitNew : t.submit}</button>
  </form>`;
}
