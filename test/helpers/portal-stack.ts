import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Hono } from 'hono';
import { startPlan } from '../../client/plan-client.js';
import type { Plan } from '../../domain/plan-schema.js';
import { createPortalApp } from '../../portal/app.js';
import type { PortalDeps } from '../../portal/deps.js';
import { hashPassword } from '../../portal/passwords.js';
import type { ServiceConfig } from '../../worker/config.js';
import { skeletonClock } from '../fixtures/skeleton-plan.js';
import { planTimeStepper } from './plan-time.js';
import { portalTestConfig, TEST_LINK_SECRET } from './portal-server.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';
import { startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from './temporal-env.js';

/** The office user of every portal stack: `vanphong` with this password. */
export const OFFICE_PASSWORD = 'mat-khau-van-phong';

export interface PortalStack {
  env: TestWorkflowEnvironment;
  sink: SmtpSink;
  config: ServiceConfig;
  app: Hono;
  /** Steps the server to a plan instant of the plan started with the stack. */
  clock: ReturnType<typeof planTimeStepper>;
  stop(): Promise<void>;
}

/**
 * What a portal test file works against: the time-skipping server, a real SMTP sink and the worker, a portal for
 * the office user `vanphong`, and `plan` started on the skeleton clock and run until plan time `until`. `worker`
 * gives the worker its reports folder (a file there makes every report fail, for incidents).
 */
export async function startPortalStack(
  plan: Plan,
  until: string,
  portal: Pick<PortalDeps, 'now' | 'sessions' | 'store'> = {},
  worker: { reportsDir?: string } = {},
): Promise<PortalStack> {
  const env = await startTimeSkippingEnv();
  const sink = await startSmtpSink();
  const running = await startTestWorker(env, sink, { linkSecret: TEST_LINK_SECRET }, worker);
  const config = portalTestConfig({
    PORTAL_BASE_URL: 'http://portal.test',
    PORTAL_USERS: `vanphong:${await hashPassword(OFFICE_PASSWORD)}`,
  });
  // The worker's blob store: the reports it files are the ones the portal serves, as in a deployment.
  const app = createPortalApp({ client: env.client, config, blobs: running.blobs, ...portal });
  const { handle } = await startPlan(env.client, plan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
  const clock = planTimeStepper(env, skeletonClock.planStart, (await handle.describe()).startTime.getTime());
  await clock.sleepUntil(until);
  return {
    env,
    sink,
    config,
    app,
    clock,
    async stop() {
      await running.stop();
      await sink.stop();
      await env.teardown();
    },
  };
}
