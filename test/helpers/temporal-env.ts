import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { type Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createMailer, type MailConfig } from '../../activities/mailer.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { LocalBlobStore } from '../../storage/local-blob-store.js';
import { registerSearchAttributes } from '../../client/register-search-attributes.js';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.js';
import { createActivities } from '../../activities/index.js';
import { bundleWorkflows, createKehoachWorker } from '../../worker/create-worker.js';
import { freePort } from './free-port.js';
import type { SmtpSink } from './smtp-sink.js';
import { toolPaths } from './tools.js';

export const TASK_QUEUE = 'kehoach-test';

/**
 * The Java time-skipping server from `.tools`, with the project's search attributes registered. With `outputFile`,
 * the server's stdout and stderr are appended there (the SDK starts the binary and keeps neither): where the server
 * reports a wedge of its time lock.
 */
export async function startTimeSkippingEnv(opts: { outputFile?: string } = {}): Promise<TestWorkflowEnvironment> {
  const server = toolPaths().temporalTestServer;
  const path = opts.outputFile ? outputWrapper(server, opts.outputFile) : server;
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path }, port: await freePort() },
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

/** A shell script that execs `executable` with its arguments, its output appended to `outputFile`. */
function outputWrapper(executable: string, outputFile: string): string {
  const quoted = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = join(mkdtempSync(join(tmpdir(), 'kehoach-test-server-')), 'temporal-test-server');
  writeFileSync(script, `#!/bin/sh\nexec ${quoted(executable)} "$@" >>${quoted(outputFile)} 2>&1\n`, { mode: 0o755 });
  return script;
}

/**
 * The real dev server from `.tools`, which never skips time. For outages: the time-skipping server stops its clock
 * while a workflow task is pending, so with no worker running `env.sleep` there never returns.
 */
export async function startLocalEnv(extraArgs: string[] = []): Promise<TestWorkflowEnvironment> {
  // Its three ports come from this worker's own block (the CLI would otherwise pick its HTTP and metrics ports from
  // the range other servers also take from); a start that still fails is tried once more on fresh ports.
  const start = async () =>
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: toolPaths().temporalCli },
        ip: '127.0.0.1',
        port: await freePort(),
        searchAttributes: ALL_SEARCH_ATTRIBUTES,
        extraArgs: ['--http-port', String(await freePort()), '--metrics-port', String(await freePort()), ...extraArgs],
      },
    });
  try {
    return await start();
  } catch (err) {
    console.error(`[startLocalEnv] the dev server did not start (${(err as Error).message}); trying once more`);
    return start();
  }
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
  opts: { reportsDir?: string; blobs?: BlobStore } = {},
): Promise<{ worker: Worker; reportsDir: string; blobs: BlobStore; stop(): Promise<void> }> {
  const mailConfig = mailConfigFor(sink, mail);
  const mailer = createMailer(mailConfig);
  const reportsDir = opts.reportsDir ?? mkdtempSync(join(tmpdir(), 'kehoach-reports-'));
  // The folder driver by default; a test that shares a store between workers or with a portal passes its own.
  const blobs = opts.blobs ?? new LocalBlobStore(mkdtempSync(join(tmpdir(), 'kehoach-blobs-')));
  const worker = await createKehoachWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    activities: createActivities({ mailer, mailConfig, client: env.client, reportsDir, blobs }),
  });
  const running = worker.run();
  return {
    worker,
    reportsDir,
    blobs,
    async stop() {
      worker.shutdown();
      await running;
      mailer.close();
    },
  };
}
