import type { Context } from 'hono';
import type { ResolvedDeps } from './deps.js';
import { isNotFound } from './errors.js';
import { langOf, withLang } from './i18n.js';
import type { OfficeEnv } from './office-env.js';
import type { OfficeView } from './pages/office-shell.js';
import { refuse } from './refusals.js';
import { texts, type Texts } from './texts/index.js';

/** What an office action did, named in the `?ok=` of the page it redirects to. */
export type Notice = keyof Texts['notices'];

/** The office page's view of its request: language, user, form token, and the notice of the last action. */
export function officeView(c: Context<OfficeEnv>, deps: ResolvedDeps, errors?: string[]): OfficeView {
  const lang = langOf(c);
  const notices = texts(lang).notices;
  const key = c.req.query('ok');
  return {
    lang,
    user: c.get('session').user,
    csrf: c.get('csrf'),
    temporalUi: deps.config.TEMPORAL_UI_URL,
    namespace: deps.config.TEMPORAL_NAMESPACE,
    notice: key && Object.hasOwn(notices, key) ? notices[key as Notice] : undefined,
    errors,
  };
}

/**
 * Post/redirect/get after an office action: back to `path`, which then says what was done. `params` name what the
 * action was about (`{ 'su-co': '1' }`), for a page whose notice says it.
 */
export function done(
  c: Context<OfficeEnv>,
  path: string,
  notice: Notice,
  params: Record<string, string> = {},
): Response {
  const query = new URLSearchParams({ ok: notice, ...params });
  return c.redirect(withLang(`${path}?${query.toString()}`, langOf(c)), 303);
}

/** Answers with `respond()`; a plan or item that does not exist (a mistyped address) gets the 404 page instead. */
export async function orNotFound(c: Context<OfficeEnv>, respond: () => Promise<Response>): Promise<Response> {
  try {
    return await respond();
  } catch (err) {
    if (isNotFound(err)) return refuse(c, 404, 'planNotFound');
    throw err;
  }
}
