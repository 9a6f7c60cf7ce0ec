import type { Plan } from '../domain/plan-schema.js';

/**
 * Every address the plan names (office, director, unit heads, the offices of the bodies below), lower-cased:
 * `KhPeople`, so the portal finds a person's plans with one visibility search and reads their roles from those plans.
 */
export function planPeople(plan: Plan): string[] {
  const all = [
    plan.office.email,
    plan.director.email,
    ...plan.units.map((u) => u.head.email),
    // Plans started before subordinates existed have no such list in their definition.
    ...(plan.subordinates ?? []).map((s) => s.office.email),
  ];
  return [...new Set(all.map((e) => e.trim().toLowerCase()))].sort();
}
