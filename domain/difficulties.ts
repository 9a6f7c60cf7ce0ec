/**
 * Difficulties and proposals (kiến nghị, vướng mắc) a unit raises with the office at any time of the year, as plans
 * say: "trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về Văn phòng". The office answers
 * on its dashboard; each one is reported in the next periodic report under "IV. Đề xuất, kiến nghị".
 */

export const DIFFICULTY_LIMITS = { textChars: 4_000, nameChars: 200, perPlan: 500 } as const;

/** What a unit sends (from its item link: the unit is the link's, never the form's). */
export interface DifficultyInput {
  unit: string;
  text: string;
  raisedBy: string;
  /** The item whose page it was raised from, if any: context for the office. */
  itemId?: string;
}

export interface AnswerInput {
  id: number;
  answer: string;
  by: string;
}

export interface Difficulty {
  id: number;
  unit: string;
  text: string;
  raisedBy: string;
  /** Plan time, ISO with the plan's offset. */
  raisedAt: string;
  itemId?: string;
  answer?: { text: string; by: string; at: string };
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim().length === 0;

/** Why a new difficulty is refused, or undefined: the update validator's rule (nothing refused reaches history). */
export function difficultyProblem(
  req: DifficultyInput,
  unitCodes: readonly string[],
  count: number,
): string | undefined {
  if (!unitCodes.includes(req.unit)) return `unit: ${String(req.unit)} is not a unit of the plan`;
  if (blank(req.text)) return 'text: say what the difficulty or proposal is';
  if (req.text.length > DIFFICULTY_LIMITS.textChars) return `text: at most ${DIFFICULTY_LIMITS.textChars} characters`;
  if (blank(req.raisedBy)) return 'raisedBy: say who raises it';
  if (req.raisedBy.length > DIFFICULTY_LIMITS.nameChars)
    return `raisedBy: at most ${DIFFICULTY_LIMITS.nameChars} characters`;
  if (count >= DIFFICULTY_LIMITS.perPlan) return `the plan already holds ${DIFFICULTY_LIMITS.perPlan} difficulties`;
  return undefined;
}

/** Why an answer is refused, or undefined. An answer is given once: a second would rewrite what the unit was told. */
export function answerProblem(req: AnswerInput, difficulties: readonly Difficulty[]): string | undefined {
  const found = difficulties.find((d) => d.id === req.id);
  if (!found) return `id: no difficulty ${String(req.id)} in this plan`;
  if (found.answer) return `id: difficulty ${req.id} was already answered on ${found.answer.at}`;
  if (blank(req.answer)) return 'answer: must not be empty';
  if (req.answer.length > DIFFICULTY_LIMITS.textChars)
    return `answer: at most ${DIFFICULTY_LIMITS.textChars} characters`;
  if (blank(req.by)) return 'by: say who answers';
  return undefined;
}

/** A periodic report and its office deadline (plan time, ISO), as the plan's status lists them. */
export interface ReportDeadline {
  itemId: string;
  officeDueAt: string;
}

/**
 * The periodic report a difficulty goes into: the first whose office deadline is at or after the moment it was
 * raised ("the next report"). Undefined when raised after the year's last one.
 * E.g. raised 10/04 with Q1 due 20/03 and H1 due 22/06 → `report-H1`.
 */
export function reportOfDifficulty(d: Difficulty, reports: readonly ReportDeadline[]): string | undefined {
  const raised = Date.parse(d.raisedAt);
  const next = [...reports]
    .sort((a, b) => Date.parse(a.officeDueAt) - Date.parse(b.officeDueAt))
    .find((r) => Date.parse(r.officeDueAt) >= raised);
  return next?.itemId;
}

/** The difficulties `itemId`'s consolidated report lists, in the order they were raised. */
export function difficultiesOfReport(
  itemId: string,
  difficulties: readonly Difficulty[],
  reports: readonly ReportDeadline[],
): Difficulty[] {
  return difficulties.filter((d) => reportOfDifficulty(d, reports) === itemId);
}
