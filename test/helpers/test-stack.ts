import { appendFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { BlobStore } from '../../storage/blob-store.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { pendingWork } from './pending-work.js';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from './smtp-sink.js';
import { startLocalEnv, startTestWorker, startTimeSkippingEnv } from './temporal-env.js';

/** What a workflow test file works against: the time-skipping server, a real SMTP sink and a worker between them. */
export interface TestStack {
  env: TestWorkflowEnvironment;
  sink: SmtpSink;
  reportsDir: string;
  /** Where the worker files its reports (a folder store of its own). */
  blobs: BlobStore;
}

export interface TestStackOptions {
  sink?: SmtpSinkOptions;
  /** `dev`: the real dev server (wall-clock time, needed when a worker goes away); default: time skipping. */
  server?: 'time-skipping' | 'dev';
  /** Extra `temporal server start-dev` flags, e.g. dynamic config. */
  devServerArgs?: string[];
  /** Where `withFreshStack` logs a retry; default test-results/retries.txt, which `.ci/run` prints. */
  retriesFile?: string;
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

interface RunningStack extends TestStack {
  /** What the time-skipping server printed so far ('' for the dev server). */
  serverOutput(): string;
  /** Server time at which each `env.sleep` still running is due to return. */
  sleepsDue: Set<number>;
  stop(): Promise<void>;
}

/** Starts a stack outside the vitest hooks; `stop()` tears it down. */
async function startStack(opts: TestStackOptions): Promise<RunningStack> {
  const output = opts.server === 'dev' ? undefined : join(mkdtempSync(join(tmpdir(), 'kehoach-stack-')), 'server.log');
  const env = output ? await startTimeSkippingEnv({ outputFile: output }) : await startLocalEnv(opts.devServerArgs);
  const sleepsDue = new Set<number>();
  if (output) {
    const sleep = env.sleep;
    env.sleep = async (ms) => {
      if (typeof ms !== 'number') return sleep(ms);
      const due = (await env.currentTimeMs()) + ms;
      sleepsDue.add(due);
      try {
        await sleep(ms);
      } finally {
        sleepsDue.delete(due);
      }
    };
  }
  const sink = await startSmtpSink(opts.sink);
  const worker = await startTestWorker(env, sink);
  return {
    env,
    sink,
    reportsDir: worker.reportsDir,
    blobs: worker.blobs,
    serverOutput: () => (output ? readFileSync(output, 'utf8') : ''),
    sleepsDue,
    async stop() {
      await worker.stop().catch(() => undefined);
      await sink.stop();
      await env.teardown();
    },
  };
}

/** The Java time-skipping server's message when its time lock goes negative; every later sleep then hangs. */
const LOCK_WEDGE = 'Unbalanced lock and unlock calls';
const RETRIES_FILE = fileURLToPath(new URL('../../test-results/retries.txt', import.meta.url));

/**
 * Runs a long time-skipping test on a stack of its own, and once more on a fresh stack only if the first attempt met
 * the server wedge this exists for: the Java time-skipping server sometimes wedges under a loaded machine (its time
 * lock goes negative, "Unbalanced lock and unlock calls"; every later sleep hangs), which no retry on the same server
 * survives. Anything else fails at once: a failed assertion with its own error, an attempt still running after
 * `attemptMs` on a healthy server as "hung, and the server was not wedged". Each retry is logged (see `logRetry`).
 */
export async function withFreshStack(
  attemptMs: number,
  body: (stack: TestStack) => Promise<void>,
  opts: TestStackOptions = {},
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const stack = await startStack(opts);
    try {
      const wedge = await attemptOn(stack, attemptMs, body);
      if (wedge === undefined) return;
      if (attempt >= 2) throw new Error(`the time-skipping server wedged on two fresh servers: ${wedge}`);
      logRetry(
        opts.retriesFile ?? RETRIES_FILE,
        `attempt ${attempt} met a wedged time-skipping server (${wedge}); retrying on a fresh server`,
      );
    } finally {
      // Bounded: a worker whose activity never returns never finishes shutting down, and the error must still show.
      await Promise.race([stack.stop(), new Promise((r) => setTimeout(r, 15_000))]);
    }
  }
}

/** One attempt: `undefined` when it passed, why the server wedged if it did, else what the attempt threw. */
async function attemptOn(
  stack: RunningStack,
  attemptMs: number,
  body: (stack: TestStack) => Promise<void>,
): Promise<string | undefined> {
  // Every call the attempt makes carries this signal: one given up on is cancelled before its server goes, since a
  // call still in flight then would be retried by the client after its channel closed (an uncaught error).
  const abandon = new AbortController();
  const run = stack.env.connection.withAbortSignal(abandon.signal, () => body(stack));
  run.catch(() => undefined); // once given up on, it rejects with the cancellation
  try {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), attemptMs)));
    const first = await Promise.race([run, hung]).finally(() => clearTimeout(timer));
    if (first !== 'hung') return undefined;
    // Still running: probe the server; if the attempt ends meanwhile, its own outcome counts.
    const probe = await Promise.race([run.then(() => undefined), wedgeOf(stack)]);
    if (probe === undefined) return undefined;
    if (probe.wedge) return probe.wedge;
    throw new Error(`hung: did not finish within ${attemptMs} ms, and the server was not wedged (${probe.seen})`);
  } catch (error) {
    if (stack.serverOutput().includes(LOCK_WEDGE)) return `it failed, and the server logged "${LOCK_WEDGE}"`;
    throw error;
  } finally {
    abandon.abort();
  }
}

