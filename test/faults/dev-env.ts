import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.js';
import { toolPaths } from '../helpers/tools.js';

/** A real dev server (wall-clock time, unlike the time-skipping one) on loopback with the project's search attributes. */
export function startDevEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: toolPaths().temporalCli },
      ip: '127.0.0.1',
      searchAttributes: ALL_SEARCH_ATTRIBUTES,
    },
  });
}

/** Pending activities of each workflow (attempt and last failure message), from describe(). */
export async function pendingSends(env: TestWorkflowEnvironment, ids: readonly string[]) {
  const all = await Promise.all(
    ids.map(async (id) => (await env.client.workflow.getHandle(id).describe()).raw.pendingActivities ?? []),
  );
  return all.flat().map((a) => ({ attempt: a.attempt ?? 1, failure: a.lastFailure?.message ?? '' }));
}
