import { randomUUID } from 'node:crypto';
import { field, type FormBody } from './form-body.js';

/**
 * A form's one submission id (`attempt`): drawn when the form is shown, kept when it comes back refused by the
 * portal's own checks, and sent as the Update id, so a double click, a browser's resend or the back button is the
 * first request again (the server dedupes an id within a run, the workflow's ledger after continue-as-new).
 */
export const ATTEMPT_FIELD = 'attempt';

const ATTEMPT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const newAttempt = (): string => randomUUID();

/** The attempt a form carries, or a fresh one for a form without (or with anything else): a request of its own. */
export function attemptOf(form: FormBody): string {
  const given = field(form, ATTEMPT_FIELD);
  return ATTEMPT.test(given) ? given : newAttempt();
}
