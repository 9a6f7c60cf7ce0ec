import type { TestWorkflowEnvironment } from '@temporalio/testing';

/**
 * What holds the time-skipping server's clock, workflow by workflow: a workflow task not yet completed (the history
 * ends in one scheduled or started) and every pending activity. The server lets time skip only while none of these
 * exist; the Java test server's describe has no pending-workflow-task field, so history's last event says it.
 * Empty when nothing is pending: a clock then running at wall-clock pace is the server's own leaked lock.
 */
export async function pendingWork(env: TestWorkflowEnvironment): Promise<string[]> {
  const namespace = env.namespace ?? 'default';
  const service = env.client.workflowService;
  const open = await service.listOpenWorkflowExecutions({ namespace, maximumPageSize: 1000 });
  const out: string[] = [];
  for (const info of open.executions ?? []) {
    const execution = { workflowId: info.execution?.workflowId, runId: info.execution?.runId };
    const id = execution.workflowId ?? '?';
    const described = await service.describeWorkflowExecution({ namespace, execution });
    for (const a of described.pendingActivities ?? [])
      out.push(
        `${id}: activity ${a.activityType?.name ?? '?'} #${a.activityId} attempt ${a.attempt} (state ${a.state})`,
      );
    const history = await service.getWorkflowExecutionHistory({ namespace, execution, maximumPageSize: 1000 });
    let events = history.history?.events ?? [];
    for (let token = history.nextPageToken; token?.length;) {
      const page = await service.getWorkflowExecutionHistory({ namespace, execution, nextPageToken: token });
      events = [...events, ...(page.history?.events ?? [])];
      token = page.nextPageToken;
    }
    const last = events.at(-1);
    if (last?.workflowTaskScheduledEventAttributes || last?.workflowTaskStartedEventAttributes)
      out.push(
        `${id}: workflow task ${last.workflowTaskStartedEventAttributes ? 'started' : 'scheduled'}, not completed`,
      );
  }
  return out;
}
