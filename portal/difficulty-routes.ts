import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { raiseDifficulty, RequestRejectedError } from '../client/plan-client.js';
import { csrfValid, CSRF_FIELD } from './csrf.js';
import type { ResolvedDeps } from './deps.js';
import { raiseProblems, raiseValues, type RaiseValues } from './difficulty-form.js';
import { isNotFound } from './errors.js';
import { readForm } from './form-body.js';
import { langOf } from './i18n.js';
import type { LinkEnv } from './item-link-guard.js';
import { DIFFICULTY_ANCHOR } from './pages/difficulty-section.js';
import { refuse } from './refusals.js';
import { texts } from './texts/index.js';

/** The unit's page again, its submission form as first shown, with the difficulty form as typed and why it came back. */
export type ShowRaise = (
  c: Context<LinkEnv>,
  raise: { values: RaiseValues; errors: string[] },
  status: 400 | 422,
) => Promise<Response>;

/**
 * `POST /nop/:token/kien-nghi`: a unit raises a difficulty or proposal with the office, from its item link. The unit
 * and the item are the link's (verified by the guard), never the form's; the form carries the link's CSRF token.
 */
export function difficultyRoutes(deps: ResolvedDeps, show: ShowRaise): Hono<LinkEnv> {
  const app = new Hono<LinkEnv>();
  const secret = deps.config.LINK_SECRET;
  // Two text fields: the office forms' limit, so the refusal page's "1 MB" is true here too.
  const limit = bodyLimit({ maxSize: 1024 * 1024, onError: (c) => refuse(c, 413, 'tooLarge') });

  app.post('/:token/kien-nghi', limit, async (c) => {
    const lang = langOf(c);
    const token = c.get('token');
    const read = await readForm(c);
    if ('refused' in read) return read.refused;
    if (!csrfValid(secret, `nop:${token}`, read.form[CSRF_FIELD])) return refuse(c, 403, 'badForm');
    const values = raiseValues(read.form);
    const problems = raiseProblems(values, lang);
    if (problems.length) return show(c, { values, errors: problems }, 400);
    const { plan, ref } = c.get('access');
    try {
      const { id } = await raiseDifficulty(
        deps.client,
        plan,
        { unit: ref.unit, itemId: ref.itemId, text: values.text, raisedBy: values.raisedBy },
        { updateId: `kien-nghi:${ref.unit}:${values.attempt}` },
      );
      // Post/redirect/get: reloading the page never raises it twice.
      const query = new URLSearchParams({ kn: String(id), ...(lang === 'en' ? { lang } : {}) });
      return c.redirect(`/nop/${token}?${query.toString()}#${DIFFICULTY_ANCHOR}`, 303);
    } catch (err) {
      if (isNotFound(err)) return refuse(c, 409, 'planClosed');
      if (!(err instanceof RequestRejectedError)) throw err;
      // Refused by the plan before it reached the history: the corrected form is one of its own.
      return show(
        c,
        { values: { ...values, attempt: undefined }, errors: [texts(lang).difficulties.refused(err.message)] },
        422,
      );
    }
  });

  return app;
}
