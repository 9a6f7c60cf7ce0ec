import type { Context } from 'hono';
import type { OfficeEnv } from '../office-env.js';
import { refuse } from '../refusals.js';
import type { Texts } from '../texts/index.js';
import { may, type Action } from './permissions.js';

/** Where a refused person can go instead: their own duties if they head a unit, else their list of plans. */
function wayOn(c: Context<OfficeEnv>) {
  const headsUnit = c.get('roles').some((r) => r.kind === 'unit-head');
  return headsUnit
    ? { path: '/van-phong/cua-toi', label: (t: Texts) => t.access.myDuties }
    : { path: '/van-phong', label: (t: Texts) => t.access.myPlans };
}

/**
 * The 403 page for an action the session's roles do not allow, saying why and offering what the person can do
 * instead; `undefined` when it is allowed. Every office route asks this before it reads or changes anything.
 */
export function forbidden(c: Context<OfficeEnv>, action: Action): Response | Promise<Response> | undefined {
  if (may(c.get('roles'), action)) return undefined;
  const detail = (t: Texts) => {
    const d = t.refusalDetails;
    if (action.do === 'administer') return d.forbiddenAdmin;
    if (c.get('roles').length === 0) return d.noRole;
    if (action.do === 'review-report') return d.forbiddenReviewReport(action.org);
    return action.do === 'steer-plan' ? d.forbiddenSteer(action.org) : d.forbiddenRead(action.org);
  };
  return refuse(c, 403, 'forbidden', detail, wayOn(c));
}
