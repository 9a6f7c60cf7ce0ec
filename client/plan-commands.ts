import { readFile } from 'node:fs/promises';
import { createEvents } from 'ics';
import type { EventAttributes } from 'ics';
import { plainText } from '../domain/plain-text.js';
import type { Locale } from '../domain/format-date.js';
import { formatProblems, parsePlanText } from '../domain/plan-file.js';
import type { Plan } from '../domain/plan-schema.js';
import { previewRows, provisionalNote } from '../domain/preview.js';
import type { PreviewRow } from '../domain/preview.js';
import { buildWorkCalendar } from '../domain/work-calendar.js';

/** What a CLI command prints and the process exit code. */
export interface CommandResult {
  exitCode: number;
  output: string;
}

/** Output formats of `kehoach plan preview`. */
export type PreviewFormat = 'table' | 'json' | 'ics';

/** Reads and validates a plan file; the plan, or the result to print when the file cannot be read or is invalid. */
export async function readPlan(file: string, lang: Locale): Promise<{ plan: Plan } | { failed: CommandResult }> {
  let bytes: Uint8Array;
  try {
    // Bytes, not text: parsePlanText names a Word, PDF or image file by its first bytes.
    bytes = await readFile(file);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      failed: {
        exitCode: 2,
        output: lang === 'vi' ? `Không đọc được tệp ${file}: ${why}` : `Cannot read ${file}: ${why}`,
      },
    };
  }
  const r = parsePlanText(bytes, file, lang);
  if (!r.ok) {
    const head =
      lang === 'vi' ? `${r.problems.length} lỗi trong ${file}:` : `${r.problems.length} problem(s) in ${file}:`;
    return { failed: { exitCode: 1, output: `${head}\n${formatProblems(r.problems)}` } };
  }
  return { plan: r.plan };
}

/** `kehoach plan validate FILE`: exit 0 with a summary, or 1 with every problem as `file:line:col  path  message`. */
export async function validateCommand(file: string, lang: Locale = 'vi'): Promise<CommandResult> {
  const r = await readPlan(file, lang);
  if ('failed' in r) return r.failed;
  const { plan } = r;
  const periods = plan.reporting?.periods.join(', ') ?? '-';
  return {
    exitCode: 0,
    output:
      lang === 'vi'
        ? `${file}: hợp lệ. Kế hoạch ${plan.plan.number} (${plan.plan.year}): ${plan.units.length} đơn vị, ${plan.tasks.length} nhiệm vụ, ${plan.recurringTasks.length} nhiệm vụ định kỳ, ${plan.ongoingDuties.length} nhiệm vụ thường xuyên, kỳ báo cáo: ${periods}`
        : `${file}: valid. Plan ${plan.plan.number} (${plan.plan.year}): ${plan.units.length} units, ${plan.tasks.length} tasks, ${plan.recurringTasks.length} recurring tasks, ${plan.ongoingDuties.length} ongoing duties, report periods: ${periods}`,
  };
}

/** `kehoach plan preview FILE`: every dated action of the year as a table, JSON or an iCalendar file. */
export async function previewCommand(
  file: string,
  format: PreviewFormat = 'table',
  lang: Locale = 'vi',
): Promise<CommandResult> {
  const r = await readPlan(file, lang);
  if ('failed' in r) return r.failed;
  const { plan } = r;
  const rows = previewRows(plan, buildWorkCalendar(plan), lang);
  if (format === 'json') return { exitCode: 0, output: JSON.stringify(rows, null, 2) };
  if (format === 'ics') return icsOutput(plan, rows);
  // A provisional calendar is said once, first, and its dates are marked with * in the table.
  const note = provisionalNote(rows, lang);
  return { exitCode: 0, output: note ? `${note}\n${table(rows, lang)}` : table(rows, lang) };
}

/** Columns as wide as they look: Vietnamese letters count once, whether precomposed or with combining marks. */
function displayWidth(s: string): number {
  return [...s.normalize('NFC')].filter((c) => !/\p{M}/u.test(c)).length;
}

/**
 * A plain-text table, one row per action, local time first: the step in words, the item's title and the unit's name
 * as the plan writes them, then the ids the other commands take (`task-01/VP`), and the rule last.
 */
function table(rows: PreviewRow[], lang: Locale): string {
  const header =
    lang === 'vi'
      ? ['Giờ', 'Ngày', 'Bước', 'Nội dung', 'Đơn vị', 'Mã', 'Căn cứ']
      : ['Time', 'Day', 'Step', 'Item', 'Unit', 'Id', 'Rule'];
  const body = rows.map((r) => [
    r.at.slice(11, 16),
    r.provisional ? `${r.day} *` : r.day,
    r.stepLabel,
    r.title,
    r.unitName ?? '',
    r.unit ? `${r.itemId}/${r.unit}` : r.itemId,
    r.rule,
  ]);
  const all = [header, ...body];
  const widths = header.map((_, c) =>
    c === header.length - 1 ? 0 : Math.max(...all.map((row) => displayWidth(row[c] ?? ''))),
  );
  const pad = (cell: string, c: number) => cell + ' '.repeat(Math.max(0, (widths[c] ?? 0) - displayWidth(cell)));
  return all.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : pad(cell, c))).join('  ')).join('\n');
}

/** `Nhắc hạn: Tuyên truyền văn hóa công vụ – Phòng Tổ chức cán bộ`: a row as people read it (calendar titles). */
export function rowSummary(r: PreviewRow): string {
  return `${r.stepLabel}: ${r.title}${r.unitName ? ` – ${r.unitName}` : ''}`;
}

/** UTF-8 length of one code point. */
const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds iCalendar content lines at 75 octets (RFC 5545 §3.1): a longer line goes on after CRLF and one space, and
 * never breaks inside a UTF-8 character. The `ics` package folds at 75 characters (a Vietnamese line of 75 characters
 * is up to ~200 octets), so its output is unfolded and folded again.
 */
export function foldIcsLines(ics: string): string {
  const fold = (line: string) => {
    const parts: string[] = [];
    let part = '';
    let size = 0;
    let limit = 75;
    for (const ch of line) {
      const n = octets(ch.codePointAt(0) ?? 0);
      if (size + n > limit) {
        parts.push(part);
        [part, size, limit] = ['', 0, 74]; // the leading space of a continuation line is one of its 75 octets
      }
      part += ch;
      size += n;
    }
    parts.push(part);
    return parts.join('\r\n ');
  };
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map(fold)
    .join('\r\n');
}

/**
 * One VEVENT per row, in UTC, with a UID stable across runs (item, unit, step, date); the SUMMARY is the row in words,
 * in the preview's language, and the DESCRIPTION adds the unit, the rule and the ids.
 */
function icsOutput(plan: Plan, rows: PreviewRow[]): CommandResult {
  const events: EventAttributes[] = rows.map((r) => ({
    start: Date.parse(r.at),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: 15 },
    title: plainText(rowSummary(r)),
    description: plainText(
      [r.title, r.unitName, r.rule, r.unit ? `${r.itemId}/${r.unit}` : r.itemId].filter(Boolean).join('\n'),
      true,
    ),
    uid: `${plan.organisation.code}-${plan.plan.year}-${r.itemId}-${r.unit ?? 'office'}-${r.kind}-${r.date}@kehoach`,
    productId: 'kehoach',
    calName: plainText(`${plan.plan.number} ${plan.plan.title}`),
  }));
  const { error, value } = createEvents(events);
  if (error || !value) return { exitCode: 1, output: `ICS: ${error?.message ?? 'no output'}` };
  return { exitCode: 0, output: foldIcsLines(value) };
}
