import { html } from 'hono/html';
import type { XlsxProblem } from '../../plan-xlsx/import.js';
import { importTexts } from '../editor/import-texts.js';
import { withLang } from '../i18n.js';
import { importSection, editorPath } from './editor-import-section.js';
import type { Html } from './layout.js';
import { officePage, type OfficeView } from './office-shell.js';

/** `B` of `B7`: the column's letter, as Excel shows it above the sheet. */
const columnOf = (cell: string) => /^[A-Z]+/.exec(cell)?.[0] ?? '';

/**
 * A workbook that does not make a plan: every problem at its sheet, row and column (and that column's header or the
 * row's label, for people who do not read cell addresses), with the upload form again for the corrected file.
 */
export function importProblemsPage(v: OfficeView, m: { org: string; fileName: string; problems: XlsxProblem[] }): Html {
  const t = importTexts(v.lang).problems;
  const row = (p: XlsxProblem) =>
    html`<tr>
      <td>${p.sheet || t.wholeFile}</td>
      <td>${p.sheet ? html`${t.at(p.line, columnOf(p.cell))} <span class="hint">(${p.cell})</span>` : ''}</td>
      <td>${p.header}</td>
      <td>${p.message}</td>
    </tr>`;
  const body = html`<h1>${t.heading(m.fileName, m.problems.length)}</h1>
    <div class="error" role="alert">${t.unchanged}</div>
    <div class="table-wrap">
      <table>
        <caption class="sr-only">
          ${t.caption(m.fileName)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.sheet}</th>
            <th scope="col">${t.where}</th>
            <th scope="col">${t.column}</th>
            <th scope="col">${t.message}</th>
          </tr>
        </thead>
        <tbody>
          ${m.problems.map(row)}
        </tbody>
      </table>
    </div>
    <p><a href="${withLang(editorPath(m.org), v.lang)}">${importTexts(v.lang).refusals.toEditor}</a></p>
    ${importSection(v, m.org)}`;
  return officePage(v, { path: `${editorPath(m.org)}/van-ban`, title: t.title, body });
}
