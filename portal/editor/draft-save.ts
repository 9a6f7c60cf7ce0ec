import type { Context } from 'hono';
import type { ResolvedDeps } from '../deps.js';
import { field } from '../form-body.js';
import type { OfficeEnv } from '../office-env.js';
import { loadDraft, saveDraft, type PlanDraftRecord } from './draft-store.js';
import { formToRaw, textFields } from './form-to-raw.js';
import { valueAt } from './raw-to-form.js';
import { applyRowOp, parseRowOp } from './row-ops.js';

/** What a saving POST did: the record saved, the button pressed, where to come back to. */
export interface SavedForm {
  record: PlanDraftRecord;
  /** The `op` button: `save`, `check`, a row operation (`units.add`), or '' (the script, the start button). */
  op: string;
  /** The page showed every problem at its field (after "Check"): it keeps doing so. */
  checked: boolean;
  /** The element to come back to after a row operation: the row added or moved, or the list. */
  anchor?: string;
}

/**
 * Saves the editor's posted form as the organisation's draft, after the row operation its button names: the first
 * thing every POST of the editor does. The marks a reader left stay on the fields the office has not changed since;
 * where the draft came from and what it amends stay as they were; `by` is the session's user.
 */
export async function saveFromForm(c: Context<OfficeEnv>, deps: ResolvedDeps, org: string): Promise<SavedForm> {
  const form = c.get('form');
  const op = field(form, 'op');
  let raw = formToRaw(textFields(form));
  let anchor: string | undefined;
  const rowOp = parseRowOp(op);
  if (rowOp) ({ raw, anchor } = applyRowOp(raw, rowOp));
  const previous = await loadDraft(deps.store, org);
  const same = (path: string) => JSON.stringify(valueAt(previous?.raw, path)) === JSON.stringify(valueAt(raw, path));
  const record: PlanDraftRecord = {
    raw,
    marked: (previous?.marked ?? []).filter((m) => same(m.field)),
    source: previous?.source ?? 'blank',
    ...(previous?.amends ? { amends: previous.amends } : {}),
    updatedAt: deps.now().toISOString(),
    by: c.get('session').user,
  };
  await saveDraft(deps.store, org, record);
  return { record, op, checked: field(form, '_checked') === '1', anchor };
}
