import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPlan } from '../../client/plan-client.js';
import { skeletonClock, skeletonPlan } from '../fixtures/skeleton-plan.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';
import { withFreshStack } from '../helpers/test-stack.js';

const DAY = 86_400_000;
/** This file's retries go to a file of its own, not to the one `.ci/run` prints for the real tests. */
const retriesFile = join(mkdtempSync(join(tmpdir(), 'kehoach-retries-')), 'retries.txt');

/*
 * withFreshStack decides between "the server wedged: retry on a fresh one" and "the product hung: fail". Both sides
 * are produced for real here: a time lock held on the server's own test service (what a leak in the server leaves),
 * and an e-mail the SMTP server does not answer (a send of ours stuck, holding the clock).
 */
describe('withFreshStack tells a wedged server from a hang of our own', () => {
  it('retries once on a fresh server when the clock runs with nothing pending (a leaked time lock)', async () => {
    let attempts = 0;
    await withFreshStack(
      4_000,
      async ({ env }) => {
        attempts++;
        if (attempts === 1) await env.connection.testService?.lockTimeSkipping({});
        await env.sleep(30 * DAY);
      },
      { retriesFile },
    );
    expect(attempts).toBe(2);
    expect(readFileSync(retriesFile, 'utf8')).toContain('with nothing pending (a leaked time lock)');
  }, 60_000);

  it('fails, naming the stuck activity, when our own send holds the clock', async () => {
    let attempts = 0;
    const stuck = withFreshStack(
      4_000,
      async ({ env }) => {
        attempts++;
        await startPlan(env.client, skeletonPlan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
        await env.sleep(30 * DAY);
      },
      // The reply comes only after the attempt and its probe have ended, so the worker can then stop cleanly.
      { retriesFile, sink: { beforeReply: () => new Promise((r) => setTimeout(r, 14_000)) } },
    );
    await expect(stuck).rejects.toThrow(/^hung: .*pending: plan-SKEL-2026-task-03: activity sendEmail/);
    expect(attempts).toBe(1);
  }, 90_000);
});
