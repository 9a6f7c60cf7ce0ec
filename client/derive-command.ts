import { readFile } from 'node:fs/promises';
import { writeNewFile } from './write-new-file.js';
import { dirname, resolve } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { Document, Scalar, visit } from 'yaml';
import { derivePlan, type DerivedPlan } from '../domain/derive-plan.js';
import { formatShortDate, type Locale } from '../domain/format-date.js';
import { parseLocatedYaml } from '../domain/located-yaml.js';
import { parentDeadlineWarnings } from '../domain/parent-deadline-checks.js';
import { DEFAULT_LEAD_WORKING_DAYS } from '../domain/parent-deadlines.js';
import { periodLabel } from '../domain/plan-checks.js';
import { formatProblems } from '../domain/plan-problem.js';
import type { Plan } from '../domain/plan-schema.js';
import { childrenOf, findOrganisation } from '../organisations/tree.js';
import { loadConfig } from '../worker/config.js';
import { schemaReference } from './init-command.js';
import { readDirectory } from './org-commands.js';
import { readPlan, validateCommand, type CommandResult } from './plan-commands.js';

/** A comment block: each line of `text` behind `# ` (YAML comments have no width limit). */
const comment = (lines: string[]) => lines.map((l) => (l === '' ? '#' : `# ${l}`)).join('\n');

/**
 * The derived draft as a plan file: the `$schema` line, a header saying which plan it carries out, what it inherited,
 * each period's deadline against the parent's and every field marked for the clerk, then the draft's YAML.
 */
export function derivedYaml(parent: Plan, derived: DerivedPlan, parentFile: string, schemaRef: string): string {
  const { raw, marked, deadlines } = derived;
  const child = raw.organisation.code ?? '';
  const cited = `${parent.plan.number} ngày ${formatShortDate(parent.plan.signedOn)} của ${parent.organisation.name}`;
  const lines = [
    `yaml-language-server: $schema=${schemaRef}`,
    `Bản nháp kế hoạch của ${child}, thực hiện Kế hoạch số ${cited}, dựng từ ${parentFile} bằng \`kehoach plan derive\`.`,
    `Draft plan of ${child}, carrying out plan ${parent.plan.number} of ${parent.organisation.name}, derived from ${parentFile} by \`kehoach plan derive\`.`,
    '',
    `Kế thừa / inherited: ${raw.themes.length} chủ đề / themes, ${raw.forms.length} hình thức / forms, ` +
      `${raw.tasks.length} nhiệm vụ có hạn / tasks, ${raw.recurringTasks.length} nhiệm vụ định kỳ / recurring tasks, ` +
      `${raw.ongoingDuties.length} nhiệm vụ thường xuyên / ongoing duties (chỉ tiêu / targets kept), ` +
      `${raw.reporting?.periods.length ?? 0} kỳ báo cáo / report periods.`,
  ];
  if (deadlines.length)
    lines.push(
      "Hạn của Văn phòng so với hạn cấp trên giao cho đơn vị / office deadline against the parent's deadline for its units:",
      ...deadlines.map(
        (d) =>
          `  - ${periodLabel(d.period, 'vi')}: ${formatShortDate(d.childOfficeDue)} (cấp trên / parent ${formatShortDate(d.parentUnitDue)}, muộn nhất / latest ${formatShortDate(d.latest)})`,
      ),
    );
  lines.push(
    '',
    `Cần Văn phòng điền hoặc xác nhận ${marked.length} mục / ${marked.length} fields marked for the clerk:`,
    ...marked.map((m) => `  - ${m.field}: ${m.reason}`),
    '',
    `Điền xong, kiểm tra bằng / when filled in, check with:  npx kehoach plan validate <tệp / file> --parent ${parentFile}`,
  );
  const doc = new Document(raw);
  // Dates quoted as the sample plans write them, so no YAML 1.1 editor reads `2026-01-05` as a timestamp.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(node.value)) node.type = Scalar.QUOTE_SINGLE;
    },
  });
  return `${comment(lines)}\n${doc.toString({ lineWidth: 0 })}`;
}

export interface DeriveCommandOptions {
  org: string;
  /** The organisations directory; default `ORGANISATIONS_FILE` (itself `plans/organisations.yaml` by default). */
  directory?: string;
  leadDays?: number;
  output?: string;
  lang?: Locale;
}

/**
 * `kehoach plan derive PARENT.yaml --org CODE`: the draft plan of CODE, a body directly below the parent's in the
 * directory; printed, or written to `--out` (never over an existing file, exit 1). A code not below the parent is
 * refused naming the codes that are (exit 1); a file that cannot be read exits 2, an invalid one 1.
 */
