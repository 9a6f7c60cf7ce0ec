/**
 * Why a burst's reminders did not arrive in time: for the first plans missing any, each workflow's status, pending
 * activities (attempt and last failure) and last events, read before the bench terminates them. A miss in a whole
 * run is then explained in its log instead of having to be reproduced.
 */
import type { Client } from '@temporalio/client';
import type { StartedPlan } from './variant-plans.js';

const PLANS_SHOWN = 3;
const LAST_EVENTS = 8;

export async function describeMissing(
  client: Client,
  started: StartedPlan[],
  missingPlans: number[],
): Promise<string[]> {
  const lines: string[] = [];
  for (const i of missingPlans.slice(0, PLANS_SHOWN))
    for (const id of started[i]!.ids) {
      const handle = client.workflow.getHandle(id);
      const d = await handle.describe().catch((err: unknown) => String(err));
      if (typeof d === 'string') {
        lines.push(`${id}: ${d.slice(0, 200)}`);
        continue;
      }
      const ago = (t?: { seconds?: unknown } | null) =>
        t?.seconds ? `${(Date.now() / 1000 - Number(t.seconds)).toFixed(1)} s ago` : '-';
      const pending = (d.raw.pendingActivities ?? []).map(
        (a) =>
          `${a.activityType?.name} ${a.state} attempt ${a.attempt}, scheduled ${ago(a.scheduledTime)}, ` +
          `started ${ago(a.lastStartedTime)} on ${a.lastWorkerIdentity || '-'}${a.lastFailure ? ` (${a.lastFailure.message})` : ''}`,
      );
      const events = (await handle.fetchHistory().catch(() => undefined))?.events ?? [];
      const last = events.slice(-LAST_EVENTS).map((e) => {
        const type = Object.keys(e).find((k) => k.endsWith('EventAttributes')) ?? String(e.eventType);
        return `${e.eventId} ${type.replace(/EventAttributes$/, '')}`;
      });
      lines.push(
        `${id}: ${d.status.name}, ${events.length} events; pending: ${pending.join('; ') || 'none'}; last: ${last.join(', ')}`,
      );
    }
  if (missingPlans.length > PLANS_SHOWN) lines.push(`… and ${missingPlans.length - PLANS_SHOWN} more plans`);
  return lines;
}
