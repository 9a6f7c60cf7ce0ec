import type { Client } from '@temporalio/client';
import { localDateOf } from '../domain/local-date.js';
import { anchorClock, planTimeAt, type PlanClock } from '../domain/plan-clock.js';
import type { PlanStatus } from '../workflows/plan-types.js';
import { latestRunStart } from './plan-history.js';

/**
 * The plan's own date now (`yyyy-MM-dd` in its zone). The status's `now` is plan time at the run's last workflow task
 * (a query does not move workflow time), which for a plan asleep until its next opening can be weeks old; so plan time
 * is also read off the plan's clock (`domain/plan-clock.ts`: a demo runs faster) at the portal's time `realNow`, and
 * the later of the two is today. The clock is the one the run carries across continue-as-new, or the one its first
 * workflow task anchored (as `anchorClock` did then).
 */
export async function planToday(client: Client, status: PlanStatus, zone: string, realNow: Date): Promise<string> {
  const start = await latestRunStart(client, status.workflowId).catch(() => undefined);
  const clock: PlanClock | undefined =
    start?.input?.state?.clock ??
    (start?.firstTaskMs !== undefined ? anchorClock(start.input?.clock, start.firstTaskMs) : undefined);
  const byClock = clock ? planTimeAt(clock, realNow.getTime()) : Number.NEGATIVE_INFINITY;
  const ms = Math.max(Date.parse(status.now), byClock);
  return localDateOf(new Date(ms).toISOString(), zone);
}
