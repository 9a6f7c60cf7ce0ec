import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { amendPlan, RequestRejectedError } from '../../client/plan-client.js';
import { noChange } from '../../domain/plan-diff.js';
import type { ResolvedDeps } from '../deps.js';
import { isNotFound } from '../errors.js';
import { field } from '../form-body.js';
import { langOf } from '../i18n.js';
import type { OfficeEnv } from '../office-env.js';
import { isOrgCode } from '../office-params.js';
import { done, officeView } from '../office-view.js';
import { amendPage, NOTE_MAX } from '../pages/amend-page.js';
import { refuse } from '../refusals.js';
import { identityMismatch, readAmendState, type AmendState } from './amend-state.js';
import { amendTexts } from './amend-texts.js';
import { clearDraft } from './draft-store.js';

/**
 * `/van-phong/:org/soan-thao/thay-doi` (mounted there by the office routes): the difference between the running
 * plan and the office's draft that amends it, and its confirmation with a note, which goes through `amendPlan`.
 * The office guard and `plan-access.ts` have already required the organisation's office and checked the CSRF token.
 */
export function amendRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();

  /** The page for `state`; a draft naming another organisation or year also says so (and has no confirm button). */
  const show = (
    c: Context<OfficeEnv>,
    org: string,
    state: AmendState,
    status: ContentfulStatusCode,
    errors: string[] = [],
    note?: string,
  ) => {
    const t = amendTexts(langOf(c));
    const mismatch = state.kind === 'ready' ? identityMismatch(state) : undefined;
    const all = mismatch
      ? [...errors, t.identity(mismatch.org, mismatch.year, mismatch.draftOrg, mismatch.draftYear)]
      : errors;
    return c.html(amendPage(officeView(c, deps, all.length ? all : undefined), { org, state, note }), status);
  };

  app.get('/', async (c) => {
    const org = c.req.param('org') ?? '';
    if (!isOrgCode(org)) return refuse(c, 404, 'pageNotFound');
    return show(c, org, await readAmendState(deps, org, langOf(c)), 200);
  });

  app.post('/', async (c) => {
    const org = c.req.param('org') ?? '';
    if (!isOrgCode(org)) return refuse(c, 404, 'pageNotFound');
    const t = amendTexts(langOf(c));
    const form = c.get('form');
    const note = field(form, 'note').trim();
    // Read both again: the running plan (or the draft) may have changed since the page was shown.
    const state = await readAmendState(deps, org, langOf(c));
    if (state.kind !== 'ready') return show(c, org, state, state.kind === 'invalid' ? 422 : 409, [], note);
    if (noChange(state.diff)) return show(c, org, state, 409, [t.nothingToAmend], note);
    if (field(form, 'diffHash') !== state.hash) return show(c, org, state, 409, [t.stale], note);
    if (identityMismatch(state)) return show(c, org, state, 422, [], note);
    if (!note) return show(c, org, state, 422, [t.noteMissing], note);
    if (note.length > NOTE_MAX) return show(c, org, state, 422, [t.noteTooLong(note.length, NOTE_MAX)], note);
    try {
      await amendPlan(deps.client, state.ref, { plan: state.amended, note, by: c.get('session').user });
    } catch (err) {
      // The workflow's validator said no: its reason on the same page, the draft kept for another try.
      if (err instanceof RequestRejectedError) return show(c, org, state, 422, [t.refused(err.message)], note);
      if (isNotFound(err)) return show(c, org, { kind: 'not-running', ref: state.ref, draft: state.draft }, 409);
      throw err;
    }
    await clearDraft(deps.store, org);
    return done(c, `/van-phong/${state.ref.org}/${state.ref.year}`, 'amended');
  });

  return app;
}
