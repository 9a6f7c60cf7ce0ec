/**
 * Bench P8's baseline: the dashboard's plan list as `portal/plan-list.ts` built it before lists read visibility
 * alone (kept here verbatim but for `org`): one search for plan ids, capped at 200, then one `planStatus` query per
 * plan. `org` narrows the search to one organisation, which is how an office's list would have been built that way.
 */
import { getPlanStatus, type PlanRef } from '../client/plan-client.js';
import type { ResolvedDeps } from '../portal/deps.js';
import { listArchivedYears, readPlanArchive } from '../storage/plan-archive.js';
import type { PlanStatus } from '../workflows/plan-types.js';

const PLAN_ID = /^plan-([A-Z0-9][A-Z0-9-]*)-(\d{4})$/;

async function searched(deps: ResolvedDeps, org: string | undefined): Promise<PlanRef[]> {
  const refs: PlanRef[] = [];
  const query = org ? `KhKind='plan' AND KhOrg='${org}'` : `KhKind='plan'`;
  for await (const wf of deps.client.workflow.list({ query, pageSize: 100 })) {
    const m = PLAN_ID.exec(wf.workflowId);
    if (m?.[1] && m[2]) refs.push({ org: m[1], year: Number(m[2]) });
    if (refs.length >= 200) break;
  }
  return refs;
}

const refKey = (r: { organisation: string; year: number } | PlanRef) =>
  'org' in r ? `${r.org}/${r.year}` : `${r.organisation}/${r.year}`;

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

/** The old `listPlans`: every plan found (at most 200), each asked for its status, newest year first. */
export async function oldListPlans(
  deps: ResolvedDeps,
  org?: string,
): Promise<{ plans: PlanStatus[]; searchFailed: boolean; archived: string[] }> {
  let found: PlanRef[] = [];
  let searchFailed = false;
  try {
    found = await searched(deps, org);
  } catch {
    searchFailed = true;
  }
  const unique = new Map(found.map((r) => [refKey(r), r]));
  const statuses = await Promise.all(
    [...unique.values()].map((r) => getPlanStatus(deps.client, r).catch(() => undefined)),
  );
  const live = statuses.filter((s): s is PlanStatus => s !== undefined);
  const archived = await archivedOnly(deps, new Set(live.map(refKey)));
  const plans = [...live, ...archived].sort((a, b) => b.year - a.year || a.organisation.localeCompare(b.organisation));
  return { plans, searchFailed, archived: archived.map(refKey) };
}