/**
 * Whether the server is wedged, from its output, its clock read 3 s apart and what is pending on its workflows. A
 * healthy server's time moves at wall-clock pace only while something holds its clock (a workflow task, an activity:
 * see pending-work.ts) and otherwise skips to a running sleep's timer, which then returns. So: time standing still,
 * a sleep past due, or time running with nothing pending before and after (a leaked time lock) is the server's fault;
 * time running while our workflow or activity is pending is ours, and the error names what was pending.
 */
async function wedgeOf(stack: RunningStack): Promise<{ wedge?: string; seen: string }> {
  // undefined: no answer (also once the attempt has ended and its stack is gone, while this still runs)
  const ask = <T>(question: () => Promise<T>) =>
    stack.env.connection.withAbortSignal(AbortSignal.timeout(5_000), question).catch(() => undefined);
  const started = Date.now();
  const pendingBefore = await ask(() => pendingWork(stack.env));
  const from = await ask(() => stack.env.currentTimeMs());
  await new Promise((r) => setTimeout(r, 3_000));
  const to = await ask(() => stack.env.currentTimeMs());
  const pendingAfter = await ask(() => pendingWork(stack.env));
  const wall = Date.now() - started;
  const due = Math.min(...stack.sleepsDue); // Infinity: no sleep running
  const moved = (to ?? NaN) - (from ?? NaN);
  const pending = [...new Set([...(pendingBefore ?? []), ...(pendingAfter ?? [])])];
  const seen =
    `server time moved ${moved} ms in ${wall} ms, ${due < Infinity ? '' : 'not '}in a sleep; ` +
    (pending.length ? `pending: ${pending.join('; ')}` : 'nothing pending');
  const wedged = (wedge: string) => ({ wedge, seen });
  if (stack.serverOutput().includes(LOCK_WEDGE)) return wedged(`the server logged "${LOCK_WEDGE}"`);
  if (from === undefined || to === undefined) return wedged('the server did not tell its time within 5 s');
  if (to === from) return wedged(`server time stood still for ${wall} ms`);
  if (to >= due) return wedged(`a sleep due ${to - due} ms ago in server time has not returned`);
  const leak = due < Infinity && pendingBefore?.length === 0 && pendingAfter?.length === 0;
  if (leak) return wedged('server time ran at wall-clock pace in a sleep with nothing pending (a leaked time lock)');
  return { seen };
}

/** Prints one line with a fixed prefix to stderr and appends it to test-results/retries.txt (`.ci/run` shows it). */
function logRetry(file: string, message: string): void {
  const line = `[withFreshStack retry] ${expect.getState().currentTestName ?? '?'}: ${message}`;
  console.error(line);
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${line}\n`);
}
