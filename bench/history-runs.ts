/**
 * Counts of every run of a workflow id, not only the latest: walks back the continue-as-new chain through each run's
 * first event (`continuedExecutionRunId`), so an item that continued as new is counted whole and per run.
 */
import type { Client } from '@temporalio/client';
import type proto from '@temporalio/proto';
import { addCounts, countHistory, zeroCounts, type HistoryCounts } from './history-metrics.js';

type History = proto.temporal.api.history.v1.IHistory;

/** `inspect` sees each run's history too (newest first), for what the counts do not say. */
export async function countAllRuns(
  client: Client,
  workflowId: string,
  inspect?: (history: History) => void,
): Promise<HistoryCounts> {
  let total = zeroCounts();
  let runId: string | undefined;
  do {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    total = addCounts(total, countHistory(history));
    inspect?.(history);
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  } while (runId);
  return total;
}

/** Attempts of each `activityType` activity of a history (its ActivityTaskStarted events carry the last attempt). */
export function activityAttempts(history: History, activityType: string): number[] {
  const events = history.events ?? [];
  const ids = new Set(
    events
      .filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === activityType)
      .map((e) => Number(e.eventId)),
  );
  return events
    .filter((e) => ids.has(Number(e.activityTaskStartedEventAttributes?.scheduledEventId ?? -1)))
    .map((e) => e.activityTaskStartedEventAttributes?.attempt ?? 1);
}
