import { formatDate, formatShortDate } from './format-date.js';
import { daysInMonth, localInstant, plusDays, ymd } from './local-date.js';
import type { Locale } from './format-date.js';
import type { PeriodCode, Plan } from './plan-schema.js';
import { reportItemId } from './ids.js';
import type { DatedStep, PeriodicReportSpec, ReportDuty, WorkCalendar } from './schedule-types.js';
import { addWorkingDays, applyDeadlinePolicy, isWorkingDay, workingDaysBetween } from './work-calendar.js';

/** Periodic reports of Nghị định 09/2019: cut-off windows (Điều 12) and the deadlines a plan sets for them. */

const QUARTER_LAST_MONTH = { Q1: 3, Q2: 6, Q3: 9, Q4: 12 } as const;

/** The last month of a period, e.g. `Q1` → 3, `H1` → 6, `M9` → 9, `Y` → 12, `M04` → 4. */
export function periodLastMonth(code: PeriodCode): number {
  if (code === 'Y' || code === 'H2') return 12;
  if (code === 'H1') return 6;
  if (code === 'M9') return 9;
  if (code in QUARTER_LAST_MONTH) return QUARTER_LAST_MONTH[code as keyof typeof QUARTER_LAST_MONTH];
  return Number(code.slice(1));
}

/** Months a period covers, used to find where its cut-off window starts. */
function periodMonths(code: PeriodCode): number {
  if (code === 'Y' || code === 'M9') return periodLastMonth(code);
  if (code === 'H1' || code === 'H2') return 6;
  if (code.startsWith('Q')) return 3;
  return 1;
}

/** Nghị định 09/2019 Điều 12: a period's figures end on the 14th of its last month. */
export const ND09_CUT_OFF_DAY = 14;

/**
 * Cut-off window (inclusive) of a period: from the day after `cutOffDay` of the month before the period to
 * `cutOffDay` of its last month; by default Nghị định 09/2019 Điều 12, the 15th to the 14th. E.g.
 * `periodWindow('Q1', 2026)` → `{ from: '2025-12-15', to: '2026-03-14' }`; `Y` → 15/12 of the previous year to 14/12;
 * `M9` → 15/12 to 14/9; with `cutOffDay` 15, `Q1` → 16/12 to 15/03.
 */
export function periodWindow(
  code: PeriodCode,
  year: number,
  cutOffDay = ND09_CUT_OFF_DAY,
): { from: string; to: string } {
  const last = periodLastMonth(code);
  const firstMonthIndex = last - periodMonths(code); // 0 = December of the previous year
  const before = firstMonthIndex === 0 ? ymd(year - 1, 12, cutOffDay) : ymd(year, firstMonthIndex, cutOffDay);
  const from = plusDays(before, 1);
  return { from, to: ymd(year, last, cutOffDay) };
}

/** Vietnamese and English name of a period, e.g. `Q1` → `quý I`, `H1` → `6 tháng đầu năm`. */
export function periodName(code: PeriodCode | 'adhoc', locale: Locale): string {
  const vi: Record<string, string> = {
    Q1: 'quý I',
    Q2: 'quý II',
    Q3: 'quý III',
    Q4: 'quý IV',
    H1: '6 tháng đầu năm',
    H2: '6 tháng cuối năm',
    M9: '9 tháng',
    Y: 'năm',
    adhoc: 'đột xuất',
  };
  const en: Record<string, string> = {
    Q1: 'Q1',
    Q2: 'Q2',
    Q3: 'Q3',
    Q4: 'Q4',
    H1: 'first half-year',
    H2: 'second half-year',
    M9: 'nine months',
    Y: 'year',
    adhoc: 'ad hoc',
  };
  const table = locale === 'vi' ? vi : en;
  return table[code] ?? (locale === 'vi' ? `tháng ${code.slice(1)}` : `month ${code.slice(1)}`);
}

interface ReportDates {
  window: { from: string; to: string };
  officeDue: DatedStep;
  unitDue: DatedStep;
  opens: DatedStep;
}

