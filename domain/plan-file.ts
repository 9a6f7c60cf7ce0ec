/**
 * Reads a plan file's text (YAML, or JSON which is YAML) into a validated `Plan`, or every problem at once, each at the
 * file:line:column of the node at fault. Pure: the caller reads the file.
 */
import type { Locale } from './format-date.js';
import { parseLocatedYaml, sortProblems, zodProblems } from './located-yaml.js';
import { crossProblems, regimeProblems } from './plan-checks.js';
import { readInput } from './plan-file-input.js';
import type { PlanProblem } from './plan-problem.js';
import { planSchema } from './plan-schema.js';
import type { Plan } from './plan-schema.js';

export { formatProblems } from './plan-problem.js';
export type { PlanProblem } from './plan-problem.js';

/** Parses and validates a plan file's text; `lang` chooses the language of the messages. */
export function parsePlanText(
  input: string | Uint8Array,
  fileName: string,
  lang: Locale = 'vi',
): { ok: true; plan: Plan } | { ok: false; problems: PlanProblem[] } {
  const read = readInput(input, fileName, lang);
  if (!('text' in read)) return { ok: false, problems: [read] };
  const yaml = parseLocatedYaml(
    read.text,
    fileName,
    lang,
    lang === 'vi'
      ? 'tệp kế hoạch phải là một bảng khoá: giá trị (organisation, plan, units, …)'
      : 'a plan file must be a mapping of key: value (organisation, plan, units, …)',
  );
  if (!yaml.ok) return yaml;
  const { raw, at } = yaml;
  const problems: PlanProblem[] = [];

  const result = planSchema().safeParse(raw, { reportInput: true });
  if (!result.success) problems.push(...zodProblems(result.error.issues, planSchema(), at, lang));
  problems.push(...crossProblems(raw, at, lang));
  if (result.success && problems.length === 0) {
    problems.push(...regimeProblems(result.data, at, lang));
  }
  if (problems.length > 0 || !result.success) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, plan: result.data };
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
