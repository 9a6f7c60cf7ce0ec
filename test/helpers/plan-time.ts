import type { TestWorkflowEnvironment } from '@temporalio/testing';

/**
 * Steps the time-skipping server to a plan instant. Plan time = clock.planStart + (server time − workflow start),
 * as `domain/plan-clock.ts` maps it (`speed` plan ms per server ms; 1 on the time-skipping server).
 */
export function planTimeStepper(env: TestWorkflowEnvironment, planStart: string, workflowStartMs: number, speed = 1) {
  const planStartMs = Date.parse(planStart);
  return {
    async now(): Promise<number> {
      return planStartMs + ((await env.currentTimeMs()) - workflowStartMs) * speed;
    },
    async sleepUntil(planInstant: string): Promise<void> {
      const delta = Date.parse(planInstant) - (await this.now());
      if (delta > 0) await env.sleep(Math.ceil(delta / speed));
    },
  };
}
