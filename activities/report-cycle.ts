import type { Client } from '@temporalio/client';
import { difficultiesOfReport, type Difficulty, type ReportDeadline } from '../domain/difficulties.js';
import type { Plan } from '../domain/plan-schema.js';
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
        plan,
        report,
        tasks,
        difficulties: difficultiesForReport(report.itemId, status),
      });
    },
  };
}
