import type { MarkedField } from '../../plan-draft/draft-from-text.js';
import { storeKeys, type PortalStore } from '../store/portal-store.js';

/** Where a draft came from: a blank form, a running plan opened to amend, a workbook, a signed document, a file. */
export type DraftSource = 'blank' | 'running' | 'xlsx' | 'document' | 'yaml' | 'derived';

/**
 * An organisation's plan as its office is writing it: the plan file's shape before validation (anything may be
 * missing or wrong), the fields a reader marked for the clerk, and who saved it last. One per organisation: the
 * office writes one plan at a time, and every portal replica sees the same draft (the store is shared).
 */
export interface PlanDraftRecord {
  /** The plan file's content as typed: `organisation`, `plan`, `units`, … exactly as in YAML, possibly invalid. */
  raw: Record<string, unknown>;
  /** Fields a reader left for the clerk (`plan.signedOn`, `units[2].head.email`), with why. */
  marked: MarkedField[];
  source: DraftSource;
  /** Present when the draft amends the running plan of that year: starting it means `amendPlan`. */
  amends?: { year: number };
  /** ISO instant of the last save. */
  updatedAt: string;
  /** The session user who saved it last. */
  by: string;
}

/** Drafts outlive sessions: a plan is written over weeks. Kept 180 days after the last save. */
const DRAFT_TTL_MS = 180 * 24 * 3600 * 1000;

export async function loadDraft(store: PortalStore, org: string): Promise<PlanDraftRecord | undefined> {
  const text = await store.get(storeKeys.planDraft(org));
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as PlanDraftRecord;
    return typeof parsed.raw === 'object' && parsed.raw !== null ? parsed : undefined;
  } catch {
    // A record this version cannot read is as good as none: the office starts again rather than meeting a 500.
    return undefined;
  }
}

export async function saveDraft(store: PortalStore, org: string, draft: PlanDraftRecord): Promise<void> {
  await store.set(storeKeys.planDraft(org), JSON.stringify(draft), DRAFT_TTL_MS);
}

export async function clearDraft(store: PortalStore, org: string): Promise<void> {
  await store.del(storeKeys.planDraft(org));
}
