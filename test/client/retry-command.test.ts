/**
 * `kehoach item retry` and the incidents in `kehoach plan status`: a real report incident (the worker's reports
 * folder is a file), listed by the status commands, retried once the folder is freed, and a second retry refused,
 * by the command function and by the command itself (exit code 2 with the reason).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { getItemStatus, RequestRejectedError, startPlan, submitReport } from '../../client/plan-client.js';
import { retryCommand, statusCommand } from '../../client/run-commands.js';
import { incidentPlan } from '../fixtures/replay-plans.js';
import { skeletonClock } from '../fixtures/skeleton-plan.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { useBlockedReportsStack } from '../helpers/blocked-reports-stack.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';

const ref = { org: 'INCI', year: 2026 };

/** `npx kehoach …` against the test server; resolves with its exit code and output. */
function kehoach(env: TestWorkflowEnvironment, args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const proc = spawn('npx', ['--no-install', 'kehoach', ...args], {
      env: { ...process.env, TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: env.namespace ?? 'default' },
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('kehoach item retry and incidents in plan status (time-skipping server, real worker)', () => {
  const { blocked, stack } = useBlockedReportsStack();

  it('lists the open incident, retries it once the cause is fixed, and refuses a second retry', async () => {
    const { env } = stack();
    const { handle } = await startPlan(env.client, incidentPlan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    const clock = planTimeStepper(env, skeletonClock.planStart, (await handle.describe()).startTime.getTime());
    await clock.sleepUntil('2026-03-16T10:00:00+07:00');
    await submitReport(env.client, ref, 'report-Q1', { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: 'Quý I.' });
    await clock.sleepUntil('2026-03-18T12:00:00+07:00');

    const item = await statusCommand(env.client, ref, 'report-Q1');
    expect(item).toMatch(/^ {2}⚠ sự cố 1 \(tổng hợp báo cáo\) lúc 2026-03-18T\S+: Error: .*(ENOTDIR|EEXIST)/m);
    expect(item).toContain('kehoach item retry INCI 2026 report-Q1 <số sự cố> --by <tên>');
    const plan = await statusCommand(env.client, ref);
    expect(plan).toMatch(/report-Q1 +running .*\n {6}⚠ sự cố 1 \(tổng hợp báo cáo\)/);

    // A number that is not one never reaches the server.
    const bad = await kehoach(env, ['item', 'retry', 'INCI', '2026', 'report-Q1', 'một', '--by', 'x']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('số sự cố / incident number');

    rmSync(blocked);
    expect(await retryCommand(env.client, ref, 'report-Q1', { id: 1, by: 'Chánh Văn phòng' })).toMatch(
      /^report-Q1: đã cho thử lại sự cố 1 lúc 2026-03-18T\S+ \/ incident 1 retried$/,
    );
    await clock.sleepUntil('2026-03-18T13:00:00+07:00');
    expect((await getItemStatus(env.client, ref, 'report-Q1')).report?.number).toMatch(/^01\/BC-/);
    expect(await statusCommand(env.client, ref, 'report-Q1')).toMatch(
      /đã thử lại \/ retried: sự cố 1 \(tổng hợp báo cáo\) .* — Chánh Văn phòng, 2026-03-18T/,
    );
    expect(await statusCommand(env.client, ref)).not.toContain('⚠');

    await expect(retryCommand(env.client, ref, 'report-Q1', { id: 1, by: 'x' })).rejects.toThrow(RequestRejectedError);
    const again = await kehoach(env, ['item', 'retry', 'INCI', '2026', 'report-Q1', '1', '--by', 'x']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^Bị từ chối \/ rejected: id: incident 1 was already retried by Chánh Văn phòng/);
  }, 120_000);
});
