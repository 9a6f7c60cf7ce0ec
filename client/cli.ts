import { Command, Option } from 'commander';
import type { Locale } from '../domain/format-date.js';
import { previewCommand, validateCommand } from './plan-commands.js';
import type { CommandResult, PreviewFormat } from './plan-commands.js';

/** Prints a command's output and sets the exit code. */
function finish(result: CommandResult): void {
  const stream = result.exitCode === 0 ? process.stdout : process.stderr;
  stream.write(result.output.endsWith('\n') ? result.output : `${result.output}\n`);
  process.exitCode = result.exitCode;
}

/** `kehoach plan validate|preview FILE`. */
async function main(): Promise<void> {
  const program = new Command('kehoach').description('Kế hoạch tuyên truyền CCHC trên Temporal');
  const plan = program.command('plan').description('plan files / tệp kế hoạch');
  const lang = () => new Option('--lang <lang>', 'language of messages').choices(['vi', 'en']).default('vi');

  plan
    .command('validate')
    .argument('<file>', 'plan file (YAML or JSON)')
    .addOption(lang())
    .action(async (file: string, opts: { lang: Locale }) => finish(await validateCommand(file, opts.lang)));

  plan
    .command('preview')
    .argument('<file>', 'plan file (YAML or JSON)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'ics']).default('table'))
    .addOption(lang())
    .action(async (file: string, opts: { format: PreviewFormat; lang: Locale }) =>
      finish(await previewCommand(file, opts.format, opts.lang)),
    );

  await program.parseAsync(process.argv);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
