import { readFile } from 'node:fs/promises';
import { createEvents } from 'ics';
import type { EventAttributes } from 'ics';
import { plainText } from '../domain/plain-text.js';
import type { Locale } from '../domain/format-date.js';
import { formatProblems, parsePlanText } from '../domain/plan-file.js';
import type { Plan } from '../domain/plan-schema.js';
import { previewRows } from '../domain/preview.js';
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
async function readPlan(file: string, lang: Locale): Promise<{ plan: Plan } | { failed: CommandResult }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      failed: {
        exitCode: 2,
        output: lang === 'vi' ? `Không đọc được tệp ${file}: ${why}` : `Cannot read ${file}: ${why}`,
      },
    };
  }
  const r = parsePlanText(text, file, lang);
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
        ? `${file}: hợp lệ. Kế hoạch ${plan.plan.number} (${plan.plan.year}): ${plan.units.length} đơn vị, ${plan.tasks.length} nhiệm vụ, kỳ báo cáo: ${periods}`
        : `${file}: valid. Plan ${plan.plan.number} (${plan.plan.year}): ${plan.units.length} units, ${plan.tasks.length} tasks, report periods: ${periods}`,
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
  return { exitCode: 0, output: table(rows, lang) };
}

/** A plain-text table, one row per action, local time first. */
function table(rows: PreviewRow[], lang: Locale): string {
  const header =
    lang === 'vi'
      ? ['Giờ', 'Ngày', 'Mục', 'Đơn vị', 'Bước', 'Căn cứ']
      : ['Time', 'Day', 'Item', 'Unit', 'Step', 'Rule'];
  const body = rows.map((r) => [r.at.slice(11, 16), r.day, r.itemId, r.unit ?? '', r.kind, r.rule]);
  const all = [header, ...body];
  const widths = header.map((_, c) =>
    c === header.length - 1 ? 0 : Math.max(...all.map((row) => (row[c] ?? '').length)),
  );
  return all
    .map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  '))
    .join('\n');
}

/** One VEVENT per row, in UTC, with a UID stable across runs (item, unit, step, date). */
function icsOutput(plan: Plan, rows: PreviewRow[]): CommandResult {
  const events: EventAttributes[] = rows.map((r) => ({
    start: Date.parse(r.at),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: 15 },
    title: plainText(`${r.itemId}${r.unit ? ` ${r.unit}` : ''}: ${r.kind}`),
    description: plainText(`${r.title}\n${r.rule}`, true),
    uid: `${plan.organisation.code}-${plan.plan.year}-${r.itemId}-${r.unit ?? 'office'}-${r.kind}-${r.date}@kehoach`,
    productId: 'kehoach',
    calName: plainText(`${plan.plan.number} ${plan.plan.title}`),
  }));
  const { error, value } = createEvents(events);
  if (error || !value) return { exitCode: 1, output: `ICS: ${error?.message ?? 'no output'}` };
  return { exitCode: 0, output: value };
}
