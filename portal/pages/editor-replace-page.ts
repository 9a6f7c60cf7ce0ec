import { html } from 'hono/html';
import type { PlanRef } from '../../client/plan-client.js';
import { editorTexts } from '../editor/editor-texts.js';
import { withLang } from '../i18n.js';
import { csrfField } from './components.js';
import { editorHref } from './editor-page.js';
import { officePage, type OfficeView } from './office-shell.js';

/** Asked before a running plan replaces the draft the office is writing: replace it, or go back to the draft. */
export function replaceDraftPage(v: OfficeView, m: { ref: PlanRef; at: string; by: string }) {
  const t = editorTexts(v.lang).replaceDraft;
  const path = `/van-phong/${m.ref.org}/${m.ref.year}/sua`;
  const body = html`<h1>${t.title}</h1>
    <div class="card">
      <p>${t.text(m.at, m.by)}</p>
      <form method="post" action="${withLang(path, v.lang)}">
        ${csrfField(v.csrf)}
        <button type="submit">${t.replace}</button>
      </form>
      <p><a href="${withLang(editorHref(m.ref.org), v.lang)}">${t.keep}</a></p>
    </div>`;
  return officePage(v, { path, title: t.title, body });
}
