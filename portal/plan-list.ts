import { getPlanStatus, type PlanRef } from '../client/plan-client.js';
import { listArchivedYears, readPlanArchive } from '../storage/plan-archive.js';
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

const refKey = (r: { organisation: string; year: number } | PlanRef) =>
  'org' in r ? `${r.org}/${r.year}` : `${r.organisation}/${r.year}`;

/**
 * Plan-years Temporal no longer has (deleted after the namespace's retention) but the blob store keeps, as their
 * archived status. A store that cannot be read leaves them out: the live plans still list.
 */
async function archivedOnly(deps: ResolvedDeps, live: Set<string>): Promise<PlanStatus[]> {
  try {
    const years = (await listArchivedYears(deps.blobs)).filter((r) => !live.has(refKey(r)));
    const read = await Promise.all(years.map((r) => readPlanArchive(deps.blobs, r.org, r.year).catch(() => undefined)));
    return read.flatMap((rec) => (rec ? [rec.plan.status] : []));
  } catch (err) {
    console.error('[portal] archived plan-years could not be listed:', err);
    return [];
  }
}

/**
 * The plans Temporal's visibility search finds (the dev server, a cluster, Temporal Cloud), and the closed years
 * only the archive still has (`archived`: `ORG/year`), newest year first. The time-skipping test server cannot
 * search: then `searchFailed`, only the archived years list, and the office opens a plan by code and year.
 */
export async function listPlans(
  deps: ResolvedDeps,
): Promise<{ plans: PlanStatus[]; searchFailed: boolean; archived: string[] }> {
  let found: PlanRef[] = [];
  let searchFailed = false;
  try {
    found = await searched(deps);
  } catch {
    searchFailed = true;
  }
  // One entry per plan-year: visibility lists every run of a workflow id (a plan restarted after it closed).
  const unique = new Map(found.map((r) => [refKey(r), r]));
  const statuses = await Promise.all(
    [...unique.values()].map((r) => getPlanStatus(deps.client, r).catch(() => undefined)),
  );
  const live = statuses.filter((s): s is PlanStatus => s !== undefined);
  const archived = await archivedOnly(deps, new Set(live.map(refKey)));
  const plans = [...live, ...archived].sort((a, b) => b.year - a.year || a.organisation.localeCompare(b.organisation));
  return { plans, searchFailed, archived: archived.map(refKey) };
}