/** The dates of one periodic report: office deadline, the units' earlier deadline, and when the request goes out. */
function reportDates(plan: Plan, cal: WorkCalendar, code: PeriodCode): ReportDates {
  const reporting = plan.reporting;
  if (!reporting) throw new Error('plan has no reporting regime');
  const year = plan.plan.year;
  const zone = cal.timeZone;
  const sendAt = plan.defaults.sendAt;
  const month = periodLastMonth(code);
  const window = periodWindow(code, year, reporting.cutOffDay);

  const day = Math.min(reporting.officeDeadlineDay, daysInMonth(year, month));
  const officeBase = ymd(year, month, day);
  const office = applyDeadlinePolicy(cal, officeBase, reporting.deadlinePolicy);
  const officeDue: DatedStep = {
    at: localInstant(office.date, sendAt, zone),
    date: office.date,
    rule: `Văn phòng tổng hợp: ngày ${reporting.officeDeadlineDay} tháng cuối kỳ (${formatShortDate(officeBase)}). ${office.rule}`,
    ruleEn: `Office consolidates: day ${reporting.officeDeadlineDay} of the period's last month (${formatShortDate(officeBase)}). ${office.ruleEn}`,
  };

  const n = reporting.unitWorkingDaysBeforeOffice;
  const unitBase = addWorkingDays(cal, office.date, -n);
  const unit = applyDeadlinePolicy(cal, unitBase, reporting.deadlinePolicy);
  const unitDue: DatedStep = {
    at: localInstant(unit.date, sendAt, zone),
    date: unit.date,
    rule: `Đơn vị gửi trước hạn của Văn phòng (${formatShortDate(office.date)}) ${n} ngày làm việc. ${unit.rule}`,
    ruleEn: `Units report ${n} working days before the office's deadline (${formatShortDate(office.date)}). ${unit.ruleEn}`,
  };

  let opensDate = ymd(year, month, 1);
  while (!isWorkingDay(cal, opensDate)) opensDate = addWorkingDays(cal, opensDate, 1);
  const latest = addWorkingDays(cal, unit.date, -3);
  const capped = latest < opensDate;
  if (capped) opensDate = latest;
  const opens: DatedStep = {
    at: localInstant(opensDate, sendAt, zone),
    date: opensDate,
    rule: capped
      ? `Gửi yêu cầu báo cáo 3 ngày làm việc trước hạn đơn vị: ${formatDate(opensDate, 'vi')}`
      : `Gửi yêu cầu báo cáo ngày làm việc đầu tiên của tháng cuối kỳ: ${formatDate(opensDate, 'vi')}`,
    ruleEn: capped
      ? `Report request sent 3 working days before the units' deadline: ${formatDate(opensDate, 'en')}`
      : `Report request sent on the first working day of the period's last month: ${formatDate(opensDate, 'en')}`,
  };
  return { window, officeDue, unitDue, opens };
}

/** Units a reporting regime asks: `reporting.units`, else every unit of the plan. */
export function reportingUnits(plan: Plan): string[] {
  return plan.reporting?.units ?? plan.units.map((u) => u.code);
}

/**
 * The ongoing duties (thường xuyên) whose results every periodic report asks for, with the units that carry them:
 * they have no deadline of their own, so this is where they are reported. Empty when the plan has none.
 */
function ongoingDutiesAsked(plan: Plan): string {
  if (plan.ongoingDuties.length === 0) return '';
  const names = new Map(plan.units.map((u) => [u.code, u.name]));
  const duties = plan.ongoingDuties.map(
    (d) => `${d.title} (${d.units.map((u) => names.get(u.unit) ?? u.unit).join(', ')})`,
  );
  return ` Nêu kết quả các nhiệm vụ thường xuyên trong kỳ: ${duties.join('; ')}.`;
}

/** One item per period of `plan.reporting.periods` (`report-Q1` …), with ND 09/2019 Điều 12 windows and the plan's deadlines. */
export function reportItems(plan: Plan, cal: WorkCalendar): PeriodicReportSpec[] {
  const reporting = plan.reporting;
  if (!reporting) return [];
  const year = plan.plan.year;
  return reporting.periods.map((code) => {
    const { window, officeDue, unitDue, opens } = reportDates(plan, cal, code);
    const name = periodName(code, 'vi');
    return {
      itemId: reportItemId(code),
      kind: 'report' as const,
      title: `Báo cáo ${name} ${year}: ${plan.plan.title}`,
      content:
        `Báo cáo kết quả thực hiện Kế hoạch ${plan.plan.number} kỳ ${name} năm ${year}, ` +
        `số liệu từ ${formatShortDate(window.from)} đến ${formatShortDate(window.to)} ` +
        `(${reporting.cutOffDay === ND09_CUT_OFF_DAY ? 'NĐ 09/2019 Điều 12' : 'theo chế độ báo cáo của ngành'}), ` +
        `theo đề cương: kết quả; hạn chế, nguyên nhân; nhiệm vụ kỳ tới; đề xuất.` +
        ongoingDutiesAsked(plan),
      forms: plan.forms.map((f) => f.code),
      opens,
      // A plan started before subordinates existed keeps its definition without them (the workflow's state).
      units: [...reportingUnits(plan), ...(plan.subordinates ?? []).map((s) => s.code)].map((unit) => ({
        unit,
        role: 'lead' as const,
        due: unitDue,
      })),
      reminders: reporting.reminders ?? plan.defaults.reminders,
      escalation: reporting.escalation ?? plan.defaults.escalation,
      deadlinePolicy: reporting.deadlinePolicy,
      period: { code, from: window.from, to: window.to, officeDue },
      sendAt: plan.defaults.sendAt,
      ...(plan.ongoingDuties.length ? { duties: reportDuties(plan) } : {}),
    };
  });
}

