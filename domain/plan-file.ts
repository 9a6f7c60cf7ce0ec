import { DateTime } from 'luxon';
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { Locale } from './format-date.js';
import { ISO_DATE } from './local-date.js';
import {
  emptyPlanMessage,
  issueMessage,
  keysAt,
  notPlanFileMessage,
  resolveUnion,
  unknownKeyMessage,
  unresolvedAliasMessage,
  yamlSyntaxMessage,
} from './plan-issue-messages.js';
import type { NotPlanKind } from './plan-issue-messages.js';
import { formatPath } from './plan-problem.js';
import type { PlanProblem } from './plan-problem.js';
import { planSchema } from './plan-schema.js';
import type { Plan } from './plan-schema.js';
import { checkReportingRegime } from './reporting-periods.js';
import { buildWorkCalendar } from './work-calendar.js';

export { formatProblems } from './plan-problem.js';
export type { PlanProblem } from './plan-problem.js';

/**
 * Reads a plan file's text (YAML, or JSON which is YAML) into a validated `Plan`, or every problem at once, each at the
 * file:line:column of the node at fault. Pure: the caller reads the file.
 */

type Path = readonly PropertyKey[];

/** Locates paths in the parsed YAML document. */
class Locator {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** Line and column of the node at `path`; for a missing node, its deepest existing ancestor; `keyOnly` points at the key itself. */
  position(path: Path, keyOnly = false): { line: number; column: number } {
    let node: unknown = this.doc.contents;
    let at: YamlNode | undefined = isNodeWithRange(node) ? node : undefined;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        if (keyOnly && seg === path[path.length - 1] && isNodeWithRange(pair.key)) {
          at = pair.key;
          break;
        }
        node = pair.value;
        at = isNodeWithRange(pair.value) ? pair.value : isNodeWithRange(pair.key) ? pair.key : at;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item: unknown = node.items[seg];
        if (item === undefined) break;
        node = item;
        if (isNodeWithRange(item)) at = item;
      } else break;
    }
    const offset = at?.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }
}

function isNodeWithRange(n: unknown): n is YamlNode {
  return typeof n === 'object' && n !== null && 'range' in n && Array.isArray((n as YamlNode).range);
}

