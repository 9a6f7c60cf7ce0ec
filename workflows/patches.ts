import { patched } from '@temporalio/workflow';

/**
 * The patch of the current version. A workflow started on it records this one marker (and one `TemporalChangeVersion`
 * upsert) per run instead of one per earlier patch: every earlier patch is implied by it (`since`). Covers, besides:
 * items that report their end through child completion instead of the `itemClosed` signal, and the plan keeping
 * its people (`KhPeople`) and memo current when an amendment changes them.
 */
export const CURRENT_VERSION = 'kh-2026-12';

/** Patches of earlier versions, each still deciding for runs recorded before `CURRENT_VERSION`. */
export type EarlierPatch =
  | 'notify-unit-on-accept'
  | 'send-outbox-before-close'
  | 'reuse-step-timer'
  | 'schedule-rules-2'
  | 'office-chain'
  | 'incidents'
  | 'archive-at-close'
  | 'fewer-upserts';

/** This run runs the current version's commands. Not cached: it turns true when a replaying run goes live. */
export const current = (): boolean => patched(CURRENT_VERSION);

/**
 * True where `patch` would be: in a run on the current version (whose history has no earlier markers), or in an
 * older run whose history has `patch`'s marker (or that reached this point live). Replaying a run recorded before
 * the current version, `current()` is false at every point it did not record, so `patched(patch)` decides as before.
 */
export const since = (patch: EarlierPatch): boolean => current() || patched(patch);
