import { WorkflowNotFoundError } from '@temporalio/client';
import { ServiceError } from '@temporalio/client';

/** True when the plan or item does not exist (a link to a plan that was deleted, a mistyped address). */
export function isNotFound(err: unknown): boolean {
  if (err instanceof WorkflowNotFoundError) return true;
  // Queries to a missing workflow surface as a gRPC NOT_FOUND (code 5) wrapped in a ServiceError.
  return err instanceof ServiceError && (err.cause as { code?: number } | undefined)?.code === 5;
}
