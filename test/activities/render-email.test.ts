import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../activities/templates/render-email.js';
import { scheduleItems } from '../../domain/schedule.js';
import { buildWorkCalendar } from '../../domain/work-calendar.js';
import { planSchema } from '../../domain/plan-schema.js';
import { initialItemState, ItemModel } from '../../workflows/item-model.js';
import { planContext } from '../../workflows/plan-context.js';
import { emailRequest } from '../fixtures/email-request.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';

describe('an e-mail whose deadline is on a provisional calendar says the date may move', () => {
  it('the note is in both parts, in the plan language, only when the calendar is provisional', () => {
    const note = 'Lưu ý: lịch nghỉ năm 2027 chưa có văn bản phê duyệt';
    const provisional = renderEmail({
      ...emailRequest('assignment'),
      deadline: { ...emailRequest().deadline, date: '2027-03-19' },
      provisionalCalendar: true,
    });
    expect(provisional.text).toContain(note);
    expect(provisional.html).toContain(note);
    expect(renderEmail(emailRequest('assignment')).text).not.toContain('Lưu ý: lịch nghỉ');
    const en = renderEmail({ ...emailRequest('reminder', { locale: 'en' }), provisionalCalendar: true });
    expect(en.text).toContain('calendar of days off is not approved yet');
  });

  it("a 2027 plan's items mark their e-mails provisional; a 2026 plan's do not (2026 is approved)", () => {
    const kinds = (year: number) => {
      const plan = planSchema().parse(JSON.parse(JSON.stringify(skeletonPlan).replaceAll('2026', String(year))));
      const calendar = buildWorkCalendar(plan);
      const item = scheduleItems(plan, calendar)[0]!;
      const input = {
        planWorkflowId: `plan-SKEL-${year}`,
        ctx: planContext(plan),
        item,
        calendar,
        clock: { speed: 1, realAnchorMs: 0, planAnchorMs: 0 },
      };
      const model = new ItemModel(input, initialItemState(input));
      return model.due(Date.parse(item.opens.at)).sends.map((s) => s.email.provisionalCalendar);
    };
    expect(kinds(2027)).toEqual([true, true]);
    expect(kinds(2026)).toEqual([undefined, undefined]);
  });
});
