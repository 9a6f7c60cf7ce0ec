/** The office applies the approved calendar to a running plan by uploading it on the plan's page (updateCalendar). */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlan } from '../../client/plan-client.js';
import { planSchema } from '../../domain/plan-schema.js';
import { createPortalApp } from '../../portal/app.js';
import { hashPassword } from '../../portal/passwords.js';
import { skeletonClock, skeletonPlan } from '../fixtures/skeleton-plan.js';
import { historyText } from '../helpers/history-payloads.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { portalClient } from '../helpers/portal-client.js';
import { portalTestConfig, TEST_LINK_SECRET } from '../helpers/portal-server.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from '../helpers/temporal-env.js';

const plan = planSchema().parse({ ...skeletonPlan, organisation: { ...skeletonPlan.organisation, code: 'CAL' } });
const GOOD = `years:
  - year: 2026
    source: "Thông báo thử nghiệm 01/TB-BNV"
    days:
      - { date: "2026-03-10", kind: off, name: "Nghỉ thử nghiệm" }
`;

describe('uploading the approved calendar on the plan page', () => {
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  let stopWorker: () => Promise<void>;
  let app: Hono;

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    sink = await startSmtpSink();
    stopWorker = (await startTestWorker(env, sink, { linkSecret: TEST_LINK_SECRET })).stop;
    const config = portalTestConfig({ PORTAL_USERS: `vanphong:${await hashPassword('mat-khau-van-phong')}` });
    app = createPortalApp({ client: env.client, config });
    const { handle } = await startPlan(env.client, plan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    const clock = planTimeStepper(env, skeletonClock.planStart, (await handle.describe()).startTime.getTime());
    await clock.sleepUntil('2026-03-03T10:00:00+07:00');
  });

  afterAll(async () => {
    await stopWorker?.();
    await sink?.stop();
    await env?.teardown();
  });

  it('refuses a wrong file with what is wrong, then applies a right one through the plan', async () => {
    const office = portalClient(app);
    await office.login('vanphong', 'mat-khau-van-phong');
    const page = '/van-phong/CAL/2026';
    expect(await (await office.get(page)).text()).toContain('Lịch nghỉ chính thức');
    const bad = await office.post(`${page}/lich`, {
      _csrf: await office.csrfOf(page),
      calendarFile: new File([GOOD.replace('2026-03-10', '2027-03-10')], 'lich.yaml'),
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('years.0.days: ngày 2027-03-10 không thuộc năm 2026');
    const ok = await office.post(`${page}/lich`, {
      _csrf: await office.csrfOf(page),
      calendarFile: new File([GOOD], 'lich.yaml'),
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`${page}?ok=calendar`);
    const history = historyText(await env.client.workflow.getHandle('plan-CAL-2026').fetchHistory());
    expect(history).toContain('Thông báo thử nghiệm 01/TB-BNV');
    expect(history).not.toContain('2027-03-10');
  });
});
