import type { Client } from '@temporalio/client';
import type { Plan } from '../domain/plan-schema.js';
import type { CompileReportInput, CompiledReport } from '../workflows/activities-api.js';
import type { ItemStatus } from '../workflows/item-types.js';
import { itemStatusQuery, planDefinitionQuery } from '../workflows/messages.js';

/** What a consolidated report is made from: the plan in force, the report item itself and the tasks it covers. */
export interface CollectedReport {
  key: string;
  period: CompileReportInput['period'];
  issuedOn: string;
  plan: Plan;
  report: ItemStatus;
  tasks: ItemStatus[];
}

export interface ReportCycleDeps {
  client: Client;
  render(collected: CollectedReport): Promise<CompiledReport>;
}

/**
 * The `compileReport` activity: reads the state of the period's tasks with queries (no extra history in any
 * workflow), then renders and files the report. Idempotent: the renderer keys the document number on `key`.
 */
export function createReportCycleActivities({ client, render }: ReportCycleDeps) {
  return {
    async compileReport(input: CompileReportInput): Promise<CompiledReport> {
      const plan = await client.workflow.getHandle(input.planWorkflowId).query(planDefinitionQuery);
      const report = await client.workflow.getHandle(input.itemWorkflowId).query(itemStatusQuery);
      const tasks = await Promise.all(
        input.taskWorkflowIds.map((id) => client.workflow.getHandle(id).query(itemStatusQuery)),
      );
      return render({ key: input.key, period: input.period, issuedOn: input.issuedOn, plan, report, tasks });
    },
  };
}
