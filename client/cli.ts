import { Command, InvalidArgumentError, Option } from 'commander';
import type { Locale } from '../domain/format-date.js';
import { loadConfig } from '../worker/config.js';
import { temporalTls } from '../worker/temporal-tls.js';
import { createBlobStore } from '../storage/config.js';
import { archiveCommand } from './archive-command.js';
import { leadDaysOption, registerDeriveCommand, validateAgainstParentCommand } from './derive-command.js';
import { registerDraftCommand } from './draft-command.js';
import { initCommand } from './init-command.js';
import { registerOrgCommands } from './org-commands.js';
import { connectClient, RequestRejectedError, type PlanRef } from './plan-client.js';
import { previewCommand, validateCommand } from './plan-commands.js';
import { recordIssuedNumber } from './register-client.js';
import { reportCheckCommand } from './report-commands.js';
import { registerXlsxCommands } from './xlsx-commands.js';
import {
  adHocCommand,
  amendCommand,
  cancelCommand,
  extendCommand,
  parseFigures,
  pauseCommand,
  reassignCommand,
  retryCommand,
  reviewCommand,
  startCommand,
  statusCommand,
  submitCommand,
} from './run-commands.js';
import type { CommandResult, PreviewFormat } from './plan-commands.js';

/** Prints a command's output and sets the exit code. */
function finish(result: CommandResult): void {
  const stream = result.exitCode === 0 ? process.stdout : process.stderr;
  stream.write(result.output.endsWith('\n') ? result.output : `${result.output}\n`);
  process.exitCode = result.exitCode;
}

/** Connects with the app's configuration, runs `fn`, prints its text, closes the connection. */
async function withClient(fn: (client: Awaited<ReturnType<typeof connectClient>>) => Promise<string>): Promise<void> {
  const config = loadConfig();
  const client = await connectClient(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE, temporalTls(config));
  try {
    console.log(await fn(client));
  } catch (err) {
    if (!(err instanceof RequestRejectedError)) throw err;
    console.error(`Bị từ chối / rejected: ${err.message}`);
    process.exitCode = 2;
  } finally {
    await client.connection.close();
  }
}

const planRef = (org: string, year: string): PlanRef => ({ org, year: Number(year) });

/** An incident's number as `kehoach plan status ORG YEAR ITEM` lists it: 1, 2, … */
function incidentId(value: string): number {
  const id = Number(value);
  if (!/^[0-9]+$/.test(value) || id < 1) throw new InvalidArgumentError('số sự cố / incident number: 1, 2, …');
  return id;
}

