/**
 * A periodic report asks each unit for its results on the ongoing duties it carries (nhiệm vụ thường xuyên): a
 * section per duty on the unit's page, with the duty's target, kept in the submission by duty number.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signItemToken } from '../../activities/submit-link.js';
import { getItemDetail, RequestRejectedError, submitReport } from '../../client/plan-client.js';
import { itemWorkflowId, planWorkflowId } from '../../domain/ids.js';
import { planSchema } from '../../domain/plan-schema.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';
import { portalClient } from '../helpers/portal-client.js';
import { TEST_LINK_SECRET } from '../helpers/portal-server.js';
import { OFFICE_PASSWORD, startPortalStack, type PortalStack } from '../helpers/portal-stack.js';

const ref = { org: 'DUTY', year: 2026 };
const plan = planSchema().parse({
  ...skeletonPlan,
  organisation: { ...skeletonPlan.organisation, code: ref.org },
  forms: [{ code: 'WEBSITE', title: 'Đăng tin trên trang thông tin điện tử', target: { count: 1, per: 'month' } }],
  ongoingDuties: [
    {
      number: 9,
      title: 'Thường xuyên đăng tải tin, bài về cải cách hành chính',
      content: 'Đăng tin, bài trên trang thông tin điện tử của Sở.',
      forms: ['WEBSITE'],
      units: [
        { unit: 'KHTC', role: 'lead' },
        { unit: 'TCCB', role: 'support' },
      ],
      target: { count: 1, per: 'month' },
    },
    {
      number: 10,
      title: 'Niêm yết công khai thủ tục hành chính',
      content: 'Cập nhật, niêm yết thủ tục hành chính tại bộ phận một cửa.',
      forms: ['WEBSITE'],
      units: [{ unit: 'KHTC', role: 'lead' }],
      target: { percent: 100, of: 'TTHC được niêm yết' },
    },
  ],
  reporting: { periods: ['Q1'], officeDeadlineDay: 20, unitWorkingDaysBeforeOffice: 3 },
});
const token = (unit: string) =>
  signItemToken(
    { workflowId: itemWorkflowId(planWorkflowId(ref.org, ref.year), 'report-Q1'), itemId: 'report-Q1', unit },
    new Date('2026-06-01T00:00:00+07:00'),
    TEST_LINK_SECRET,
  );

describe('ongoing duties in a periodic report (time-skipping server, real worker and portal)', () => {
  let env: TestWorkflowEnvironment;
  let app: Hono;
  let stack: PortalStack;

  beforeAll(async () => {
    stack = await startPortalStack(plan, '2026-03-03T10:00:00+07:00');
    ({ env, app } = stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("shows a section per duty the unit carries, with its target, and keeps each duty's results by number", async () => {
    const unit = portalClient(app);
    const link = `/nop/${token('KHTC')}`;
    const page = await (await unit.get(link)).text();
    expect(page).toContain('Kết quả các nhiệm vụ thường xuyên trong kỳ');
    expect(page).toContain('Nhiệm vụ thường xuyên 9: Thường xuyên đăng tải tin, bài về cải cách hành chính');
    expect(page).toContain('Chỉ tiêu: tối thiểu 1/tháng');
    expect(page).toContain('Tỷ lệ đạt (%): TTHC được niêm yết');
    const res = await unit.post(link, {
      _csrf: await unit.csrfOf(link),
      submittedBy: 'Trần Thị Kế',
      results: 'Tổng hợp kết quả quý I của phòng.',
      'duty.9.results': 'Đăng 4 tin về CCHC.',
      'duty.9.figure.WEBSITE': '4',
      'duty.10.percent': '100',
    });
    expect(res.status).toBe(303);
    const detail = await getItemDetail(env.client, ref, 'report-Q1');
    const khtc = detail.units.find((u) => u.unit === 'KHTC')?.versions.at(-1)?.submission;
    expect(khtc?.duties).toEqual({
      '9': { results: 'Đăng 4 tin về CCHC.', figures: { WEBSITE: 4 } },
      '10': { results: '', figures: {}, percent: 100 },
    });
    // The unit's page shows what it reported, ready for a revision.
    expect(await (await unit.get(link)).text()).toContain('Đăng 4 tin về CCHC.');

    // The office's plan page: each target against what the units reported for Q1, behind ones marked.
    const office = portalClient(app);
    await office.login('vanphong', OFFICE_PASSWORD);
    const plan = await (await office.get('/van-phong/DUTY/2026')).text();
    const row = (name: string) =>
      plan.slice(plan.indexOf(`<th>${name}</th>`), plan.indexOf('</tr>', plan.indexOf(`<th>${name}</th>`)));
    expect(plan).toContain('Chỉ tiêu và kết quả theo kỳ báo cáo');
    // 1 a month is 3 for the quarter; KHTC reported 4 on duty 9.
    expect(row('Thường xuyên đăng tải tin, bài về cải cách hành chính')).toMatch(
      /tối thiểu 1\/tháng<\/td>\s*<td class="">\s*4 \/ 3/,
    );
    expect(row('Niêm yết công khai thủ tục hành chính')).toMatch(/100% \/ 100%/);
    // The form's own figure was not given in the report: 0 of 3, marked behind by 3.
    expect(row('Đăng tin trên trang thông tin điện tử')).toMatch(
      /<td class="behind">\s*0 \/ 3<br \/><strong>chưa đạt, thiếu 3<\/strong>/,
    );
  });

  it('a unit that does not carry a duty has no section for it, and a direct client cannot report on it', async () => {
    const page = await (await portalClient(app).get(`/nop/${token('VP')}`)).text();
    expect(page).not.toContain('Nhiệm vụ thường xuyên 9');
    const direct = submitReport(env.client, ref, 'report-Q1', {
      unit: 'VP',
      submittedBy: 'Chánh Văn phòng',
      results: 'x',
      duties: { '9': { results: 'không phải của VP', figures: {} } },
    });
    await expect(direct).rejects.toThrow(RequestRejectedError);
    await expect(direct).rejects.toThrow(
      'duties.9: VP does not report on ongoing duty 9 in report-Q1 (its duties: none)',
    );
  });

  it('a bad figure in a duty section comes back with the form and what was typed', async () => {
    const unit = portalClient(app);
    const link = `/nop/${token('TCCB')}`;
    const res = await unit.post(link, {
      _csrf: await unit.csrfOf(link),
      submittedBy: 'Lê Văn Tổ',
      results: 'Kết quả của TCCB',
      'duty.9.results': 'Phối hợp đăng 1 tin.',
      'duty.9.figure.WEBSITE': 'một',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('Số liệu &quot;WEBSITE&quot; phải là số nguyên');
    expect(text).toContain('Phối hợp đăng 1 tin.');
  });
});
