import type { ResolvedDeps } from '../deps.js';
import type { Session } from '../session.js';
import type { Role } from './roles.js';

/**
 * The roles of a signed-in person, looked up on every request (so an amended plan or directory counts without a
 * restart): a password session is an administrator's (PORTAL_USERS holds administrators only); anyone else has the
 * roles the plans and the directory give their address.
 */
export async function rolesOfSession(deps: ResolvedDeps, session: Session): Promise<Role[]> {
  if (session.method === 'password') return [{ kind: 'administrator' }];
  return deps.people.rolesOf(session.user);
}
