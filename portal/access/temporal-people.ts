import type { Client } from '@temporalio/client';
import type { Plan } from '../../domain/plan-schema.js';
import type { OrganisationDirectory } from '../../organisations/directory-schema.js';
import { planDefinitionQuery } from '../../workflows/messages.js';
import { parentOfficeRoles, rolesFromDirectory } from './directory-roles.js';
import { distinctRoles, rolesFromPlan } from './plan-roles.js';
import { normalEmail, type People, type Role } from './roles.js';

/** Addresses that can be a visibility literal as they are: anything else finds no plan (and no role from one). */
const PLAIN_ADDRESS = /^[a-z0-9._%+-]+@[a-z0-9.-]+$/;

export interface TemporalPeopleOptions {
  client: Client;
  directory: OrganisationDirectory;
  /** How long one address's roles are reused: an amended plan counts at most this long after (default 30 s). */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Roles from the directory and from the running plans that name the address: one visibility search
 * (`KhPeople`, set by the plan at start and on amendment) and one `planDefinition` query per plan found (a person
 * is named by a handful). A server that cannot search (the time-skipping test server) gives directory roles only.
 */
export function temporalPeople(opts: TemporalPeopleOptions): People {
  const ttl = opts.ttlMs ?? 30_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { at: number; roles: Promise<Role[]> }>();

  async function plansNaming(email: string): Promise<Plan[]> {
    if (!PLAIN_ADDRESS.test(email)) return [];
    const query = `KhKind = 'plan' AND KhPeople = '${email}' AND ExecutionStatus = 'Running'`;
    const ids: string[] = [];
    try {
      for await (const wf of opts.client.workflow.list({ query, pageSize: 100 })) ids.push(wf.workflowId);
    } catch (err) {
      console.error(`[portal] plans naming ${email} could not be searched: ${String(err)}`);
      return [];
    }
    const plans = await Promise.all(
      [...new Set(ids)].map((id) =>
        opts.client.workflow
          .getHandle(id)
          .query(planDefinitionQuery)
          .catch(() => undefined),
      ),
    );
    return plans.filter((p): p is Plan => p !== undefined);
  }

  async function resolve(email: string): Promise<Role[]> {
    const own = [
      ...rolesFromDirectory(opts.directory, email),
      ...(await plansNaming(email)).flatMap((p) => rolesFromPlan(p, email)),
    ];
    return distinctRoles([...own, ...parentOfficeRoles(opts.directory, own)]);
  }

  return {
    rolesOf(raw: string): Promise<Role[]> {
      const email = normalEmail(raw);
      const hit = cache.get(email);
      if (hit && now() - hit.at < ttl) return hit.roles;
      const roles = resolve(email);
      cache.set(email, { at: now(), roles });
      // A failed lookup is not kept: the next request asks again.
      roles.catch(() => cache.delete(email));
      if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
      return roles;
    },
  };
}
