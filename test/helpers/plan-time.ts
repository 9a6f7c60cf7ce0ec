import type { TestWorkflowEnvironment } from '@temporalio/testing';

/**
 * Steps the time-skipping server to a plan instant. Plan time = clock.planStart + (server time − workflow start),
 * as `domain/plan-clock.ts` maps it at speed 1.
 */
export function planTimeStepper(env: TestWorkflowEnvironment, planStart: string, workflowStartMs: number) {
  const planStartMs = Date.parse(planStart);
  return {
    async now(): Promise<number> {
      return planStartMs + ((await env.currentTimeMs()) - workflowStartMs);
    },
    async sleepUntil(planInstant: string): Promise<void> {
      const delta = Date.parse(planInstant) - (await this.now());
      if (delta > 0) await env.sleep(delta);
    },
  };
}
