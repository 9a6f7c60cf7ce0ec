import type { History } from '@temporalio/common/lib/proto-utils.js';
import proto from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import {
  getPlanStatus,
  pauseReminders,
  resumeReminders,
  reviewSubmission,
  startPlan,
  submitReport,
} from '../../client/plan-client.js';
import { CURRENT_VERSION } from '../../workflows/patches.js';
import { skeletonClock, skeletonPlan } from '../fixtures/skeleton-plan.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';
import { useTestStack } from '../helpers/test-stack.js';

const T = proto.temporal.api.enums.v1.EventType;
const SIGNALED = T.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED;
const CHILD_COMPLETED = T.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED;
const MARKER = T.EVENT_TYPE_MARKER_RECORDED;
const UPSERT = T.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES;

const events = (h: History) => h.events ?? [];
const signalsNamed = (h: History, name: string) =>
  events(h).filter(
    (e) => Number(e.eventType) === SIGNALED && e.workflowExecutionSignaledEventAttributes?.signalName === name,
  ).length;
/** The patch ids of a run's markers (payloads are base64 JSON `{"id": …}`). */
const patchIds = (h: History) =>
  events(h).flatMap((e) => {
    const data = Number(e.eventType) === MARKER && e.markerRecordedEventAttributes?.details?.['patch-data'];
    const raw = data ? data.payloads?.[0]?.data : undefined;
    return raw ? [(JSON.parse(Buffer.from(raw).toString('utf8')) as { id: string }).id] : [];
  });
const versionUpserts = (h: History) =>
  events(h).filter(
    (e) =>
      Number(e.eventType) === UPSERT &&
      'TemporalChangeVersion' in
        (e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}),
  ).length;

const history = (env: TestWorkflowEnvironment, id: string, runId?: string) =>
  env.client.workflow.getHandle(id, runId).fetchHistory();

/*
 * Since `kh-2026-12` the plan hears an item's end from the child's completion, not from an `itemClosed` signal (one
 * billable action per item), and a run records one patch marker instead of one per earlier patch.
 */
describe('items close through their completion', () => {
  describe('a whole year (time-skipping server)', () => {
    const stack = useTestStack();

    it('the plan closes the year from its items’ completions, with no itemClosed signal and one marker per run', async () => {
      const { env } = stack();
      const { handle } = await startPlan(env.client, skeletonPlan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
      const clock = planTimeStepper(env, skeletonClock.planStart, (await handle.describe()).startTime.getTime());
      await clock.sleepUntil('2027-01-02T12:00:00+07:00');
      const status = await handle.result();

      const items = status.items.filter((i) => i.phase !== 'scheduled');
      expect(items.length).toBeGreaterThan(0);
      for (const i of items) {
        expect(i.phase, i.itemId).toBe('closed');
        expect(i.failure, i.itemId).toBeUndefined();
        expect(i.result?.itemId, i.itemId).toBe(i.itemId);
      }
      const plan = await history(env, handle.workflowId);
      expect(signalsNamed(plan, 'itemClosed')).toBe(0);
      expect(events(plan).filter((e) => Number(e.eventType) === CHILD_COMPLETED)).toHaveLength(items.length);
      for (const h of [
        plan,
        ...(await Promise.all(items.map((i) => history(env, `${handle.workflowId}-${i.itemId}`)))),
      ]) {
        expect(patchIds(h)).toEqual([CURRENT_VERSION]);
        expect(versionUpserts(h)).toBe(1);
      }
    });
  });

  describe('across the plan’s continue-as-new (dev server, suggested at 40 events)', () => {
    const stack = useTestStack({
      server: 'dev',
      devServerArgs: ['--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=40'],
    });

    it('an item the first run watched is asked to report back, and its end reaches the next run', async () => {
      const { env } = stack();
      const ref = { org: 'SKEL', year: 2026 };
      const by = { by: 'Văn phòng (kiểm thử)' };
      // One plan day per second from the evening before task-03 opens (Mon 02/03 08:00).
      await startPlan(env.client, skeletonPlan, {
        taskQueue: TASK_QUEUE,
        clock: { speed: 86_400, planStart: '2026-03-01T20:00:00+07:00' },
      });
      const itemId = 'plan-SKEL-2026-task-03';
      const deadline = Date.now() + 30_000;
      const runsOfPlan = async () => {
        const runs: string[] = [];
        for await (const wf of env.client.workflow.list({ query: `WorkflowId="plan-SKEL-2026"` })) runs.push(wf.runId);
        return runs;
      };
      while (
        !(await env.client.workflow
          .getHandle(itemId)
          .describe()
          .catch(() => undefined))
      ) {
        if (Date.now() > deadline) throw new Error('task-03 never opened');
        await new Promise((r) => setTimeout(r, 200));
      }
      // Each pause/resume pair adds events to the plan until the server suggests continuing as new.
      while ((await runsOfPlan()).length < 2) {
        if (Date.now() > deadline)
          throw new Error(
            `the plan never continued as new (${events(await history(env, 'plan-SKEL-2026')).length} events)`,
          );
        // Spaced out: the plan continues as new only once every handler has finished.
        await pauseReminders(env.client, ref, by.by);
        await new Promise((r) => setTimeout(r, 150));
        await resumeReminders(env.client, ref, by.by);
        await new Promise((r) => setTimeout(r, 150));
      }
      await expect
        .poll(async () => signalsNamed(await history(env, itemId), 'reportBack'), { timeout: 10_000 })
        .toBe(1);

      for (const unit of ['KHTC', 'TCCB']) {
        await submitReport(env.client, ref, 'task-03', {
          unit,
          submittedBy: 'Trưởng phòng',
          results: 'Đã đăng 2 tin.',
        });
        await reviewSubmission(env.client, ref, 'task-03', { unit, decision: 'accept', by: by.by });
      }
      await env.client.workflow.getHandle(itemId).result();
      await expect
        .poll(async () => (await getPlanStatus(env.client, ref)).items.find((i) => i.itemId === 'task-03'), {
          timeout: 10_000,
        })
        .toMatchObject({ phase: 'closed', result: { itemId: 'task-03' } });
      const latest = await history(env, 'plan-SKEL-2026');
      expect(signalsNamed(latest, 'itemClosed')).toBe(1);
    });
  });
});
