import { html } from 'hono/html';
import { importTexts } from '../editor/import-texts.js';
import { withLang } from '../i18n.js';
import { editorPath, importSection } from './editor-import-section.js';
import type { Html } from './layout.js';
import { officePage, type OfficeView } from './office-shell.js';

/**
 * Why an import or the download did not happen, with the way back to the editor; after a refused upload, the upload
 * forms again, so the right file is one step away.
 */
export function importMessagePage(
  v: OfficeView,
  m: { org: string; title: string; text: string; uploadAgain: boolean },
): Html {
  const t = importTexts(v.lang).refusals;
  const body = html`<h1>${m.title}</h1>
    <div class="card">
      <p role="alert">${m.text}</p>
      <p><a href="${withLang(editorPath(m.org), v.lang)}">${t.toEditor}</a></p>
    </div>
    ${m.uploadAgain ? importSection(v, m.org) : ''}`;
  return officePage(v, { path: `${editorPath(m.org)}/van-ban`, title: m.title, body });
}
