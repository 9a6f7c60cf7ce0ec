import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { tsToMs } from '@temporalio/common/lib/time.js';
import type proto from '@temporalio/proto';
import type { YearPlanInput } from '../workflows/plan-types.js';

export type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;

/**
 * What the portal reads of a plan's latest run that its status query does not carry: the run's start input and
 * messages. Queries leave no history, and the status names calendar years without their days and says plan time
 * only as of the run's last workflow task.
 */

/** The first value of `payloads`, through the client's codecs and payload converter (as the SDK decodes). */
export async function decodeFirst<T>(client: Client, payloads: Payload[] | null | undefined): Promise<T | undefined> {
  if (!payloads?.length) return undefined;
  const converter = client.options.loadedDataConverter;
  let decoded = payloads;
  for (const codec of [...converter.payloadCodecs].reverse()) decoded = await codec.decode(decoded);
  const first = decoded[0];
  return first ? converter.payloadConverter.fromPayload<T>(first) : undefined;
}

/** The latest run's start input and the time of its first workflow task, from the first page of its history. */
export async function latestRunStart(
  client: Client,
  workflowId: string,
): Promise<{ input?: YearPlanInput; firstTaskMs?: number }> {
  const page = await client.workflowService.getWorkflowExecutionHistory({
    namespace: client.options.namespace,
    execution: { workflowId },
    // Started, task scheduled, task started: the first three events of every run.
    maximumPageSize: 3,
  });
  const events: HistoryEvent[] = page.history?.events ?? [];
  const started = events[0]?.workflowExecutionStartedEventAttributes;
  const input = await decodeFirst<YearPlanInput>(client, started?.input?.payloads as Payload[] | undefined);
  const task = events.find((e) => e.workflowTaskStartedEventAttributes) ?? events[0];
  return { input, firstTaskMs: task?.eventTime ? tsToMs(task.eventTime) : undefined };
}

/** Every event of the latest run. */
export async function latestRunEvents(client: Client, workflowId: string): Promise<HistoryEvent[]> {
  return (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
}
