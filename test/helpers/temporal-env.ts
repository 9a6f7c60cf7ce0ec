import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { type Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createMailer, type MailConfig } from '../../activities/mailer.js';
import { registerSearchAttributes } from '../../client/register-search-attributes.js';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.js';
import { buildActivities } from '../../worker/activities.js';
import { bundleWorkflows, createKehoachWorker } from '../../worker/create-worker.js';
import type { SmtpSink } from './smtp-sink.js';
import { toolPaths } from './tools.js';

export const TASK_QUEUE = 'kehoach-test';

/** The Java time-skipping server from `.tools`, with the project's search attributes registered. */
export async function startTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: toolPaths().temporalTestServer } },
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

/**
 * The real dev server from `.tools`, which never skips time. For outages: the time-skipping server stops its clock
 * while a workflow task is pending, so with no worker running `env.sleep` there never returns.
 */
export async function startLocalEnv(extraArgs: string[] = []): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: toolPaths().temporalCli },
      ip: '127.0.0.1',
      searchAttributes: ALL_SEARCH_ATTRIBUTES,
      extraArgs,
    },
  });
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundles the workflows once per test file (webpack takes a few seconds). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflows({ trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never);
  return bundle;
}

export function mailConfigFor(sink: SmtpSink, overrides: Partial<MailConfig> = {}): MailConfig {
  return {
    host: sink.host,
    port: sink.port,
    secure: false,
    ignoreTLS: true,
    from: { name: 'Kế hoạch (thử nghiệm)', email: 'kehoach@example.org' },
    pool: true,
    maxConnections: 2,
    portalBaseUrl: 'http://portal.test',
    linkSecret: 'test-secret-0123456789abcdef',
    linkTtlDays: 30,
    ...overrides,
  };
}

/**
 * A worker running the real activities: e-mail through `sink` over SMTP, reports into a temp folder. `mail` overrides
 * parts of the mail configuration, e.g. the portal's real address and secret for browser tests.
 */
export async function startTestWorker(
  env: TestWorkflowEnvironment,
  sink: SmtpSink,
  mail: Partial<MailConfig> = {},
): Promise<{ worker: Worker; reportsDir: string; stop(): Promise<void> }> {
  const mailConfig = mailConfigFor(sink, mail);
  const mailer = createMailer(mailConfig);
  const reportsDir = mkdtempSync(join(tmpdir(), 'kehoach-reports-'));
  const worker = await createKehoachWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    activities: buildActivities({ mailer, mailConfig, client: env.client, reportsDir }),
  });
  const running = worker.run();
  return {
    worker,
    reportsDir,
    async stop() {
      worker.shutdown();
      await running;
      mailer.close();
    },
  };
}
