import { DateTime } from 'luxon';
import { formatDate, formatShortDate } from './format-date.js';
import { reportItemId, taskItemId } from './ids.js';
import { daysInMonth, localDateOf, localInstant, parseDate, ymd } from './local-date.js';
import type { Plan, PlanTask } from './plan-schema.js';
import { recurringItems } from './recurring-tasks.js';
import { reportItems } from './reporting-periods.js';
import type { AdHocReportSpec, DatedStep, ItemSpec, StepKind, UnitStep, WorkCalendar } from './schedule-types.js';
import { STEP_KINDS } from './schedule-types.js';
import {
  addWorkingDays,
  applyDeadlinePolicy,
  dayNote,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
} from './work-calendar.js';

/**
 * The plan's year as dated items and steps. Every `at` is `sendAt` local time in the calendar's zone; a deadline
 * itself ends at 24:00 of its date (BLDS 2015 Điều 148 k6), so `due.at` is when the due-day notice goes out.
 */

/** When a task opens: `opensOn` at `sendAt`, or the next working day when `opensOn` is a day off. */
function taskOpens(plan: Plan, cal: WorkCalendar, task: PlanTask): DatedStep {
  const sendAt = plan.defaults.sendAt;
  const planned = task.opensOn;
  if (isWorkingDay(cal, planned)) {
    return {
      at: localInstant(planned, sendAt, cal.timeZone),
      date: planned,
      rule: `Giao nhiệm vụ ngày ${formatDate(planned, 'vi')} theo kế hoạch`,
      ruleEn: `Task assigned on ${formatDate(planned, 'en')} as planned`,
    };
  }
  const date = nextWorkingDay(cal, planned);
  const why = dayNote(cal, planned) ?? '';
  return {
    at: localInstant(date, sendAt, cal.timeZone),
    date,
    rule: `Ngày giao ${formatShortDate(planned)} là ngày nghỉ (${why}); giao vào ngày làm việc kế tiếp ${formatDate(date, 'vi')}`,
    ruleEn: `Assignment date ${formatShortDate(planned)} is a day off (${why}); assigned on the next working day ${formatDate(date, 'en')}`,
  };
}

/** A task's deadline from its rule (`on`, `endOfMonth`, `workingDaysAfterOpening`) and the deadline policy, e.g. end of June 2026 → Tue 30/06/2026. */
/**
 * Which version of the deadline rules a plan runs on. A plan workflow computes its schedule in the workflow, so one
 * started before a rule changed must keep computing it the old way on replay; the plan records its version.
 * 1: an end-of-month deadline on a day off moves by the policy (into the next month when FORWARD).
 * 2: it stays in its month, on the last working day, unless the task sets its own policy.
 */
export type ScheduleRules = 1 | 2;
export const CURRENT_SCHEDULE_RULES: ScheduleRules = 2;

