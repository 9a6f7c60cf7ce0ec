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

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * Why a date written as `yyyy-MM-dd` does not exist, or undefined when its shape is wrong (or it exists), e.g.
 * `2022-02-29` → `"2022-02-29" không phải là ngày có thật: năm 2022 không có ngày 29/02 (tháng 02/2022 có 28 ngày,
 * ngày cuối là 2022-02-28)`; `2026-04-31` → `… tháng 04 chỉ có 30 ngày (ngày cuối là 2026-04-30)`.
 */
function nonexistentDate(value: string, locale: Locale): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [yyyy, mm, dd] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
  const vi = locale === 'vi';
  const head = vi ? `"${value}" không phải là ngày có thật: ` : `"${value}" is not a real date: `;
  if (month < 1 || month > 12)
    return (
      head +
      (vi
        ? `không có tháng ${mm} (tháng từ 01 đến 12, dạng yyyy-MM-dd)`
        : `there is no month ${mm} (months run 01–12, as yyyy-MM-dd)`)
    );
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const monthEn = EN_MONTHS[month - 1] ?? mm;
  if (day === 0)
    return (
      head +
      (vi
        ? `không có ngày 00 (tháng ${mm} có các ngày 01–${days})`
        : `there is no day 00 (${monthEn} has days 01–${days})`)
    );
  if (day <= days) return undefined;
  const last = `${yyyy}-${mm}-${String(days)}`;
  if (month === 2)
    return (
      head +
      (vi
        ? `năm ${yyyy} không có ngày ${dd}/02 (tháng 02/${yyyy} có ${days} ngày, ngày cuối là ${last})`
        : `${yyyy} has no ${day} February (February ${yyyy} has ${days} days, the last is ${last})`)
    );
  return (
    head +
    (vi
      ? `tháng ${mm} chỉ có ${days} ngày (ngày cuối là ${last})`
      : `${monthEn} has only ${days} days (the last is ${last})`)
  );
}

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
        const missingDay = typeof input === 'string' ? nonexistentDate(input, locale) : undefined;
        if (missingDay) return missingDay;
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

/** What a file that is not a plan file turned out to be, from its first bytes (see `sniffFileKind` in plan-file.ts). */
export type NotPlanKind =
  | 'docx'
  | 'doc'
  | 'rtf'
  | 'xlsx'
  | 'xls'
  | 'pptx'
  | 'ppt'
  | 'odt'
  | 'ods'
  | 'office'
  | 'pdf'
  | 'zip'
  | 'archive'
  | 'image'
  | 'binary';

const NOT_PLAN: Record<NotPlanKind, { vi: string; en: string }> = {
  docx: { vi: 'tệp Word (DOCX)', en: 'a Word file (DOCX)' },
  doc: { vi: 'tệp Word (DOC)', en: 'a Word file (DOC)' },
  rtf: { vi: 'tệp Word (RTF)', en: 'a Word file (RTF)' },
  xlsx: { vi: 'tệp Excel (XLSX)', en: 'an Excel file (XLSX)' },
  xls: { vi: 'tệp Excel (XLS)', en: 'an Excel file (XLS)' },
  pptx: { vi: 'tệp PowerPoint (PPTX)', en: 'a PowerPoint file (PPTX)' },
  ppt: { vi: 'tệp PowerPoint (PPT)', en: 'a PowerPoint file (PPT)' },
  odt: { vi: 'tệp văn bản OpenDocument (ODT)', en: 'an OpenDocument text file (ODT)' },
  ods: { vi: 'tệp bảng tính OpenDocument (ODS)', en: 'an OpenDocument spreadsheet (ODS)' },
  office: { vi: 'tệp Microsoft Office', en: 'a Microsoft Office file' },
  pdf: { vi: 'tệp PDF', en: 'a PDF file' },
  zip: { vi: 'tệp nén ZIP', en: 'a ZIP archive' },
  archive: { vi: 'tệp nén', en: 'a compressed archive' },
  image: { vi: 'tệp ảnh', en: 'an image' },
  binary: { vi: 'tệp nhị phân (không phải văn bản)', en: 'a binary file (not text)' },
};

/** `tệp Word (DOCX)` / `a Word file (DOCX)`: what a file that is not text turned out to be, for other formats' messages. */
export function fileKindName(kind: NotPlanKind, locale: Locale): string {
  return NOT_PLAN[kind][locale];
}