export async function deriveCommand(parentFile: string, options: DeriveCommandOptions): Promise<CommandResult> {
  const lang = options.lang ?? 'vi';
  const vi = lang === 'vi';
  const read = await readPlan(parentFile, lang);
  if ('failed' in read) return read.failed;
  const parent = read.plan;
  const directoryFile = options.directory ?? loadConfig().ORGANISATIONS_FILE;
  const dir = await readDirectory(directoryFile, lang);
  if ('failed' in dir) return dir.failed;
  const parentCode = parent.organisation.code;
  if (!findOrganisation(dir.directory, parentCode))
    return {
      exitCode: 1,
      output: vi
        ? `${parentCode} (organisation.code của ${parentFile}) không có trong danh sách cơ quan ${directoryFile}; thêm cơ quan vào danh sách trước`
        : `${parentCode} (organisation.code of ${parentFile}) is not in the organisations file ${directoryFile}; add it first`,
    };
  const below = childrenOf(dir.directory, parentCode);
  const child = below.find((o) => o.code === options.org);
  if (!child) {
    const codes = below.map((o) => o.code).join(', ');
    return {
      exitCode: 1,
      output: vi
        ? `${options.org} không phải cơ quan cấp dưới trực tiếp của ${parentCode} trong ${directoryFile}; ${below.length ? `các cơ quan cấp dưới: ${codes}` : `${parentCode} chưa có cơ quan cấp dưới nào`}`
        : `${options.org} is not directly below ${parentCode} in ${directoryFile}; ${below.length ? `the bodies below it: ${codes}` : `${parentCode} has no body below it`}`,
    };
  }
  const derived = derivePlan(
    parent,
    {
      code: child.code,
      name: child.name,
      office: child.office,
      director: child.director,
      below: childrenOf(dir.directory, child.code).map(({ code, name, office, director }) => ({
        code,
        name,
        office,
        director,
      })),
    },
    { leadWorkingDays: options.leadDays ?? DEFAULT_LEAD_WORKING_DAYS },
  );
  if (options.output === undefined)
    return { exitCode: 0, output: derivedYaml(parent, derived, parentFile, schemaReference(process.cwd())) };
  const yaml = derivedYaml(parent, derived, parentFile, schemaReference(dirname(resolve(options.output))));
  // A draft the child's office is already filling in is never replaced.
  const refused = await writeNewFile(options.output, yaml, vi ? 'vi' : 'en');
  if (refused) return refused;
  const n = derived.marked.length;
  return {
    exitCode: 0,
    output: vi
      ? `Đã tạo ${options.output}: kế hoạch của ${child.code} thực hiện Kế hoạch số ${parent.plan.number}; ${n} mục cần Văn phòng điền hoặc xác nhận (liệt kê ở đầu tệp).`
      : `Created ${options.output}: the plan of ${child.code} carrying out ${parent.plan.number}; ${n} fields marked for the clerk (listed at the top of the file).`,
  };
}

/**
 * `kehoach plan validate CHILD --parent PARENT`: the validation of CHILD, then its warnings against PARENT, each at
 * `file:line:col  path  message`. Warnings never fail it: exit 0 when CHILD is valid.
 */
export async function validateAgainstParentCommand(
  file: string,
  parentFile: string,
  lang: Locale = 'vi',
  leadDays = DEFAULT_LEAD_WORKING_DAYS,
): Promise<CommandResult> {
  const validated = await validateCommand(file, lang);
  if (validated.exitCode !== 0) return validated;
  const [child, parent] = await Promise.all([readPlan(file, lang), readPlan(parentFile, lang)]);
  if ('failed' in parent) return parent.failed;
  if ('failed' in child) return child.failed;
  const yaml = parseLocatedYaml(new TextDecoder().decode(await readFile(file)), file, lang, '');
  if (!yaml.ok) return { exitCode: 1, output: formatProblems(yaml.problems) };
  const warnings = parentDeadlineWarnings(child.plan, parent.plan, lang, leadDays);
  const vi = lang === 'vi';
  const against = `${parent.plan.plan.number} (${parentFile})`;
  if (!warnings.length)
    return {
      exitCode: 0,
      output: `${validated.output}\n${vi ? `Không có cảnh báo so với kế hoạch cấp trên ${against}.` : `No warning against the parent plan ${against}.`}`,
    };
  const located = warnings.map((w) => yaml.at(w.path.split('.'), w.message));
  const head = vi
    ? `${warnings.length} cảnh báo so với kế hoạch cấp trên ${against} (không làm tệp mất hợp lệ):`
    : `${warnings.length} warning(s) against the parent plan ${against} (the file stays valid):`;
  return { exitCode: 0, output: `${validated.output}\n${head}\n${formatProblems(located)}` };
}

/** Working days `--lead-days` takes: 1–20, as `unitWorkingDaysBeforeOffice`. */
export function leadDaysOption(value: string): number {
  const n = Number(value);
  if (!/^[0-9]+$/.test(value) || n < 1 || n > 20)
    throw new InvalidArgumentError('số ngày làm việc / working days: 1–20');
  return n;
}

/** Adds `derive` to the `plan` command (`kehoach plan derive PARENT.yaml --org CODE …`). */
export function registerDeriveCommand(plan: Command, finish: (result: CommandResult) => void): void {
  plan
    .command('derive')
    .description("a subordinate's draft plan from the plan it carries out; its deadlines early enough for the parent's")
    .argument('<parent>', 'parent plan file (YAML or JSON)')
    .requiredOption('--org <code>', 'code of a body directly below the parent in the organisations directory')
    .option('--directory <file>', 'organisations file (default: ORGANISATIONS_FILE)')
    .option(
      '--lead-days <n>',
      `working days the child's office is due before the parent's deadline for its units (default ${DEFAULT_LEAD_WORKING_DAYS})`,
      leadDaysOption,
    )
    .option('--out <file>', 'draft plan file to create (never over an existing file); without it, print it')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['vi', 'en']).default('vi'))
    .action(
      async (
        parent: string,
        opts: { org: string; directory?: string; leadDays?: number; out?: string; lang: Locale },
      ) => finish(await deriveCommand(parent, { ...opts, output: opts.out })),
    );
}
