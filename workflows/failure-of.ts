import { ApplicationFailure, TimeoutFailure, type ActivityFailure } from '@temporalio/workflow';

/**
 * What an activity's final failure was, for an incident: the catalogue type (domain/failures.ts) when the activity
 * threw one, `Error` for a plain error retried to the end, `Timeout` when it timed out on its last attempt.
 */
export function failureOf(err: ActivityFailure): { type: string; message: string } {
  const cause = err.cause;
  if (cause instanceof ApplicationFailure) return { type: cause.type ?? 'Error', message: cause.message };
  if (cause instanceof TimeoutFailure) return { type: 'Timeout', message: cause.message };
  return { type: cause?.name ?? 'ActivityFailure', message: cause?.message ?? err.message };
}
