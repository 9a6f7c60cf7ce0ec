import { Option, type Command } from 'commander';
import type { Locale } from '../domain/format-date.js';
import { formatProblems } from '../domain/plan-problem.js';
import { readDirectoryFile, type DirectoryResult } from '../organisations/directory-file.js';
import type { OrganisationDirectory } from '../organisations/directory-schema.js';
import { subordinatesYaml } from '../organisations/subordinates-yaml.js';
import { childrenOf, findOrganisation, organisationTree, roots, type OrganisationNode } from '../organisations/tree.js';
import { loadConfig } from '../worker/config.js';
import type { CommandResult } from './plan-commands.js';

/** Reads and validates a directory file; the directory, or the result to print when it cannot be read or is invalid. */
export async function readDirectory(
  file: string,
  lang: Locale,
): Promise<{ directory: OrganisationDirectory } | { failed: CommandResult }> {
  let r: DirectoryResult;
  try {
    r = await readDirectoryFile(file, lang);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      failed: {
        exitCode: 2,
        output: lang === 'vi' ? `Không đọc được tệp ${file}: ${why}` : `Cannot read ${file}: ${why}`,
      },
    };
  }
  if (!r.ok) {
    const head =
      lang === 'vi' ? `${r.problems.length} lỗi trong ${file}:` : `${r.problems.length} problem(s) in ${file}:`;
    return { failed: { exitCode: 1, output: `${head}\n${formatProblems(r.problems)}` } };
  }
  return { directory: r.directory };
}

/** `1 organisation`, `9 organisations`. */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** `kehoach org validate [FILE]`: exit 0 with a summary, or 1 with every problem as `file:line:col  path  message`. */
export async function orgValidateCommand(file: string, lang: Locale = 'vi'): Promise<CommandResult> {
  const r = await readDirectory(file, lang);
  if ('failed' in r) return r.failed;
  const { organisations, administrators } = r.directory;
  const top = roots(r.directory).length;
  return {
    exitCode: 0,
    output:
      lang === 'vi'
        ? `${file}: hợp lệ. ${organisations.length} cơ quan, ${top} cơ quan cấp cao nhất, ${administrators.length} quản trị viên`
        : `${file}: valid. ${count(organisations.length, 'organisation')}, ${top} at the top, ${count(administrators.length, 'administrator')}`,
  };
}

/** Two spaces per level: `UBND-HCM  Ủy ban nhân dân …  <vanphong.ubnd-hcm@example.org>`, its subordinates below it. */
function treeLines(nodes: readonly OrganisationNode[], depth = 0): string[] {
  return nodes.flatMap(({ organisation: o, children }) => [
    `${'  '.repeat(depth)}${o.code}  ${o.name}  <${o.office}>`,
    ...treeLines(children, depth + 1),
  ]);
}

/** `kehoach org tree [FILE]`: every body under the one it reports to, indented, in the file's order. */
export async function orgTreeCommand(file: string, lang: Locale = 'vi'): Promise<CommandResult> {
  const r = await readDirectory(file, lang);
  if ('failed' in r) return r.failed;
  return { exitCode: 0, output: treeLines(organisationTree(r.directory)).join('\n') };
}

/**
 * `kehoach org subordinates CODE [--directory FILE]`: the `subordinates:` block of CODE's plan, from the bodies directly
 * below it in the directory (e-mails from it, names to fill in marked), exit 0; a code not in the directory, exit 1.
 */
export async function orgSubordinatesCommand(code: string, file: string, lang: Locale = 'vi'): Promise<CommandResult> {
  const r = await readDirectory(file, lang);
  if ('failed' in r) return r.failed;
  const body = findOrganisation(r.directory, code);
  if (!body)
    return {
      exitCode: 1,
      output:
        lang === 'vi'
          ? `${code} không có trong danh sách cơ quan ${file}; xem các mã bằng "kehoach org tree ${file}"`
          : `${code} is not in the organisations file ${file}; see its codes with "kehoach org tree ${file}"`,
    };
  return { exitCode: 0, output: subordinatesYaml(body, childrenOf(r.directory, code), file) };
}

/**
 * Adds `kehoach org validate|tree [FILE]` and `kehoach org subordinates CODE` to the CLI; without FILE, the configured `ORGANISATIONS_FILE`. `finish`
 * prints a command's result and sets the exit code, as for every other command.
 */
export function registerOrgCommands(program: Command, finish: (result: CommandResult) => void): void {
  const org = program.command('org').description('organisations directory / danh sách cơ quan');
  const lang = () => new Option('--lang <lang>', 'language of messages').choices(['vi', 'en']).default('vi');
  const fileArg = ['[file]', 'organisations file (YAML); default: ORGANISATIONS_FILE'] as const;
  org
    .command('validate')
    .description('check the organisations file: every problem at file:line:col')
    .argument(...fileArg)
    .addOption(lang())
    .action(async (file: string | undefined, opts: { lang: Locale }) =>
      finish(await orgValidateCommand(file ?? loadConfig().ORGANISATIONS_FILE, opts.lang)),
    );
  org
    .command('tree')
    .description('print the bodies as a tree, each under the one it reports to')
    .argument(...fileArg)
    .addOption(lang())
    .action(async (file: string | undefined, opts: { lang: Locale }) =>
      finish(await orgTreeCommand(file ?? loadConfig().ORGANISATIONS_FILE, opts.lang)),
    );
  org
    .command('subordinates')
    .description("print the subordinates: block of a body's plan, from the bodies directly below it")
    .argument('<code>', 'code of the body whose plan it is for')
    .option('--directory <file>', 'organisations file (default: ORGANISATIONS_FILE)')
    .addOption(lang())
    .action(async (code: string, opts: { directory?: string; lang: Locale }) =>
      finish(await orgSubordinatesCommand(code, opts.directory ?? loadConfig().ORGANISATIONS_FILE, opts.lang)),
    );
}
