import { appendFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, expect } from 'vitest';
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
      logRetry(`attempt ${attempt} met a wedged time-skipping server (${wedge}); retrying on a fresh server`);
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
  const run = body(stack);
  run.catch(() => undefined); // once given up on, it rejects when its server goes
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
  }
}

/**
 * Whether the server is wedged, from its output and its clock read 3 s apart: a healthy server's time always moves
 * (at wall-clock pace while a workflow task holds its lock), and skips to a running sleep's timer, which then returns.
 */
async function wedgeOf(stack: RunningStack): Promise<{ wedge?: string; seen: string }> {
  // undefined: no answer (also once the attempt has ended and its stack is gone, while this still runs)
  const time = () =>
    Promise.race([
      stack.env.currentTimeMs().catch(() => undefined),
      new Promise<undefined>((r) => setTimeout(() => r(undefined), 5_000)),
    ]);
  const started = Date.now();
  const from = await time();
  await new Promise((r) => setTimeout(r, 3_000));
  const to = await time();
  const wall = Date.now() - started;
  const due = Math.min(...stack.sleepsDue); // Infinity: no sleep running
  const moved = (to ?? NaN) - (from ?? NaN);
  const seen = `server time moved ${moved} ms in ${wall} ms, ${due < Infinity ? '' : 'not '}in a sleep`;
  const wedged = (wedge: string) => ({ wedge, seen });
  if (stack.serverOutput().includes(LOCK_WEDGE)) return wedged(`the server logged "${LOCK_WEDGE}"`);
  if (from === undefined || to === undefined) return wedged('the server did not tell its time within 5 s');
  if (to === from) return wedged(`server time stood still for ${wall} ms`);
  if (to >= due) return wedged(`a sleep due ${to - due} ms ago in server time has not returned`);
  return { seen };
}

/** Prints one line with a fixed prefix to stderr and appends it to test-results/retries.txt (`.ci/run` shows it). */
function logRetry(message: string): void {
  const line = `[withFreshStack retry] ${expect.getState().currentTestName ?? '?'}: ${message}`;
  console.error(line);
  mkdirSync(dirname(RETRIES_FILE), { recursive: true });
  appendFileSync(RETRIES_FILE, `${line}\n`);
}
