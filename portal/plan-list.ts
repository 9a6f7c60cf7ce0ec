import { getPlanStatus, type PlanRef } from '../client/plan-client.js';
import type { PlanStatus } from '../workflows/plan-types.js';
import type { ResolvedDeps } from './deps.js';

const PLAN_ID = /^plan-([A-Z0-9][A-Z0-9-]*)-(\d{4})$/;

async function searched(deps: ResolvedDeps): Promise<PlanRef[]> {
  const refs: PlanRef[] = [];
  for await (const wf of deps.client.workflow.list({ query: `KhKind='plan'`, pageSize: 100 })) {
    const m = PLAN_ID.exec(wf.workflowId);
    if (m?.[1] && m[2]) refs.push({ org: m[1], year: Number(m[2]) });
    if (refs.length >= 200) break;
  }
  return refs;
}

/**
 * The plans Temporal's visibility search finds (the dev server, a cluster, Temporal Cloud), newest year first. The
 * time-skipping test server cannot search: then `searchFailed`, and the office opens a plan by code and year.
 */
export async function listPlans(deps: ResolvedDeps): Promise<{ plans: PlanStatus[]; searchFailed: boolean }> {
  let found: PlanRef[];
  try {
    found = await searched(deps);
  } catch {
    return { plans: [], searchFailed: true };
  }
  // One entry per plan-year: visibility lists every run of a workflow id (a plan restarted after it closed).
  const unique = new Map(found.map((r) => [`${r.org}/${r.year}`, r]));
  const statuses = await Promise.all(
    [...unique.values()].map((r) => getPlanStatus(deps.client, r).catch(() => undefined)),
  );
  const plans = statuses
    .filter((s): s is PlanStatus => s !== undefined)
    .sort((a, b) => b.year - a.year || a.organisation.localeCompare(b.organisation));
  return { plans, searchFailed: false };
}
