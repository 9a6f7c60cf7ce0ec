import type { MiddlewareHandler } from 'hono';
import { getItemDetail } from '../client/plan-client.js';
import { itemNowMs } from '../domain/item-now.js';
import type { ItemDetail, UnitState } from '../workflows/item-types.js';
import type { ResolvedDeps } from './deps.js';
import { isNotFound } from './errors.js';
import { readItemToken, type ItemAccess } from './item-token.js';
import { refuse } from './refusals.js';

/** What the link guard puts on the context of the `/nop/:token` routes. */
export interface LinkEnv {
  Variables: {
    token: string;
    access: Extract<ItemAccess, { ok: true }>;
    detail: ItemDetail;
    /** The token's unit on the item, as the workflow has it now. */
    unit: UnitState;
  };
}

/**
 * `/nop/:token`: verifies the link once for every route under it. Forged or malformed: 403; its item gone: 404;
 * expired on its plan's clock (a demo plan's links are dated in plan time): 410; the unit no longer assigned: 403.
 */
export function itemLinkGuard(deps: ResolvedDeps): MiddlewareHandler<LinkEnv> {
  return async (c, next) => {
    const token = c.req.param('token') ?? '';
    const access = readItemToken(token, deps.config.LINK_SECRET);
    if (!access.ok) return refuse(c, 403, 'invalidLink');
    let detail: ItemDetail;
    try {
      detail = await getItemDetail(deps.client, access.plan, access.ref.itemId);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      return refuse(c, 404, 'itemNotFound');
    }
    // Expiry is in plan time now, not at the item's last wake-up (a link must not outlive its date while the item sleeps).
    if (itemNowMs(detail, deps.now().getTime()) >= access.expiresAt.getTime()) return refuse(c, 410, 'expiredLink');
    const unit = detail.units.find((u) => u.unit === access.ref.unit);
    if (!unit) return refuse(c, 403, 'notAssigned');
    c.set('token', token);
    c.set('access', access);
    c.set('detail', detail);
    c.set('unit', unit);
    await next();
  };
}
