import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { officialYear } from '../domain/official-calendar.js';
import type { OfficialYear } from '../domain/schedule-types.js';
import { updateCalendarUpdate } from '../workflows/messages.js';
import type { PlanStatus, YearPlanInput } from '../workflows/plan-types.js';
import { decodeFirst, latestRunEvents } from './plan-history.js';

/** Whether the plan holds the calendar this build has for that year (same document, same standing). */
const sameAsBuiltIn = (held: PlanStatus['calendarYears'][number]): boolean => {
  const built = officialYear(held.year);
  return built.source === held.source && (built.provisional === true) === (held.provisional === true);
};

/**
 * The calendar years a running plan works on, with their days. The plan's status names each year and its source only;
 * a year it holds as this build has it is that data, and a year the office uploaded (`updateCalendar`, or a calendar
 * carried across continue-as-new) is read from the latest run's history: its start input's `state.calendar`, then
 * every accepted `updateCalendar` in order. The history is read only when some year differs from the built-in data.
 */
export async function heldCalendarYears(client: Client, status: PlanStatus): Promise<OfficialYear[]> {
  const differs = status.calendarYears.filter((y) => !sameAsBuiltIn(y));
  if (!differs.length) return [];
  const fromHistory = await calendarFromHistory(client, status.workflowId);
  // A year the history does not show (never expected) is left out: the built-in data stands for it.
  return differs.flatMap((y) => fromHistory.filter((h) => h.year === y.year).slice(-1));
}

/** The calendar years the latest run started with and was given since, the last word per year winning. */
async function calendarFromHistory(client: Client, workflowId: string): Promise<OfficialYear[]> {
  const events = await latestRunEvents(client, workflowId);
  const started = events[0]?.workflowExecutionStartedEventAttributes;
  const input = await decodeFirst<YearPlanInput>(client, started?.input?.payloads as Payload[] | undefined);
  let years: OfficialYear[] = input?.state?.calendar.years ?? [];
  for (const e of events) {
    const request = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input;
    if (request?.name !== updateCalendarUpdate.name) continue;
    const given = await decodeFirst<{ years: OfficialYear[] }>(client, request.args?.payloads as Payload[] | undefined);
    const replaced = new Set((given?.years ?? []).map((y) => y.year));
    years = [...years.filter((y) => !replaced.has(y.year)), ...(given?.years ?? [])];
  }
  return years;
}
