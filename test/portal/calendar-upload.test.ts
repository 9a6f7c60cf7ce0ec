/** The office applies the approved calendar to a running plan by uploading it on the plan's page (updateCalendar). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSchema } from '../../domain/plan-schema.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';
import { historyText } from '../helpers/history-payloads.js';
import { portalClient } from '../helpers/portal-client.js';
import { OFFICE_PASSWORD, startPortalStack, type PortalStack } from '../helpers/portal-stack.js';

const plan = planSchema().parse({ ...skeletonPlan, organisation: { ...skeletonPlan.organisation, code: 'CAL' } });
const GOOD = `years:
  - year: 2026
    source: "Thông báo thử nghiệm 01/TB-BNV"
    days:
      - { date: "2026-03-10", kind: off, name: "Nghỉ thử nghiệm" }
`;

describe('uploading the approved calendar on the plan page', () => {
  let stack: PortalStack;
  beforeAll(async () => {
    stack = await startPortalStack(plan, '2026-03-03T10:00:00+07:00');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a wrong file with what is wrong, then applies a right one through the plan', async () => {
    const office = portalClient(stack.app);
    await office.login('vanphong', OFFICE_PASSWORD);
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
    const history = historyText(await stack.env.client.workflow.getHandle('plan-CAL-2026').fetchHistory());
    expect(history).toContain('Thông báo thử nghiệm 01/TB-BNV');
    expect(history).not.toContain('2027-03-10');
  });
});
