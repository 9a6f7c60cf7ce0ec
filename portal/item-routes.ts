import { Hono, type Context } from 'hono';
import {
  extendDeadline,
  getItemDetail,
  recompileReport,
  RequestRejectedError,
  retryIncident,
  reviewReport,
  reviewSubmission,
  type PlanRef,
} from '../client/plan-client.js';
import { itemWorkflowId, planWorkflowId } from '../domain/ids.js';
import type { ItemDetail } from '../workflows/item-types.js';
import { may } from './access/permissions.js';
import type { ResolvedDeps } from './deps.js';
import { isNotFound } from './errors.js';
import { field } from './form-body.js';
import { langOf } from './i18n.js';
import type { OfficeEnv } from './office-env.js';
import { itemParam } from './office-params.js';
import { done, officeView, orNotFound } from './office-view.js';
import { INCIDENT_ANCHOR, timeOf } from './pages/incident-section.js';
import { itemPage } from './pages/item-page.js';
import { refuse } from './refusals.js';
import { texts } from './texts/index.js';

/** The errors shown above the page: given, or worked out from the item as it is now (who retried, and when). */
type Errors = string[] | ((detail: ItemDetail) => string[]);

/** `/van-phong/:org/:year/:item`: one item's submissions, the office's review and extension, and incident retries. */
export function itemRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();

  const show = async (c: Context<OfficeEnv>, ref: PlanRef, itemId: string, status: 200 | 422, errors?: Errors) => {
    const detail = await getItemDetail(deps.client, ref, itemId);
    const workflowId = itemWorkflowId(planWorkflowId(ref.org, ref.year), itemId);
    const view = officeView(c, deps, typeof errors === 'function' ? errors(detail) : errors);
    const roles = c.get('roles');
    view.readOnly = !may(roles, { do: 'steer-plan', org: ref.org });
    const reportRights = { review: may(roles, { do: 'review-report', org: ref.org }), steer: !view.readOnly };
    // After a retry the notice names the incident (`?ok=retried&su-co=N`).
    const retried = Number(c.req.query(INCIDENT_ANCHOR));
    if (c.req.query('ok') === 'retried' && Number.isInteger(retried) && retried > 0)
      view.notice = texts(view.lang).incidents.retriedNotice(retried);
    return c.html(itemPage(view, { ref, detail, workflowId, reportRights }), status);
  };
  /** After a refused review or extension: the item page again, with the workflow validator's reason. */
  const refused = (c: Context<OfficeEnv>, ref: PlanRef, itemId: string, err: unknown) => {
    if (err instanceof RequestRejectedError) return show(c, ref, itemId, 422, [err.message]);
    // A form sent to an item that does not run (a mistyped address, an item not opened yet): the 404 page.
    if (isNotFound(err)) return refuse(c, 404, 'planNotFound');
    throw err;
  };

  app.get('/:org/:year/:item', itemParam, (c) => {
    const { ref, itemId } = c.req.valid('param');
    return orNotFound(c, () => show(c, ref, itemId, 200));
  });

  app.post('/:org/:year/:item/duyet', itemParam, async (c) => {
    const { ref, itemId } = c.req.valid('param');
    const form = c.get('form');
    const decision = field(form, 'decision') === 'accept' ? 'accept' : 'return';
    try {
      await reviewSubmission(deps.client, ref, itemId, {
        unit: field(form, 'unit'),
        decision,
        comment: field(form, 'comment').trim(),
        by: c.get('session').user,
      });
      return done(c, `/van-phong/${ref.org}/${ref.year}/${itemId}`, decision === 'accept' ? 'accepted' : 'returned');
    } catch (err) {
      return refused(c, ref, itemId, err);
    }
  });

  // The director's decision on the consolidated report (the access middleware lets only the director through).
  app.post('/:org/:year/:item/duyet-tong-hop', itemParam, async (c) => {
    const { ref, itemId } = c.req.valid('param');
    const form = c.get('form');
    const decision = field(form, 'decision') === 'accept' ? 'accept' : 'return';
    try {
      await reviewReport(deps.client, ref, itemId, {
        decision,
        comment: field(form, 'comment').trim(),
        by: c.get('session').user,
      });
      const notice = decision === 'accept' ? 'reportAccepted' : 'reportReturned';
      return done(c, `/van-phong/${ref.org}/${ref.year}/${itemId}`, notice);
    } catch (err) {
      return refused(c, ref, itemId, err);
    }
  });

  app.post('/:org/:year/:item/tong-hop-lai', itemParam, async (c) => {
    const { ref, itemId } = c.req.valid('param');
    try {
      await recompileReport(deps.client, ref, itemId, {
        by: c.get('session').user,
        note: field(c.get('form'), 'note').trim() || undefined,
      });
      return done(c, `/van-phong/${ref.org}/${ref.year}/${itemId}`, 'recompiled');
    } catch (err) {
      return refused(c, ref, itemId, err);
    }
  });

  app.post('/:org/:year/:item/gia-han', itemParam, async (c) => {
    const { ref, itemId } = c.req.valid('param');
    const form = c.get('form');
    try {
      await extendDeadline(deps.client, ref, itemId, {
        unit: field(form, 'unit'),
        newDate: field(form, 'newDate'),
        reason: field(form, 'reason').trim(),
        by: c.get('session').user,
      });
      return done(c, `/van-phong/${ref.org}/${ref.year}/${itemId}`, 'extended');
    } catch (err) {
      return refused(c, ref, itemId, err);
    }
  });

  /**
   * "Thử lại" on an incident, once its cause is fixed: the item sends the e-mail again or compiles the report. A
   * refusal (retried already, by a colleague meanwhile; no such incident) is the page again saying why.
   */
  app.post('/:org/:year/:item/thu-lai', itemParam, async (c) => {
    const { ref, itemId } = c.req.valid('param');
    const id = Number(field(c.get('form'), 'id'));
    if (!Number.isInteger(id) || id < 1) return refuse(c, 400, 'malformedBody', (t) => t.refusalDetails.incidentId);
    const t = texts(langOf(c)).incidents;
    return orNotFound(c, async () => {
      try {
        await retryIncident(deps.client, ref, itemId, { id, by: c.get('session').user });
        return done(c, `/van-phong/${ref.org}/${ref.year}/${itemId}`, 'retried', { [INCIDENT_ANCHOR]: String(id) });
      } catch (err) {
        // The item's workflow has ended (its page still answers from the history); a missing item is the 404 page.
        if (isNotFound(err)) return show(c, ref, itemId, 422, [t.itemEnded]);
        if (!(err instanceof RequestRejectedError)) throw err;
        const reason = err.message;
        return show(c, ref, itemId, 422, (detail) => {
          const incident = detail.status.incidents?.find((i) => i.id === id);
          if (!incident) return [t.unknown(id)];
          const { retried } = incident;
          return [
            retried
              ? t.alreadyRetried(id, retried.by, timeOf(retried.at, detail.ctx.timeZone))
              : t.retryRefused(reason),
          ];
        });
      }
    });
  });

  return app;
}
