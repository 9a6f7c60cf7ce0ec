import type { Plan } from '../domain/plan-schema.js';

/**
 * Every address the plan names (office, director, unit heads), lower-cased: `KhPeople`, so the portal finds a
 * person's plans with one visibility search and reads their roles from those plans. Not the offices of the bodies
 * below: a province's hundreds would pass the attribute's size limit (2 KB by default, bench P9); they answer by the
 * signed links in their e-mails.
 */
export function planPeople(plan: Plan): string[] {
  const all = [plan.office.email, plan.director.email, ...plan.units.map((u) => u.head.email)];
  return [...new Set(all.map((e) => e.trim().toLowerCase()))].sort();
}
