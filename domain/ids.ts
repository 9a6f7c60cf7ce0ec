/** Workflow ids that read as business in the Temporal UI. */

/** `plan-SGDDT-HCM-2022`: one plan workflow per organisation and year. */
export function planWorkflowId(org: string, year: number): string {
  return `plan-${org}-${year}`;
}

/** `task-03`: the item id of a plan task (two digits, as the plan numbers them). */
export function taskItemId(taskNumber: number): string {
  return `task-${String(taskNumber).padStart(2, '0')}`;
}

/** `report-Q1`, `report-adhoc-2`. */
export function reportItemId(period: string): string {
  return `report-${period}`;
}

/** `plan-SGDDT-HCM-2022-task-03`: a child of the plan workflow. */
export function itemWorkflowId(planWorkflowId: string, itemId: string): string {
  return `${planWorkflowId}-${itemId}`;
}
