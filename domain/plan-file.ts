import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { Locale } from './format-date.js';
import { crossProblems, regimeProblems, type At, type Path } from './plan-checks.js';
import { readInput } from './plan-file-input.js';
import {
  issueMessage,
  keysAt,
  resolveUnion,
  unknownKeyMessage,
  unresolvedAliasMessage,
  yamlSyntaxMessage,
} from './plan-issue-messages.js';
import { formatPath } from './plan-problem.js';
import type { PlanProblem } from './plan-problem.js';
import { planSchema } from './plan-schema.js';
import type { Plan } from './plan-schema.js';

export { formatProblems } from './plan-problem.js';
export type { PlanProblem } from './plan-problem.js';

/**
 * Reads a plan file's text (YAML, or JSON which is YAML) into a validated `Plan`, or every problem at once, each at the
 * file:line:column of the node at fault. Pure: the caller reads the file.
 */

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
      // One mistake often yields several errors on its line; the first says what is wrong, the others follow from it.
      if (problems.some((p) => p.line === pos.line)) continue;
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