export function dueFor(
  plan: Plan,
  cal: WorkCalendar,
  task: PlanTask,
  rules: ScheduleRules = CURRENT_SCHEDULE_RULES,
): DatedStep {
  const policy = task.deadlinePolicy ?? plan.defaults.deadlinePolicy;
  const opens = taskOpens(plan, cal, task);
  let base: string;
  let origin: string;
  let originEn: string;
  if ('on' in task.due) {
    base = task.due.on;
    origin = `Hạn theo kế hoạch: ${formatShortDate(base)}`;
    originEn = `Deadline set by the plan: ${formatShortDate(base)}`;
  } else if ('endOfMonth' in task.due) {
    const d = parseDate(opens.date);
    base = ymd(d.year, d.month, daysInMonth(d.year, d.month));
    const month = d.toFormat('MM/yyyy');
    origin = `Hạn cuối tháng ${month}`;
    originEn = `Deadline at the end of ${month}`;
    // "By the end of the month" means within it: a day off brings the deadline back to the month's last working day,
    // never into the next month (or year); a task that sets its own deadlinePolicy gets that policy instead.
    if (rules >= 2 && task.deadlinePolicy === undefined && !isWorkingDay(cal, base)) {
      const date = previousWorkingDay(cal, base);
      const why = dayNote(cal, base) ?? '';
      return {
        at: localInstant(date, plan.defaults.sendAt, cal.timeZone),
        date,
        rule: `${origin}. Ngày ${formatShortDate(base)} là ngày nghỉ (${why}); hạn cuối tháng giữ trong tháng: ngày làm việc cuối cùng của tháng, ${formatDate(date, 'vi')} (nhiệm vụ có deadlinePolicy riêng thì áp dụng quy tắc đó)`,
        ruleEn: `${originEn}. ${formatShortDate(base)} is a day off (${why}); an end-of-month deadline stays in its month: the month's last working day, ${formatDate(date, 'en')} (a task with its own deadlinePolicy gets that rule instead)`,
      };
    }
  } else {
    const n = task.due.workingDaysAfterOpening;
    base = addWorkingDays(cal, opens.date, n);
    origin = `Hạn ${n} ngày làm việc sau ngày giao ${formatShortDate(opens.date)}`;
    originEn = `Deadline ${n} working days after assignment on ${formatShortDate(opens.date)}`;
  }
  const applied = applyDeadlinePolicy(cal, base, policy);
  return {
    at: localInstant(applied.date, plan.defaults.sendAt, cal.timeZone),
    date: applied.date,
    rule: `${origin}. ${applied.rule}`,
    ruleEn: `${originEn}. ${applied.ruleEn}`,
  };
}

/** The item of one plan task (`task-03`), every unit sharing the task's deadline. */
export function taskItem(
  plan: Plan,
  cal: WorkCalendar,
  task: PlanTask,
  rules: ScheduleRules = CURRENT_SCHEDULE_RULES,
): ItemSpec {
  const due = dueFor(plan, cal, task, rules);
  return {
    itemId: taskItemId(task.number),
    kind: 'task',
    title: task.title,
    content: task.content,
    forms: [...task.forms],
    opens: taskOpens(plan, cal, task),
    units: task.units.map((u) => ({ unit: u.unit, role: u.role, due })),
    reminders: task.reminders ?? plan.defaults.reminders,
    escalation: task.escalation ?? plan.defaults.escalation,
    deadlinePolicy: task.deadlinePolicy ?? plan.defaults.deadlinePolicy,
    sendAt: plan.defaults.sendAt,
  };
}

/** Every item of the plan's year (dated tasks, each occurrence of a recurring task, periodic reports; ongoing duties
 * have none: they have no deadline of their own), sorted by opening instant (ties by item id). */
export function scheduleItems(
  plan: Plan,
  cal: WorkCalendar,
  rules: ScheduleRules = CURRENT_SCHEDULE_RULES,
): ItemSpec[] {
  const items = [
    ...plan.tasks.map((t) => taskItem(plan, cal, t, rules)),
    ...plan.recurringTasks.flatMap((t) => recurringItems(plan, cal, t)),
    ...reportItems(plan, cal),
  ];
  return items.sort((a, b) => instantOrder(a.opens.at, b.opens.at) || a.itemId.localeCompare(b.itemId));
}

/** Compares two ISO instants by time (their offsets may differ). */
function instantOrder(a: string, b: string): number {
  return DateTime.fromISO(a, { setZone: true }).toMillis() - DateTime.fromISO(b, { setZone: true }).toMillis();
}

/**
 * One unit's steps on one item, in time order: open, reminders (n working days before the deadline, only those after
 * opening), due-today, overdue (first working day after the deadline: it ended at 24:00, BLDS 2015 Điều 148 k6),
 * escalation to the office and to the director (working days after the deadline).
 * E.g. due Fri 20/03/2026, reminders [3, 1] → reminder-3 Tue 17/03, reminder-1 Thu 19/03, overdue Mon 23/03.
 */
