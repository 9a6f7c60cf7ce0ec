import type { Context } from 'hono';
import { refuse } from './refusals.js';

export type FormBody = Record<string, string | File | (string | File)[]>;

/**
 * Fields a form may send more than once (file inputs, link rows, checkboxes). Any other field sent twice is refused:
 * otherwise one of the two values would be dropped without anyone knowing which.
 */
export const REPEATABLE_FIELDS: ReadonlySet<string> = new Set(['files', 'linkTitle', 'linkUrl', 'kept', 'units']);

/**
 * The POST body as fields, or the refusal page to answer with: 400 for a body that is not a readable form and for
 * a field sent twice (named in the page).
 */
export async function readForm(c: Context): Promise<{ form: FormBody } | { refused: Response }> {
  let form: FormBody;
  try {
    form = (await c.req.parseBody({ all: true })) as FormBody;
  } catch {
    return { refused: await refuse(c, 400, 'malformedBody') };
  }
  const twice = Object.entries(form).find(([name, v]) => Array.isArray(v) && !REPEATABLE_FIELDS.has(name));
  if (twice) {
    const name = twice[0].slice(0, 60);
    return { refused: await refuse(c, 400, 'malformedBody', (t) => t.refusalDetails.fieldTwice(name)) };
  }
  return { form };
}

/** A text field of the form; '' when absent or a file. */
export function field(form: FormBody, name: string): string {
  const v = form[name];
  return typeof v === 'string' ? v : '';
}

/** Every text value of a repeatable field (checkboxes, link rows). */
export function fields(form: FormBody, name: string): string[] {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}
