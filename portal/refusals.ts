import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { langOf } from './i18n.js';
import { messagePage } from './pages/layout.js';
import { texts, type Texts } from './texts/index.js';

/** The refusal pages the catalogue has (`refusals` in portal/texts/vi.ts): a title and a sentence each. */
export type RefusalKey = keyof Texts['refusals'];

/**
 * The one way the portal says no: a page in the request's language with its status. `detail` adds a sentence
 * about the request itself, picked from the same catalogue (`(t) => t.refusalDetails.fieldTwice(name)`).
 */
export function refuse(c: Context, status: ContentfulStatusCode, key: RefusalKey, detail?: (t: Texts) => string) {
  const lang = langOf(c);
  const t = texts(lang);
  const { title, text } = t.refusals[key];
  const message = detail ? `${text} ${detail(t)}` : text;
  return c.html(messagePage(lang, c.req.path, title, message), status);
}
