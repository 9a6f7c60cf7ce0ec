import { ApplicationFailure, TimeoutFailure, type NexusOperationFailure } from '@temporalio/common';

/**
 * What a Nexus operation's final failure was, for an incident (as `failureOf` for an activity): the catalogue type
 * (domain/failures.ts) the handler refused with, found under the operation's and handler's wrappers; `Timeout` when
 * the operation ran out of time; otherwise the innermost cause's name and message.
 */
export function nexusFailureOf(err: NexusOperationFailure): { type: string; message: string } {
  let innermost: Error = err;
  for (let e: unknown = err.cause; e instanceof Error; e = e.cause) {
    if (e instanceof ApplicationFailure && e.type && e.type !== 'OperationError')
      return { type: e.type, message: e.message };
    if (e instanceof TimeoutFailure) return { type: 'Timeout', message: e.message };
    innermost = e;
  }
  return { type: innermost.name, message: innermost.message };
}