/** The ongoing duties a periodic report asks about, each with the units (of this report) that carry it. */
function reportDuties(plan: Plan): ReportDuty[] {
  const asked = new Set(reportingUnits(plan));
  return plan.ongoingDuties.map((d) => ({
    number: d.number,
    title: d.title,
    forms: [...d.forms],
    units: d.units.map((u) => u.unit).filter((u) => asked.has(u)),
    ...(d.target ? { target: d.target } : {}),
  }));
}

/**
 * Problems with a plan's reporting regime, each naming the field to change and the value that would pass:
 * - Nghị định 09/2019 Điều 8 k5: at least 1 working day strictly between the cut-off day and the deadline day, at each
 *   level (units, office). The units' deadline is set by `officeDeadlineDay` and `unitWorkingDaysBeforeOffice`, the
 *   office's by `officeDeadlineDay`; the message gives the nearest values that pass, e.g. cut-off Mon 14/09, units due
 *   Tue 15/09 → `giảm unitWorkingDaysBeforeOffice xuống 1 hoặc tăng officeDeadlineDay lên 19`.
 * - the units' deadline falls before the plan is signed (`plan.signedOn`): the period cannot be reported;
 * - the deadline policy carries the office's deadline into the next year (31/12 a day off, FORWARD → January).
 */
