import { Hono } from 'hono';
import { getPlanDefinition } from '../client/plan-client.js';
import { derivePlan } from '../domain/derive-plan.js';
import { formatDateTime } from '../domain/format-date.js';
import { DEFAULT_LEAD_WORKING_DAYS } from '../domain/parent-deadlines.js';
import { childrenOf } from '../organisations/tree.js';
import type { ResolvedDeps } from './deps.js';
import { deriveTexts } from './editor/derive-texts.js';
import { loadDraft, saveDraft } from './editor/draft-store.js';
import { field } from './form-body.js';
import { langOf } from './i18n.js';
import type { OfficeEnv } from './office-env.js';
import { planParam } from './office-params.js';
import { officeView, orNotFound } from './office-view.js';
import { derivedDraftPage, draftExistsPage } from './pages/derived-draft-page.js';
import { refuse } from './refusals.js';

/** `leadDays` as typed: a whole number of working days, 1–20 (as `unitWorkingDaysBeforeOffice`); absent = 2. */
function leadDaysOf(value: string): number | undefined {
  if (value.trim() === '') return DEFAULT_LEAD_WORKING_DAYS;
  const n = Number(value);
  return /^\s*[0-9]+\s*$/.test(value) && n >= 1 && n <= 20 ? n : undefined;
}

/**
 * `POST /van-phong/:org/:year/giao-cap-duoi` (mounted there): the office of `org` hands its running plan down to a
 * body directly below it in the organisations directory (`child`): the subordinate's draft, derived from the plan's
 * definition, is saved as that body's editor draft (`source: 'derived'`). A draft the subordinate is already writing is
 * replaced only when asked (`replace`). The office guard and `planAccess` have already required the office of `org`.
 */
export function deriveRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();

  app.post('/', planParam, async (c) => {
    const { ref } = c.req.valid('param');
    const t = deriveTexts(langOf(c));
    const form = c.get('form');
    const code = field(form, 'child').trim();
    const below = childrenOf(deps.directory, ref.org);
    const child = below.find((o) => o.code === code);
    if (!child) {
      const why = t.refusals.notBelow(
        code,
        ref.org,
        below.map((o) => o.code),
      );
      return refuse(c, 403, 'forbidden', () => why, {
        path: `/van-phong/${ref.org}/${ref.year}`,
        label: () => t.done.back,
      });
    }
    const leadWorkingDays = leadDaysOf(field(form, 'leadDays'));
    if (leadWorkingDays === undefined) return refuse(c, 400, 'malformedBody', () => t.refusals.leadDays);

    return orNotFound(c, async () => {
      const parent = await getPlanDefinition(deps.client, ref);
      const view = officeView(c, deps);
      const existing = await loadDraft(deps.store, child.code);
      if (existing && field(form, 'replace') !== 'yes') {
        const at = formatDateTime(existing.updatedAt, parent.organisation.timeZone, view.lang);
        return c.html(draftExistsPage(view, { parent, child, by: existing.by, at, leadWorkingDays }), 409);
      }
      const derived = derivePlan(
        parent,
        { code: child.code, name: child.name, office: child.office, director: child.director },
        { leadWorkingDays },
      );
      await saveDraft(deps.store, child.code, {
        raw: derived.raw,
        marked: derived.marked,
        source: 'derived',
        updatedAt: deps.now().toISOString(),
        by: c.get('session').user,
      });
      return c.html(derivedDraftPage(view, { parent, child, derived, leadWorkingDays }));
    });
  });

  return app;
}
