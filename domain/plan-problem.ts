/** One problem found in a plan file, located so an editor can jump to it: `plans/x.yaml:12:9  tasks[3].units[0].unit  …`. */
export interface PlanProblem {
  file: string;
  /** 1-based line of the offending node (for a missing key: the mapping that should hold it). */
  line: number;
  /** 1-based column. */
  column: number;
  /** Where in the plan, e.g. `tasks[3].units[0].unit`; empty for the whole file. */
  path: string;
  /** What is wrong and what was expected, in the requested language. */
  message: string;
}

/** `tasks[3].units[0].unit` from a zod/yaml path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** One line per problem, `file:line:col  path  message`, in file order. */
export function formatProblems(problems: readonly PlanProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.path || '-'}  ${p.message}`).join('\n');
}
