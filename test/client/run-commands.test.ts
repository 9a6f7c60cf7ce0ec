import { describe, expect, it } from 'vitest';
import { RequestRejectedError } from '../../client/plan-client.js';
import {
  cancelCommand,
  parseFigures,
  pauseCommand,
  reassignCommand,
  startCommand,
  statusCommand,
  submitCommand,
} from '../../client/run-commands.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';
import { useTestStack } from '../helpers/test-stack.js';

const PLAN_FILE = 'test/fixtures/plans/e2e.yaml';
const ref = { org: 'E2E', year: 2026 };
const clock = { planStart: '2026-03-01T07:00:00+07:00' };

describe('kehoach CLI commands against a real server', () => {
  const stack = useTestStack();

  it('starts a plan from a file once, shows its status, and submits on behalf of a department', async () => {
    const { env } = stack();
    expect(await startCommand(env.client, PLAN_FILE, TASK_QUEUE, clock)).toBe('plan-E2E-2026: đã bắt đầu / started');
    expect(await startCommand(env.client, PLAN_FILE, TASK_QUEUE, clock)).toBe(
      'plan-E2E-2026: đang chạy, không tạo bản sao / already running',
    );
    const started = (await env.client.workflow.getHandle('plan-E2E-2026').describe()).startTime.getTime();
    await planTimeStepper(env, clock.planStart, started).sleepUntil('2026-03-03T09:00:00+07:00');

    const status = await statusCommand(env.client, ref);
    expect(status).toContain('plan-E2E-2026 — 09/KH-SGDĐT: Kế hoạch kiểm thử đầu cuối');
    expect(status).toMatch(/task-03\s+running\s+mở thứ Hai, 02\/03\/2026/);

    expect(
      await submitCommand(env.client, ref, 'task-03', {
        unit: 'TCCB',
        submittedBy: 'Lê Văn Tổ',
        results: 'Đã họp.',
        figures: parseFigures(['WEBSITE=2']),
      }),
    ).toMatch(/^Đã nhận báo cáo lần 1 của TCCB lúc 2026-03-03T09:00:00\.\d{3}\+07:00 \(đúng hạn\)$/);
    await expect(
      submitCommand(env.client, ref, 'task-03', { unit: 'VP', submittedBy: 'x', results: 'y' }),
    ).rejects.toThrow(new RequestRejectedError('unit VP is not assigned to task-03'));
    const item = await statusCommand(env.client, ref, 'task-03');
    expect(item).toMatch(/TCCB\s+hạn thứ Sáu, 06\/03\/2026\s+hoàn thành đúng hạn\s+submitted \(1 lần nộp\)/);
    expect(item).toMatch(/KHTC\s+hạn thứ Sáu, 06\/03\/2026\s+chưa hoàn thành, trong hạn\s+open \(0 lần nộp\)/);

    // Steering from the command line: pause and resume reminders, hand KHTC's share to VP, then cancel the plan.
    expect(await pauseCommand(env.client, ref, true, 'Văn phòng')).toBe('Đã tạm dừng nhắc hạn / reminders paused');
    await planTimeStepper(env, clock.planStart, started).sleepUntil('2026-03-03T10:00:00+07:00');
    expect(await statusCommand(env.client, ref, 'task-03')).toContain('(tạm dừng nhắc)');
    await pauseCommand(env.client, ref, false, 'Văn phòng');
    expect(
      await reassignCommand(env.client, ref, 'task-03', {
        from: 'KHTC',
        to: 'VP',
        reason: 'đổi đầu mối',
        by: 'Văn phòng',
      }),
    ).toBe('task-03: KHTC → VP');
    await planTimeStepper(env, clock.planStart, started).sleepUntil('2026-03-03T11:00:00+07:00');
    expect(await statusCommand(env.client, ref, 'task-03')).toMatch(/VP\s+hạn thứ Sáu, 06\/03\/2026/);
    expect(await cancelCommand(env.client, ref)).toBe('Đã yêu cầu hủy kế hoạch / cancellation requested');
    await expect(env.client.workflow.getHandle('plan-E2E-2026').result()).rejects.toThrow();
    expect((await env.client.workflow.getHandle('plan-E2E-2026').describe()).status.name).toBe('CANCELLED');
  });

  it('names a malformed --figure pair', () => {
    expect(() => parseFigures(['WEBSITE:4'])).toThrow('--figure WEBSITE:4: expected FORM=NUMBER, e.g. WEBSITE=4');
  });
});
