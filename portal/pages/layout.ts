import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { withLang, type Lang } from '../i18n.js';
import { texts } from '../texts/index.js';
import { CSS } from './styles.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The page shell: organisation bar, language switch, one column of content. */
export function page(opts: { lang: Lang; title: string; org?: string; path: string; nav?: Html; body: Html }): Html {
  const t = texts(opts.lang).layout;
  // `path` is the page's path without `lang`, so the switch simply adds or leaves it out.
  const other = opts.lang === 'vi' ? withLang(opts.path, 'en') : opts.path;
  return html`<!doctype html>
    <html lang="${opts.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${opts.title}</title>
        <style>
          ${raw(CSS)}
        </style>
      </head>
      <body>
        <header>
          <span class="org">${opts.org ?? t.defaultOrg}</span>${opts.nav ?? ''}
          <a href="${other}">${t.otherLanguage}</a>
        </header>
        <main>${opts.body}</main>
      </body>
    </html>`;
}

/** A whole page that only says what went wrong (refused links, missing plans), with an optional way on. */
export function messagePage(
  lang: Lang,
  path: string,
  title: string,
  message: string,
  link?: { href: string; label: string },
): Html {
  return page({
    lang,
    path,
    title,
    body: html`<h1>${title}</h1>
      <div class="card">
        <p>${message}</p>
        ${link ? html`<p><a href="${link.href}">${link.label}</a></p>` : ''}
      </div>`,
  });
}
