/** A history in the JSON format of the CLI and UI (`historyToJSON`): only the fields the tests touch are typed. */
export interface JsonHistory {
  events: (Record<string, unknown> & { eventId: string; eventType: string })[];
}

/**
 * A copy of `history` whose first TimerStarted is rewritten as an ActivityTaskScheduled: the workflow code starts a
 * timer there, so the replayer must report nondeterminism. Proves the replay test can fail.
 */
export function breakFirstTimer(history: JsonHistory): JsonHistory {
  const copy = structuredClone(history);
  const timer = copy.events.find((e) => e.eventType === 'EVENT_TYPE_TIMER_STARTED');
  if (!timer) throw new Error('history has no timer to break');
  const { workflowTaskCompletedEventId } = timer.timerStartedEventAttributes as {
    workflowTaskCompletedEventId: string;
  };
  delete timer.timerStartedEventAttributes;
  timer.eventType = 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED';
  timer.activityTaskScheduledEventAttributes = {
    activityId: '999',
    activityType: { name: 'sendEmail' },
    taskQueue: { name: 'kehoach-test', kind: 'TASK_QUEUE_KIND_NORMAL' },
    scheduleToCloseTimeout: '60s',
    startToCloseTimeout: '60s',
    workflowTaskCompletedEventId,
  };
  return copy;
}
