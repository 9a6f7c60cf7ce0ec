import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { difficultiesOfReport, type Difficulty, type ReportDeadline } from '../domain/difficulties.js';
import { currentPlanShape, type Plan } from '../domain/plan-schema.js';
import type { CompileReportInput, CompiledReport } from '../workflows/activities-api.js';
import type { ItemStatus } from '../workflows/item-types.js';
import { itemStatusQuery, planDefinitionQuery, planStatusQuery } from '../workflows/messages.js';
import type { PlanStatus } from '../workflows/plan-types.js';

/** What a consolidated report is made from: the plan in force, the report item itself and the tasks it covers. */
export interface CollectedReport {
  key: string;
  period: CompileReportInput['period'];
  issuedOn: string;
  plan: Plan;
  report: ItemStatus;
  tasks: ItemStatus[];
  /** The difficulties units raised with the office that this report answers for (absent: none). */
  difficulties?: Difficulty[];
}

export interface ReportCycleDeps {
  client: Client;
  render(collected: CollectedReport): Promise<CompiledReport>;
}

/**
 * The difficulties `reportItemId`'s report lists: each goes into the first periodic report due after it was raised.
 * An ad hoc report answers one question, so it lists none (and no difficulty waits for one).
 */
export function difficultiesForReport(
  reportItemId: string,
  status: Pick<PlanStatus, 'items' | 'difficulties'>,
): Difficulty[] {
  if (reportItemId.startsWith('report-adhoc')) return [];
  const deadlines: ReportDeadline[] = status.items.flatMap((i) =>
    i.officeDueAt ? [{ itemId: i.itemId, officeDueAt: i.officeDueAt }] : [],
  );
  return difficultiesOfReport(reportItemId, status.difficulties, deadlines);
}

/**
 * The `compileReport` activity: reads the state of the period's tasks with queries (no extra history in any
 * workflow), then renders and files the report. Idempotent: the renderer keys the document number on `key`.
 */
export function createReportCycleActivities({ client, render }: ReportCycleDeps) {
  return {
    async compileReport(input: CompileReportInput): Promise<CompiledReport> {
      return whileBeating(() => compile(input));
    },
  };

  async function compile(input: CompileReportInput): Promise<CompiledReport> {
    const planHandle = client.workflow.getHandle(input.planWorkflowId);
    const [plan, status, report, tasks] = await Promise.all([
      planHandle.query(planDefinitionQuery),
      planHandle.query(planStatusQuery),
      client.workflow.getHandle(input.itemWorkflowId).query(itemStatusQuery),
      Promise.all(input.taskWorkflowIds.map((id) => client.workflow.getHandle(id).query(itemStatusQuery))),
    ]);
    return render({
      key: input.key,
      period: input.period,
      issuedOn: input.issuedOn,
      plan: currentPlanShape(plan),
      report,
      tasks,
      difficulties: difficultiesForReport(report.itemId, status),
    });
  }
}

/**
 * Runs `work`, telling Temporal every few seconds that this worker is still at it: if the worker dies mid-compile,
 * the heartbeat timeout (workflows/item-activities.ts) hands the compile to another worker within half a minute
 * instead of after the whole start-to-close timeout. Outside an activity (a script) it just runs `work`.
 */
async function whileBeating<T>(work: () => Promise<T>): Promise<T> {
  let ctx: Context | undefined;
  try {
    ctx = Context.current();
  } catch {
    return work();
  }
  const beat = setInterval(() => ctx.heartbeat(), 5_000);
  try {
    return await work();
  } finally {
    clearInterval(beat);
  }
}
