import { describe, expect, it } from 'vitest';
import { itemHandle, planHandle, startPlan } from '../../client/plan-client.js';
import { KhNextDeadline, KhStatus } from '../../workflows/search-attributes.js';
import { skeletonClock, skeletonPlan } from '../fixtures/skeleton-plan.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';
import { useTestStack } from '../helpers/test-stack.js';

const UPSERT = 40; // EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES

/*
 * Since `fewer-upserts` an item starts with its opening status complete (KhStatus open, KhNextDeadline its units'
 * earliest deadline), so its first upsert would repeat them; the plan no longer mirrors its items' next deadline.
 * Each upsert is a billable action (docs/benchmark.md, P1).
 */
describe('search attributes set with the start, not upserted again (time-skipping server)', () => {
  const stack = useTestStack();

  it('an opened item shows its deadline from its start and upserts only when something changes', async () => {
    const { env } = stack();
    const ref = { org: 'SKEL', year: 2026 };
    const { handle } = await startPlan(env.client, skeletonPlan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    const clock = planTimeStepper(env, skeletonClock.planStart, (await handle.describe()).startTime.getTime());
    await clock.sleepUntil('2026-03-02T09:00:00+07:00');
    const item = itemHandle(env.client, ref, 'task-03');
    const opened = await item.describe();
    expect(opened.typedSearchAttributes.get(KhStatus)).toBe('open');
    expect(opened.typedSearchAttributes.get(KhNextDeadline)?.toISOString()).toBe('2026-03-06T01:00:00.000Z');
    // Our upserts only: sdk-core adds one of `TemporalChangeVersion` the first time a run meets each patch.
    const upserts = async (h: ReturnType<typeof itemHandle>) =>
      ((await h.fetchHistory()).events ?? []).filter((e) => {
        const fields = Object.keys(
          e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {},
        );
        return Number(e.eventType) === UPSERT && fields.some((f) => f !== 'TemporalChangeVersion');
      }).length;
    expect(await upserts(item)).toBe(0);

    // Past the deadline (Fri 06/03) both units are overdue: that change is upserted, once.
    await clock.sleepUntil('2026-03-09T09:00:00+07:00');
    expect(await upserts(item)).toBe(1);
    // The plan upserted its status once (running) and never the next deadline.
    const plan = await planHandle(env.client, ref).describe();
    expect(plan.typedSearchAttributes.get(KhNextDeadline)).toBeUndefined();
    expect(await upserts(planHandle(env.client, ref))).toBe(1);
  });
});
