import { z } from 'zod';

/** Limits keep submissions small enough to live in workflow state (Temporal payload warning at 256 KB). */
export const SUBMISSION_LIMITS = { textChars: 20_000, evidence: 20, figures: 30 } as const;

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
    submittedBy: z.string().min(1).max(200),
    results: text(SUBMISSION_LIMITS.textChars).refine((s) => s.trim().length > 0, 'results must not be empty'),
    shortcomings: text(SUBMISSION_LIMITS.textChars).default(''),
    nextTasks: text(SUBMISSION_LIMITS.textChars).default(''),
    proposals: text(SUBMISSION_LIMITS.textChars).default(''),
    /** Output per communication form, e.g. `{ WEBSITE: 4, MEETING: 1 }`. */
    figures: z
      .record(z.string().regex(/^[A-Z0-9-]+$/), z.int().min(0).max(1_000_000))
      .refine((r) => Object.keys(r).length <= SUBMISSION_LIMITS.figures, 'too many figures')
      .default({}),
    evidence: z
      .array(z.strictObject({ title: z.string().min(1).max(300), url: z.string().max(2000) }))
      .max(SUBMISSION_LIMITS.evidence)
      .default([]),
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