/**
 * `đây là tệp Word (DOCX), không phải tệp kế hoạch; …`: a document, spreadsheet, archive or image given where a plan
 * file was expected. A document of the plan (Word, PDF) cannot be read as one: its content must be written in YAML.
 */
export function notPlanFileMessage(kind: NotPlanKind, locale: Locale): string {
  const what = NOT_PLAN[kind];
  const document = ['docx', 'doc', 'rtf', 'odt', 'pdf'].includes(kind);
  if (locale === 'vi')
    return (
      `đây là ${what.vi}, không phải tệp kế hoạch; hãy lưu kế hoạch dạng YAML (tệp văn bản .yaml, mã UTF-8) rồi thử lại` +
      (document ? '; nội dung văn bản kế hoạch cần được chép sang YAML theo tệp mẫu (ví dụ plans/demo.yaml)' : '')
    );
  return (
    `this is ${what.en}, not a plan file; save the plan as YAML (a .yaml text file, UTF-8) and try again` +
    (document
      ? "; the plan document's content has to be written out in YAML after a sample (e.g. plans/demo.yaml)"
      : '')
  );
}

/** A file with nothing in it, or only white space. */
export function emptyPlanMessage(locale: Locale): string {
  return locale === 'vi' ? 'tệp kế hoạch trống' : 'the plan file is empty';
}

