import { Hono, type Context } from 'hono';
import { getPlanDefinition, type PlanRef } from '../../client/plan-client.js';
import type { ResolvedDeps } from '../deps.js';
import { langOf, withLang } from '../i18n.js';
import type { OfficeEnv } from '../office-env.js';
import { planParam } from '../office-params.js';
import { officeView, orNotFound } from '../office-view.js';
import { editorHref, savedAt } from '../pages/editor-page.js';
import { replaceDraftPage } from '../pages/editor-replace-page.js';
import { loadDraft, saveDraft } from './draft-store.js';

/**
 * `/van-phong/:org/:year/sua` (mounted at `/:org/:year/sua`): opens the running plan in the editor. Its definition
 * in force becomes the organisation's draft (`source: 'running'`, `amends: { year }`), so starting it means amending.
 * A draft already being written is not replaced without asking; one that amends the same year is simply reopened.
 * `plan-access.ts` requires the organisation's office, for the GET too (it copies the plan into the draft).
 */
export function openRunningRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();

  const open = async (c: Context<OfficeEnv>, ref: PlanRef) => {
    const plan = await getPlanDefinition(deps.client, ref);
    await saveDraft(deps.store, ref.org, {
      raw: plan as unknown as Record<string, unknown>,
      marked: [],
      source: 'running',
      amends: { year: ref.year },
      updatedAt: deps.now().toISOString(),
      by: c.get('session').user,
    });
    return c.redirect(withLang(editorHref(ref.org), langOf(c)), 303);
  };

  app.get('/', planParam, async (c) => {
    const { ref } = c.req.valid('param');
    const draft = await loadDraft(deps.store, ref.org);
    if (draft && draft.amends?.year !== ref.year) {
      const v = officeView(c, deps);
      const at = savedAt(draft.updatedAt, v.lang);
      return c.html(replaceDraftPage(v, { ref, at, by: draft.by }));
    }
    if (draft) return c.redirect(withLang(editorHref(ref.org), langOf(c)), 303);
    return orNotFound(c, () => open(c, ref));
  });

  /** "Replace it with the running plan", from the question above. */
  app.post('/', planParam, async (c) => orNotFound(c, () => open(c, c.req.valid('param').ref)));

  return app;
}
