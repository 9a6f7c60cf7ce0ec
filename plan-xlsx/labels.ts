/**
 * The Vietnamese words a workbook shows for the plan format's coded values (`lead` is "chủ trì"), both ways: the
 * export writes the label, the import reads the label or the code itself, so a cell copied from a YAML file still reads.
 */

/** One coded value of the plan format and the label the workbook shows for it. */
export type LabelTable<Code extends string | boolean> = readonly (readonly [Code, string])[];

/** chủ trì (lead) or phối hợp (support), as the plan document says. */
export const ROLE_LABELS: LabelTable<'lead' | 'support'> = [
  ['lead', 'chủ trì'],
  ['support', 'phối hợp'],
];

/** The plan's three kinds of duty: `tasks`, `recurringTasks`, `ongoingDuties`. */
export const DUTY_KIND_LABELS: LabelTable<'tasks' | 'recurringTasks' | 'ongoingDuties'> = [
  ['tasks', 'có hạn'],
  ['recurringTasks', 'định kỳ'],
  ['ongoingDuties', 'thường xuyên'],
];
export type DutyKind = (typeof DUTY_KIND_LABELS)[number][0];

/** How a dated task's deadline is set (`due` of `tasks`). */
export const TASK_DUE_LABELS: LabelTable<'on' | 'endOfMonth' | 'workingDaysAfterOpening'> = [
  ['on', 'ngày cố định'],
  ['endOfMonth', 'cuối tháng'],
  ['workingDaysAfterOpening', 'số ngày làm việc sau ngày giao'],
];

/** How each occurrence's deadline of a recurring task is set (`due` of `recurringTasks`). */
export const RECURRING_DUE_LABELS: LabelTable<'day' | 'lastWorkingDay' | 'firstWorkingDay'> = [
  ['day', 'ngày trong tháng cuối kỳ'],
  ['lastWorkingDay', 'ngày làm việc cuối kỳ'],
  ['firstWorkingDay', 'ngày làm việc đầu tháng cuối kỳ'],
];

export const EVERY_LABELS: LabelTable<'month' | 'quarter'> = [
  ['month', 'hàng tháng'],
  ['quarter', 'hàng quý'],
];

/** What a count target is counted per. */
export const PER_LABELS: LabelTable<'month' | 'period' | 'year'> = [
  ['month', 'tháng'],
  ['period', 'kỳ báo cáo'],
  ['year', 'năm'],
];

/** A deadline on a non-working day (BLDS 2015 Điều 148 k5 = FORWARD). */
export const POLICY_LABELS: LabelTable<'FORWARD' | 'BACKWARD' | 'KEEP'> = [
  ['FORWARD', 'lùi sang ngày làm việc sau'],
  ['BACKWARD', 'đưa lên ngày làm việc trước'],
  ['KEEP', 'giữ nguyên'],
];

export const CALENDAR_KIND_LABELS: LabelTable<'off' | 'working'> = [
  ['off', 'nghỉ'],
  ['working', 'làm việc'],
];

export const BOOLEAN_LABELS: LabelTable<boolean> = [
  [true, 'có'],
  [false, 'không'],
];

export { PERIOD_CODES } from '../domain/plan-schema.js';

/** The label of `code`. */
export function labelOf<Code extends string | boolean>(table: LabelTable<Code>, code: Code): string {
  return table.find(([c]) => c === code)?.[1] ?? String(code);
}

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase();

/** The code a cell's text names, by its label or by the code itself (any case); undefined when it names none. */
export function codeOf<Code extends string | boolean>(table: LabelTable<Code>, text: string): Code | undefined {
  const t = fold(text);
  return table.find(([code, label]) => fold(label) === t || fold(String(code)) === t)?.[0];
}
