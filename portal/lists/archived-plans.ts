/**
 * Plan-years Temporal no longer has (deleted after the namespace's retention) but the blob store keeps: listed from
 * their `plan.json` beside the live plans. Which are gone is asked of visibility in batches, never plan by plan.
 */
import type { Client } from '@temporalio/client';
import { planWorkflowId } from '../../domain/ids.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { ARCHIVE_FORMAT, ARCHIVE_PATHS, archivePrefix, listArchivedYears } from '../../storage/plan-archive.js';
import { byYearThenOrg, type PlanRow } from './plan-row.js';
import { quotedPlanId } from './query-values.js';
import type { OrgScope } from './scope.js';

/** Rows listed from archives at most (newest first); each one is a read of its `plan.json`. */
export const MAX_ARCHIVED_ROWS = 50;
/** Workflow ids per visibility search that asks which plan-years Temporal still has. */
const IDS_PER_SEARCH = 100;

type Ref = { org: string; year: number };

/** The plan-years of `refs` that visibility still lists (any run); none when the server cannot search. */
async function stillInTemporal(client: Client, refs: Ref[]): Promise<Set<string>> {
  const ids = refs.map((r) => quotedPlanId(r.org, r.year));
  const found = new Set<string>();
  try {
    const query = `KhKind = 'plan' AND WorkflowId IN (${ids.join(', ')})`;
    for await (const wf of client.workflow.list({ query, pageSize: 1000 })) found.add(wf.workflowId);
  } catch {
    // The time-skipping server cannot search: every archived year lists, as before there was visibility.
  }
  return found;
}

/** The row of an archived plan-year from its `plan.json` alone; none when it is unreadable or of another format. */
async function archivedRow(blobs: BlobStore, r: Ref): Promise<PlanRow | undefined> {
  const blob = await blobs.get(archivePrefix(r.org, r.year) + ARCHIVE_PATHS.plan).catch(() => undefined);
  if (!blob) return undefined;
  try {
    const file = JSON.parse(blob.body.toString('utf8')) as {
      format?: unknown;
      archivedAt?: string;
      status?: { number?: string; title?: string };
      plan?: { organisation?: { name?: string } };
    };
    if (file.format !== ARCHIVE_FORMAT) return undefined;
    const closed = file.archivedAt ? new Date(file.archivedAt) : undefined;
    return {
      workflowId: planWorkflowId(r.org, r.year),
      org: r.org,
      year: r.year,
      number: file.status?.number,
      title: file.status?.title,
      orgName: file.plan?.organisation?.name,
      state: 'done',
      closeTime: closed && !Number.isNaN(closed.getTime()) ? closed : undefined,
      archived: true,
    };
  } catch {
    return undefined;
  }
}

/**
 * The archived plan-years in scope (and of `year`, when given) that Temporal no longer has, newest first, at most
 * MAX_ARCHIVED_ROWS. A store that cannot be read leaves them out: the live plans still list.
 */
export async function archivedOnlyRows(
  client: Client,
  blobs: BlobStore,
  filter: { orgs: OrgScope; year?: number },
): Promise<PlanRow[]> {
  let years: Ref[];
  try {
    years = await listArchivedYears(blobs);
  } catch (err) {
    console.error('[portal] archived plan-years could not be listed:', err);
    return [];
  }
  const { orgs, year } = filter;
  const inScope = years
    .filter((r) => (orgs === 'all' || orgs.includes(r.org)) && (year === undefined || r.year === year))
    .sort((a, b) => b.year - a.year || a.org.localeCompare(b.org));
  const rows: PlanRow[] = [];
  for (let i = 0; i < inScope.length && rows.length < MAX_ARCHIVED_ROWS; i += IDS_PER_SEARCH) {
    const batch = inScope.slice(i, i + IDS_PER_SEARCH);
    const live = await stillInTemporal(client, batch);
    const gone = batch.filter((r) => !live.has(planWorkflowId(r.org, r.year)));
    const read = await Promise.all(gone.slice(0, MAX_ARCHIVED_ROWS - rows.length).map((r) => archivedRow(blobs, r)));
    rows.push(...read.filter((row): row is PlanRow => row !== undefined));
  }
  return rows.sort(byYearThenOrg);
}