/** `bytes` holds `ascii` (a file signature) at `offset`. */
function startsWith(bytes: Uint8Array, ascii: string, offset = 0): boolean {
  if (bytes.length < offset + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[offset + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Whether `bytes` contains `needle` (Latin-1 or, with `utf16`, UTF-16LE as OLE directories store names). */
function contains(bytes: Uint8Array, needle: string, utf16 = false): boolean {
  const n = utf16 ? [...needle].flatMap((c) => [c.charCodeAt(0), 0]) : [...needle].map((c) => c.charCodeAt(0));
  const first = n[0];
  outer: for (
    let i = bytes.indexOf(first ?? 0);
    i >= 0 && i <= bytes.length - n.length;
    i = bytes.indexOf(first ?? 0, i + 1)
  ) {
    for (let j = 1; j < n.length; j++) if (bytes[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

const OLE = '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1';

/**
 * What a file is when it is not text, from its signature ("magic bytes"): Office documents (a ZIP of `word/`, `xl/` or
 * `ppt/` parts; an OLE compound file naming its WordDocument, Workbook or PowerPoint stream), OpenDocument, PDF, RTF,
 * archives and images; `binary` for any other file with NUL bytes that is not UTF-16 text; undefined for text.
 */
function sniffFileKind(bytes: Uint8Array): NotPlanKind | undefined {
  if (startsWith(bytes, 'PK\x03\x04') || startsWith(bytes, 'PK\x05\x06') || startsWith(bytes, 'PK\x07\x08')) {
    if (contains(bytes, 'mimetypeapplication/vnd.oasis.opendocument.text')) return 'odt';
    if (contains(bytes, 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    if (contains(bytes, 'word/')) return 'docx';
    if (contains(bytes, 'xl/')) return 'xlsx';
    if (contains(bytes, 'ppt/')) return 'pptx';
    return 'zip';
  }
  if (startsWith(bytes, OLE)) {
    if (contains(bytes, 'WordDocument', true)) return 'doc';
    if (contains(bytes, 'Workbook', true) || contains(bytes, 'Book', true)) return 'xls';
    if (contains(bytes, 'PowerPoint Document', true)) return 'ppt';
    return 'office';
  }
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, '{\\rtf')) return 'rtf';
  if (
    startsWith(bytes, '\x1F\x8B') ||
    startsWith(bytes, '7z\xBC\xAF\x27\x1C') ||
    startsWith(bytes, 'Rar!\x1A\x07') ||
    (startsWith(bytes, 'BZh') && startsWith(bytes, '1AY&SY', 4)) ||
    startsWith(bytes, '\xFD7zXZ\x00')
  )
    return 'archive';
  if (
    startsWith(bytes, '\x89PNG\r\n\x1A\n') ||
    startsWith(bytes, '\xFF\xD8\xFF') ||
    startsWith(bytes, 'GIF87a') ||
    startsWith(bytes, 'GIF89a') ||
    (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) ||
    startsWith(bytes, 'II*\x00') ||
    startsWith(bytes, 'MM\x00*') ||
    (startsWith(bytes, 'ftyp', 4) &&
      /^(heic|heix|mif1|msf1|avif)$/.test(String.fromCharCode(...bytes.subarray(8, 12)))) ||
    (startsWith(bytes, 'BM') &&
      bytes.length > 26 &&
      bytes[6] === 0 &&
      bytes[7] === 0 &&
      bytes[8] === 0 &&
      bytes[9] === 0)
  )
    return 'image';
  if (bytes.includes(0) && !looksUtf16(bytes)) return 'binary';
  return undefined;
}

/** A UTF-16 text file: a byte-order mark, or NUL in every other byte of its start (ASCII text in UTF-16). */
function looksUtf16(bytes: Uint8Array): boolean {
  if (startsWith(bytes, '\xFF\xFE') || startsWith(bytes, '\xFE\xFF')) return true;
  const head = bytes.subarray(0, 512 - (Math.min(bytes.length, 512) % 2));
  if (head.length < 2) return false;
  const zeros = [0, 1].map((parity) => head.filter((b, i) => i % 2 === parity && b === 0).length);
  const half = head.length / 2;
  return Math.max(zeros[0] ?? 0, zeros[1] ?? 0) >= half * 0.6 && Math.min(zeros[0] ?? 0, zeros[1] ?? 0) <= half * 0.1;
}

/**
 * Plan files must be UTF-8. Read as UTF-8, a UTF-16 file is full of NUL characters and a Latin-1 (or Windows-1258)
 * file turns its accented bytes into U+FFFD, which would otherwise slip into names and e-mails unnoticed.
 */
function encodingProblem(text: string, fileName: string, lang: Locale): PlanProblem | undefined {
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\uFFFD');
  if (nul < 0 && bad < 0) return undefined;
  const utf16 = nul >= 0;
  const offset = utf16 ? 0 : bad;
  const before = text.slice(0, offset).split('\n');
  const message = utf16
    ? lang === 'vi'
      ? 'không phải UTF-8: tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8'
      : 'not UTF-8: the file is saved as UTF-16; save it as UTF-8'
    : lang === 'vi'
      ? 'không phải UTF-8: có byte không đọc được (tệp lưu theo bảng mã khác, ví dụ Latin-1); hãy lưu lại dạng UTF-8'
      : 'not UTF-8: some bytes cannot be read (the file uses another encoding, e.g. Latin-1); save it as UTF-8';
  return { file: fileName, line: before.length, column: (before.at(-1)?.length ?? 0) + 1, path: '', message };
}

/**
 * The file's text, or the one problem that stops it being read as a plan file: a document, archive, image or other
 * binary file (by its signature), UTF-16 or another encoding than UTF-8, or nothing at all. Text given as a string
 * (pasted, or read by the caller) is checked the same way on its UTF-8 bytes, where signatures in ASCII survive.
 */
function readInput(input: string | Uint8Array, fileName: string, lang: Locale): { text: string } | PlanProblem {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const whole = (message: string): PlanProblem => ({ file: fileName, line: 1, column: 1, path: '', message });
  const kind = sniffFileKind(bytes);
  if (kind) return whole(notPlanFileMessage(kind, lang));
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : new TextDecoder('utf-8').decode(input);
  const encoding = encodingProblem(text, fileName, lang);
  if (encoding) return encoding;
  if (text.trim() === '') return whole(emptyPlanMessage(false, lang));
  return { text };
}

/** Parses and validates a plan file's text; `lang` chooses the language of the messages. */
export function parsePlanText(
  input: string | Uint8Array,
  fileName: string,
  lang: Locale = 'vi',
): { ok: true; plan: Plan } | { ok: false; problems: PlanProblem[] } {
  const read = readInput(input, fileName, lang);
  if (!('text' in read)) return { ok: false, problems: [read] };
  const { text } = read;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const problems: PlanProblem[] = [];
  const at = (path: Path, message: string, keyOnly = false): PlanProblem => ({
    file: fileName,
    ...new Locator(doc, lines).position(path, keyOnly),
    path: formatPath(path),
    message,
  });

  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
      // One mistake often yields several errors at the same place; the first says what is wrong.
      if (problems.some((p) => p.line === pos.line && p.column === pos.col)) continue;
      problems.push({
        file: fileName,
        line: pos.line,
        column: pos.col,
        path: '',
        message: yamlSyntaxMessage(e.code, e.message, lang),
      });
    }
    return { ok: false, problems };
  }
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (err) {
    // yaml refuses to expand aliases past its limit ("billion laughs"); a plan file never needs that many.
    if (!(err instanceof ReferenceError)) throw err;
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(err.message);
    if (unresolved) {
      problems.push(at([], unresolvedAliasMessage(unresolved[1] ?? '', lang)));
      return { ok: false, problems };
    }
    problems.push(
      at(
        [],
        lang === 'vi'
          ? 'tệp dùng quá nhiều bí danh YAML (*tên) lồng nhau; hãy viết thẳng các giá trị thay cho bí danh'
          : 'the file uses too many nested YAML aliases (*name); write the values out instead',
      ),
    );
    return { ok: false, problems };
  }
  if (raw === null && doc.contents === null) {
    problems.push(at([], emptyPlanMessage(true, lang)));
    return { ok: false, problems };
  }
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(
      at(
        [],
        lang === 'vi'
          ? 'tệp kế hoạch phải là một bảng khoá: giá trị (organisation, plan, units, …)'
          : 'a plan file must be a mapping of key: value (organisation, plan, units, …)',
      ),
    );
    return { ok: false, problems };
  }

  const result = planSchema().safeParse(raw, { reportInput: true });
  if (!result.success) problems.push(...zodProblems(result.error.issues, at, lang));
  problems.push(...crossProblems(raw, at, lang));
  if (result.success && problems.length === 0) {
    problems.push(...regimeProblems(result.data, at, lang));
  }
  if (problems.length > 0 || !result.success) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, plan: result.data };
}

type At = (path: Path, message: string, keyOnly?: boolean) => PlanProblem;

function sortProblems(problems: PlanProblem[]): PlanProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column || a.path.localeCompare(b.path));
}

/** Zod issues as located problems: one per unknown key (at the key), unions resolved to the branch that was meant. */
function zodProblems(issues: readonly z.core.$ZodIssue[], at: At, lang: Locale): PlanProblem[] {
  const out: PlanProblem[] = [];
  for (const issue of issues.flatMap(resolveUnion)) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push(at([...issue.path, key], unknownKeyMessage(key, keysAt(planSchema(), issue.path), lang), true));
      continue;
    }
    out.push(at(issue.path, issueMessage(issue, planSchema(), lang)));
  }
  return out;
}

