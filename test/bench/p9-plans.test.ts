/**
 * Bench P9's fixtures, checked without a server: the bench turns the plan instants below into real times, so the
 * plans must put their Q1 items' deadlines exactly there, each school must report early enough for its department
 * and roll up to it; and the measures the table is built from.
 */
import proto from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { activityAttempts } from '../../bench/history-runs.js';
import {
  P9_PLAN_START,
  PARENT_OFFICE_DUE,
  PARENT_REMINDER,
  parentPlan,
  SCHOOL_OFFICE_DUE,
  schoolCodes,
  schoolPlan,
} from '../../bench/p9-plans.js';
import { pipelineS } from '../../bench/p9-rows.js';
import type { P9Pipeline } from '../../bench/p9-pipeline.js';
import { parentDeadlineWarnings } from '../../domain/parent-deadline-checks.js';
import { reportItems } from '../../domain/reporting-periods.js';
import { buildWorkCalendar } from '../../domain/work-calendar.js';
import { planContext } from '../../workflows/plan-context.js';

const q1 = (plan: ReturnType<typeof parentPlan>) => reportItems(plan, buildWorkCalendar(plan))[0]!;

describe('bench P9 plans', () => {
  const codes = schoolCodes(200);
  const parent = parentPlan('SO-A', codes);
  const school = schoolPlan(codes[0]!, 0, 'SO-A');

  it('puts each Q1 deadline at the plan instant the bench waits for', () => {
    // Wed 18/03/2026 08:00 (+07:00): the school's office compiles; its units are due the working day before.
    expect(Date.parse(q1(school).period.officeDue.at)).toBe(Date.parse(SCHOOL_OFFICE_DUE));
    expect(q1(school).units.map((u) => u.due.date)).toEqual(['2026-03-17', '2026-03-17']);
    // Wed 25/03/2026 08:00: the department compiles; its units and schools are due Tue 24/03, reminded Mon 23/03.
    const item = q1(parent);
    expect(Date.parse(item.period.officeDue.at)).toBe(Date.parse(PARENT_OFFICE_DUE));
    expect(item.units).toHaveLength(203);
    expect(new Set(item.units.map((u) => u.due.date))).toEqual(new Set(['2026-03-24']));
    expect(item.reminders).toEqual([1]);
    expect(PARENT_REMINDER.slice(0, 10)).toBe('2026-03-23');
    // The Q1 items open Mon 02/03 08:00, an hour after the clocks' start.
    expect(Date.parse(item.opens.at) - Date.parse(P9_PLAN_START)).toBe(3_600_000);
  });

  it('has every school roll up to the department, early enough for it', () => {
    expect(planContext(school).rollUpTo).toEqual({ org: 'SO-A', year: 2026 });
    expect(parentDeadlineWarnings(school, parent, 'en')).toEqual([]);
  });
});

describe('bench P9 measures', () => {
  it('reads the attempts of one activity type from a history', () => {
    const history = proto.temporal.api.history.v1.History.fromObject({
      events: [
        { eventId: 5, activityTaskScheduledEventAttributes: { activityType: { name: 'sendEmail' } } },
        { eventId: 9, activityTaskScheduledEventAttributes: { activityType: { name: 'rollUpReport' } } },
        { eventId: 10, activityTaskStartedEventAttributes: { scheduledEventId: 5, attempt: 1 } },
        { eventId: 11, activityTaskStartedEventAttributes: { scheduledEventId: 9, attempt: 3 } },
      ],
    });
    expect(activityAttempts(history, 'rollUpReport')).toEqual([3]);
    expect(activityAttempts(history, 'compileReport')).toEqual([]);
  });

  it('counts (a) as the office’s last accept plus the compile, not the wait for the deadline', () => {
    const p = { lastOfficeAcceptS: 0.25, compileStartS: 10.5, filedS: 11.1 } as P9Pipeline;
    expect(pipelineS(p)).toBeCloseTo(0.85, 6);
  });
});
