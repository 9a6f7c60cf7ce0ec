import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { langOf, withLang } from './i18n.js';
import { messagePage } from './pages/layout.js';
import { texts, type Texts } from './texts/index.js';

/** The refusal pages the catalogue has (`refusals` in portal/texts/vi.ts): a title and a sentence each. */
export type RefusalKey = keyof Texts['refusals'];

/** A way on from a refusal page: a local path (the language is kept) and its label from the catalogue. */
export interface RefusalLink {
  path: string;
  label: (t: Texts) => string;
}

/**
 * The one way the portal says no: a page in the request's language with its status. `detail` adds a sentence
 * about the request itself, picked from the same catalogue (`(t) => t.refusalDetails.fieldTwice(name)`); `link`
 * offers a way on (back to the sign-in page).
 */
export function refuse(
  c: Context,
  status: ContentfulStatusCode,
  key: RefusalKey,
  detail?: (t: Texts) => string,
  link?: RefusalLink,
) {
  const lang = langOf(c);
  const t = texts(lang);
  const { title, text } = t.refusals[key];
  const message = detail ? `${text} ${detail(t)}` : text;
  const way = link ? { href: withLang(link.path, lang), label: link.label(t) } : undefined;
  return c.html(messagePage(lang, c.req.path, title, message, way), status);
}
