/**
 * The record of a closed plan-year in the blob store, which outlives Temporal's retention (the namespace deletes a
 * closed workflow, and with it who was asked, reminded, escalated, what they submitted and how it was reviewed):
 *
 *     archive/<ORG>/<year>/plan.json             the plan in force, its status, amendments, difficulties
 *     archive/<ORG>/<year>/items/<itemId>.json    one per item: every unit's versions, reviews, e-mails sent
 *     archive/<ORG>/<year>/reports/<itemId>/<file> copies of the consolidated reports' documents
 *     archive/<ORG>/<year>/index.html            a short page (Vietnamese first) linking all of it by relative path
 *
 * Written by the `archivePlanYear` activity (activities/archive.ts) when the year closes, read by the portal once the
 * plan workflow is gone. `plan.json` is written after every item and document, so a `plan.json` means a whole record.
 */
import type { Plan } from '../domain/plan-schema.js';
import type { ItemSpec } from '../domain/schedule-types.js';
import type { EmailKind } from '../workflows/email-request.js';
import type { ItemStatus, UnitOutcome, UnitState } from '../workflows/item-types.js';
import type { PlanStatus } from '../workflows/plan-types.js';
import type { BlobStore } from './blob-store.js';

/** Written into every file, so a later reader knows which layout it reads. */
export const ARCHIVE_FORMAT = 'kehoach-archive/1';

/** `archive/SGDDT-HCM/2026/`: where one plan-year's record lives (organisation codes are `[A-Z0-9-]`). */
export function archivePrefix(org: string, year: number): string {
  return `archive/${org}/${year}/`;
}

/** Paths inside a plan-year's archive, relative to its prefix (as index.html links them). */
export const ARCHIVE_PATHS = {
  plan: 'plan.json',
  index: 'index.html',
  item: (itemId: string) => `items/${itemId}.json`,
  document: (itemId: string, fileName: string) => `reports/${itemId}/${fileName}`,
} as const;

/** `archive/<ORG>/<year>/plan.json` → the plan-year, for the list of archived years. */
const PLAN_KEY = /^archive\/([A-Z0-9][A-Z0-9-]*)\/(\d{4})\/plan\.json$/;

/** A report document the item filed, and what became of its copy. */
export interface ArchivedDocument {
  itemId: string;
  /** The kind the report names it by (`docx`, `xlsx`, `html`, `csv`, `chart`…). */
  kind: string;
  /** Where the item said it was: a blob key (`reports/…`), or an absolute path for runs before the blob store. */
  source: string;
  /** The copy, relative to the archive's prefix; absent when it could not be copied. */
  path?: string;
  fileName?: string;
  contentType?: string;
  size?: number;
  /** Why there is no copy (the file was gone, unreadable). */
  missing?: string;
}

/** One `sendEmail` the item scheduled, from its history: what, to whom, and what the mail server said. */
export interface ArchivedEmail {
  /** `<itemWorkflowId>/<unit>/<step>`: stable across retries. */
  key: string;
  /** The Message-ID the e-mail carried (the same on every attempt, derived from the key). */
  messageId: string;
  kind: EmailKind;
  /** The unit the e-mail was about. */
  unit: string;
  to: string[];
  cc: string[];
  /** Plan time (ISO, the plan's zone) when the send was scheduled. */
  scheduledAt: string;
  outcome: 'sent' | 'failed' | 'unfinished';
  /** Plan time when the mail server accepted it. */
  sentAt?: string;
  accepted?: string[];
  rejected?: string[];
  /** The last attempt's failure, for an e-mail that was not sent. */
  failure?: { type: string; message: string };
  attempts?: number;
}

/** A message the item received (an update accepted or a signal), from its history. */
export interface ArchivedMessage {
  kind: 'update' | 'signal';
  name: string;
  /** Plan time. */
  at: string;
  /** The Temporal client that sent it (`pid@host`); who in the office is in the arguments' `by`. */
  identity?: string;
  args?: unknown[];
}

/** One unit's share of an item: its state (versions, reviews, extensions, escalation) and every e-mail about it. */
export interface ArchivedUnit {
  unit: string;
  name?: string;
  /** Absent for a unit whose share was handed to another (see `reassignedTo`) or dropped by an amendment. */
  state?: UnitState;
  outcome?: UnitOutcome;
  reassignedTo?: string;
  emails: ArchivedEmail[];
}

export interface ArchivedItemFile {
  format: typeof ARCHIVE_FORMAT;
  archivedAt: string;
  planWorkflowId: string;
  workflowId: string;
  itemId: string;
  kind: 'task' | 'report';
  title: string;
  /** The plan's view of the item when the year closed (`failure`: the workflow stopped abnormally). */
  phase: PlanStatus['items'][number]['phase'];
  failure?: string;
  /** The item as last amended. */
  item?: ItemSpec;
  status?: ItemStatus;
  units: ArchivedUnit[];
  /** E-mails to the office and the director about the item itself (office reminders, incidents, the report). */
  officeEmails: ArchivedEmail[];
  reassignments: { from: string; to: string; reason: string; by: string; at: string }[];
  messages: ArchivedMessage[];
  documents: ArchivedDocument[];
  /** Run ids of the item workflow, oldest first (continue-as-new splits a long item into runs). */
  runs: string[];
  /** What could not be read (a workflow not found, a query it could not answer). */
  problems: string[];
}

export interface ArchivedPlanFile {
  format: typeof ARCHIVE_FORMAT;
  archivedAt: string;
  planWorkflowId: string;
  /** The plan as last amended. */
  plan: Plan;
  /** The plan's status when the year closed: items with their results, amendments, difficulties and answers. */
  status: PlanStatus;
  items: { itemId: string; kind: 'task' | 'report'; title: string; phase: string; path?: string }[];
  documents: ArchivedDocument[];
  problems: string[];
}

/** A plan-year as the portal reads it back: the plan file and each item file found. */
export interface PlanArchiveRecord {
  prefix: string;
  plan: ArchivedPlanFile;
  items: Map<string, ArchivedItemFile>;
}

async function readJson(blobs: BlobStore, key: string): Promise<unknown> {
  const blob = await blobs.get(key);
  if (!blob) return undefined;
  try {
    return JSON.parse(blob.body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const isFormat = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && (v as { format?: unknown }).format === ARCHIVE_FORMAT;

/** The archived plan-year, or `undefined` when there is none (or its `plan.json` is not one this version reads). */
export async function readPlanArchive(
  blobs: BlobStore,
  org: string,
  year: number,
): Promise<PlanArchiveRecord | undefined> {
  const prefix = archivePrefix(org, year);
  const plan = await readJson(blobs, prefix + ARCHIVE_PATHS.plan);
  if (!isFormat(plan)) return undefined;
  const file = plan as ArchivedPlanFile;
  const items = new Map<string, ArchivedItemFile>();
  await Promise.all(
    file.items.map(async (i) => {
      if (!i.path) return;
      const item = await readJson(blobs, prefix + i.path);
      if (isFormat(item)) items.set(i.itemId, item as ArchivedItemFile);
    }),
  );
  return { prefix, plan: file, items };
}

/** Every archived plan-year in the store, by its `plan.json`. */
export async function listArchivedYears(blobs: BlobStore): Promise<{ org: string; year: number }[]> {
  const keys = await blobs.list('archive/');
  return keys.flatMap((k) => {
    const m = PLAN_KEY.exec(k);
    return m?.[1] && m[2] ? [{ org: m[1], year: Number(m[2]) }] : [];
  });
}
