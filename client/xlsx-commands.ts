import { readFile } from 'node:fs/promises';
import { writeNewFile } from './write-new-file.js';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { stringify } from 'yaml';
import type { Locale } from '../domain/format-date.js';
import { formatProblems, parsePlanText } from '../domain/plan-file.js';
import { planToWorkbook } from '../plan-xlsx/export.js';
import { formatXlsxProblems, workbookToPlan } from '../plan-xlsx/import.js';
import { schemaReference } from './init-command.js';
import type { CommandResult } from './plan-commands.js';

/** `plans/demo.yaml` → `plans/demo.xlsx`: the output beside the input unless `-o` names one. */
const beside = (file: string, ext: string) => file.replace(/\.[^./\\]*$/, '') + ext;

const cannotRead = (file: string, err: unknown, lang: Locale): CommandResult => {
  const why = err instanceof Error ? err.message : String(err);
  return { exitCode: 2, output: lang === 'vi' ? `Không đọc được tệp ${file}: ${why}` : `Cannot read ${file}: ${why}` };
};

/** Writes `data` to `file`; without `force`, only if no file is there (a plan someone wrote is never replaced). */
async function write(
  file: string,
  data: string | Uint8Array,
  force: boolean,
  lang: Locale,
): Promise<CommandResult | undefined> {
  return writeNewFile(file, data, lang, {
    force,
    hint: {
      vi: 'Chọn tên khác bằng -o, hoặc thêm --force để ghi đè.',
      en: 'Choose another name with -o, or add --force to replace it.',
    },
  });
}

/** The problems under their count, as `plan validate` prints them (exit 1). */
function problemsResult(file: string, count: number, listed: string, lang: Locale): CommandResult {
  const head = lang === 'vi' ? `${count} lỗi trong ${file}:` : `${count} problem(s) in ${file}:`;
  return { exitCode: 1, output: `${head}\n${listed}` };
}

/** `kehoach plan export-xlsx FILE.yaml [-o OUT.xlsx]`: the plan as a workbook, or the plan file's problems (exit 1). */
export async function exportXlsxCommand(
  file: string,
  opts: { out?: string; force?: boolean; lang?: Locale } = {},
): Promise<CommandResult> {
  const lang = opts.lang ?? 'vi';
  const bytes = await readFile(file).catch((err: unknown) => cannotRead(file, err, lang));
  if (!(bytes instanceof Uint8Array)) return bytes;
  const r = parsePlanText(bytes, file, lang);
  if (!r.ok) return problemsResult(file, r.problems.length, formatProblems(r.problems), lang);
  const out = opts.out ?? beside(file, '.xlsx');
  const failed = await write(out, await planToWorkbook(r.plan), opts.force ?? false, lang);
  if (failed) return failed;
  return {
    exitCode: 0,
    output:
      lang === 'vi' ? `Đã ghi ${out} (kế hoạch ${r.plan.plan.number})` : `Wrote ${out} (plan ${r.plan.plan.number})`,
  };
}

/**
 * `kehoach plan import-xlsx FILE.xlsx [-o OUT.yaml]`: the workbook as a plan file (every field written out, defaults
 * included), or every problem at its cell (exit 1), as `plan validate` prints a plan file's.
 */
export async function importXlsxCommand(
  file: string,
  opts: { out?: string; force?: boolean; lang?: Locale } = {},
): Promise<CommandResult> {
  const lang = opts.lang ?? 'vi';
  const bytes = await readFile(file).catch((err: unknown) => cannotRead(file, err, lang));
  if (!(bytes instanceof Uint8Array)) return bytes;
  const r = await workbookToPlan(bytes, file, lang);
  if (!r.ok) return problemsResult(file, r.problems.length, formatXlsxProblems(r.problems), lang);
  const out = opts.out ?? beside(file, '.yaml');
  const header =
    `# yaml-language-server: $schema=${schemaReference(dirname(resolve(out)))}\n` +
    `# Nhập từ ${file} bằng \`kehoach plan import-xlsx\`.\n`;
  const failed = await write(out, header + stringify(r.plan, { lineWidth: 0 }), opts.force ?? false, lang);
  if (failed) return failed;
  return {
    exitCode: 0,
    output:
      lang === 'vi' ? `Đã ghi ${out} (kế hoạch ${r.plan.plan.number})` : `Wrote ${out} (plan ${r.plan.plan.number})`,
  };
}

/** Adds `kehoach plan export-xlsx|import-xlsx` to the `plan` command; `finish` prints a result and sets the exit code. */
export function registerXlsxCommands(plan: Command, finish: (result: CommandResult) => void): void {
  const lang = () => new Option('--lang <lang>', 'language of messages').choices(['vi', 'en']).default('vi');
  type Opts = { out?: string; force?: boolean; lang: Locale };
  plan
    .command('export-xlsx')
    .description('write the plan as an Excel workbook (one sheet per list, drop-down lists)')
    .argument('<file>', 'plan file (YAML or JSON)')
    .option('-o, --out <file>', 'workbook to write (default: FILE with .xlsx)')
    .option('--force', 'replace the workbook if it exists')
    .addOption(lang())
    .action(async (file: string, opts: Opts) => finish(await exportXlsxCommand(file, opts)));
  plan
    .command('import-xlsx')
    .description('read a plan workbook back into a plan file; every problem at its sheet and cell')
    .argument('<file>', 'workbook (XLSX)')
    .option('-o, --out <file>', 'plan file to write (default: FILE with .yaml)')
    .option('--force', 'replace the plan file if it exists')
    .addOption(lang())
    .action(async (file: string, opts: Opts) => finish(await importXlsxCommand(file, opts)));
}
