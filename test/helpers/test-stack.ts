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
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
  beforeAll(async () => {
    stack = await startStack(opts);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  return () => {
    if (!stack) throw new Error('the test stack is not started (call inside a test)');
    return stack;
  };
}

/** Starts a stack outside the vitest hooks; `stop()` tears it down. */
async function startStack(opts: TestStackOptions): Promise<TestStack & { stop(): Promise<void> }> {
  const env = opts.server === 'dev' ? await startLocalEnv(opts.devServerArgs) : await startTimeSkippingEnv();
  const sink = await startSmtpSink(opts.sink);
  const worker = await startTestWorker(env, sink);
  return {
    env,
    sink,
    reportsDir: worker.reportsDir,
    async stop() {
      await worker.stop().catch(() => undefined);
      await sink.stop();
      await env.teardown();
    },
  };
}

/**
 * Runs a long time-skipping test on a stack of its own, and once more on a fresh stack if the first attempt does not
 * finish within `attemptMs`. The Java time-skipping server sometimes wedges under a loaded machine (its time lock goes
 * negative: "Unbalanced lock and unlock calls"; every later sleep hangs), which no retry on the same server survives.
 * Only a hang is retried, and it is logged: a failed assertion fails at once, and a hang of our own making hangs twice.
 */
export async function withFreshStack(
  attemptMs: number,
  body: (stack: TestStack) => Promise<void>,
  opts: TestStackOptions = {},
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const stack = await startStack(opts);
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), attemptMs)));
    const run = body(stack);
    try {
      if ((await Promise.race([run, hung])) !== 'hung') return;
      run.catch(() => undefined); // it rejects once its server is gone
      if (attempt >= 2) throw new Error(`did not finish within ${attemptMs} ms on two fresh servers`);
      console.warn(`attempt ${attempt} did not finish within ${attemptMs} ms; retrying on a fresh server`);
    } finally {
      clearTimeout(timer);
      await stack.stop();
    }
  }
}