export function unitSteps(item: ItemSpec, due: DatedStep, cal: WorkCalendar): readonly UnitStep[] {
  // Workflows ask for the same steps on every wake-up; specs and calendars are replaced, never mutated, so the
  // objects themselves key the cache (and it is dropped with them).
  let byItem = stepsCache.get(cal);
  if (!byItem) stepsCache.set(cal, (byItem = new WeakMap()));
  let byDue = byItem.get(item);
  if (!byDue) byItem.set(item, (byDue = new Map()));
  let steps = byDue.get(due.date);
  if (!steps) byDue.set(due.date, (steps = Object.freeze(unitStepsUncached(item, due, cal))));
  return steps;
}

const stepsCache = new WeakMap<WorkCalendar, WeakMap<ItemSpec, Map<string, readonly UnitStep[]>>>();

/** `unitSteps` without the cache, for one-off questions whose answer should not keep every step's texts alive. */
export function unitStepsUncached(item: ItemSpec, due: DatedStep, cal: WorkCalendar): UnitStep[] {
  const zone = cal.timeZone;
  const at = (date: string) => localInstant(date, item.sendAt, zone);
  const dueShort = formatShortDate(due.date);
  const steps: UnitStep[] = [{ ...item.opens, kind: 'open', key: 'open' }];
  const openedAt = DateTime.fromISO(item.opens.at, { setZone: true }).toMillis();

  for (const n of [...new Set(item.reminders)].sort((a, b) => b - a)) {
    const date = addWorkingDays(cal, due.date, -n);
    const when = at(date);
    if (DateTime.fromISO(when, { setZone: true }).toMillis() <= openedAt) continue;
    steps.push({
      kind: 'reminder',
      key: `reminder-${n}`,
      at: when,
      date,
      rule: `Nhắc trước hạn ${n} ngày làm việc (hạn ${dueShort})`,
      ruleEn: `Reminder ${n} working day${n === 1 ? '' : 's'} before the deadline (${dueShort})`,
    });
  }

  steps.push({
    kind: 'due-today',
    key: 'due-today',
    at: at(due.date),
    date: due.date,
    rule: `Hôm nay là hạn nộp (${formatDate(due.date, 'vi')}, đến 24:00)`,
    ruleEn: `Today is the deadline (${formatDate(due.date, 'en')}, until midnight)`,
  });

  const overdueDate = nextWorkingDay(cal, due.date);
  steps.push({
    kind: 'overdue',
    key: 'overdue',
    at: at(overdueDate),
    date: overdueDate,
    rule: `Quá hạn: hạn ${dueShort} kết thúc lúc 24:00 (BLDS 2015 Điều 148 k6); báo vào ngày làm việc kế tiếp`,
    ruleEn: `Overdue: the deadline ${dueShort} ended at midnight (Civil Code 2015 art. 148(6)); notice on the next working day`,
  });

  const { officeAfter, directorAfter } = item.escalation;
  const officeDate = officeAfter === 0 ? overdueDate : addWorkingDays(cal, due.date, officeAfter);
  steps.push({
    kind: 'escalate-office',
    key: 'escalate-office',
    at: at(officeDate),
    date: officeDate,
    rule:
      officeAfter === 0
        ? `Báo Văn phòng ngay khi quá hạn ${dueShort}`
        : `Báo Văn phòng sau hạn ${dueShort} ${officeAfter} ngày làm việc`,
    ruleEn:
      officeAfter === 0
        ? `Office told as soon as the deadline ${dueShort} has passed`
        : `Office told ${officeAfter} working day${officeAfter === 1 ? '' : 's'} after the deadline ${dueShort}`,
  });

  const directorDate = addWorkingDays(cal, due.date, directorAfter);
  steps.push({
    kind: 'escalate-director',
    key: 'escalate-director',
    at: at(directorDate),
    date: directorDate,
    rule: `Báo Giám đốc sau hạn ${dueShort} ${directorAfter} ngày làm việc`,
    ruleEn: `Director told ${directorAfter} working day${directorAfter === 1 ? '' : 's'} after the deadline ${dueShort}`,
  });

  const rank = (k: StepKind) => STEP_KINDS.indexOf(k);
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => instantOrder(a.s.at, b.s.at) || rank(a.s.kind) - rank(b.s.kind) || a.i - b.i)
    .map(({ s }) => s);
}