/** A YAML syntax error in Vietnamese: one sentence per refinement of the yaml package's message, by its code. */
const YAML_VI: Record<string, (message: string) => string> = {
  BAD_INDENT: (m) =>
    /^Flow sequence/.test(m)
      ? 'danh sách mở bằng "[" chưa được đóng bằng "]", hoặc các dòng bên trong thụt lề chưa đủ'
      : /^Flow map/.test(m)
        ? 'bảng mở bằng "{" chưa được đóng bằng "}", hoặc các dòng bên trong thụt lề chưa đủ'
        : /^All mapping items/.test(m)
          ? 'thụt lề sai: các khoá cùng cấp phải bắt đầu ở cùng một cột'
          : /^All sequence items/.test(m)
            ? 'thụt lề sai: các mục của danh sách (dòng bắt đầu bằng "-") phải bắt đầu ở cùng một cột'
            : /^Flow end indicator/.test(m)
              ? 'dấu đóng "]" hoặc "}" phải thụt lề sâu hơn khoá chứa nó'
              : /^Block scalar/.test(m)
                ? 'nội dung khối văn bản (sau "|" hoặc ">") phải thụt lề sâu hơn khoá của nó'
                : 'thụt lề sai ở dòng này',
  MISSING_CHAR: (m) =>
    /^Missing closing/.test(m)
      ? 'thiếu dấu nháy đóng: chuỗi mở bằng dấu nháy chưa được đóng'
      : /followed by map values/.test(m)
        ? 'thiếu dấu hai chấm: mỗi dòng của bảng phải có dạng "khoá: giá trị"'
        : /^Missing , or :/.test(m)
          ? 'thiếu dấu phẩy hoặc dấu hai chấm giữa các mục trong "{ }" hoặc "[ ]"'
          : /^Missing , between/.test(m)
            ? 'thiếu dấu phẩy giữa các mục trong "[ ]" hoặc "{ }"'
            : /^Missing space after :/.test(m)
              ? 'thiếu dấu cách sau dấu hai chấm'
              : /must end with a/.test(m)
                ? 'danh sách "[" hoặc bảng "{" chưa được đóng'
                : /^Comments must be separated/.test(m)
                  ? 'dấu "#" mở đầu chú thích phải cách nội dung phía trước ít nhất một dấu cách'
                  : /^Sequence item without -/.test(m)
                    ? 'mục của danh sách thiếu dấu "-" ở đầu dòng'
                    : /^Tags and anchors/.test(m)
                      ? 'thẻ "!" hoặc neo "&" phải cách phần sau bằng dấu cách'
                      : /directives-end/.test(m)
                        ? 'thiếu dòng "---" sau các chỉ thị "%"'
                        : 'thiếu một ký tự cần thiết ở vị trí này (dấu hai chấm, dấu phẩy, dấu nháy hoặc dấu đóng)',
  DUPLICATE_KEY: () => 'khoá bị lặp: khoá này đã có ở trên trong cùng một bảng; mỗi khoá chỉ được viết một lần',
  BLOCK_AS_IMPLICIT_KEY: (m) =>
    /^Nested mappings/.test(m)
      ? 'sau một giá trị không được có thêm cặp "khoá: giá trị" (trên cùng dòng như "a: b: c", hay ở dòng dưới thụt lề sâu hơn); hãy sửa thụt lề, hoặc đặt giá trị có dấu hai chấm trong dấu nháy'
      : 'một danh sách hoặc bảng không được dùng làm khoá',
  MULTILINE_IMPLICIT_KEY: () =>
    'khoá phải nằm trên một dòng và có dấu hai chấm; có thể dòng này thiếu dấu hai chấm hoặc thụt lề sai',
  TAB_AS_INDENT: () => 'không được dùng ký tự Tab để thụt lề; hãy dùng dấu cách',
  UNEXPECTED_TOKEN: (m) => {
    const token = /: "(.{1,10})"$/.exec(m)?.[1] ?? /^Unexpected (,) in/.exec(m)?.[1];
    if (/empty item/.test(m)) return 'có mục rỗng trong danh sách (hai dấu phẩy liền nhau)';
    return token
      ? `ký tự "${token}" không đúng chỗ; hãy kiểm tra thụt lề và các dấu ngoặc, dấu phẩy, dấu hai chấm`
      : 'có nội dung không đúng chỗ; hãy kiểm tra thụt lề và dấu hai chấm ở dòng này và dòng trước';
  },
  MULTIPLE_DOCS: () => 'tệp chứa nhiều tài liệu YAML (ngăn cách bởi "---"); một tệp kế hoạch chỉ được có một',
  BAD_DQ_ESCAPE: () => 'chuỗi trong dấu nháy kép có dấu "\\" không hợp lệ; hãy viết "\\\\" hoặc dùng dấu nháy đơn',
  BAD_SCALAR_START: (m) => {
    const ch = /start with (?:reserved character )?(\S+)$/.exec(m)?.[1];
    return `giá trị không được bắt đầu bằng ký tự dành riêng${ch ? ` "${ch}"` : ''}; hãy đặt giá trị trong dấu nháy`;
  },
  BLOCK_IN_FLOW: () => 'không được viết danh sách hoặc bảng nhiều dòng bên trong "[ ]" hoặc "{ }"',
  BAD_ALIAS: () => 'bí danh "*" hoặc neo "&" phải có tên và không được kết thúc bằng dấu hai chấm',
  ALIAS_PROPS: () => 'bí danh "*" không được kèm thẻ "!" hay neo "&"',
  MULTIPLE_ANCHORS: () => 'một giá trị chỉ được có một neo "&"',
  MULTIPLE_TAGS: () => 'một giá trị chỉ được có một thẻ "!"',
  BAD_PROP_ORDER: () => 'thẻ "!" và neo "&" phải đứng sau dấu "-" hoặc "?"',
  TAG_RESOLVE_FAILED: () => 'thẻ "!" này không được hỗ trợ; hãy bỏ thẻ',
  BAD_COLLECTION_TYPE: () => 'thẻ "!" không hợp với loại giá trị (danh sách hay bảng); hãy bỏ thẻ',
  KEY_OVER_1024_CHARS: () => 'khoá dài quá 1024 ký tự hoặc thiếu dấu hai chấm sau khoá',
  NON_STRING_KEY: () => 'khoá phải là chuỗi ký tự',
  RESOURCE_EXHAUSTION: () => 'tệp lồng quá nhiều tầng danh sách hoặc bảng',
  BAD_DIRECTIVE: () => 'chỉ thị "%" không hợp lệ',
};

/**
 * The message of one YAML syntax error (the yaml package's `code` and English message), e.g. `BAD_INDENT` with
 * "Flow sequence in block collection must … end with a ]" → `lỗi cú pháp YAML: danh sách mở bằng "[" chưa được đóng …`.
 * English keeps the package's own first line; an unknown code gets a general Vietnamese sentence.
 */
export function yamlSyntaxMessage(code: string, message: string, locale: Locale): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  if (locale === 'en') return `YAML syntax error: ${first}`;
  const say = YAML_VI[code];
  return `lỗi cú pháp YAML: ${say ? say(first) : 'nội dung ở vị trí này không đúng cú pháp YAML; hãy kiểm tra thụt lề, dấu hai chấm và dấu nháy'}`;
}

/** An alias `*name` used before (or without) its anchor `&name`. */
export function unresolvedAliasMessage(name: string, locale: Locale): string {
  return locale === 'vi'
    ? `bí danh "*${name}" chưa được khai báo: cần neo "&${name}" ở phía trên trong tệp`
    : `alias "*${name}" is not defined: an anchor "&${name}" must come before it in the file`;
}
