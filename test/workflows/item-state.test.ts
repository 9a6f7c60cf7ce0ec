import { describe, expect, it } from 'vitest';
import { scheduleItems } from '../../domain/schedule.js';
import { buildWorkCalendar } from '../../domain/work-calendar.js';
import { dueSends, officialState, overdueUnits } from '../../workflows/item-state.js';
import type { ItemState, ItemWorkflowInput, SubmissionVersion, UnitState } from '../../workflows/item-types.js';
import { planContext } from '../../workflows/plan-context.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';

/*
 * The skeleton's task-03 (Asia/Ho_Chi_Minh, 2026): opens Mon 02/03 08:00, reminder-1 Thu 05/03, due-today Fri 06/03,
 * overdue and escalate-office Mon 09/03, escalate-director Wed 11/03; every step at 08:00.
 */
const ZONE = 'Asia/Ho_Chi_Minh';
const calendar = buildWorkCalendar(skeletonPlan);
const item = scheduleItems(skeletonPlan, calendar).find((i) => i.itemId === 'task-03')!;
const input: ItemWorkflowInput = {
  planWorkflowId: 'plan-SKEL-2026',
  ctx: planContext(skeletonPlan),
  item,
  calendar,
  clock: { speed: 1, realAnchorMs: 0, planAnchorMs: 0 },
};
const at = (iso: string) => Date.parse(iso);

function unit(code: string, over: Partial<UnitState> = {}): UnitState {
  // Units outside the task borrow the lead's deadline: the rules only read `due`.
  const spec = item.units.find((u) => u.unit === code) ?? item.units[0]!;
  return {
    unit: code,
    role: spec.role,
    due: spec.due,
    phase: 'open',
    done: ['open'],
    versions: [],
    extensions: [],
    escalation: 'none',
    undeliverable: [],
    ...over,
  };
}

function state(units: UnitState[], paused = false): ItemState {
  return { units, outbox: [], paused };
}

function version(onTime: boolean): SubmissionVersion {
  return {
    version: 1,
    at: '2026-03-05T10:00:00.000+07:00',
    onTime,
    submission: {
      unit: 'KHTC',
      submittedBy: 'x',
      results: 'y',
      shortcomings: '',
      nextTasks: '',
      proposals: '',
      figures: {},
      evidence: [],
    },
  };
}

describe('dueSends: catch-up folding', () => {
  it('one step due → its own kind, settling that step only', () => {
    const { sends, skipped } = dueSends(input, state([unit('TCCB')]), at('2026-03-05T09:00:00+07:00'));
    expect(skipped).toEqual([]);
    expect(sends.map((s) => [s.email.kind, s.settles])).toEqual([['reminder', ['reminder-1@2026-03-06']]]);
  });

  it('reminder, due-today and overdue due at once → ONE catch-up naming all three; the escalation stays separate', () => {
    const tccb = unit('TCCB');
    const { sends } = dueSends(input, state([tccb]), at('2026-03-09T09:00:00+07:00'));
    expect(sends.map((s) => s.email.kind)).toEqual(['catch-up', 'escalation-office']);
    const [catchUp, escalation] = sends;
    expect(catchUp!.settles).toEqual(['reminder-1@2026-03-06', 'due-today@2026-03-06', 'overdue@2026-03-06']);
    expect(catchUp!.email.missedSteps).toHaveLength(3);
    expect(catchUp!.email.missedSteps![0]).toContain('Nhắc trước hạn 1 ngày làm việc');
    expect(catchUp!.email.missedSteps![2]).toContain('Quá hạn');
    expect(catchUp!.email.to).toEqual([{ name: 'Lê Văn Tổ', email: 'tccb@example.org' }]);
    // One e-mail per (unit, deadline): the key names the latest step folded in.
    expect(catchUp!.email.key).toBe('plan-SKEL-2026-task-03/TCCB/catch-up-overdue@2026-03-06');
    expect(escalation!.email.to.map((r) => r.email)).toEqual(['vanphong@example.org']);
    expect(escalation!.escalation).toBe('office');

    // Once settled, nothing is due again at the same instant: each step happens once.
    tccb.done.push(...sends.flatMap((s) => s.settles));
    expect(dueSends(input, state([tccb]), at('2026-03-09T09:00:00+07:00')).sends).toEqual([]);
  });

  it('a unit that has submitted gets no folded reminders, only the open step stays its own', () => {
    const fresh = unit('KHTC', { done: [], phase: 'submitted', versions: [version(true)] });
    const { sends } = dueSends(input, state([fresh]), at('2026-03-12T09:00:00+07:00'));
    expect(sends.map((s) => s.email.kind)).toEqual(['assignment']);
  });
});

describe('dueSends: paused reminders', () => {
  it('nudges due while paused are settled without a send', () => {
    const { sends, skipped } = dueSends(input, state([unit('TCCB')], true), at('2026-03-06T09:00:00+07:00'));
    expect(sends).toEqual([]);
    expect(skipped).toEqual([
      { unit: 'TCCB', key: 'reminder-1@2026-03-06' },
      { unit: 'TCCB', key: 'due-today@2026-03-06' },
    ]);
  });

  it('overdue and escalations still go while paused, and the skipped nudges are not folded into a catch-up', () => {
    const { sends, skipped } = dueSends(input, state([unit('TCCB')], true), at('2026-03-09T09:00:00+07:00'));
    expect(skipped.map((s) => s.key)).toEqual(['reminder-1@2026-03-06', 'due-today@2026-03-06']);
    expect(sends.map((s) => s.email.kind)).toEqual(['overdue', 'escalation-office']);
  });
});

describe('officialState: the four states, the deadline ending at 24:00', () => {
  const lastMs = at('2026-03-06T23:59:59.999+07:00');
  const nextDayMs = at('2026-03-07T00:00:00.000+07:00');

  it('done on time / done late follow the last version, whatever the clock says', () => {
    expect(officialState(unit('KHTC', { phase: 'accepted', versions: [version(true)] }), nextDayMs, ZONE)).toBe(
      'done-on-time',
    );
    expect(officialState(unit('KHTC', { phase: 'submitted', versions: [version(false)] }), lastMs, ZONE)).toBe(
      'done-late',
    );
  });

  it('not done: pending in time through 23:59:59.999 of the due day, overdue from 00:00 the next day', () => {
    expect(officialState(unit('TCCB'), lastMs, ZONE)).toBe('pending-in-time');
    expect(officialState(unit('TCCB'), nextDayMs, ZONE)).toBe('overdue');
  });

  it('a returned submission does not count as done', () => {
    const returned = unit('TCCB', { phase: 'returned', versions: [version(true)] });
    expect(officialState(returned, lastMs, ZONE)).toBe('pending-in-time');
    expect(officialState(returned, nextDayMs, ZONE)).toBe('overdue');
  });
});

describe('overdueUnits', () => {
  it('lists units still owing a report after 24:00 of their deadline, and no others', () => {
    const units = [
      unit('KHTC', { phase: 'open' }),
      unit('TCCB', { phase: 'returned', versions: [version(true)] }),
      unit('VP', { phase: 'submitted', versions: [version(false)] }),
      unit('PC', { phase: 'accepted', versions: [version(false)] }),
      unit('QL', { phase: 'dropped' }),
    ];
    expect(overdueUnits(state(units), at('2026-03-06T23:59:59.999+07:00'), ZONE)).toEqual([]);
    expect(overdueUnits(state(units), at('2026-03-07T00:00:00+07:00'), ZONE)).toEqual(['KHTC', 'TCCB']);
  });
});
