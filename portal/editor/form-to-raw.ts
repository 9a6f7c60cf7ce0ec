import type { FormBody } from '../form-body.js';
import { childPath, SECTIONS, type Field } from './editor-fields.js';
import { dateRead, flagRead, monthRead, numberRead, numbersRead } from './form-values.js';

/** The posted form as text fields by name (files and anything else left out). */
export type FormFields = Readonly<Record<string, string>>;

/** The text fields of a parsed POST body. */
export function textFields(form: FormBody): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(form)) {
    const one = Array.isArray(v) ? v[0] : v;
    if (typeof one === 'string') out[name] = one;
  }
  return out;
}

/** What the form's fields are, found once per read: the row numbers posted under each list and each choice's keys. */
class Posted {
  private readonly names: string[];
  constructor(private readonly fields: FormFields) {
    this.names = Object.keys(fields);
  }

  text(name: string): string | undefined {
    const v = this.fields[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  }

  /** The row numbers posted under list `path` (`units[0].code`, `units[3].name` → 0, 3), in order. */
  rows(path: string): number[] {
    const prefix = `${path}[`;
    const rows = new Set<number>();
    for (const n of this.names) {
      if (!n.startsWith(prefix)) continue;
      const m = /^(\d+)\]/.exec(n.slice(prefix.length));
      if (m) rows.add(Number(m[1]));
    }
    return [...rows].sort((a, b) => a - b);
  }

  /** The checked codes of a multiple choice, `path~<k>` in order of k. */
  choices(path: string): string[] {
    const prefix = `${path}~`;
    return this.names
      .filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))
      .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
      .map((n) => this.text(n))
      .filter((v): v is string => v !== undefined);
  }
}

function readFields(fields: readonly Field[], prefix: string, posted: Posted): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = readField(f, childPath(prefix, f.key), posted);
    if (v !== undefined) out[f.key] = v;
  }
  return out;
}

const orNothing = (obj: Record<string, unknown>) => (Object.keys(obj).length > 0 ? obj : undefined);

function readField(f: Field, path: string, posted: Posted): unknown {
  switch (f.kind) {
    case 'group':
      return orNothing(readFields(f.fields, path, posted));
    case 'list': {
      // A row stays even when all its fields are empty: a row just added is where the person types next.
      const rows = posted.rows(path).map((i) => readFields(f.fields, childPath(path, i), posted));
      return rows.length > 0 ? rows : undefined;
    }
    case 'codes': {
      const codes = posted.choices(path);
      return codes.length > 0 ? codes : undefined;
    }
    case 'variant': {
      const chosen = posted.text(path);
      const fields = chosen === undefined ? undefined : f.variants[chosen];
      if (fields === undefined) return undefined;
      return fields === true ? { [chosen!]: true } : readFields(fields, path, posted);
    }
    default: {
      const text = posted.text(path);
      if (text === undefined) return undefined;
      if (f.kind === 'number') return numberRead(text);
      if (f.kind === 'numbers') return numbersRead(text);
      if (f.kind === 'date') return dateRead(text);
      if (f.kind === 'month') return monthRead(text);
      if (f.kind === 'flag') return flagRead(text);
      return text;
    }
  }
}

/**
 * The plan file's content from the editor's posted form: each field read as its kind (numbers where the schema
 * wants numbers, dd/MM/yyyy as yyyy-MM-dd, the checked codes as a list), empty fields and empty groups left out so
 * that what is missing is reported as missing. The inverse of `rawToForm`.
 */
export function formToRaw(fields: FormFields): Record<string, unknown> {
  const posted = new Posted(fields);
  return readFields(
    SECTIONS.flatMap((s) => s.fields),
    '',
    posted,
  );
}
