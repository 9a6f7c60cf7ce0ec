import { workflowInfo } from '@temporalio/workflow';

/**
 * Our own ceiling on one run's history, whatever the server is configured to suggest (4,096 events by default): a
 * parent's report item taking 200 subordinates' reports in one quarter passes it, and a shorter history is a faster
 * replay on whichever worker picks the run up next.
 */
export const RUN_EVENT_BUDGET = 800;

/** The run should hand its state to a new one: the server suggests it, or the run has used its own budget. */
export function runIsLong(): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= RUN_EVENT_BUDGET;
}
