import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll } from 'vitest';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from './smtp-sink.js';
import { startLocalEnv, startTestWorker, startTimeSkippingEnv } from './temporal-env.js';

/** What a workflow test file works against: the time-skipping server, a real SMTP sink and a worker between them. */
export interface TestStack {
  env: TestWorkflowEnvironment;
  sink: SmtpSink;
  reportsDir: string;
}

export interface TestStackOptions {
  sink?: SmtpSinkOptions;
  /** `dev`: the real dev server (wall-clock time, needed when a worker goes away); default: time skipping. */
  server?: 'time-skipping' | 'dev';
  /** Extra `temporal server start-dev` flags, e.g. dynamic config. */
  devServerArgs?: string[];
}

/**
 * Registers `beforeAll`/`afterAll` hooks that start and stop one stack for the whole file (time skipping is global
 * to a server, so one per file) and returns a getter for it.
 */
export function useTestStack(opts: TestStackOptions = {}): () => TestStack {
  let stack: TestStack | undefined;
  let stopWorker: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const env = opts.server === 'dev' ? await startLocalEnv(opts.devServerArgs) : await startTimeSkippingEnv();
    const sink = await startSmtpSink(opts.sink);
    const worker = await startTestWorker(env, sink);
    stopWorker = worker.stop;
    stack = { env, sink, reportsDir: worker.reportsDir };
  });
  afterAll(async () => {
    await stopWorker?.();
    await stack?.sink.stop();
    await stack?.env.teardown();
  });
  return () => {
    if (!stack) throw new Error('the test stack is not started (call inside a test)');
    return stack;
  };
}
