import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { createArchiveActivities } from '../activities/archive.js';
import { planWorkflowId } from '../domain/ids.js';
import type { BlobStore } from '../storage/blob-store.js';
import { readPlanArchive } from '../storage/plan-archive.js';
import { RequestRejectedError, type PlanRef } from './plan-client.js';

/**
 * `kehoach plan archive ORG YEAR`: writes a closed plan-year's record to the blob store again, for a year whose
 * archive at close failed for good (the store refused it, was full, was misconfigured) once the cause is fixed. The
 * same writer as at close, run from here: idempotent, so running it on a year already archived rewrites the same keys.
 * A year still running is refused (its record is written when it closes); one Temporal no longer has cannot be read.
 */
export async function archiveCommand(client: Client, blobs: BlobStore, ref: PlanRef): Promise<string> {
  const workflowId = planWorkflowId(ref.org, ref.year);
  let status: string;
  try {
    status = (await client.workflow.getHandle(workflowId).describe()).status.name;
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    const archived = await readPlanArchive(blobs, ref.org, ref.year);
    throw new RequestRejectedError(
      archived
        ? `${workflowId}: Temporal no longer has this plan-year; its archive (${archived.prefix}, ${archived.plan.archivedAt}) is what remains`
        : `${workflowId}: Temporal no longer has this plan-year and no archive of it exists: nothing left to archive from`,
    );
  }
  if (status === 'RUNNING')
    throw new RequestRejectedError(`${workflowId} is still running: its record is archived when the year closes`);
  const done = await createArchiveActivities({ client, blobs }).archivePlanYear({ planWorkflowId: workflowId });
  return [
    `Đã lưu trữ ${ref.org} ${ref.year}: ${done.keys.length} tệp trong ${done.prefix}`,
    ...done.problems.map((p) => `  thiếu / missing: ${p}`),
  ].join('\n');
}
