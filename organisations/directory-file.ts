/**
 * Reads the organisations directory (`ORGANISATIONS_FILE`, YAML) into a validated `OrganisationDirectory`, or every
 * problem at once, each at the file:line:column of the node at fault with the field and what would be valid: the
 * same reading, locating and wording as plan files (`domain/located-yaml.ts`, `domain/plan-issue-messages.ts`).
 */
import { readFile } from 'node:fs/promises';
import type { Locale } from '../domain/format-date.js';
import { parseLocatedYaml, sortProblems, zodProblems } from '../domain/located-yaml.js';
import { readInput, type InputWording } from '../domain/plan-file-input.js';
import { fileKindName } from '../domain/plan-issue-messages.js';
import { formatProblems, type PlanProblem } from '../domain/plan-problem.js';
import { directoryProblems } from './directory-checks.js';
import { directorySchema, type OrganisationDirectory } from './directory-schema.js';

/** What is said of a file that is not a directory at all, in this format's words. */
const WORDING: InputWording = {
  notText: (kind, lang) =>
    lang === 'vi'
      ? `đây là ${fileKindName(kind, lang)}, không phải tệp danh sách cơ quan; hãy lưu danh sách dạng YAML (tệp văn bản .yaml, mã UTF-8) theo tệp mẫu plans/organisations.yaml`
      : `this is ${fileKindName(kind, lang)}, not an organisations file; save the list as YAML (a .yaml text file, UTF-8) after the sample plans/organisations.yaml`,
  empty: (lang) => (lang === 'vi' ? 'tệp danh sách cơ quan trống' : 'the organisations file is empty'),
};

/** A validated directory, or every problem of the file in file order. */
export type DirectoryResult = { ok: true; directory: OrganisationDirectory } | { ok: false; problems: PlanProblem[] };

/** Parses and validates the directory's text (or bytes); `lang` chooses the language of the messages. Pure. */
export function parseDirectoryText(input: string | Uint8Array, fileName: string, lang: Locale = 'vi'): DirectoryResult {
  const read = readInput(input, fileName, lang, WORDING);
  if (!('text' in read)) return { ok: false, problems: [read] };
  const yaml = parseLocatedYaml(
    read.text,
    fileName,
    lang,
    lang === 'vi'
      ? 'tệp danh sách cơ quan phải là một bảng khoá: giá trị (administrators, organisations)'
      : 'an organisations file must be a mapping of key: value (administrators, organisations)',
  );
  if (!yaml.ok) return yaml;
  const result = directorySchema().safeParse(yaml.raw, { reportInput: true });
  const problems = result.success ? [] : zodProblems(result.error.issues, directorySchema(), yaml.at, lang);
  problems.push(...directoryProblems(yaml.raw, yaml.at, lang));
  if (!result.success || problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, directory: result.data };
}

/** Reads and validates the directory file at `path`; a file that cannot be read throws the file system's error. */
export async function readDirectoryFile(path: string, lang: Locale = 'vi'): Promise<DirectoryResult> {
  // Bytes, not text: a Word or PDF file is named by its first bytes, and a file not in UTF-8 is said so.
  return parseDirectoryText(await readFile(path), path, lang);
}

/** Thrown by `loadDirectoryFile`: every problem, printed in its message so a refused start-up says them all. */
export class DirectoryFileError extends Error {
  constructor(readonly problems: PlanProblem[]) {
    super(
      `${problems.length} problem(s) in organisations file ${problems[0]?.file ?? ''}:\n${formatProblems(problems)}`,
    );
    this.name = 'DirectoryFileError';
  }
}

/** The directory at `path` for a process starting up (the portal), or a `DirectoryFileError` naming every problem. */
export async function loadDirectoryFile(path: string, lang: Locale = 'vi'): Promise<OrganisationDirectory> {
  const r = await readDirectoryFile(path, lang);
  if (!r.ok) throw new DirectoryFileError(r.problems);
  return r.directory;
}