/** An ad hoc report request (báo cáo đột xuất, NĐ 09/2019 Điều 4), e.g. `report-adhoc-2`. */
export interface AdHocRequest {
  number: number;
  title: string;
  content: string;
  units: string[];
  /** Deadline `yyyy-MM-dd`; the regime's deadline policy applies. */
  dueDate: string;
  /** When the request goes out, ISO instant. */
  opensAt: string;
  /** Cut-off date set by the requester (NĐ 09/2019 Điều 8 k5); default: the request date. */
  cutOff?: string;
}

/**
 * Whom an ad hoc request may ask: the plan's units and the bodies below it (`subordinates`, each a unit of the
 * periodic reports too), e.g. `['VP', 'KHTC', 'TRUONG-A']`.
 */
export function adHocUnitCodes(plan: Plan): string[] {
  // A plan-year started before `subordinates` existed carries a plan without it in its state.
  return [...plan.units.map((u) => u.code), ...(plan.subordinates ?? []).map((s) => s.code)];
}

/** The item of an ad hoc report request, itemId `report-adhoc-<number>`, units as leads, the regime's reminders and policy. */
export function adHocItem(plan: Plan, cal: WorkCalendar, req: AdHocRequest): AdHocReportSpec {
  const zone = cal.timeZone;
  const sendAt = plan.defaults.sendAt;
  const policy = plan.reporting?.deadlinePolicy ?? plan.defaults.deadlinePolicy;
  const opensAtLocal = DateTime.fromISO(req.opensAt, { zone });
  if (!opensAtLocal.isValid) throw new RangeError(`${req.opensAt} is not an ISO instant`);
  const opensDate = localDateOf(req.opensAt, zone);
  const opens: DatedStep = {
    at: opensAtLocal.toISO(),
    date: opensDate,
    rule: `Yêu cầu báo cáo đột xuất số ${req.number} gửi lúc ${opensAtLocal.toFormat('HH:mm')} ${formatDate(opensDate, 'vi')}`,
    ruleEn: `Ad hoc report request no. ${req.number} sent at ${opensAtLocal.toFormat('HH:mm')} ${formatDate(opensDate, 'en')}`,
  };
  const applied = applyDeadlinePolicy(cal, req.dueDate, policy);
  const due: DatedStep = {
    at: localInstant(applied.date, sendAt, zone),
    date: applied.date,
    rule: `Hạn do yêu cầu đột xuất đặt: ${formatShortDate(req.dueDate)}. ${applied.rule}`,
    ruleEn: `Deadline set by the ad hoc request: ${formatShortDate(req.dueDate)}. ${applied.ruleEn}`,
  };
  const cutOff = req.cutOff ?? opensDate;
  return {
    itemId: reportItemId(`adhoc-${req.number}`),
    kind: 'report',
    title: req.title,
    content: req.content,
    forms: plan.forms.map((f) => f.code),
    opens,
    units: req.units.map((unit) => ({ unit, role: 'lead' as const, due })),
    reminders: plan.reporting?.reminders ?? plan.defaults.reminders,
    escalation: plan.reporting?.escalation ?? plan.defaults.escalation,
    deadlinePolicy: policy,
    period: { code: 'adhoc', from: cutOff, to: cutOff, officeDue: due },
    sendAt,
  };
}

/** The new deadline of one unit after the office grants an extension (gia hạn); the date is kept as granted, with the reason. */
export function extendedDue(
  cal: WorkCalendar,
  newDate: string,
  sendAt: string,
  zone: string,
  reason: string,
): DatedStep {
  const off = isWorkingDay(cal, newDate) ? undefined : dayNote(cal, newDate);
  const note = off ? ` (lưu ý: ngày nghỉ, ${off})` : '';
  const noteEn = off ? ` (note: a day off, ${off})` : '';
  return {
    at: localInstant(newDate, sendAt, zone),
    date: newDate,
    rule: `Gia hạn đến ${formatDate(newDate, 'vi')}${note}: ${reason}`,
    ruleEn: `Extended to ${formatDate(newDate, 'en')}${noteEn}: ${reason}`,
  };
}
