import { html } from 'hono/html';
import type { OrganisationDirectory } from '../../organisations/directory-schema.js';
import { organisationTree, type OrganisationNode } from '../../organisations/tree.js';
import { withLang, type Lang } from '../i18n.js';
import { texts, type Texts } from '../texts/index.js';
import type { Html } from './layout.js';
import { officePage, type OfficeView } from './office-shell.js';

/** Where the page is meant to be mounted (the language switch links here); the routes are wired elsewhere. */
export const ORGANISATIONS_PATH = '/van-phong/co-quan';

/** The office dashboard narrowed to one body's plans. */
export const organisationHref = (code: string, lang: Lang): string =>
  withLang(`/van-phong?org=${encodeURIComponent(code)}`, lang);

function nodes(list: readonly OrganisationNode[], t: Texts['organisations'], lang: Lang): Html {
  return html`<ul>
    ${list.map(
      ({ organisation: o, children }) =>
        html`<li>
          <a href="${organisationHref(o.code, lang)}"><strong>${o.code}</strong> ${o.name}</a>
          · ${t.office}: <a href="mailto:${o.office}">${o.office}</a>
          ${children.length ? nodes(children, t, lang) : ''}
        </li>`,
    )}
  </ul>`;
}

/** The directory as nested lists, each body under the one it reports to, each linking to its plans. */
export function organisationList(directory: OrganisationDirectory, lang: Lang): Html {
  const t = texts(lang).organisations;
  const roots = organisationTree(directory);
  return roots.length ? html`<nav class="card">${nodes(roots, t, lang)}</nav>` : html`<p>${t.none}</p>`;
}

/** The office page that shows the whole directory (`ORGANISATIONS_PATH`). */
export function organisationsPage(view: OfficeView, directory: OrganisationDirectory): Html {
  const t = texts(view.lang).organisations;
  return officePage(view, {
    path: ORGANISATIONS_PATH,
    title: t.title,
    body: html`<h1>${t.title}</h1>
      <p class="hint">${t.intro}</p>
      ${organisationList(directory, view.lang)}`,
  });
}
