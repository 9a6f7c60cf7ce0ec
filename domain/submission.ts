import { z } from 'zod';

/** Limits keep submissions small enough to live in workflow state (Temporal payload warning at 256 KB). */
export const SUBMISSION_LIMITS = {
  textChars: 20_000,
  evidence: 20,
  figures: 30,
  figureMax: 1_000_000,
  nameChars: 200,
  titleChars: 300,
  urlChars: 2000,
} as const;

const text = (max: number) => z.string().max(max);

/**
 * Builds the schema of a unit's report on an item, following the usual outline: results, shortcomings and causes,
 * next tasks, proposals. A function, not a module constant, for the reason given at `buildPlanSchema`: the item
 * workflow builds it only when a submission arrives.
 */
export function buildSubmissionSchema() {
  return z.strictObject({
    unit: z.string().min(1),
    /** Who submitted (shown in the receipt and the audit). */
    submittedBy: z.string().min(1).max(SUBMISSION_LIMITS.nameChars),
    results: text(SUBMISSION_LIMITS.textChars).refine((s) => s.trim().length > 0, 'results must not be empty'),
    shortcomings: text(SUBMISSION_LIMITS.textChars).default(''),
    nextTasks: text(SUBMISSION_LIMITS.textChars).default(''),
    proposals: text(SUBMISSION_LIMITS.textChars).default(''),
    /** Output per communication form, e.g. `{ WEBSITE: 4, MEETING: 1 }`. */
    figures: z
      .record(z.string().regex(/^[A-Z0-9-]+$/), z.int().min(0).max(SUBMISSION_LIMITS.figureMax))
      .refine((r) => Object.keys(r).length <= SUBMISSION_LIMITS.figures, 'too many figures')
      .default({}),
    /**
     * Results on the plan's ongoing duties, by duty number (a periodic report asks for them): what was done, outputs
     * per form, and the share reached for a duty whose target is a percentage.
     */
    duties: z
      .record(
        z.string().regex(/^\d{1,2}$/),
        z.strictObject({
          results: text(SUBMISSION_LIMITS.textChars).default(''),
          figures: z
            .record(z.string().regex(/^[A-Z0-9-]+$/), z.int().min(0).max(SUBMISSION_LIMITS.figureMax))
            .default({}),
          percent: z.number().min(0).max(100).optional(),
        }),
      )
      .refine((r) => Object.keys(r).length <= 99, 'too many duties')
      .optional(),
    evidence: z
      .array(
        z.strictObject({
          title: z.string().min(1).max(SUBMISSION_LIMITS.titleChars),
          url: z.string().max(SUBMISSION_LIMITS.urlChars),
        }),
      )
      .max(SUBMISSION_LIMITS.evidence)
      .default([]),
    /**
     * Where a submission made by the system comes from: a subordinate body's accepted consolidated report, keyed by
     * that report's workflow id. The same key twice is the same submission (a retry, a second worker): taken once.
     */
    source: z.strictObject({ kind: z.literal('roll-up'), key: z.string().min(1).max(300) }).optional(),
  });
}

type SubmissionSchema = ReturnType<typeof buildSubmissionSchema>;

let built: SubmissionSchema | undefined;
/** The submission schema, built once on first use (the portal, the CLI). */
export function submissionSchema(): SubmissionSchema {
  return (built ??= buildSubmissionSchema());
}

export type Submission = z.output<SubmissionSchema>;
export type SubmissionInput = z.input<SubmissionSchema>;

/** An evidence link the office may click: http(s) only, no spaces or control characters (no `javascript:`). */
export const EVIDENCE_URL = /^https?:\/\/[^\s\p{Cc}]+$/iu;

/**
 * Rules beyond the schema's shape, for the update validator, which every client passes (portal, CLI, Temporal CLI,
 * SDK). Kept out of the schema because the update handler parses with the schema again on replay, where an older
 * accepted submission must still parse.
 */
export function submissionProblems(s: Pick<Submission, 'evidence'>): string[] {
  return s.evidence.flatMap((e, i) =>
    EVIDENCE_URL.test(e.url) ? [] : [`evidence.${i}.url: "${e.url.slice(0, 80)}" is not an http:// or https:// link`],
  );
}
