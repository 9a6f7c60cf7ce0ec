import type { Plan } from '../domain/plan-schema.js';

/**
 * What a plan workflow carries in its memo, so a list built from visibility alone can show each plan's number and
 * title (not search attributes). Set by the starter; a plan started before has none and lists without them.
 */
export type PlanMemo = {
  /** `01/KH-SGDĐT`. */
  number: string;
  title: string;
  /** The organisation's name as the plan file writes it. */
  orgName: string;
};

/** The memo of a plan as started: `planMemo(plan)` → `{ number: '01/KH-SGDĐT', title: '…', orgName: '…' }`. */
export function planMemo(plan: Plan): PlanMemo {
  return { number: plan.plan.number, title: plan.plan.title, orgName: plan.organisation.name };
}
