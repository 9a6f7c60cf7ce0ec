/** Workflow ids that read as business in the Temporal UI. */

/** `plan-SGDDT-HCM-2022`: one plan workflow per organisation and year. */
export function planWorkflowId(org: string, year: number): string {
  return `plan-${org}-${year}`;
}

/** `task-03`: the item id of a plan task (two digits, as the plan numbers them). */
export function taskItemId(taskNumber: number): string {
  return `task-${String(taskNumber).padStart(2, '0')}`;
}

/** `task-05-m03` (March), `task-05-q2` (second quarter): one occurrence of a recurring task. */
export function occurrenceItemId(taskNumber: number, every: 'month' | 'quarter', index: number): string {
  return `${taskItemId(taskNumber)}-${every === 'month' ? `m${String(index).padStart(2, '0')}` : `q${index}`}`;
}

/** `report-Q1`, `report-adhoc-2`. */
export function reportItemId(period: string): string {
  return `report-${period}`;
}

/** `plan-SGDDT-HCM-2022-task-03`: a child of the plan workflow. */
export function itemWorkflowId(planWorkflowId: string, itemId: string): string {
  return `${planWorkflowId}-${itemId}`;
}

/** `register-SGDDT-HCM-2022`: the organisation's register of outgoing documents for a year (sổ đăng ký văn bản đi). */
export function registerWorkflowId(org: string, year: number): string {
  return `register-${org}-${year}`;
}
