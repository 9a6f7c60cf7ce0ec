/** Counts per history: events, workflow tasks, Cloud actions (performance.md table) and serialized bytes. */
import proto from '@temporalio/proto';

type History = proto.temporal.api.history.v1.IHistory;
const T = proto.temporal.api.enums.v1.EventType;

export interface HistoryCounts {
  runs: number;
  events: number;
  wfts: number;
  actions: number;
  bytes: number;
  maxEventsPerRun: number;
}

export const zeroCounts = (): HistoryCounts => ({
  runs: 0,
  events: 0,
  wfts: 0,
  actions: 0,
  bytes: 0,
  maxEventsPerRun: 0,
});

/** Actions: top-level start 1, child start 2 (counted in the parent), timer, activity attempt, signal, accepted update, upsert, CAN 1 each. */
export function countHistory(history: History): HistoryCounts {
  const events = history.events ?? [];
  let wfts = 0;
  let actions = 0;
  for (const e of events) {
    switch (e.eventType) {
      case T.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
        if (!e.workflowExecutionStartedEventAttributes?.parentWorkflowExecution) actions += 1;
        break;
      case T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
        wfts += 1;
        break;
      case T.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED:
        actions += 2;
        break;
      case T.EVENT_TYPE_ACTIVITY_TASK_STARTED:
        actions += e.activityTaskStartedEventAttributes?.attempt ?? 1;
        break;
      case T.EVENT_TYPE_TIMER_STARTED:
      case T.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
      case T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED:
      case T.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES:
      case T.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW:
        actions += 1;
        break;
    }
  }
  const bytes = proto.temporal.api.history.v1.History.encode(history).finish().length;
  return { runs: 1, events: events.length, wfts, actions, bytes, maxEventsPerRun: events.length };
}

export function addCounts(a: HistoryCounts, b: HistoryCounts): HistoryCounts {
  return {
    runs: a.runs + b.runs,
    events: a.events + b.events,
    wfts: a.wfts + b.wfts,
    actions: a.actions + b.actions,
    bytes: a.bytes + b.bytes,
    maxEventsPerRun: Math.max(a.maxEventsPerRun, b.maxEventsPerRun),
  };
}
