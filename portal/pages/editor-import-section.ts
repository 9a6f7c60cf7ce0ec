import { html } from 'hono/html';
import { importTexts } from '../editor/import-texts.js';
import { withLang } from '../i18n.js';
import { csrfField } from './components.js';
import type { Html } from './layout.js';
import type { OfficeView } from './office-shell.js';

/** Where the editor of `org` and its imports live: `/van-phong/SGDDT-HCM/soan-thao`. */
export const editorPath = (org: string): string => `/van-phong/${org}/soan-thao`;

/**
 * The editor's Excel and signed-document part: the workbook download and the two upload forms. Plain forms that work
 * without script; every control has its label and a hint tied to it, and the ids are prefixed so the section can sit
 * on any editor page.
 */
export function importSection(v: OfficeView, org: string): Html {
  const t = importTexts(v.lang).section;
  const base = editorPath(org);
  const upload = (o: { action: string; id: string; name: string; accept: string; label: string; hint: string }) =>
    html`<form method="post" enctype="multipart/form-data" action="${withLang(`${base}/${o.action}`, v.lang)}">
      ${csrfField(v.csrf)}
      <label for="${o.id}">${o.label}</label>
      <input type="file" id="${o.id}" name="${o.name}" accept="${o.accept}" required aria-describedby="${o.id}-hint" />
      <p class="hint" id="${o.id}-hint">${o.hint}</p>
      <button type="submit">${o.action === 'excel' ? t.workbookSubmit : t.documentSubmit}</button>
    </form>`;
  return html`<section class="card" aria-labelledby="import-heading">
    <h2 id="import-heading">${t.heading}</h2>
    <p>
      <a id="import-download" href="${withLang(`${base}/excel`, v.lang)}" aria-describedby="import-download-hint"
        >${t.download}</a
      >
    </p>
    <p class="hint" id="import-download-hint">${t.downloadHint}</p>
    <p>${t.replaces}</p>
    ${upload({
      action: 'excel',
      id: 'import-workbook',
      name: 'workbook',
      accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      label: t.workbookLabel,
      hint: t.workbookHint,
    })}
    ${upload({
      action: 'van-ban',
      id: 'import-document',
      name: 'document',
      accept: '.docx,.pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf',
      label: t.documentLabel,
      hint: t.documentHint,
    })}
  </section>`;
}
