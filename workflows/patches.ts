import { patched } from '@temporalio/workflow';

/**
 * The patch of the current version. A workflow started on it records this one marker (and one `TemporalChangeVersion`
 * upsert) per run instead of one per earlier patch: every earlier patch is implied by it (`since`). Covers, besides:
 * an item continuing as new at the top of its loop, before it sends what is queued, when its run is long (a stream of
 * Updates always leaves e-mail to send, and the run grew past its suggestion).
 */
export const CURRENT_VERSION = 'kh-2026-12c';

/**
 * Earlier versions' one markers, newest first: a run recorded on one of them has only that marker, which implies
 * every patch before it.
 */
const EARLIER_VERSIONS = ['kh-2026-12b', 'kh-2026-12'] as const;

/** Patches of earlier versions, each still deciding for runs recorded before `CURRENT_VERSION`. */
export type EarlierPatch =
  | 'notify-unit-on-accept'
  | 'send-outbox-before-close'
  | 'reuse-step-timer'
  | 'schedule-rules-2'
  | 'office-chain'
  | 'incidents'
  | 'archive-at-close'
  | 'fewer-upserts'
  /**
   * Items that report their end through child completion instead of the `itemClosed` signal, and the plan keeping
   * its people (`KhPeople`) and memo current when an amendment changes them.
   */
  | 'kh-2026-12'
  /** The director's review of a consolidated report (accept, or return to the office, which compiles it again). */
  | 'kh-2026-12b';

/** This run runs the current version's commands. Not cached: it turns true when a replaying run goes live. */
export const current = (): boolean => patched(CURRENT_VERSION);

/**
 * True where `patch` would be: in a run on the current version (whose history has no earlier markers), in a run
 * recorded on an earlier version that already implied `patch` (its one marker), or in an older run whose history has
 * `patch`'s own marker (or that reached this point live). Replaying a run recorded before the current version,
 * `current()` is false at every point it did not record, so the markers it did record decide as they did then; each
 * earlier version is asked, newest first, as the code of that version asked it.
 */
export function since(patch: EarlierPatch): boolean {
  if (current()) return true;
  for (const version of EARLIER_VERSIONS) {
    if (patched(version)) return true;
    if (version === patch) return false;
  }
  return patched(patch);
}
