/**
 * Recurring tasks as dated items: one occurrence per month or quarter, each with its own opening and deadline.
 * A deadline stays in its occurrence's month and in the plan's year: a day that the deadline policy would move
 * past the month's end (or into the next year) becomes the last working day before it, and the rule says so.
 */
import { formatDate, formatShortDate } from './format-date.js';
import { occurrenceItemId } from './ids.js';
import { daysInMonth, localInstant, ymd } from './local-date.js';
import type { Plan, RecurringTask } from './plan-schema.js';
import type { DatedStep, TaskSpec, WorkCalendar } from './schedule-types.js';
import {
  addWorkingDays,
  applyDeadlinePolicy,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
} from './work-calendar.js';

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** `date` itself when it is a working day, else the next one. */
const firstWorkingDayFrom = (cal: WorkCalendar, date: string) =>
  isWorkingDay(cal, date) ? date : nextWorkingDay(cal, date);

/** One occurrence's period: its index (month 1–12 or quarter 1–4), its first and last month, its name. */
interface Occurrence {
  index: number;
  year: number;
  firstMonth: number;
  lastMonth: number;
  vi: string;
  en: string;
}

/** The occurrences from `from` to `to` (`yyyy-MM`, inclusive); a quarter counts when its last month is in range. */
export function occurrences(task: Pick<RecurringTask, 'every' | 'from' | 'to'>): Occurrence[] {
  const [fy, fm] = task.from.split('-').map(Number) as [number, number];
  const [ty, tm] = task.to.split('-').map(Number) as [number, number];
  const out: Occurrence[] = [];
  for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    if (task.every === 'month') {
      const mm = String(m).padStart(2, '0');
      out.push({ index: m, year: y, firstMonth: m, lastMonth: m, vi: `tháng ${mm}/${y}`, en: `${mm}/${y}` });
    } else if (m % 3 === 0) {
      const q = m / 3;
      out.push({
        index: q,
        year: y,
        firstMonth: m - 2,
        lastMonth: m,
        vi: `quý ${ROMAN[q - 1]}/${y}`,
        en: `Q${q} ${y}`,
      });
    }
  }
  return out;
}

/** The deadline of one occurrence, with the rule that set it in words. */
function occurrenceDue(plan: Plan, cal: WorkCalendar, task: RecurringTask, o: Occurrence): DatedStep {
  const last = daysInMonth(o.year, o.lastMonth);
  const monthEnd = ymd(o.year, o.lastMonth, last);
  const month = `${String(o.lastMonth).padStart(2, '0')}/${o.year}`;
  const at = (date: string) => localInstant(date, plan.defaults.sendAt, cal.timeZone);
  if ('lastWorkingDay' in task.due || 'firstWorkingDay' in task.due) {
    const lastDay = 'lastWorkingDay' in task.due;
    const date = lastDay
      ? isWorkingDay(cal, monthEnd)
        ? monthEnd
        : previousWorkingDay(cal, monthEnd)
      : firstWorkingDayFrom(cal, ymd(o.year, o.lastMonth, 1));
    const which = lastDay ? ['ngày làm việc cuối', 'last working day'] : ['ngày làm việc đầu', 'first working day'];
    return {
      at: at(date),
      date,
      rule: `Hạn ${o.vi}: ${which[0]} của tháng ${month} (${formatDate(date, 'vi')})`,
      ruleEn: `Deadline for ${o.en}: the ${which[1]} of ${month} (${formatDate(date, 'en')})`,
    };
  }
  const base = ymd(o.year, o.lastMonth, Math.min(task.due.day, last));
  const origin = `Hạn ${o.vi}: ngày ${formatShortDate(base)}`;
  const originEn = `Deadline for ${o.en}: ${formatShortDate(base)}`;
  const applied = applyDeadlinePolicy(cal, base, task.deadlinePolicy ?? plan.defaults.deadlinePolicy);
  if (applied.date <= monthEnd)
    return {
      at: at(applied.date),
      date: applied.date,
      rule: `${origin}. ${applied.rule}`,
      ruleEn: `${originEn}. ${applied.ruleEn}`,
    };
  // Moving forward would leave the month (and, in December, the plan's year): the last working day before it.
  const date = previousWorkingDay(cal, base);
  return {
    at: at(date),
    date,
    rule: `${origin} là ngày nghỉ; hạn giữ trong tháng ${month}: ngày làm việc trước đó, ${formatDate(date, 'vi')}`,
    ruleEn: `${originEn} is a day off; the deadline stays in ${month}: the working day before, ${formatDate(date, 'en')}`,
  };
}

/** Every occurrence of a recurring task as a task item (`task-05-m03` …), in time order. */
export function recurringItems(plan: Plan, cal: WorkCalendar, task: RecurringTask): TaskSpec[] {
  return occurrences(task).map((o) => {
    const due = occurrenceDue(plan, cal, task, o);
    const opensDate = task.opensWorkingDaysBefore
      ? addWorkingDays(cal, due.date, -task.opensWorkingDaysBefore)
      : firstWorkingDayFrom(cal, ymd(o.year, o.firstMonth, 1));
    const opens: DatedStep = {
      at: localInstant(opensDate, plan.defaults.sendAt, cal.timeZone),
      date: opensDate,
      rule: task.opensWorkingDaysBefore
        ? `Giao ${task.opensWorkingDaysBefore} ngày làm việc trước hạn ${o.vi}`
        : `Giao vào ngày làm việc đầu tiên của ${o.vi} (${formatDate(opensDate, 'vi')})`,
      ruleEn: task.opensWorkingDaysBefore
        ? `Assigned ${task.opensWorkingDaysBefore} working days before the deadline for ${o.en}`
        : `Assigned on the first working day of ${o.en} (${formatDate(opensDate, 'en')})`,
    };
    return {
      itemId: occurrenceItemId(task.number, task.every, o.index),
      kind: 'task',
      title: `${task.title} (${o.vi})`,
      content: task.content,
      forms: [...task.forms],
      opens,
      units: task.units.map((u) => ({ unit: u.unit, role: u.role, due })),
      reminders: task.reminders ?? plan.defaults.reminders,
      escalation: task.escalation ?? plan.defaults.escalation,
      deadlinePolicy: task.deadlinePolicy ?? plan.defaults.deadlinePolicy,
      sendAt: plan.defaults.sendAt,
    };
  });
}
