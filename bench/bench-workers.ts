/**
 * One place that creates the A, B and B0 workers of the dev-server phases with identical SDK options, so a ratio
 * measures our workflow code and nothing else. Mirrors what `createKehoachWorker` sets, plus the cache size (P4)
 * and `debugMode` (P4: workflows in the main isolate, so `heapUsed` sees their state).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import {
  Worker,
  bundleWorkflowCode,
  type NativeConnection,
  type WorkerOptions,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { createEmailActivities } from '../activities/email.js';
import { createMailer, type MailConfig } from '../activities/mailer.js';
import { mailConfigFor } from '../test/helpers/temporal-env.js';
import { createActivities } from '../activities/index.js';
import { bundleWorkflows } from '../worker/create-worker.js';

export type VariantName = 'A' | 'B' | 'B0';

const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never;

export interface Bundles {
  real: WorkflowBundleWithSourceMap;
  bare: WorkflowBundleWithSourceMap;
}

export async function loadBundles(): Promise<Bundles> {
  const bare = new URL('./bare-workflows.ts', import.meta.url).pathname;
  const [real, bareBundle] = await Promise.all([
    bundleWorkflows(quiet),
    bundleWorkflowCode({ workflowsPath: bare, logger: quiet }),
  ]);
  return { real, bare: bareBundle };
}

/** Same pooled transport for every variant: 5 connections to the sink. */
function benchMailConfig(sink: { host: string; port: number }): MailConfig {
  return mailConfigFor(sink as Parameters<typeof mailConfigFor>[0], { maxConnections: 5 });
}

export interface VariantWorkerOptions {
  variant: VariantName;
  /** The phase's dev server and SMTP sink, shared by every variant. */
  server: { native: NativeConnection; client: Client };
  sink: { host: string; port: number };
  taskQueue: string;
  bundles: Bundles;
  /** No-op `sendEmail` for A and B too (P4: memory of workflows, not of SMTP). */
  noopEmail?: boolean;
  activitiesPerSecond?: number;
  maxCachedWorkflows?: number;
  debugMode?: boolean;
  /** Names the worker in history (WorkflowTaskStarted identity): P5 counts which worker ran the register's tasks. */
  identity?: string;
}

export interface RunningWorker {
  worker: Worker;
  stop(): Promise<void>;
}

const noopSend = { sendEmail: async () => ({}) };

export async function startVariantWorker(o: VariantWorkerOptions): Promise<RunningWorker> {
  const mail = benchMailConfig(o.sink);
  const mailer = createMailer(mail);
  const real = () =>
    createActivities({
      mailer,
      mailConfig: mail,
      client: o.server.client,
      reportsDir: mkdtempSync(join(tmpdir(), 'kehoach-bench-')),
    });
  const activities =
    o.variant === 'A'
      ? { ...real(), ...(o.noopEmail ? noopSend : {}) }
      : o.variant === 'B' && !o.noopEmail
        ? createEmailActivities({ mailer, config: mail })
        : noopSend;
  const worker = await Worker.create({
    connection: o.server.native,
    namespace: 'default',
    taskQueue: o.taskQueue,
    workflowBundle: o.variant === 'A' ? o.bundles.real : o.bundles.bare,
    activities: activities as unknown as WorkerOptions['activities'],
    ...(o.activitiesPerSecond ? { maxTaskQueueActivitiesPerSecond: o.activitiesPerSecond } : {}),
    ...(o.maxCachedWorkflows ? { maxCachedWorkflows: o.maxCachedWorkflows } : {}),
    ...(o.debugMode ? { debugMode: true } : {}),
    ...(o.identity ? { identity: o.identity } : {}),
  });
  const running = worker.run();
  return {
    worker,
    async stop() {
      worker.shutdown();
      await running;
      mailer.close();
    },
  };
}
