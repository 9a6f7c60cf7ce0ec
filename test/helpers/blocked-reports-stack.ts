import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll } from 'vitest';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';
import { startTestWorker, startTimeSkippingEnv } from './temporal-env.js';

/**
 * A time-skipping stack whose worker cannot write reports: its reports folder is a file (`blocked`), so every
 * compile fails (ENOTDIR/EEXIST) until a test removes it — a real fault for incidents. Hooks for the whole file.
 */
export function useBlockedReportsStack(): {
  blocked: string;
  stack(): { env: TestWorkflowEnvironment; sink: SmtpSink };
} {
  const blocked = join(mkdtempSync(join(tmpdir(), 'kehoach-blocked-')), 'reports');
  let running: { env: TestWorkflowEnvironment; sink: SmtpSink; stopWorker(): Promise<void> } | undefined;
  beforeAll(async () => {
    writeFileSync(blocked, 'not a folder');
    const env = await startTimeSkippingEnv();
    const sink = await startSmtpSink();
    running = { env, sink, stopWorker: (await startTestWorker(env, sink, {}, { reportsDir: blocked })).stop };
  });
  afterAll(async () => {
    await running?.stopWorker();
    await running?.sink.stop();
    await running?.env.teardown();
  });
  return {
    blocked,
    stack() {
      if (!running) throw new Error('the stack is not started (call inside a test)');
      return running;
    },
  };
}
