/** Starting one bench plan as A (the real plan workflow) or B/B0 (the bare baseline) on a compressed plan clock. */
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import { startPlan } from '../client/plan-client.js';
import { itemWorkflowId } from '../domain/ids.js';
import type { bareYearWorkflow } from './bare-workflows.js';
import type { VariantName } from './bench-workers.js';
import type { PlanScript } from './bench-plan.js';

const T = proto.temporal.api.enums.v1.EventType;

export interface PlanClockArgs {
  /** Plan instant at the workflow's first task (its anchor). */
  planStartMs: number;
  /** Plan ms per real ms (86,400 = one plan day per real second). */
  speed: number;
}

export interface StartedPlan {
  /** The workflow whose first task anchors the clock (plan or bare). */
  anchorId: string;
  /** Every workflow this plan may have started (A: plan + items), for termination. */
  ids: string[];
  result(): Promise<unknown>;
}

export async function startVariantPlan(
  client: Client,
  variant: VariantName,
  s: PlanScript,
  taskQueue: string,
  clock: PlanClockArgs,
): Promise<StartedPlan> {
  if (variant === 'A') {
    const { handle } = await startPlan(client, s.plan, {
      taskQueue,
      clock: { planStart: new Date(clock.planStartMs).toISOString(), speed: clock.speed },
    });
    const items = s.plan.tasks.map((t) => itemWorkflowId(s.planId, `task-${String(t.number).padStart(2, '0')}`));
    return { anchorId: s.planId, ids: [s.planId, ...items], result: () => handle.result() };
  }
  const handle = await client.workflow.start<typeof bareYearWorkflow>('bareYearWorkflow', {
    taskQueue,
    workflowId: `bare-${s.planId}`,
    args: [{ steps: s.steps, planStartMs: clock.planStartMs, speed: clock.speed }],
  });
  return { anchorId: handle.workflowId, ids: [handle.workflowId], result: () => handle.result() };
}

/** Real epoch ms of the workflow's first task start: what `Date.now()` was when the plan clock was anchored. */
export async function anchorMs(client: Client, workflowId: string): Promise<number> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const e = history.events?.find((x) => x.eventType === T.EVENT_TYPE_WORKFLOW_TASK_STARTED);
  if (!e?.eventTime) throw new Error(`${workflowId}: no workflow task started yet`);
  return Number(e.eventTime.seconds ?? 0) * 1000 + Math.floor((e.eventTime.nanos ?? 0) / 1e6);
}

/** Terminates what is left of a run so later runs share the server with nothing but their own workflows. */
export async function terminateAll(client: Client, plans: StartedPlan[]): Promise<void> {
  const ids = plans.flatMap((p) => p.ids);
  const lanes = 20;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = lane; i < ids.length; i += lanes)
        await client.workflow
          .getHandle(ids[i]!)
          .terminate('bench run over')
          .catch(() => undefined);
    }),
  );
}
