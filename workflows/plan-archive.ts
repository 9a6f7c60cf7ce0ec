import { ActivityFailure, isCancellation, proxyActivities } from '@temporalio/workflow';
import { FAILURES } from '../domain/failures.js';
import type { WorkflowActivities } from './activities-api.js';
import { failureOf } from './failure-of.js';
import type { PlanArchive } from './plan-types.js';

const { archivePlanYear } = proxyActivities<WorkflowActivities>({
  // Once per plan-year: a query and a history read per item, a few dozen blobs. Minutes at most; a worker that dies
  // meanwhile is noticed by the missing heartbeat, not after the whole timeout.
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '2 minutes',
  // A blob store or Temporal outage may last hours: retried for about a day (1, 2, 4 … minutes, then hourly), after
  // which the plan closes with the error on its status. A store refusing this worker is not retried.
  retry: {
    initialInterval: '1 minute',
    backoffCoefficient: 2,
    maximumInterval: '1 hour',
    maximumAttempts: 30,
    nonRetryableErrorTypes: [FAILURES.archiveInvalid],
  },
});

/**
 * Writes the closed year's record to the blob store (activities/archive.ts). An archive that fails for good is
 * recorded, never thrown: the plan's own result must not depend on it. Cancelling the plan still cancels it.
 */
export async function archiveAtClose(planWorkflowId: string, at: () => string): Promise<PlanArchive> {
  try {
    const done = await archivePlanYear.executeWithOptions({ summary: 'Lưu trữ hồ sơ năm kế hoạch' }, [
      { planWorkflowId },
    ]);
    return {
      at: at(),
      prefix: done.prefix,
      keys: done.keys,
      ...(done.problems.length ? { problems: done.problems } : {}),
    };
  } catch (err) {
    if (!(err instanceof ActivityFailure) || isCancellation(err)) throw err;
    const { type, message } = failureOf(err);
    return { at: at(), error: message.slice(0, 1_000), type };
  }
}
