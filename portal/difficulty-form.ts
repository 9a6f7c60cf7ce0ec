import type { Client } from '@temporalio/client';
import { getPlanStatus, type PlanRef } from '../client/plan-client.js';
import { DIFFICULTY_LIMITS, type Difficulty } from '../domain/difficulties.js';
import { isNotFound } from './errors.js';
import { attemptOf } from './form-attempt.js';
import { field, type FormBody } from './form-body.js';
import type { Lang } from './i18n.js';
import { texts } from './texts/index.js';

/** What the unit typed in the difficulty form, kept verbatim so a refused one comes back with nothing lost. */
export interface RaiseValues {
  text: string;
  raisedBy: string;
  /** The form's submission id, kept when the portal refuses it (`portal/form-attempt.ts`). */
  attempt?: string;
}

/** A textarea as typed: browsers send its line breaks as CRLF, which would count twice against the limit. */
export const typedText = (s: string): string => s.replace(/\r\n/g, '\n');

/** The two fields of the form; the unit and the item are the link's, so nothing else is read. */
export function raiseValues(form: FormBody): RaiseValues {
  return {
    text: typedText(field(form, 'difficultyText')),
    raisedBy: field(form, 'raisedBy'),
    attempt: attemptOf(form),
  };
}

/** What is wrong with the form, in the page's language, before it goes to the plan (whose validator has the last word). */
export function raiseProblems(v: RaiseValues, lang: Lang): string[] {
  const t = texts(lang).difficulties;
  const L = DIFFICULTY_LIMITS;
  const problems: string[] = [];
  if (!v.text.trim()) problems.push(t.textMissing);
  else if (v.text.length > L.textChars) problems.push(t.tooLong(t.text, v.text.length, L.textChars));
  if (!v.raisedBy.trim()) problems.push(t.nameMissing);
  else if (v.raisedBy.length > L.nameChars) problems.push(t.tooLong(t.raisedBy, v.raisedBy.length, L.nameChars));
  return problems;
}

/** The difficulties `unit` raised in the plan, newest first: a unit's page shows its own and no other unit's. */
export async function unitDifficulties(client: Client, plan: PlanRef, unit: string): Promise<Difficulty[]> {
  try {
    const status = await getPlanStatus(client, plan);
    return status.difficulties.filter((d) => d.unit === unit).reverse();
  } catch (err) {
    // The item's page still works without its plan (a plan deleted under a running item): it lists none.
    if (isNotFound(err)) return [];
    throw err;
  }
}
