import { createRequire } from 'node:module';
import {
  bundleWorkflowCode,
  Worker,
  type BundleOptions,
  type NativeConnection,
  type WorkerOptions,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { createRollUpHandler } from '../nexus/roll-up-handler.js';
import type { WorkflowActivities } from '../workflows/activities-api.js';

const require = createRequire(import.meta.url);

/** The workflow bundle entry: only workflow functions and message definitions. */
export const workflowsPath = require.resolve('../workflows/index.ts');

/** Modules loaded once per worker V8 context and shared by every workflow: see domain/workflow-preload.ts. */
export const sharedWorkflowModules = [require.resolve('../domain/workflow-preload.ts')];

/** The workflow bundle every worker, replayer and bench uses: one place for its options. */
export function bundleWorkflows(logger?: BundleOptions['logger']): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, preloadModules: sharedWorkflowModules, logger });
}

export interface KehoachWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: WorkflowActivities;
  /** Pre-built bundle (tests bundle once per file); otherwise bundled from `workflowsPath`. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** The provider's send limit, applied to the whole task queue (so several workers share it). */
  activitiesPerSecond?: number;
  /**
   * Serve the roll-up's Nexus service on this task queue (NEXUS_ROLL_UP_HANDLER): subordinates in other namespaces
   * file their reports here through an endpoint that targets this namespace and task queue.
   */
  rollUpHandler?: boolean;
}

/**
 * How long a stopping worker lets running activities finish. The SDK's default is 0: a send already accepted by the
 * SMTP server is cancelled before its completion reaches Temporal, and the retry sends it a second time. An e-mail
 * takes well under a second and a report render a few; docker-compose's stop_grace_period is longer than this.
 */
export const SHUTDOWN_GRACE = '30 seconds';

/** One place that sets the worker's options, used by `worker/main.ts`, the stack script and the tests. */
export async function createKehoachWorker(opts: KehoachWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: opts.activities as unknown as WorkerOptions['activities'],
    ...(opts.workflowBundle
      ? { workflowBundle: opts.workflowBundle }
      : { workflowsPath, bundlerOptions: { preloadModules: sharedWorkflowModules } }),
    shutdownGraceTime: SHUTDOWN_GRACE,
    ...(opts.activitiesPerSecond ? { maxTaskQueueActivitiesPerSecond: opts.activitiesPerSecond } : {}),
    ...(opts.rollUpHandler ? { nexusServices: [createRollUpHandler()] } : {}),
  });
}
