import { LineCounter, parseDocument, isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { Locale } from '../domain/format-date.js';
import { planSchema, type Plan } from '../domain/plan-schema.js';

/**
 * The portal's one door to plan-file validation, with the signature of `domain/plan-file.ts` `parsePlanText` (being
 * written on the domain branch). Until that lands here this checks YAML syntax and the plan schema, locating each
 * problem at its node; afterwards this file re-exports it and the call sites stay as they are.
 */
export interface PlanProblem {
  file: string;
  line: number;
  column: number;
  /** `tasks[3].units[0].unit`; empty for the whole file. */
  path: string;
  message: string;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${String(seg)}` : String(seg)),
    '',
  );
}

/** The deepest node of the document on `path` (a missing key points at the mapping that should hold it). */
function nodeAt(root: unknown, path: readonly PropertyKey[]): YamlNode | undefined {
  let node = root;
  let found = isScalar(root) || isMap(root) || isSeq(root) ? (root as YamlNode) : undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else break;
    if (node && typeof node === 'object' && 'range' in node) found = node as YamlNode;
    else break;
  }
  return found;
}

/** Parses and validates a plan file's text: the plan, or every problem at file:line:column. */
export function parsePlanText(
  text: string,
  fileName: string,
  lang: Locale = 'vi',
): { ok: true; plan: Plan } | { ok: false; problems: PlanProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file: fileName,
        line: e.linePos?.[0]?.line ?? 1,
        column: e.linePos?.[0]?.col ?? 1,
        path: '',
        message: `${lang === 'vi' ? 'lỗi cú pháp YAML' : 'YAML syntax error'}: ${e.message.split('\n')[0] ?? ''}`,
      })),
    };
  }
  const parsed = planSchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, plan: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const pos = lines.linePos(nodeAt(doc.contents, issue.path)?.range?.[0] ?? 0);
      return { file: fileName, line: pos.line, column: pos.col, path: formatPath(issue.path), message: issue.message };
    }),
  };
}
