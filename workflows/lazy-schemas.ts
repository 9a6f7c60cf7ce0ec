/**
 * The zod schemas workflows validate with, loaded on first use instead of at module load. The SDK gives every
 * workflow its own instance of each module it loads, and zod's costs ~600 KiB of heap per instance (bench P4), so
 * an item that never receives a submission should never load it. Webpack's `require` inside a function loads a
 * module synchronously at the call, which update validators need (they cannot await).
 */
import type * as PlanSchemaModule from '../domain/plan-schema.js';
import type * as SubmissionModule from '../domain/submission.js';

declare const require: (id: string) => unknown;

/** `buildPlanSchema` of domain/plan-schema.ts, loading zod on the first call. */
export function buildPlanSchema(): ReturnType<typeof PlanSchemaModule.buildPlanSchema> {
  return (require('../domain/plan-schema.js') as typeof PlanSchemaModule).buildPlanSchema();
}

/** `submissionSchema` of domain/submission.ts, loading zod on the first call. */
export function submissionSchema(): ReturnType<typeof SubmissionModule.submissionSchema> {
  return (require('../domain/submission.js') as typeof SubmissionModule).submissionSchema();
}

/** `submissionProblems` of domain/submission.ts (same module, so zod is loaded once). */
export function submissionProblems(
  ...args: Parameters<typeof SubmissionModule.submissionProblems>
): ReturnType<typeof SubmissionModule.submissionProblems> {
  return (require('../domain/submission.js') as typeof SubmissionModule).submissionProblems(...args);
}
