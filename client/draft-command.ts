import { readFile } from 'node:fs/promises';
import { writeNewFile } from './write-new-file.js';
import { basename, dirname, resolve } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import { Document, Scalar, visit } from 'yaml';
import type { Locale } from '../domain/format-date.js';
import { draftFromText } from '../plan-draft/draft-from-text.js';
import type { PlanDraft } from '../plan-draft/draft-from-text.js';
import { DocumentUnreadable, readDocument } from '../plan-draft/read-document.js';
import type { DocumentKind } from '../plan-draft/read-document.js';
import { schemaReference } from './init-command.js';
import type { CommandResult } from './plan-commands.js';

/** A comment block: each line of `text` behind `# `, long lines kept whole (YAML comments have no width limit). */
const comment = (lines: string[]) => lines.map((l) => (l === '' ? '#' : `# ${l}`)).join('\n');

/**
 * The draft as a plan file: the `$schema` line, a comment saying where it came from and listing every field marked
 * for the clerk, then the draft's YAML. It does not validate until the clerk fills the marked fields in.
 */
export function draftYaml(result: PlanDraft, source: { name: string; kind: DocumentKind }, schemaRef: string): string {
  const lines = [
    `yaml-language-server: $schema=${schemaRef}`,
    `Bản nháp kế hoạch dựng từ văn bản đã ký ${source.name} (${source.kind.toUpperCase()}) bằng \`kehoach plan draft\`.`,
    `Draft plan read from the signed document ${source.name} by \`kehoach plan draft\`.`,
  ];
  if (result.carriesOut) lines.push(`Căn cứ / carries out: ${result.carriesOut.sentence}`);
  lines.push(
    '',
    `Cần Văn phòng điền hoặc xác nhận ${result.marked.length} mục / ${result.marked.length} fields marked for the clerk:`,
    ...result.marked.map((m) => `  - ${m.field}: ${m.reason}`),
    '',
    'Điền xong, kiểm tra bằng / when filled in, check with:  npx kehoach plan validate <tệp / file>',
  );
  const doc = new Document(result.draft);
  // Dates quoted as the sample plans write them, so no YAML 1.1 editor reads `2022-03-04` as a timestamp.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(node.value)) node.type = Scalar.QUOTE_SINGLE;
    },
  });
  return `${comment(lines)}\n${doc.toString({ lineWidth: 0 })}`;
}

/**
 * `kehoach plan draft DOCUMENT [-o DRAFT.yaml]`: reads a signed plan (DOCX or PDF, by its content) into a draft plan
 * file; prints it, or writes it to DRAFT.yaml, never over an existing file (exit 1). Exit 2 when the document cannot be
 * read.
 */
export async function draftCommand(
  document: string,
  options: { output?: string; lang?: Locale } = {},
): Promise<CommandResult> {
  const lang = options.lang ?? 'vi';
  let bytes: Uint8Array;
  try {
    bytes = await readFile(document);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      exitCode: 2,
      output: lang === 'vi' ? `Không đọc được tệp ${document}: ${why}` : `Cannot read ${document}: ${why}`,
    };
  }
  let read: Awaited<ReturnType<typeof readDocument>>;
  try {
    read = await readDocument(bytes);
  } catch (err) {
    if (!(err instanceof DocumentUnreadable)) throw err;
    return { exitCode: 2, output: `${document}: ${err.message}` };
  }
  const result = draftFromText(read.text);
  const source = { name: basename(document), kind: read.kind };
  if (options.output === undefined)
    return { exitCode: 0, output: draftYaml(result, source, schemaReference(process.cwd())) };
  const yaml = draftYaml(result, source, schemaReference(dirname(resolve(options.output))));
  // A draft someone is already filling in is never replaced.
  const refused = await writeNewFile(options.output, yaml, lang);
  if (refused) return refused;
  const n = result.marked.length;
  return {
    exitCode: 0,
    output:
      lang === 'vi'
        ? `Đã tạo ${options.output} từ ${source.name}; ${n} mục cần Văn phòng điền hoặc xác nhận (liệt kê ở đầu tệp).`
        : `Created ${options.output} from ${source.name}; ${n} fields marked for the clerk (listed at the top of the file).`,
  };
}

/** Adds `draft` to the `plan` command (`kehoach plan draft DOCUMENT [-o DRAFT.yaml]`). */
export function registerDraftCommand(plan: Command, finish: (result: CommandResult) => void): void {
  plan
    .command('draft')
    .description('a draft plan file from the signed document (DOCX or PDF); fields it cannot read are marked')
    .argument('<document>', 'signed plan (.docx or .pdf)')
    .option('-o, --output <file>', 'draft plan file to create (never over an existing file); without it, print it')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['vi', 'en']).default('vi'))
    .action(async (document: string, opts: { output?: string; lang: Locale }) =>
      finish(await draftCommand(document, opts)),
    );
}
