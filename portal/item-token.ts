import type { ItemRef } from '../workflows/email-request.js';
import { openItemToken, type TokenProblem } from '../activities/submit-link.js';
import type { PlanRef } from '../client/plan-client.js';

/** A submit link's token, checked: which unit may report on which item of which plan, until when (plan time). */
export type ItemAccess =
  { ok: true; ref: ItemRef; plan: PlanRef; expiresAt: Date } | { ok: false; reason: Exclude<TokenProblem, 'expired'> };

/** `plan-SGDDT-HCM-2022-task-03` with item `task-03` → `{ org: 'SGDDT-HCM', year: 2022 }` (org codes may hold "-"). */
export function planRefOf(itemWorkflowId: string, itemId: string): PlanRef | undefined {
  const suffix = `-${itemId}`;
  if (!itemWorkflowId.endsWith(suffix)) return undefined;
  const m = /^plan-([A-Z0-9][A-Z0-9-]*)-(\d{4})$/.exec(itemWorkflowId.slice(0, -suffix.length));
  return m?.[1] && m[2] ? { org: m[1], year: Number(m[2]) } : undefined;
}

/**
 * Verifies the signature; the unit comes from the token and nowhere else. The expiry is checked later, against the
 * plan's own clock, since the link's date is in plan time (a demo plan runs faster than real time).
 */
export function readItemToken(token: string, secret: string): ItemAccess {
  const v = openItemToken(token, secret);
  if (!v.ok) return v;
  const plan = planRefOf(v.ref.workflowId, v.ref.itemId);
  if (!plan) return { ok: false, reason: 'malformed' };
  return { ok: true, ref: v.ref, plan, expiresAt: v.expiresAt };
}
