/**
 * Warnings for a subordinate's plan read against the plan it carries out: a period whose office deadline leaves the
 * parent fewer than `leadWorkingDays` working days before its deadline for its units (or falls after it), a period the
 * parent asks for that the child does not report, a regime missing altogether, a child that names another body above
 * it or another year. They never make a plan invalid: the child's office may have agreed another date with the parent.
 * Pure.
 */
import { formatShortDate, type Locale } from './format-date.js';
import { DEFAULT_LEAD_WORKING_DAYS, officeDeadlines, parentNeeds, type ParentNeed } from './parent-deadlines.js';
import { periodLabel } from './plan-checks.js';
import type { PeriodCode, Plan } from './plan-schema.js';
import type { WorkCalendar } from './schedule-types.js';
import { buildWorkCalendar, isWorkingDay, workingDaysBetween } from './work-calendar.js';

/** One warning, at the field of the child's plan to change. */
export interface ParentDeadlineWarning {
  /** `reporting.officeDeadlineDay`, `reporting.periods`, `reporting`, `plan.year` or `organisation.reportsTo`. */
  path: string;
  period?: PeriodCode;
  message: string;
}

/** Working days from `from` (itself included) up to `to` (excluded): how far ahead of `to` a deadline on `from` is. */
function workingDaysAhead(cal: WorkCalendar, from: string, to: string): number {
  if (from >= to) return 0;
  return workingDaysBetween(cal, from, to) + (isWorkingDay(cal, from) ? 1 : 0);
}

/** The latest office day below the child's own that is early enough for `need`, if any. */
function earlierDay(child: Plan, cal: WorkCalendar, need: ParentNeed): number | undefined {
  const reporting = child.reporting;
  if (!reporting) return undefined;
  for (let d = reporting.officeDeadlineDay - 1; d >= 1; d--) {
    const probe: Plan = { ...child, reporting: { ...reporting, periods: [need.period], officeDeadlineDay: d } };
    if ((officeDeadlines(probe, cal).get(need.period) ?? '9999') <= need.latest) return d;
  }
  return undefined;
}

/**
 * Every period of the parent's regime the child does not serve in time, e.g. a school due Tue 17/03/2026 for Q1 under
 * `plans/demo.yaml` (units due Wed 18/03) with 2 working days: `kỳ quý I (Q1): hạn của Văn phòng 17/03/2026 chỉ trước
 * hạn 18/03/2026 … 1 ngày làm việc; cần ít nhất 2 ngày làm việc, muộn nhất 16/03/2026: giảm officeDeadlineDay xuống 16`.
 */
export function parentDeadlineWarnings(
  child: Plan,
  parent: Plan,
  lang: Locale,
  leadWorkingDays = DEFAULT_LEAD_WORKING_DAYS,
): ParentDeadlineWarning[] {
  const vi = lang === 'vi';
  const who = vi
    ? `Kế hoạch ${parent.plan.number} của ${parent.organisation.name}`
    : `plan ${parent.plan.number} of ${parent.organisation.name}`;
  const out: ParentDeadlineWarning[] = [];
  const reportsTo = child.organisation.reportsTo;
  if (reportsTo !== undefined && reportsTo !== parent.organisation.code)
    out.push({
      path: 'organisation.reportsTo',
      message: vi
        ? `cơ quan báo cáo ${reportsTo}, không phải ${parent.organisation.code} của ${who}; kiểm tra kế hoạch cấp trên đã chọn`
        : `the body reports to ${reportsTo}, not to ${parent.organisation.code} of ${who}; check the parent plan given`,
    });
  if (child.plan.year !== parent.plan.year)
    return [
      ...out,
      {
        path: 'plan.year',
        message: vi
          ? `kế hoạch năm ${child.plan.year} không so được với ${who}, năm ${parent.plan.year}; cần kế hoạch cấp trên cùng năm`
          : `a ${child.plan.year} plan cannot be read against ${who}, of ${parent.plan.year}; expected the parent plan of the same year`,
      },
    ];
  const parentCal = buildWorkCalendar(parent);
  const needs = parentNeeds(parent, leadWorkingDays, parentCal);
  if (!needs.length) return out;
  if (!child.reporting) {
    const asked = needs.map((n) => n.period).join(', ');
    return [
      ...out,
      {
        path: 'reporting',
        message: vi
          ? `${who} yêu cầu báo cáo các kỳ ${asked}; kế hoạch này chưa có chế độ báo cáo: thêm reporting`
          : `${who} asks for the periods ${asked}; this plan has no reporting regime: add reporting`,
      },
    ];
  }
  const childCal = buildWorkCalendar(child);
  const due = officeDeadlines(child, childCal);
  for (const need of needs) {
    const { period, parentUnitDue, latest } = need;
    const label = periodLabel(period, lang);
    const mine = due.get(period);
    if (mine === undefined) {
      out.push({
        path: 'reporting.periods',
        period,
        message: vi
          ? `kỳ ${label}: ${who} yêu cầu báo cáo kỳ này, hạn giao cho đơn vị ${formatShortDate(parentUnitDue)}, nhưng reporting.periods không có: thêm ${period}`
          : `period ${label}: ${who} asks for it, its units due ${formatShortDate(parentUnitDue)}, but reporting.periods does not have it: add ${period}`,
      });
      continue;
    }
    if (mine <= latest) continue;
    const [ours, theirs, last] = [formatShortDate(mine), formatShortDate(parentUnitDue), formatShortDate(latest)];
    const ahead = workingDaysAhead(parentCal, mine, parentUnitDue);
    const day = earlierDay(child, childCal, need);
    const fix =
      day === undefined
        ? vi
          ? 'không ngày nào của tháng cuối kỳ đủ sớm: thống nhất hạn với cấp trên'
          : "no day of the period's last month is early enough: agree a deadline with the parent"
        : vi
          ? `giảm officeDeadlineDay xuống ${day}`
          : `lower officeDeadlineDay to ${day}`;
    const what = vi
      ? mine > parentUnitDue
        ? `hạn của Văn phòng ${ours} sau hạn ${theirs} mà ${who} giao cho đơn vị và cơ quan cấp dưới`
        : mine === parentUnitDue
          ? `hạn của Văn phòng ${ours} trùng hạn ${theirs} mà ${who} giao cho đơn vị và cơ quan cấp dưới`
          : `hạn của Văn phòng ${ours} chỉ trước hạn ${theirs} mà ${who} giao cho đơn vị và cơ quan cấp dưới ${ahead} ngày làm việc`
      : mine > parentUnitDue
        ? `the office's deadline ${ours} is after ${theirs}, the deadline ${who} sets for its units and subordinates`
        : mine === parentUnitDue
          ? `the office's deadline ${ours} is the same day as ${theirs}, the deadline ${who} sets for its units and subordinates`
          : `the office's deadline ${ours} is only ${ahead} working day${ahead === 1 ? '' : 's'} before ${theirs}, the deadline ${who} sets for its units and subordinates`;
    out.push({
      path: 'reporting.officeDeadlineDay',
      period,
      message: vi
        ? `kỳ ${label}: ${what}; cần trước ít nhất ${leadWorkingDays} ngày làm việc, muộn nhất ${last}: ${fix}`
        : `period ${label}: ${what}; at least ${leadWorkingDays} working day${leadWorkingDays === 1 ? '' : 's'} ahead are needed, ${last} at the latest: ${fix}`,
    });
  }
  return out;
}
