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
  /** Actions by what bought them: where one variant's extra actions go. */
  actionsBy: Record<string, number>;
}

export const zeroCounts = (): HistoryCounts => ({
  runs: 0,
  events: 0,
  wfts: 0,
  actions: 0,
  bytes: 0,
  maxEventsPerRun: 0,
  actionsBy: {},
});

/** Actions: top-level start 1, child start 2 (counted in the parent), timer, activity attempt, signal, accepted update, upsert, CAN 1 each. */
export function countHistory(history: History): HistoryCounts {
  const events = history.events ?? [];
  let wfts = 0;
  const actionsBy: Record<string, number> = {};
  const buy = (what: string, n = 1) => (actionsBy[what] = (actionsBy[what] ?? 0) + n);
  for (const e of events) {
    switch (e.eventType) {
      case T.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
        if (!e.workflowExecutionStartedEventAttributes?.parentWorkflowExecution) buy('start');
        break;
      case T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
        wfts += 1;
        break;
      case T.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED:
        buy('child', 2);
        break;
      case T.EVENT_TYPE_ACTIVITY_TASK_STARTED:
        buy('activity', e.activityTaskStartedEventAttributes?.attempt ?? 1);
        break;
      case T.EVENT_TYPE_TIMER_STARTED:
        buy('timer');
        break;
      case T.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
        buy('signal');
        break;
      case T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED:
        buy('update');
        break;
      case T.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES:
        buy('upsert');
        break;
      case T.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW:
        buy('continue-as-new');
        break;
    }
  }
  const actions = Object.values(actionsBy).reduce((x, y) => x + y, 0);
  const bytes = proto.temporal.api.history.v1.History.encode(history).finish().length;
  return { runs: 1, events: events.length, wfts, actions, bytes, maxEventsPerRun: events.length, actionsBy };
}

export function addCounts(a: HistoryCounts, b: HistoryCounts): HistoryCounts {
  return {
    runs: a.runs + b.runs,
    events: a.events + b.events,
    wfts: a.wfts + b.wfts,
    actions: a.actions + b.actions,
    bytes: a.bytes + b.bytes,
    maxEventsPerRun: Math.max(a.maxEventsPerRun, b.maxEventsPerRun),
    actionsBy: Object.fromEntries(
      [...new Set([...Object.keys(a.actionsBy), ...Object.keys(b.actionsBy)])].map((k) => [
        k,
        (a.actionsBy[k] ?? 0) + (b.actionsBy[k] ?? 0),
      ]),
    ),
  };
}
