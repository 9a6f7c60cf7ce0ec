/**
 * How a plan file's values are written in the editor's text fields and read back: dates dd/MM/yyyy (stored
 * yyyy-MM-dd), months MM/yyyy (stored yyyy-MM), numbers as digits. What does not read as the field's kind is kept as
 * typed, so the plan file's own check says what is wrong with it, at its field, and nothing typed is lost.
 */

/** A value as its text field shows it: '' for nothing, digits for numbers, JSON for what no field can show. */
export function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** `2026-03-20` → `20/03/2026`; anything else as it is. */
export function dateShown(value: unknown): string {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : shown(value);
}

/** `2026-03` → `03/2026`. */
export function monthShown(value: unknown): string {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})$/.exec(value) : null;
  return m ? `${m[2]}/${m[1]}` : shown(value);
}

const pad = (s: string) => s.padStart(2, '0');

/**
 * `20/03/2026` (also `20-3-2026`, `20.03.2026`) → `2026-03-20`, whether or not that day exists: the plan file's
 * check then says why `31/04/2026` is no date. An ISO date stays; other text is kept as typed.
 */
export function dateRead(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return m ? `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}` : text;
}

/** `03/2026` or `3/2026` → `2026-03`; other text as typed. */
export function monthRead(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  return m ? `${m[2]}-${pad(m[1]!)}` : text;
}

/**
 * A number from its text: whole digits (`05` is 5), or a decimal written with `.` or `,` (`12,5`) as JavaScript
 * would print it. Anything else (`1.000`, `mười`) stays text, and the plan's check says a number was expected.
 */
export function numberRead(text: string): number | string {
  if (/^\d+$/.test(text)) return Number(text);
  const dotted = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  const n = Number(dotted);
  return dotted !== '' && Number.isFinite(n) && String(n) === dotted ? n : text;
}

/** `3, 1` → `[3, 1]` (commas, semicolons or spaces between). */
export function numbersRead(text: string): (number | string)[] {
  return text
    .split(/[,;\s]+/)
    .filter((s) => s !== '')
    .map(numberRead);
}

/** `true`/`false` from a yes/no drop-down; other text as typed. */
export function flagRead(text: string): boolean | string {
  if (text === 'true') return true;
  if (text === 'false') return false;
  return text;
}

/** Plan-file messages as the form writes dates: `2026-04-31`, `yyyy-MM-dd` → `31/04/2026`, `dd/MM/yyyy`. */
export function datesAsShown(message: string, monthField = false): string {
  const dated = message
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1')
    .replace(/yyyy-MM-dd/g, 'dd/MM/yyyy')
    .replace(/\byyyy-MM\b/g, 'MM/yyyy');
  return monthField ? dated.replace(/\b(\d{4})-(\d{2})\b/g, '$2/$1') : dated;
}
