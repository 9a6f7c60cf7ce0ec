/** The bench's synthetic plans: 12 monthly tasks × 5 units, no reporting; who submits when; which e-mails follow. */
import { DateTime } from 'luxon';
import type { EmailRequest } from '../workflows/email-request.js';
import { itemWorkflowId, planWorkflowId } from '../domain/ids.js';
import { planSchema, type Plan } from '../domain/plan-schema.js';
import { scheduleItems, unitSteps } from '../domain/schedule.js';
import { buildWorkCalendar } from '../domain/work-calendar.js';
import { newUnit, unitEmail } from '../workflows/item-state.js';
import type { ItemWorkflowInput } from '../workflows/item-types.js';
import { planContext } from '../workflows/plan-context.js';

export const UNITS = ['KHTC', 'TCCB', 'TTTT', 'PCTT', 'QLCL'];
export const PLAN_START = '2026-01-01T07:00:00+07:00';

export function benchPlan(org: string): Plan {
  return planSchema().parse({
    organisation: { code: org, name: `Trường ${org}`, placeName: 'TP. Hồ Chí Minh', symbol: org },
    plan: { number: `01/KH-${org}`, title: 'Kế hoạch tuyên truyền năm 2026', signedOn: '2025-12-20', year: 2026 },
    office: { name: 'Văn phòng', email: `vp.${org.toLowerCase()}@example.org`, unit: 'VP' },
    director: { name: 'Hiệu trưởng', email: `ht.${org.toLowerCase()}@example.org` },
    units: UNITS.map((u) => ({
      code: u,
      name: `Tổ ${u}`,
      head: { name: `Tổ trưởng ${u}`, email: `${u.toLowerCase()}.${org.toLowerCase()}@example.org` },
    })),
    forms: [{ code: 'WEBSITE', title: 'Đăng tin trên trang thông tin điện tử' }],
    tasks: Array.from({ length: 12 }, (_, i) => ({
      number: i + 1,
      title: `Tuyên truyền tháng ${i + 1}`,
      content: 'Đăng tin, bài về hoạt động của đơn vị trên trang thông tin điện tử.',
      forms: ['WEBSITE'],
      units: UNITS.map((u, k) => ({ unit: u, role: k === 0 ? 'lead' : 'support' })),
      opensOn: `2026-${String(i + 1).padStart(2, '0')}-02`,
      due: { on: `2026-${String(i + 1).padStart(2, '0')}-20` },
    })),
  });
}

export type Behaviour = 'on-time' | 'late' | 'never';
/** Exactly 80 % on time, 15 % late, 5 % never, spread over plans, months and units. */
export function behaviour(plan: number, month: number, unit: number): Behaviour {
  const k = (plan * 60 + month * 5 + unit) % 20;
  return k === 0 ? 'never' : k <= 3 ? 'late' : 'on-time';
}

export interface PlannedSubmission {
  atMs: number;
  itemWorkflowId: string;
  unit: string;
  receipt: EmailRequest;
}
export interface PlannedStep {
  atMs: number;
  emails: EmailRequest[];
}
export interface PlanScript {
  org: string;
  planId: string;
  plan: Plan;
  submissions: PlannedSubmission[];
  /** What A sends on timers (no receipts), grouped by instant: B replays exactly this. */
  steps: PlannedStep[];
  expectedKeys: string[];
}

/** On time = 10:00 on the last reminder's day; late = 10:00 on the overdue day (after the office is told). */
export interface ScriptOptions {
  /** Another plan shape (P3's one-reminder task); default `benchPlan`. */
  plan?: (org: string) => Plan;
  /** `false`: no unit ever submits, so every step and escalation fires (P2, P3 run without a client driving updates). */
  submit?: boolean;
}

export function planScript(index: number, prefix: string, opts: ScriptOptions = {}): PlanScript {
  const org = `${prefix}${String(index).padStart(4, '0')}`;
  const plan = (opts.plan ?? benchPlan)(org);
  const planId = planWorkflowId(org, 2026);
  const calendar = buildWorkCalendar(plan);
  const byInstant = new Map<number, EmailRequest[]>();
  const submissions: PlannedSubmission[] = [];
  const expectedKeys: string[] = [];
  const zone = plan.organisation.timeZone;
  scheduleItems(plan, calendar).forEach((spec, month) => {
    const input: ItemWorkflowInput = {
      planWorkflowId: planId,
      ctx: planContext(plan),
      item: spec,
      calendar,
      clock: { speed: 1, realAnchorMs: 0, planAnchorMs: 0 },
    };
    spec.units.forEach((u, k) => {
      const unit = newUnit(u.unit, u.role, u.due);
      const steps = unitSteps(spec, u.due, calendar);
      const b = opts.submit === false ? 'never' : behaviour(index, month, k);
      const step = (kind: string) => steps.find((s) => s.kind === kind)!;
      const submitAt =
        b === 'never'
          ? Infinity
          : DateTime.fromISO((b === 'late' ? step('overdue') : steps.filter((s) => s.kind === 'reminder').at(-1)!).at)
              .setZone(zone)
              .set({ hour: 10 })
              .toMillis();
      for (const s of steps) {
        const at = Date.parse(s.at);
        if (s.kind !== 'open' && at > submitAt) continue;
        const kind =
          s.kind === 'open'
            ? 'assignment'
            : s.kind.startsWith('escalate')
              ? s.kind === 'escalate-office'
                ? 'escalation-office'
                : 'escalation-director'
              : (s.kind as 'reminder' | 'due-today' | 'overdue');
        const email = unitEmail(input, unit, kind, s.key);
        byInstant.set(at, [...(byInstant.get(at) ?? []), email]);
        expectedKeys.push(email.key);
      }
      if (submitAt !== Infinity) {
        const receipt = unitEmail(input, { ...unit, phase: 'submitted' }, 'receipt', 'receipt-v1');
        submissions.push({
          atMs: submitAt,
          itemWorkflowId: itemWorkflowId(planId, spec.itemId),
          unit: u.unit,
          receipt,
        });
        expectedKeys.push(receipt.key);
      }
    });
  });
  // The year closes at 31/12 17:00 (as the plan does), so late submissions still find the bare workflow running.
  const close = yearCloseMs(zone);
  byInstant.set(close, byInstant.get(close) ?? []);
  const steps = [...byInstant.entries()].sort((a, b) => a[0] - b[0]).map(([atMs, emails]) => ({ atMs, emails }));
  return { org, planId, plan, submissions: submissions.sort((a, b) => a.atMs - b.atMs), steps, expectedKeys };
}

/** 31/12/2026 17:00, when the plan closes its year. */
export function yearCloseMs(zone = 'Asia/Ho_Chi_Minh'): number {
  return DateTime.fromObject({ year: 2026, month: 12, day: 31, hour: 17 }, { zone }).toMillis();
}

/**
 * P3's plan: one task, opened Mon 05/01, due Fri 30/01, a single reminder 10 working days before (Fri 16/01 08:00),
 * so the reminder burst has 14 plan days of quiet after it for the drain (even paced) before the due-today step.
 */
export function burstPlan(org: string): Plan {
  const base = benchPlan(org);
  return planSchema().parse({
    ...base,
    tasks: [{ ...base.tasks[0]!, opensOn: '2026-01-05', due: { on: '2026-01-30' }, reminders: [10] }],
  });
}
