import type { z } from 'zod';
import type { Locale } from './format-date.js';

/**
 * Our own wording for zod issues on a plan file, in Vietnamese or English: what is wrong, and what was expected.
 * The path is not repeated here; `formatProblems` prints it beside the message.
 */

type Issue = z.core.$ZodIssue;

/** Introspection of a zod schema node, only what the messages need (zod 4 classic exposes these getters). */
interface SchemaInfo {
  _zod: {
    def: { type: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown; in?: unknown };
  };
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
}

/** The schema node at `path` below `schema` (objects, arrays, optional, default), or undefined inside a union. */
export function schemaAt(schema: unknown, path: readonly PropertyKey[]): SchemaInfo | undefined {
  let node = unwrap(schema as SchemaInfo);
  for (const seg of path) {
    if (!node) return undefined;
    const def = node._zod.def;
    if (def.type === 'object' && typeof seg === 'string') node = unwrap(def.shape?.[seg] as SchemaInfo | undefined);
    else if (def.type === 'array' && typeof seg === 'number') node = unwrap(def.element as SchemaInfo | undefined);
    else return undefined;
  }
  return node;
}

function unwrap(node: SchemaInfo | undefined): SchemaInfo | undefined {
  let n = node;
  while (n && ['optional', 'default', 'nullable', 'prefault', 'readonly'].includes(n._zod.def.type))
    n = n._zod.def.innerType as SchemaInfo;
  return n;
}

/** Keys a strict object accepts, for "did you mean". */
export function keysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  const node = schemaAt(schema, path);
  return node?._zod.def.type === 'object' ? Object.keys(node._zod.def.shape ?? {}) : [];
}

/** Damerau-free Levenshtein distance, for suggesting a key that was probably meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min(
        (row[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        prev + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** The accepted key closest to `key`, if close enough to be a typo. */
