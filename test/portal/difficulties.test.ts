/**
 * Difficulties and proposals (kiến nghị, vướng mắc): a unit raises one from the link in its e-mail, the office sees
 * it on the plan page with the report it goes into and answers it once, the unit reads the answer on its page. And
 * the plan page says when the plan's year is only on the computed (provisional) calendar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlanStatus, startPlan } from '../../client/plan-client.js';
import { planSchema } from '../../domain/plan-schema.js';
import { skeletonClock, skeletonPlan } from '../fixtures/skeleton-plan.js';
import { formOnceFields, portalClient } from '../helpers/portal-client.js';
import { OFFICE_PASSWORD, startPortalStack, type PortalStack } from '../helpers/portal-stack.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';

const ref = { org: 'KN', year: 2026 };
const PLAN_PAGE = '/van-phong/KN/2026';
const plan = planSchema().parse({
  ...skeletonPlan,
  organisation: { ...skeletonPlan.organisation, code: ref.org },
  reporting: { periods: ['Q1', 'H1'], officeDeadlineDay: 20, unitWorkingDaysBeforeOffice: 3 },
});
/** The same plan a year later: 2027 has no approved calendar yet, so it is computed (provisional). */
const plan2027 = planSchema().parse({
  ...skeletonPlan,
  organisation: { ...skeletonPlan.organisation, code: 'KN' },
  plan: { ...skeletonPlan.plan, title: 'Kế hoạch thử nghiệm năm 2027', signedOn: '2027-02-25', year: 2027 },
  tasks: skeletonPlan.tasks.map((t) => ({ ...t, opensOn: '2027-03-02', due: { on: '2027-03-05' } })),
});
const CALENDAR_2027 = `years:
  - year: 2027
    source: "Thông báo thử nghiệm 02/TB-BNV"
    days:
      - { date: "2027-02-08", kind: off, name: "Tết Nguyên đán (thử nghiệm)" }
`;
const PROVISIONAL = 'Lịch nghỉ lễ năm 2027 là lịch tính trước, chưa có văn bản phê duyệt';

