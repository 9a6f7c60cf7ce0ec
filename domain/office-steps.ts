/**
 * The office's own part of a report (ND 09/2019: units report to the office, which consolidates and reports to the
 * director by its own deadline): reminders before that deadline, and no escalation to the office about itself.
 */
import { formatShortDate } from './format-date.js';
import { localInstant } from './local-date.js';
import type { ReportSpec, UnitStep, WorkCalendar } from './schedule-types.js';
import { addWorkingDays } from './work-calendar.js';

/**
 * Reminders to the office before its deadline to the director, on the report's reminder days (working days before
 * that deadline), only those after the report opens. E.g. office deadline Fri 20/03/2026, reminders [3, 1] →
 * Tue 17/03 and Thu 19/03 at the plan's send time.
 */
export function officeSteps(item: ReportSpec, cal: WorkCalendar): UnitStep[] {
  const due = item.period.officeDue;
  const opened = Date.parse(item.opens.at);
  return [...new Set(item.reminders)]
    .sort((a, b) => b - a)
    .map((n): UnitStep => {
      const date = addWorkingDays(cal, due.date, -n);
      return {
        kind: 'reminder',
        key: `office-reminder-${n}`,
        at: localInstant(date, item.sendAt, cal.timeZone),
        date,
        rule: `Nhắc Văn phòng trước hạn báo cáo Lãnh đạo ${n} ngày làm việc (hạn ${formatShortDate(due.date)})`,
        ruleEn: `Office reminded ${n} working day${n === 1 ? '' : 's'} before its deadline to the director (${formatShortDate(due.date)})`,
      };
    })
    .filter((s) => Date.parse(s.at) > opened);
}
