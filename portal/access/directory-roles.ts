import type { OrganisationDirectory } from '../../organisations/directory-schema.js';
import { descendantsOf } from '../../organisations/tree.js';
import { normalEmail, type Role } from './roles.js';

/** The roles the organisations directory gives an address: administrator, office staff, director. */
export function rolesFromDirectory(dir: OrganisationDirectory, email: string): Role[] {
  const me = normalEmail(email);
  const is = (address: string | undefined) => address !== undefined && normalEmail(address) === me;
  return [
    ...(dir.administrators.some(is) ? [{ kind: 'administrator' } as const] : []),
    ...dir.organisations.flatMap((o): Role[] => [
      ...(is(o.office) || o.staff.some(is) ? [{ kind: 'office', org: o.code } as const] : []),
      ...(is(o.director) ? [{ kind: 'director', org: o.code } as const] : []),
    ]),
  ];
}

/** An office reads the plans of every body below it, at any depth (a province reads a department and its schools). */
export function parentOfficeRoles(dir: OrganisationDirectory, roles: readonly Role[]): Role[] {
  const offices = roles.flatMap((r) => (r.kind === 'office' ? [r.org] : []));
  const below = new Set(offices.flatMap((org) => descendantsOf(dir, org).map((o) => o.code)));
  return [...below].map((org) => ({ kind: 'parent-office', org }) as const);
}
