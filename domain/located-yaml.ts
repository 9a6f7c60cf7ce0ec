/**
 * A YAML file read for validation, shared by every file format the office writes (plan files, the organisations
 * directory): its syntax errors, and any problem found later in its value, located at the file:line:column of the
 * node at fault. Pure: the caller reads the file.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { Locale } from './format-date.js';
import type { At, Path } from './plan-checks.js';
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

/**
 * A YAML text as a plain mapping and the `at` that locates a path in it, or its syntax problems (one per line: the
 * first error of a line says what is wrong, the others follow from it). `notMapping` is the message for a file whose
 * top level is not a mapping (it names what the file should hold).
 */
export function parseLocatedYaml(
  text: string,
  fileName: string,
  lang: Locale,
  notMapping: string,
): { ok: true; raw: Record<string, unknown>; at: At } | { ok: false; problems: PlanProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const locator = new Locator(doc, lines);
  const at: At = (path, message, keyOnly = false) => ({
    file: fileName,
    ...locator.position(path, keyOnly),
    path: formatPath(path),
    message,
  });

  if (doc.errors.length > 0) {
    const problems: PlanProblem[] = [];
    for (const e of doc.errors) {
      const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
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
    // yaml refuses to expand aliases past its limit ("billion laughs"); a file written by hand never needs that many.
    if (!(err instanceof ReferenceError)) throw err;
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(err.message);
    if (unresolved) return { ok: false, problems: [at([], unresolvedAliasMessage(unresolved[1] ?? '', lang))] };
    const message =
      lang === 'vi'
        ? 'tệp dùng quá nhiều bí danh YAML (*tên) lồng nhau; hãy viết thẳng các giá trị thay cho bí danh'
        : 'the file uses too many nested YAML aliases (*name); write the values out instead';
    return { ok: false, problems: [at([], message)] };
  }
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, problems: [at([], notMapping)] };
  return { ok: true, raw: raw as Record<string, unknown>, at };
}

/**
 * Zod issues of `schema` as located problems: one per unknown key (at the key, with the closest accepted key), unions
 * resolved to the branch that was meant, every other issue in the messages of `plan-issue-messages.ts`.
 */
export function zodProblems(issues: readonly z.core.$ZodIssue[], schema: unknown, at: At, lang: Locale): PlanProblem[] {
  const out: PlanProblem[] = [];
  for (const issue of issues.flatMap(resolveUnion)) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push(at([...issue.path, key], unknownKeyMessage(key, keysAt(schema, issue.path), lang), true));
      continue;
    }
    out.push(at(issue.path, issueMessage(issue, schema, lang)));
  }
  return out;
}

/** Problems in file order: line, then column, then path. */
export function sortProblems(problems: readonly PlanProblem[]): PlanProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column || a.path.localeCompare(b.path));
}
