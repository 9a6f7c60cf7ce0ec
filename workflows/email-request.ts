import type { DatedStep } from '../domain/schedule-types.js';

/** Every e-mail the product sends. `catch-up` folds reminders that fell due while the worker was down. */
export const EMAIL_KINDS = [
  'assignment',
  'reminder',
  'due-today',
  'overdue',
  'escalation-office',
  'escalation-director',
  'report-request',
  'receipt',
  'returned',
  /** Added in plan workflows after `patched('notify-unit-on-accept')`. */
  'accepted',
  'extended',
  'report-delivered',
  'catch-up',
  /** The office's own reminder before its deadline to the director (after `patched('office-chain')`). */
  'office-reminder',
  /** A step that failed for good (after `patched('incidents')`): the office is told once and can retry it. */
  'incident',
  /** The director accepted the consolidated report (since `kh-2026-12b`): the office is told. */
  'report-accepted',
  /** The director returned the consolidated report with a comment: the office corrects and compiles it again. */
  'report-returned',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export interface Recipient {
  name: string;
  email: string;
}

/** Which item of which plan a link or an e-mail is about; the activity signs the submit link from it. */
export interface ItemRef {
  workflowId: string;
  itemId: string;
  unit: string;
}

/** Input of the `sendEmail` activity: data only; the activity renders the text so workflows stay small. */
export interface EmailRequest {
  /** Stable across retries: `<workflowId>/<unit>/<stepKey>`; becomes the Message-ID, so a resend is recognisable. */
  key: string;
  kind: EmailKind;
  locale: 'vi' | 'en';
  to: Recipient[];
  cc?: Recipient[];
  /** The code prefixes the subject (`[SGDDT-HCM] Nhắc hạn: …`), so offices can filter their mail by it. */
  organisation: { code: string; name: string };
  plan: { number: string; title: string; year: number };
  item: { itemId: string; kind: 'task' | 'report'; title: string; content: string; forms: string[] };
  /** The unit the e-mail is about (for escalations: the late unit). */
  unit: { code: string; name: string };
  deadline: DatedStep;
  /** Present when the recipient can act: the activity turns it into a signed portal link. */
  submitLink?: ItemRef;
  /** Office's comment (returned), reason (extended). */
  comment?: string;
  /** For catch-up notices: the steps folded into this one, in words. */
  missedSteps?: string[];
  /** For report-delivered: files attached or linked. */
  files?: { name: string; path: string }[];
  /** The plan's zone, in which dates and times are shown. */
  timeZone: string;
  /** The deadline's year has no approved calendar yet (computed, provisional): the e-mail says the date may move. */
  provisionalCalendar?: true;
}

export interface EmailReceipt {
  messageId: string;
  accepted: string[];
  rejected: string[];
}