export function closestKey(key: string, keys: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of keys) {
    const d = distance(key, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** A value as the user wrote it: strings in quotes, others as JSON. */
function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object') return '{…}';
  return String(value);
}

const KIND = {
  vi: {
    string: 'chuỗi ký tự',
    number: 'số',
    int: 'số nguyên',
    boolean: 'true hoặc false',
    object: 'một bảng khoá: giá trị',
    array: 'một danh sách',
    null: 'giá trị rỗng',
    other: 'giá trị',
  },
  en: {
    string: 'text',
    number: 'a number',
    int: 'an integer',
    boolean: 'true or false',
    object: 'a mapping of key: value',
    array: 'a list',
    null: 'an empty value',
    other: 'a value',
  },
} as const;

type KindKey = keyof (typeof KIND)['vi'];

function kindOf(value: unknown): KindKey {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean' || t === 'object') return t;
  return 'other';
}

function expectedKind(expected: string, node: SchemaInfo | undefined): KindKey {
  if (expected === 'number' && node?.isInt) return 'int';
  if (expected === 'int') return 'int';
  return expected in KIND.vi ? (expected as KindKey) : 'other';
}

/** `1–99`, `≥ 1` or `≤ 30` from a number schema's bounds. */
function numberRange(node: SchemaInfo | undefined, fallbackMin?: number, fallbackMax?: number): string {
  const safe = (v: number | null | undefined) =>
    v !== null && v !== undefined && Math.abs(v) < Number.MAX_SAFE_INTEGER ? v : undefined;
  const min = safe(node?.minValue) ?? fallbackMin;
  const max = safe(node?.maxValue) ?? fallbackMax;
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  if (min !== undefined) return `≥ ${min}`;
  return `≤ ${max ?? '?'}`;
}

/** The message of a missing required field. */
function missing(key: string, expected: KindKey, locale: Locale): string {
  return locale === 'vi'
    ? `thiếu trường bắt buộc "${key}" (cần ${KIND.vi[expected]})`
    : `required field "${key}" is missing (expected ${KIND.en[expected]})`;
}

/** The three forms of a task deadline, for a `due` that matches none. */
const DUE_FORMS = '{ on: yyyy-MM-dd } | { endOfMonth: true } | { workingDaysAfterOpening: n }';

/**
 * A message for one zod issue (union issues are resolved before this, see `resolveUnion`), e.g. for `tasks[0].number`
 * with input 0: `0 ngoài khoảng cho phép (cần 1–99)`.
 */
export function issueMessage(issue: Issue, schema: unknown, locale: Locale): string {
  const vi = locale === 'vi';
  const node = schemaAt(schema, issue.path);
  const input = (issue as { input?: unknown }).input;
  const last = issue.path[issue.path.length - 1];
  const key = typeof last === 'string' ? last : String(last ?? '');
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedKind(issue.expected, node);
      if (input === undefined) return missing(key, expected, locale);
      if (typeof input === 'number' && expected === 'int')
        return vi ? `${input} không phải là số nguyên` : `${input} is not an integer`;
      const got = kindOf(input);
      return vi
        ? `${show(input)} là ${KIND.vi[got]}, cần ${KIND.vi[expected]}`
        : `${show(input)} is ${KIND.en[got]}, expected ${KIND.en[expected]}`;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(
        small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum,
      );
      if (issue.origin === 'number') {
        const range = numberRange(node, small ? bound : undefined, small ? undefined : bound);
        return vi
          ? `${show(input)} ngoài khoảng cho phép (cần ${range})`
          : `${show(input)} is out of range (expected ${range})`;
      }
      if (issue.origin === 'string') {
        const len = typeof input === 'string' ? input.length : 0;
        if (small && bound === 1) return vi ? 'không được để trống' : 'must not be empty';
        return small
          ? vi
            ? `dài ${len} ký tự, cần ít nhất ${bound}`
            : `is ${len} characters long, expected at least ${bound}`
          : vi
            ? `dài ${len} ký tự, tối đa ${bound}`
            : `is ${len} characters long, at most ${bound} allowed`;
      }
      if (issue.origin === 'array') {
        const n = Array.isArray(input) ? input.length : 0;
        return small
          ? vi
            ? `có ${n} mục, cần ít nhất ${bound}`
            : `has ${n} items, expected at least ${bound}`
          : vi
            ? `có ${n} mục, tối đa ${bound}`
            : `has ${n} items, at most ${bound} allowed`;
      }
      return issue.message;
    }
    case 'invalid_format': {
      if (issue.format === 'date') {
        return vi
          ? `${show(input)} không phải là ngày hợp lệ (cần yyyy-MM-dd, ví dụ 2026-03-20)`
          : `${show(input)} is not a valid date (expected yyyy-MM-dd, e.g. 2026-03-20)`;
      }
      if (issue.format === 'email')
        return vi
          ? `${show(input)} không phải là địa chỉ e-mail hợp lệ`
          : `${show(input)} is not a valid e-mail address`;
      if (issue.message.startsWith('expected HH:mm')) {
        return vi
          ? `${show(input)} không phải là giờ hợp lệ (cần HH:mm, ví dụ 08:00)`
          : `${show(input)} is not a valid time (expected HH:mm, e.g. 08:00)`;
      }
      if (issue.message.startsWith('expected an uppercase code')) {
        return vi
          ? `${show(input)} không phải là mã hợp lệ (cần chữ in hoa không dấu, chữ số và "-", ví dụ VP, KHTC)`
          : `${show(input)} is not a valid code (expected uppercase letters, digits and "-", e.g. VP, KHTC)`;
      }
      return vi
        ? `${show(input)} sai định dạng (${issue.message})`
        : `${show(input)} has the wrong format (${issue.message})`;
    }
    case 'invalid_value': {
      if (input === undefined) return missing(key, 'other', locale);
      const values = issue.values.map((v) => String(v)).join(', ');
      return vi
        ? `${show(input)} không phải là giá trị cho phép (cần một trong: ${values})`
        : `${show(input)} is not an allowed value (expected one of: ${values})`;
    }
    case 'unrecognized_keys':
      // split per key by the caller; this is the fallback
      return issue.keys.map((k) => unknownKeyMessage(k, keysAt(schema, issue.path), locale)).join('; ');
    case 'invalid_union':
      return vi ? `không khớp dạng nào cho phép: ${DUE_FORMS}` : `matches none of the allowed forms: ${DUE_FORMS}`;
    default:
      return issue.message;
  }
}

/** `trường "unit" không được hỗ trợ; có phải ý là "units"? (các trường hợp lệ: …)`. */
export function unknownKeyMessage(key: string, accepted: readonly string[], locale: Locale): string {
  const guess = closestKey(key, accepted);
  const list = accepted.join(', ');
  if (locale === 'vi')
    return `trường "${key}" không được hỗ trợ${guess ? `; có phải ý là "${guess}"?` : ''} (các trường hợp lệ: ${list})`;
  return `unknown field "${key}"${guess ? `; did you mean "${guess}"?` : ''} (accepted fields: ${list})`;
}

/**
 * The issues to report for a union that failed: the branch the user evidently meant (the only one without unknown keys
 * at the union's level and with the fewest issues), its paths made absolute; or the union issue itself when no branch stands out.
 */
export function resolveUnion(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const branches = issue.errors.filter(
    (errs) => !errs.some((e) => e.code === 'unrecognized_keys' && e.path.length === 0),
  );
  const allMissing = (errs: readonly Issue[]) => errs.every((e) => (e as { input?: unknown }).input === undefined);
  const meant = branches.filter((errs) => !allMissing(errs));
  const chosen = meant.length === 1 ? meant[0] : undefined;
  if (!chosen) return [issue];
  return chosen.flatMap((e) => resolveUnion({ ...e, path: [...issue.path, ...e.path] } as Issue));
}