/** Reads `obj[key]` of an unknown value. */
function get(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null && !Array.isArray(obj)
    ? (obj as Record<string, unknown>)[key]
    : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function codes(raw: unknown, key: string, field: string): string[] {
  return list(get(raw, key))
    .map((x) => get(x, field))
    .filter((c): c is string => typeof c === 'string');
}

/**
 * Checks across fields, on the raw data so they run even when other fields are wrong: references to units, forms and
 * themes exist, codes and task numbers are unique, dates lie within the plan's years, tasks open before they are due,
 * escalation goes to the director after the office, the time zone exists.
 */
function crossProblems(raw: unknown, at: At, lang: Locale): PlanProblem[] {
  const vi = lang === 'vi';
  const out: PlanProblem[] = [];
  const units = codes(raw, 'units', 'code');
  const forms = codes(raw, 'forms', 'code');
  const themes = codes(raw, 'themes', 'code');
  const known = (kind: { vi: string; en: string; list: string }, code: string, all: string[]) =>
    vi
      ? `${kind.vi} "${code}" không có trong danh sách ${kind.list} (có: ${all.join(', ') || 'không có'})`
      : `${kind.en} "${code}" is not in ${kind.list} (known: ${all.join(', ') || 'none'})`;
  const UNIT = { vi: 'đơn vị', en: 'unit', list: 'units' };
  const FORM = { vi: 'hình thức', en: 'form', list: 'forms' };
  const THEME = { vi: 'chủ đề', en: 'theme', list: 'themes' };

  for (const [key, field] of [
    ['units', 'code'],
    ['forms', 'code'],
    ['themes', 'code'],
  ] as const) {
    const seen = new Map<string, number>();
    list(get(raw, key)).forEach((x, i) => {
      const c = get(x, field);
      if (typeof c !== 'string') return;
      const first = seen.get(c);
      if (first !== undefined)
        out.push(
          at([key, i, field], vi ? `mã "${c}" trùng với ${key}[${first}]` : `code "${c}" repeats ${key}[${first}]`),
        );
      else seen.set(c, i);
    });
  }

  const officeUnit = get(get(raw, 'office'), 'unit');
  if (typeof officeUnit === 'string' && units.length > 0 && !units.includes(officeUnit))
    out.push(at(['office', 'unit'], known(UNIT, officeUnit, units)));

  const year = get(get(raw, 'plan'), 'year');
  const inYears = (date: string) =>
    typeof year !== 'number' || (Number(date.slice(0, 4)) >= year - 1 && Number(date.slice(0, 4)) <= year + 1);
  const dateCheck = (path: Path, value: unknown) => {
    if (typeof value !== 'string' || !ISO_DATE.test(value) || inYears(value)) return;
    const y = year as number;
    out.push(
      at(
        path,
        vi
          ? `ngày ${value} nằm ngoài các năm ${y - 1}–${y + 1} của kế hoạch`
          : `date ${value} is outside the plan's years ${y - 1}–${y + 1}`,
      ),
    );
  };
  dateCheck(['plan', 'signedOn'], get(get(raw, 'plan'), 'signedOn'));
  list(get(get(raw, 'calendar'), 'overrides')).forEach((o, i) =>
    dateCheck(['calendar', 'overrides', i, 'date'], get(o, 'date')),
  );

  // Task numbers name workflow ids (task-05, task-05-m03), so they are unique across dated, recurring and ongoing.
  const numbers = new Map<number, string>();
  const refsCheck = (key: string, i: number, t: unknown) => {
    const n = get(t, 'number');
    if (typeof n === 'number') {
      const first = numbers.get(n);
      if (first !== undefined)
        out.push(
          at(
            [key, i, 'number'],
            vi ? `số nhiệm vụ ${n} đã dùng ở ${first}` : `task number ${n} is already used by ${first}`,
          ),
        );
      else numbers.set(n, `${key}[${i}]`);
    }
    list(get(t, 'units')).forEach((u, j) => {
      const c = get(u, 'unit');
      if (typeof c === 'string' && units.length > 0 && !units.includes(c))
        out.push(at([key, i, 'units', j, 'unit'], known(UNIT, c, units)));
    });
    list(get(t, 'forms')).forEach((f, j) => {
      if (typeof f === 'string' && !forms.includes(f)) out.push(at([key, i, 'forms', j], known(FORM, f, forms)));
    });
    list(get(t, 'themes')).forEach((f, j) => {
      if (typeof f === 'string' && !themes.includes(f)) out.push(at([key, i, 'themes', j], known(THEME, f, themes)));
    });
  };
  list(get(raw, 'tasks')).forEach((t, i) => {
    refsCheck('tasks', i, t);
    const opensOn = get(t, 'opensOn');
    const dueOn = get(get(t, 'due'), 'on');
    dateCheck(['tasks', i, 'opensOn'], opensOn);
    dateCheck(['tasks', i, 'due', 'on'], dueOn);
    if (
      typeof opensOn === 'string' &&
      typeof dueOn === 'string' &&
      ISO_DATE.test(opensOn) &&
      ISO_DATE.test(dueOn) &&
      dueOn <= opensOn
    ) {
      out.push(
        at(
          ['tasks', i, 'due', 'on'],
          vi
            ? `hạn ${dueOn} không sau ngày giao ${opensOn}`
            : `deadline ${dueOn} is not after the opening date ${opensOn}`,
        ),
      );
    }
    escalationCheck(['tasks', i, 'escalation'], get(t, 'escalation'));
  });
  list(get(raw, 'recurringTasks')).forEach((t, i) => {
    refsCheck('recurringTasks', i, t);
    const from = get(t, 'from');
    const to = get(t, 'to');
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (
        typeof value === 'string' &&
        typeof year === 'number' &&
        /^\d{4}-\d{2}$/.test(value) &&
        !value.startsWith(String(year))
      )
        out.push(
          at(
            ['recurringTasks', i, field],
            vi
              ? `tháng ${value} không thuộc năm kế hoạch ${year} (cần ${year}-01 … ${year}-12)`
              : `month ${value} is not in the plan year ${year} (expected ${year}-01 … ${year}-12)`,
          ),
        );
    }
    if (typeof from === 'string' && typeof to === 'string' && to < from)
      out.push(
        at(
          ['recurringTasks', i, 'to'],
          vi ? `tháng cuối ${to} trước tháng đầu ${from}` : `last month ${to} is before the first month ${from}`,
        ),
      );
    escalationCheck(['recurringTasks', i, 'escalation'], get(t, 'escalation'));
  });
  list(get(raw, 'ongoingDuties')).forEach((t, i) => refsCheck('ongoingDuties', i, t));

  list(get(get(raw, 'reporting'), 'units')).forEach((c, i) => {
    if (typeof c === 'string' && units.length > 0 && !units.includes(c))
      out.push(at(['reporting', 'units', i], known(UNIT, c, units)));
  });
  escalationCheck(['reporting', 'escalation'], get(get(raw, 'reporting'), 'escalation'));
  escalationCheck(['defaults', 'escalation'], get(get(raw, 'defaults'), 'escalation'));

  const zone = get(get(raw, 'organisation'), 'timeZone');
  if (typeof zone === 'string' && !DateTime.fromISO('2026-01-01T00:00', { zone }).isValid) {
    out.push(
      at(
        ['organisation', 'timeZone'],
        vi
          ? `"${zone}" không phải là múi giờ IANA (ví dụ Asia/Ho_Chi_Minh)`
          : `"${zone}" is not an IANA time zone (e.g. Asia/Ho_Chi_Minh)`,
      ),
    );
  }
  return out;

  function escalationCheck(path: Path, e: unknown) {
    const office = get(e, 'officeAfter');
    const director = get(e, 'directorAfter');
    if (typeof office === 'number' && typeof director === 'number' && director <= office) {
      out.push(
        at(
          [...path, 'directorAfter'],
          vi
            ? `báo Giám đốc (${director}) phải sau báo Văn phòng (${office} ngày làm việc)`
            : `the director (${director}) must be told after the office (${office} working days)`,
        ),
      );
    }
  }
}

/** Nghị định 09/2019 Điều 8 k5 problems of the reporting regime, each at its period in `reporting.periods`. */
function regimeProblems(plan: Plan, at: At, lang: Locale): PlanProblem[] {
  const reporting = plan.reporting;
  if (!reporting) return [];
  const cal = buildWorkCalendar(plan);
  return reporting.periods.flatMap((code, i) =>
    checkReportingRegime({ ...plan, reporting: { ...reporting, periods: [code] } }, cal, lang).map((m) =>
      at(['reporting', 'periods', i], m),
    ),
  );
}

/** Thrown by `loadPlan`; carries every problem so callers can print them with `formatProblems`. */
export class PlanFileError extends Error {
  constructor(readonly problems: PlanProblem[]) {
    super(`${problems.length} problem(s) in plan file ${problems[0]?.file ?? ''}`);
    this.name = 'PlanFileError';
  }
}

/** A valid plan from a plan file's text, or a `PlanFileError` with every problem. Pure: the caller reads the file. */
export function loadPlan(text: string, fileName: string, lang: Locale = 'vi'): Plan {
  const r = parsePlanText(text, fileName, lang);
  if (!r.ok) throw new PlanFileError(r.problems);
  return r.plan;
}
