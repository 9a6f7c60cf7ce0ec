import { ApplicationFailure } from '@temporalio/common';
import { FAILURES } from '../domain/failures.js';

/** Refuses an update from its validator (never reaches history): `message` says what, where and what was expected. */
export function refuse(message: string): never {
  throw ApplicationFailure.nonRetryable(message, FAILURES.invalidRequest);
}