describe('difficulties raised from a unit link and answered by the office (time-skipping server, real worker)', () => {
  let stack: PortalStack;
  /** Each unit's submit link for task-03, as its e-mail gives it (path only). */
  const links = new Map<string, string>();

  beforeAll(async () => {
    stack = await startPortalStack(plan, '2026-03-03T10:00:00+07:00');
    await startPlan(stack.env.client, plan2027, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    await stack.sink.waitFor(2);
    for (const mail of stack.sink.messages) {
      const link = /http:\/\/portal\.test(\/nop\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      if (link && mail.subject.includes('Tuyên truyền cải cách thủ tục hành chính tháng 3'))
        links.set(mail.to.includes('khtc@example.org') ? 'KHTC' : 'TCCB', link);
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Raises a difficulty through the unit's page, as its browser would; extra fields are sent as given. */
  async function raise(unit: string, fields: Record<string, string>) {
    const browser = portalClient(stack.app);
    const link = links.get(unit)!;
    const csrf = await browser.csrfOf(link);
    return { browser, link, res: await browser.post(`${link}/kien-nghi`, { _csrf: csrf, ...fields }) };
  }

  it('goes from the e-mailed link to the office, into the right report, and comes back answered', async () => {
    const text = 'Phòng chưa được cấp tài khoản đăng tin trên trang thông tin điện tử.';
    // A forged `unit` field: the link's unit (KHTC) is the one recorded.
    const { browser, link, res } = await raise('KHTC', { difficultyText: text, raisedBy: 'Trần Thị Kế', unit: 'TCCB' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${link.replace(/[.]/g, '\\.')}\\?kn=(\\d+)#kien-nghi$`));
    const id = Number(/kn=(\d+)/.exec(location)![1]);
    const back = await (await browser.get(location.replace(/#.*$/, ''))).text();
    expect(back).toContain('Phản ánh khó khăn, vướng mắc, kiến nghị với Văn phòng');
    expect(back).toContain(`Đã gửi kiến nghị số ${id}.`);
    expect(back).toContain(text);
    expect(back).toContain('Văn phòng đang xem xét');

    const status = await getPlanStatus(stack.env.client, ref);
    const raised = status.difficulties.find((d) => d.id === id);
    expect(raised).toMatchObject({ unit: 'KHTC', itemId: 'task-03', raisedBy: 'Trần Thị Kế', text });
    const q1 = status.items.find((i) => i.itemId === 'report-Q1')!.title;

    const office = portalClient(stack.app);
    await office.login('vanphong', OFFICE_PASSWORD);
    const page = await (await office.get(PLAN_PAGE)).text();
    expect(page).toContain('Kiến nghị, vướng mắc của đơn vị');
    const row = page.slice(
      page.indexOf(`<tr id="kien-nghi-${id}">`),
      page.indexOf('</tr>', page.indexOf(`kien-nghi-${id}"`)),
    );
    expect(row).toContain('Phòng Kế hoạch - Tài chính');
    expect(row).toContain('Trần Thị Kế');
    expect(row).toContain('03/03/2026');
    expect(row).toContain(text);
    expect(row).toContain('Tuyên truyền cải cách thủ tục hành chính tháng 3');
    // Raised 03/03, before Q1's office deadline (20/03): it goes into the Q1 report, not H1.
    expect(row).toContain(q1);

    const answer = 'Văn phòng đã đề nghị cấp tài khoản; dự kiến trong tuần sau.';
    const ok = await office.post(`${PLAN_PAGE}/kien-nghi`, {
      _csrf: await office.csrfOf(PLAN_PAGE),
      id: String(id),
      answer,
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`${PLAN_PAGE}?ok=answered`);
    expect(await (await office.get(`${PLAN_PAGE}?ok=answered`)).text()).toContain('Đã trả lời kiến nghị');

    const unitPage = await (await browser.get(link)).text();
    expect(unitPage).toContain(answer);
    expect(unitPage).toContain('vanphong, 03/03/2026');
    expect(unitPage).not.toContain('Văn phòng đang xem xét');

    // Answered once: a second answer comes back as the page, saying by whom and when.
    const again = await office.post(`${PLAN_PAGE}/kien-nghi`, {
      _csrf: await office.csrfOf(PLAN_PAGE),
      id: String(id),
      answer: 'Trả lời lần hai',
    });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain(`Kiến nghị số ${id} đã được trả lời (vanphong, 03/03/2026)`);
    const after = await getPlanStatus(stack.env.client, ref);
    expect(after.difficulties.find((d) => d.id === id)?.answer?.text).toBe(answer);
  });

  it('refuses an empty text with the reason, keeping the name typed', async () => {
    const before = (await getPlanStatus(stack.env.client, ref)).difficulties.length;
    const { res } = await raise('KHTC', { difficultyText: '   ', raisedBy: 'Người Gõ Tên' });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Vui lòng nêu nội dung khó khăn, vướng mắc hoặc kiến nghị.');
    expect(page).toContain('value="Người Gõ Tên"');
    expect((await getPlanStatus(stack.env.client, ref)).difficulties).toHaveLength(before);
  });

  it("shows a unit its own difficulties and never another unit's", async () => {
    const secret = 'Vướng mắc nội bộ của Phòng Tổ chức cán bộ về biên chế.';
    const tccb = await raise('TCCB', { difficultyText: secret, raisedBy: 'Lê Văn Tổ' });
    expect(tccb.res.status).toBe(303);
    expect(await (await tccb.browser.get(links.get('TCCB')!)).text()).toContain(secret);
    const khtc = await (await portalClient(stack.app).get(links.get('KHTC')!)).text();
    expect(khtc).not.toContain(secret);
    expect(khtc).not.toContain('Lê Văn Tổ');
  });

  it('raises one difficulty for one form, however often it is sent', async () => {
    const browser = portalClient(stack.app);
    const link = links.get('TCCB')!;
    const fields = {
      ...formOnceFields(await (await browser.get(link)).text(), '/kien-nghi'),
      difficultyText: 'Bấm gửi hai lần một kiến nghị.',
      raisedBy: 'Lê Văn Tổ',
    };
    const sent = await Promise.all([
      browser.post(`${link}/kien-nghi`, fields),
      browser.post(`${link}/kien-nghi`, fields),
    ]);
    expect(sent.map((r) => r.status)).toEqual([303, 303]);
    expect(sent[1]!.headers.get('location')).toBe(sent[0]!.headers.get('location'));
    const status = await getPlanStatus(stack.env.client, ref);
    expect(status.difficulties.filter((d) => d.text === fields.difficultyText)).toHaveLength(1);
  });

  it('refuses a form without its token (403), on the unit side and the office side', async () => {
    const before = (await getPlanStatus(stack.env.client, ref)).difficulties.length;
    const stranger = portalClient(stack.app);
    const khtc = links.get('KHTC')!;
    const none = await stranger.post(`${khtc}/kien-nghi`, { difficultyText: 'giả mạo', raisedBy: 'Kẻ lạ' });
    expect(none.status).toBe(403);
    // Another link's token does not open this one.
    const other = await stranger.post(`${khtc}/kien-nghi`, {
      _csrf: await stranger.csrfOf(links.get('TCCB')!),
      difficultyText: 'giả mạo',
      raisedBy: 'Kẻ lạ',
    });
    expect(other.status).toBe(403);
    expect((await getPlanStatus(stack.env.client, ref)).difficulties).toHaveLength(before);

    const office = portalClient(stack.app);
    await office.login('vanphong', OFFICE_PASSWORD);
    const answer = await office.post(`${PLAN_PAGE}/kien-nghi`, { id: '1', answer: 'không có token' });
    expect(answer.status).toBe(403);
  });

  it('refuses an empty answer with the reason, as the page', async () => {
    const { res } = await raise('TCCB', { difficultyText: 'Cần hướng dẫn mẫu báo cáo.', raisedBy: 'Lê Văn Tổ' });
    const id = Number(/kn=(\d+)/.exec(res.headers.get('location')!)![1]);
    const office = portalClient(stack.app);
    await office.login('vanphong', OFFICE_PASSWORD);
    const empty = await office.post(`${PLAN_PAGE}/kien-nghi`, {
      _csrf: await office.csrfOf(PLAN_PAGE),
      id: String(id),
      answer: ' ',
    });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain(`Vui lòng nhập nội dung trả lời kiến nghị số ${id}.`);
    expect((await getPlanStatus(stack.env.client, ref)).difficulties.find((d) => d.id === id)?.answer).toBeUndefined();
  });

  it('marks a plan whose year is only on the computed calendar, until the approved one is uploaded', async () => {
    const office = portalClient(stack.app);
    await office.login('vanphong', OFFICE_PASSWORD);
    // 2026 has an approved calendar.
    expect(await (await office.get(PLAN_PAGE)).text()).not.toContain(PROVISIONAL);
    const page2027 = '/van-phong/KN/2027';
    const before = await (await office.get(page2027)).text();
    expect(before).toContain(`${PROVISIONAL}: ngày có thể thay đổi; cập nhật lịch chính thức khi được công bố.`);
    // Next to the upload form.
    expect(before.indexOf(PROVISIONAL)).toBeGreaterThan(before.indexOf('Lịch nghỉ chính thức'));
    const upload = await office.post(`${page2027}/lich`, {
      _csrf: await office.csrfOf(page2027),
      calendarFile: new File([CALENDAR_2027], 'lich-2027.yaml'),
    });
    expect(upload.status).toBe(303);
    expect(await (await office.get(page2027)).text()).not.toContain(PROVISIONAL);
  });
});
