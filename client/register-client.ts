import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { registerWorkflowId } from '../domain/ids.js';
import { allocateNumberUpdate, recordIssuedNumberUpdate, registerQuery } from '../workflows/messages.js';
import type { numberRegisterWorkflow } from '../workflows/number-register.js';
import type { AllocateInput, RecordIssuedInput, RegisterState } from '../workflows/register-model.js';
import { explained } from './plan-client.js';

/** A body's register of outgoing documents for a year: `register-<ORG>-<year>`. */
export interface RegisterRef {
  org: string;
  year: number;
}

/**
 * Starts the register workflow unless it runs already. A register that closed (terminated by hand) is never replaced
 * by an empty one that would issue its numbers again: the start is refused and so is every later call.
 */
export async function ensureRegister(client: Client, ref: RegisterRef, taskQueue: string): Promise<string> {
  const workflowId = registerWorkflowId(ref.org, ref.year);
  try {
    await client.workflow.start<typeof numberRegisterWorkflow>('numberRegisterWorkflow', {
      workflowId,
      taskQueue,
      args: [{ organisation: ref.org, year: ref.year }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      staticSummary: `Sổ đăng ký văn bản đi ${ref.org} năm ${ref.year}`,
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return workflowId;
}

/** The number for `req.key` (the same on every call with that key); the key is also the Update id. */
export async function allocateNumber(client: Client, ref: RegisterRef, taskQueue: string, req: AllocateInput) {
  const workflowId = await ensureRegister(client, ref, taskQueue);
  return explained(
    client.workflow.getHandle(workflowId).executeUpdate(allocateNumberUpdate, { args: [req], updateId: req.key }),
  );
}

/** A number the office's own register issued: kept, and the product's sequence continues after it. */
export async function recordIssuedNumber(client: Client, ref: RegisterRef, taskQueue: string, req: RecordIssuedInput) {
  const workflowId = await ensureRegister(client, ref, taskQueue);
  return explained(client.workflow.getHandle(workflowId).executeUpdate(recordIssuedNumberUpdate, { args: [req] }));
}

export async function registerEntries(client: Client, ref: RegisterRef): Promise<RegisterState> {
  return client.workflow.getHandle(registerWorkflowId(ref.org, ref.year)).query(registerQuery);
}
