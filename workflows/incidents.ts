/**
 * Incidents: a step that failed for good (an e-mail whose attachment is gone, a report that could not be compiled
 * after its retries). The item records it, tells the office once, goes on with its other units and steps, and
 * lets the office retry the step once the cause is fixed. Pure rules over the item's state.
 */
import type { EmailRequest } from './email-request.js';
import { refuse } from './refuse.js';

export interface Incident {
  /** 1, 2, … within the item. */
  id: number;
  /** What failed: an e-mail (with the request, to send it again) or the consolidated report. */
  step: { kind: 'email'; email: EmailRequest } | { kind: 'report' } | { kind: 'roll-up' };
  /** Unit concerned (the e-mail's), absent for the report. */
  unit?: string;
  /** The failure type from the catalogue (domain/failures.ts) and its message. */
  type: string;
  error: string;
  at: string;
  retried?: { by: string; at: string };
}

/** An incident as the status shows it: the step named, without the e-mail it would send again. */
export interface IncidentSummary extends Omit<Incident, 'step'> {
  step: { kind: 'email'; emailKind: string; emailKey: string } | { kind: 'report' } | { kind: 'roll-up' };
}

export function incidentSummary({ step, ...rest }: Incident): IncidentSummary {
  return {
    ...rest,
    step: step.kind === 'email' ? { kind: 'email', emailKind: step.email.kind, emailKey: step.email.key } : step,
  };
}

export interface RetryInput {
  id: number;
  by: string;
}

/** Why `retry` is refused, or nothing: the incident must exist and still be open. */
export function checkRetry(incidents: readonly Incident[], req: RetryInput): void {
  const found = incidents.find((i) => i.id === req.id);
  if (!found) refuse(`id: no incident ${String(req.id)} on this item`);
  if (found.retried) refuse(`id: incident ${req.id} was already retried by ${found.retried.by} at ${found.retried.at}`);
  if (typeof req.by !== 'string' || !req.by.trim()) refuse('by: say who retries');
}

/** Open incidents, the ones the office still has to act on. */
export function openIncidents(incidents: readonly Incident[] | undefined): Incident[] {
  return (incidents ?? []).filter((i) => !i.retried);
}

/** `e-mail Nhắc hạn (KHTC)` / `báo cáo tổng hợp`: the step in the office's words, for the notice and the UI. */
export function incidentStep(i: Incident): string {
  if (i.step.kind === 'report') return 'tổng hợp báo cáo';
  if (i.step.kind === 'roll-up') return 'gửi báo cáo lên cơ quan cấp trên';
  return `gửi e-mail "${i.step.email.kind}" cho ${i.unit ?? ''}`.trim();
}
