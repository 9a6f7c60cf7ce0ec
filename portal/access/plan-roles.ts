import type { Plan } from '../../domain/plan-schema.js';
import { normalEmail, type Role } from './roles.js';

/** The roles a plan in force gives an address: its office, its director, the head of each unit it names. */
export function rolesFromPlan(plan: Plan, email: string): Role[] {
  const me = normalEmail(email);
  const org = plan.organisation.code;
  const is = (address: string) => normalEmail(address) === me;
  return [
    ...(is(plan.office.email) ? [{ kind: 'office', org } as const] : []),
    ...(is(plan.director.email) ? [{ kind: 'director', org } as const] : []),
    ...plan.units.filter((u) => is(u.head.email)).map((u) => ({ kind: 'unit-head', org, unit: u.code }) as const),
  ];
}

const keyOf = (r: Role) => JSON.stringify(r);

/** Each role once, in a stable order (administrator first, then by organisation). */
export function distinctRoles(roles: readonly Role[]): Role[] {
  const seen = new Map(roles.map((r) => [keyOf(r), r]));
  return [...seen.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}