/** `kehoach plan validate|preview|start|status|adhoc…`, `kehoach item submit|review|extend|retry…`, `kehoach report check`. */
async function main(): Promise<void> {
  const program = new Command('kehoach').description('Kế hoạch tuyên truyền CCHC trên Temporal');
  const plan = program.command('plan').description('plan files / tệp kế hoạch');
  const lang = () => new Option('--lang <lang>', 'language of messages').choices(['vi', 'en']).default('vi');

  plan
    .command('validate')
    .argument('<file>', 'plan file (YAML or JSON)')
    .option('--parent <file>', 'the plan it carries out: warn where its report deadlines do not leave the parent time')
    .option('--lead-days <n>', "with --parent: working days before the parent's deadline (default 2)", leadDaysOption)
    .addOption(lang())
    .action(async (file: string, opts: { lang: Locale; parent?: string; leadDays?: number }) =>
      finish(
        opts.parent
          ? await validateAgainstParentCommand(file, opts.parent, opts.lang, opts.leadDays)
          : await validateCommand(file, opts.lang),
      ),
    );

  plan
    .command('preview')
    .argument('<file>', 'plan file (YAML or JSON)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'ics']).default('table'))
    .addOption(lang())
    .action(async (file: string, opts: { format: PreviewFormat; lang: Locale }) =>
      finish(await previewCommand(file, opts.format, opts.lang)),
    );

  plan
    .command('init')
    .description('write a commented skeleton plan (never over an existing file); without FILE, print it')
    .argument('[file]', 'plan file to create')
    .option('--year <yyyy>', 'plan year (default: this year)')
    .addOption(lang())
    .action(async (file: string | undefined, opts: { year?: string; lang: Locale }) =>
      finish(await initCommand(file, opts)),
    );

  registerDraftCommand(plan, finish);
  registerDeriveCommand(plan, finish);

  plan
    .command('start')
    .description('start the plan (or find it already running)')
    .argument('<file>', 'plan file')
    .option('--speed <n>', 'demo clock: plan days per real day', Number)
    .option('--plan-start <iso>', 'demo clock: plan instant at which the run begins')
    .action(async (file: string, opts: { speed?: number; planStart?: string }) =>
      withClient((c) =>
        startCommand(
          c,
          file,
          loadConfig().TEMPORAL_TASK_QUEUE,
          opts.speed || opts.planStart ? { speed: opts.speed, planStart: opts.planStart } : undefined,
        ),
      ),
    );

  plan
    .command('archive')
    .description("write a closed plan-year's record to the blob store again, after its archive at close failed")
    .argument('<org>')
    .argument('<year>')
    .action(async (org: string, year: string) =>
      withClient((c) => archiveCommand(c, createBlobStore(loadConfig()), planRef(org, year))),
    );

  plan
    .command('status')
    .argument('<org>')
    .argument('<year>')
    .argument('[item]', 'task-03, report-Q1 …')
    .action(async (org: string, year: string, item?: string) =>
      withClient((c) => statusCommand(c, planRef(org, year), item)),
    );

  plan
    .command('adhoc')
    .description('request an ad hoc report (báo cáo đột xuất)')
    .argument('<org>')
    .argument('<year>')
    .requiredOption('--title <text>')
    .requiredOption('--content <text>')
    .requiredOption('--units <codes>', 'comma-separated unit codes')
    .requiredOption('--due <yyyy-MM-dd>')
    .requiredOption('--by <name>')
    .action(
      async (
        org: string,
        year: string,
        o: { title: string; content: string; units: string; due: string; by: string },
      ) =>
        withClient((c) =>
          adHocCommand(c, planRef(org, year), {
            title: o.title,
            content: o.content,
            units: o.units.split(','),
            dueDate: o.due,
            by: o.by,
          }),
        ),
    );

  plan
    .command('amend')
    .description('amend a running plan with a new version of its file')
    .argument('<org>')
    .argument('<year>')
    .argument('<file>')
    .requiredOption('--note <text>', 'why the plan changes')
    .requiredOption('--by <name>')
    .action(async (org: string, year: string, file: string, o: { note: string; by: string }) =>
      withClient((c) => amendCommand(c, planRef(org, year), file, o.note, o.by)),
    );
  for (const [name, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    plan
      .command(name)
      .description(`${name} reminders of every item`)
      .argument('<org>')
      .argument('<year>')
      .requiredOption('--by <name>')
      .action(async (org: string, year: string, o: { by: string }) =>
        withClient((c) => pauseCommand(c, planRef(org, year), paused, o.by)),
      );
  }
  plan
    .command('cancel')
    .description('cancel the plan and its running items')
    .argument('<org>')
    .argument('<year>')
    .action(async (org: string, year: string) => withClient((c) => cancelCommand(c, planRef(org, year))));

  const report = program.command('report').description('consolidated reports / báo cáo tổng hợp');
  report
    .command('check')
    .description('check a report against the layout of Nghị định 30/2020 (A4, margins, fonts, header, signature)')
    .argument('<file>', 'report (DOCX)')
    .action(async (file: string) => finish(await reportCheckCommand(file)));
  report
    .command('number')
    .description("record a number the office's own register issued; the product's numbers continue after it")
    .argument('<org>')
    .argument('<year>')
    .requiredOption('--number <n>', 'the number issued, e.g. 25', (v) => Number(v))
    .requiredOption('--for <text>', 'the document it was issued for, e.g. "Công văn 25/SGDĐT-VP"')
    .requiredOption('--symbol <text>', 'the document symbol, e.g. SGDĐT-VP')
    .requiredOption('--issued-on <yyyy-MM-dd>')
    .requiredOption('--by <name>')
    .action(
      async (
        org: string,
        year: string,
        o: { number: number; for: string; symbol: string; issuedOn: string; by: string },
      ) =>
        withClient(async (c) => {
          const config = loadConfig();
          const { next } = await recordIssuedNumber(c, planRef(org, year), config.TEMPORAL_TASK_QUEUE, {
            number: o.number,
            key: o.for,
            symbol: o.symbol,
            issuedOn: o.issuedOn,
            by: o.by,
          });
          return `${org} ${year}: đã ghi số ${o.number}; số tiếp theo ${next} / recorded ${o.number}; next ${next}`;
        }),
    );

  registerXlsxCommands(plan, finish);
  registerOrgCommands(program, finish);

  const item = program.command('item').description('one task or report of a running plan');
  item
    .command('submit')
    .description("submit a unit's report on its behalf")
    .argument('<org>')
    .argument('<year>')
    .argument('<item>')
    .requiredOption('--unit <code>')
    .requiredOption('--by <name>')
    .requiredOption('--results <text>')
    .option('--shortcomings <text>', '', '')
    .option('--next-tasks <text>', '', '')
    .option('--proposals <text>', '', '')
    .option(
      '--figure <FORM=N>',
      'output per communication form (repeatable)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .action(
      async (
        org: string,
        year: string,
        itemId: string,
        o: {
          unit: string;
          by: string;
          results: string;
          shortcomings: string;
          nextTasks: string;
          proposals: string;
          figure: string[];
        },
      ) =>
        withClient((c) =>
          submitCommand(c, planRef(org, year), itemId, {
            unit: o.unit,
            submittedBy: o.by,
            results: o.results,
            shortcomings: o.shortcomings,
            nextTasks: o.nextTasks,
            proposals: o.proposals,
            figures: parseFigures(o.figure),
          }),
        ),
    );
  item
    .command('review')
    .argument('<org>')
    .argument('<year>')
    .argument('<item>')
    .requiredOption('--unit <code>')
    .requiredOption('--by <name>')
    .addOption(new Option('--decision <d>').choices(['accept', 'return']).makeOptionMandatory())
    .option('--comment <text>')
    .action(
      async (
        org: string,
        year: string,
        itemId: string,
        o: { unit: string; by: string; decision: 'accept' | 'return'; comment?: string },
      ) => withClient((c) => reviewCommand(c, planRef(org, year), itemId, o)),
    );
  item
    .command('reassign')
    .argument('<org>')
    .argument('<year>')
    .argument('<item>')
    .requiredOption('--from <code>')
    .requiredOption('--to <code>')
    .requiredOption('--reason <text>')
    .requiredOption('--by <name>')
    .action(
      async (org: string, year: string, itemId: string, o: { from: string; to: string; reason: string; by: string }) =>
        withClient((c) => reassignCommand(c, planRef(org, year), itemId, o)),
    );
  item
    .command('extend')
    .argument('<org>')
    .argument('<year>')
    .argument('<item>')
    .requiredOption('--unit <code>')
    .requiredOption('--date <yyyy-MM-dd>')
    .requiredOption('--reason <text>')
    .requiredOption('--by <name>')
    .action(
      async (
        org: string,
        year: string,
        itemId: string,
        o: { unit: string; date: string; reason: string; by: string },
      ) =>
        withClient((c) =>
          extendCommand(c, planRef(org, year), itemId, { unit: o.unit, newDate: o.date, reason: o.reason, by: o.by }),
        ),
    );

  item
    .command('retry')
    .description("retry an incident's step once its cause is fixed (thử lại sự cố)")
    .argument('<org>')
    .argument('<year>')
    .argument('<item>')
    .argument('<incidentId>', 'incident number, as `plan status ORG YEAR ITEM` lists it', incidentId)
    .requiredOption('--by <name>')
    .action(async (org: string, year: string, itemId: string, id: number, o: { by: string }) =>
      withClient((c) => retryCommand(c, planRef(org, year), itemId, { id, by: o.by })),
    );

  await program.parseAsync(process.argv);
}

// `kehoach plan preview FILE | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
