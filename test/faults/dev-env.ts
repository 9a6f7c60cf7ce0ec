import type { TestWorkflowEnvironment } from '@temporalio/testing';

/** Pending activities of each workflow (attempt and last failure message), from describe(). */
export async function pendingSends(env: TestWorkflowEnvironment, ids: readonly string[]) {
  const all = await Promise.all(
    ids.map(async (id) => (await env.client.workflow.getHandle(id).describe()).raw.pendingActivities ?? []),
  );
  return all.flat().map((a) => ({ attempt: a.attempt ?? 1, failure: a.lastFailure?.message ?? '' }));
}
