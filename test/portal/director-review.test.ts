/**
 * The director's review of a consolidated report through the portal (time-skipping server, real worker and SMTP):
 * the report's page offers accept / return while the draft waits; a return without a comment is refused by the
 * item's validator and shown as a page; a return reaches the office by e-mail and offers "compile again"; draft 2
 * goes to the director and, accepted, is recorded with who accepted it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getItemStatus } from '../../client/plan-client.js';
import { planSchema } from '../../domain/plan-schema.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';
import { portalClient } from '../helpers/portal-client.js';
import { OFFICE_PASSWORD, startPortalStack, type PortalStack } from '../helpers/portal-stack.js';

const ref = { org: 'DUYET', year: 2026 };
const PAGE = '/van-phong/DUYET/2026/report-Q1';
const plan = planSchema().parse({
  ...skeletonPlan,
  organisation: { ...skeletonPlan.organisation, code: ref.org },
  tasks: [],
  reporting: { periods: ['Q1'], officeDeadlineDay: 20, unitWorkingDaysBeforeOffice: 3 },
});
const kindsOf = (stack: PortalStack) => stack.sink.messages.map((m) => String(m.headers.get('x-kehoach-kind')));

describe("the director's review of a consolidated report, in the portal", () => {
  let stack: PortalStack;

  beforeAll(async () => {
    // Past the office's deadline (Fri 20/03/2026): the Q1 report is compiled and sent to the director as draft 1.
    stack = await startPortalStack(plan, '2026-03-20T12:00:00+07:00');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('return with a comment, compile again, accept: each step on the page and by e-mail', async () => {
    const office = portalClient(stack.app);
    // The password user is the deployment's administrator, who may do what the director does.
    await office.login('vanphong', OFFICE_PASSWORD);
    await expect
      .poll(async () => (await getItemStatus(stack.env.client, ref, 'report-Q1')).report?.number)
      .toBeTruthy();
    const waiting = await (await office.get(PAGE)).text();
    expect(waiting).toContain('Giám đốc duyệt báo cáo tổng hợp · Dự thảo lần 1');
    expect(waiting).toContain('Đang chờ Giám đốc duyệt.');
    expect(waiting).toContain(`action="${PAGE}/duyet-tong-hop"`);

    const csrf = await office.csrfOf(PAGE);
    const noComment = await office.post(`${PAGE}/duyet-tong-hop`, { _csrf: csrf, decision: 'return', comment: ' ' });
    expect(noComment.status).toBe(422);
    expect(await noComment.text()).toContain('a returned report needs a comment');

    const comment = 'Bổ sung kết quả tuyên truyền của Phòng Tổ chức cán bộ.';
    const returned = await office.post(`${PAGE}/duyet-tong-hop`, { _csrf: csrf, decision: 'return', comment });
    expect(returned.status).toBe(303);
    await stack.sink.waitFor(stack.sink.messages.length + 1);
    await expect.poll(() => kindsOf(stack).filter((k) => k === 'report-returned').length).toBe(1);
    const mail = stack.sink.messages.find((m) => m.headers.get('x-kehoach-kind') === 'report-returned')!;
    expect(mail.to).toContain('vanphong@example.org');
    expect(mail.text).toContain(comment);
    const afterReturn = await (await office.get(PAGE)).text();
    expect(afterReturn).toContain('Giám đốc trả lại – vanphong');
    expect(afterReturn).toContain(`action="${PAGE}/tong-hop-lai"`);
    expect(afterReturn).not.toContain(`action="${PAGE}/duyet-tong-hop"`);

    const delivered = () => kindsOf(stack).filter((k) => k === 'report-delivered').length;
    expect(delivered()).toBe(1);
    expect((await office.post(`${PAGE}/tong-hop-lai`, { _csrf: csrf, note: 'Đã bổ sung.' })).status).toBe(303);
    await expect.poll(delivered, { timeout: 20_000 }).toBe(2);
    await expect.poll(async () => (await getItemStatus(stack.env.client, ref, 'report-Q1')).report?.draft).toBe(2);
    expect(await (await office.get(PAGE)).text()).toContain('Dự thảo lần 2');

    expect((await office.post(`${PAGE}/duyet-tong-hop`, { _csrf: csrf, decision: 'accept', comment: '' })).status).toBe(
      303,
    );
    const status = await getItemStatus(stack.env.client, ref, 'report-Q1');
    expect(status.report?.review).toMatchObject({ decision: 'accept', by: 'vanphong' });
    expect(status.returnedReports?.map((r) => r.review?.comment)).toEqual([comment]);
    await expect.poll(() => kindsOf(stack).filter((k) => k === 'report-accepted').length).toBe(1);
    const accepted = await (await office.get(PAGE)).text();
    expect(accepted).toContain('Giám đốc đã duyệt – vanphong');
    expect(accepted).toContain('Các dự thảo đã trả lại (1)');
    // Decided once: a second acceptance is refused by the validator, as a page.
    const again = await office.post(`${PAGE}/duyet-tong-hop`, { _csrf: csrf, decision: 'accept' });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('the consolidated report was already accepted');
  });
});
