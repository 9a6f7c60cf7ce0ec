import { Hono, type Context } from 'hono';
import {
  extendDeadline,
  getItemDetail,
  RequestRejectedError,
  reviewSubmission,
  type PlanRef,
} from '../client/plan-client.js';
import { itemWorkflowId, planWorkflowId } from '../domain/ids.js';
import type { ResolvedDeps } from './deps.js';
import { field } from './form-body.js';
import type { OfficeEnv } from './office-env.js';
import { itemParam } from './office-params.js';
import { done, officeView, orNotFound } from './office-view.js';
import { itemPage } from './pages/item-page.js';

/** `/van-phong/:org/:year/:item`: one item's submissions, and the office's review and extension of them. */
export function itemRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();

  const show = async (c: Context<OfficeEnv>, ref: PlanRef, itemId: string, status: 200 | 422, errors?: string[]) => {
    const detail = await getItemDetail(deps.client, ref, itemId);
    const workflowId = itemWorkflowId(planWorkflowId(ref.org, ref.year), itemId);
    return c.html(itemPage(officeView(c, deps, errors), { ref, detail, workflowId }), status);
  };
  /** After a refused review or extension: the item page again, with the workflow validator's reason. */
  const refused = (c: Context<OfficeEnv>, ref: PlanRef, itemId: string, err: unknown) => {
    if (err instanceof RequestRejectedError) return show(c, ref, itemId, 422, [err.message]);
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

  return app;
}