export function checkReportingRegime(plan: Plan, cal: WorkCalendar, locale: Locale = 'vi'): string[] {
  const reporting = plan.reporting;
  if (!reporting) return [];
  const vi = locale === 'vi';
  const year = plan.plan.year;
  const problems: string[] = [];
  /** The dates of `code` with another office day or units' lead time. */
  const datesWith = (code: PeriodCode, officeDeadlineDay: number, unitWorkingDaysBeforeOffice: number) =>
    reportDates({ ...plan, reporting: { ...reporting, officeDeadlineDay, unitWorkingDaysBeforeOffice } }, cal, code);
  const gapOk = (cutOff: string, due: string) => workingDaysBetween(cal, cutOff, due) >= 1;
  const rule = vi
    ? 'NĐ 09/2019 Điều 8 k5 cần ít nhất 1 ngày làm việc giữa ngày chốt số liệu và hạn gửi báo cáo, ở mỗi cấp'
    : 'Decree 09/2019 art. 8(5) requires at least 1 working day between the cut-off day and the deadline, at each level';
  for (const code of reporting.periods) {
    const { window, officeDue, unitDue } = reportDates(plan, cal, code);
    const cut = window.to;
    const day = reporting.officeDeadlineDay;
    const n = reporting.unitWorkingDaysBeforeOffice;
    const monthDays = daysInMonth(year, periodLastMonth(code));
    // Both are monotonic (a later office day or a shorter lead time never brings a deadline earlier): the nearest pass.
    let minDay: number | undefined;
    for (let d = day + 1; d <= monthDays && minDay === undefined; d++) {
      const t = datesWith(code, d, n);
      if (gapOk(cut, t.unitDue.date) && gapOk(cut, t.officeDue.date)) minDay = d;
    }
    let maxLead: number | undefined;
    for (let m = n - 1; m >= 1 && maxLead === undefined; m--)
      if (gapOk(cut, datesWith(code, day, m).unitDue.date)) maxLead = m;

    const levels = [
      { vi: 'hạn của đơn vị', en: "units' deadline", due: unitDue.date, lead: maxLead },
      { vi: 'hạn của Văn phòng', en: "office's deadline", due: officeDue.date, lead: undefined },
    ];
    for (const level of levels) {
      if (gapOk(cut, level.due)) continue;
      const [due, cutOff] = [formatShortDate(level.due), formatShortDate(cut)];
      const what = vi
        ? level.due > cut
          ? `giữa ngày chốt số liệu ${cutOff} và ${level.vi} ${due} không có ngày làm việc nào`
          : `${level.vi} ${due} ${level.due === cut ? 'trùng' : 'trước'} ngày chốt số liệu ${cutOff}`
        : level.due > cut
          ? `there is no working day between the cut-off ${cutOff} and the ${level.en} ${due}`
          : `the ${level.en} ${due} is ${level.due === cut ? 'the cut-off day' : 'before the cut-off'} ${cutOff}`;
      const fixes = [
        level.lead === undefined
          ? undefined
          : vi
            ? `giảm unitWorkingDaysBeforeOffice xuống ${level.lead}`
            : `lower unitWorkingDaysBeforeOffice to ${level.lead}`,
        minDay === undefined
          ? undefined
          : vi
            ? `tăng officeDeadlineDay lên ${minDay}`
            : `raise officeDeadlineDay to ${minDay}`,
      ].filter((f) => f !== undefined);
      const fix =
        fixes.length > 0
          ? fixes.join(vi ? ' hoặc ' : ' or ')
          : vi
            ? `không ngày nào của tháng cuối kỳ đáp ứng với unitWorkingDaysBeforeOffice ${n}: giảm unitWorkingDaysBeforeOffice`
            : `no day of the period's last month passes with unitWorkingDaysBeforeOffice ${n}: lower unitWorkingDaysBeforeOffice`;
      problems.push(vi ? `kỳ ${code}: ${what} (${rule}): ${fix}` : `period ${code}: ${what} (${rule}): ${fix}`);
    }
    if (unitDue.date >= officeDue.date) {
      problems.push(
        locale === 'vi'
          ? `kỳ ${code}: hạn của đơn vị ${formatShortDate(unitDue.date)} không trước hạn của Văn phòng ${formatShortDate(officeDue.date)}`
          : `period ${code}: the units' deadline ${formatShortDate(unitDue.date)} is not before the office's deadline ${formatShortDate(officeDue.date)}`,
      );
    }
    const signed = plan.plan.signedOn;
    if (unitDue.date < signed) {
      const [due, on] = [formatShortDate(unitDue.date), formatShortDate(signed)];
      problems.push(
        vi
          ? `kỳ ${code}: hạn của đơn vị ${due} trước ngày ký kế hoạch ${on} (plan.signedOn), kỳ này không thể báo cáo theo kế hoạch: bỏ ${code} khỏi reporting.periods`
          : `period ${code}: the units' deadline ${due} is before the plan was signed on ${on} (plan.signedOn), so the plan cannot ask for this period: remove ${code} from reporting.periods`,
      );
    }
    const end = ymd(year, 12, 31);
    if (officeDue.date > end) {
      const base = ymd(year, periodLastMonth(code), Math.min(day, monthDays));
      const back = applyDeadlinePolicy(cal, base, 'BACKWARD').date;
      let maxDay: number | undefined;
      for (let d = Math.min(day, monthDays) - 1; d >= 1 && maxDay === undefined; d--)
        if (datesWith(code, d, n).officeDue.date <= end) maxDay = d;
      const [b, moved, bk] = [formatShortDate(base), formatShortDate(officeDue.date), formatShortDate(back)];
      const policy = reporting.deadlinePolicy;
      problems.push(
        vi
          ? `kỳ ${code}: hạn của Văn phòng ${b} là ngày nghỉ và deadlinePolicy ${policy} chuyển hạn sang ${moved}, sang năm ${year + 1}; hạn không được ra khỏi năm kế hoạch ${year}: đặt reporting.deadlinePolicy: BACKWARD (hạn ${bk})${maxDay === undefined ? '' : ` hoặc giảm officeDeadlineDay xuống ${maxDay}`}`
          : `period ${code}: the office's deadline ${b} is a day off and deadlinePolicy ${policy} moves it to ${moved}, into ${year + 1}; a deadline must stay in the plan year ${year}: set reporting.deadlinePolicy: BACKWARD (deadline ${bk})${maxDay === undefined ? '' : ` or lower officeDeadlineDay to ${maxDay}`}`,
      );
    }
  }
  return problems;
}
