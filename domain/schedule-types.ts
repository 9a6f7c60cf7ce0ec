import type { DeadlinePolicy, Escalation, PeriodCode, PlanTarget } from './plan-schema.js';

/** A computed local date with the rule that produced it, in words, so people can check it against the document. */
export interface DatedStep {
  /** The instant the system acts, ISO 8601 with offset, e.g. `2026-03-20T08:00:00.000+07:00`. */
  at: string;
  /** The local calendar date, `yyyy-MM-dd`. */
  date: string;
  /** Why this date, in Vietnamese: `Hạn 20/06/2026 rơi vào thứ Bảy; lùi sang thứ Hai 22/06/2026 (BLDS 2015 Điều 148 k5)`. */
  rule: string;
  /** The same in English. */
  ruleEn: string;
}

/** One day that differs from the Monday–Friday week. */
export interface CalendarDay {
  date: string;
  kind: 'off' | 'working';
  /** `Tết Nguyên đán`, `Nghỉ bù Giỗ Tổ Hùng Vương`, `Làm bù cho thứ Sáu 02/01`. */
  name: string;
}

/** The civil-service calendar of one year, as approved (or computed from the Labour Code when no decision is known). */
export interface OfficialYear {
  year: number;
  /** Document that set it, e.g. `VPCP 12729/VPCP-KGVX`; `Bộ luật Lao động 2019 Điều 112 (tính toán)` when computed. */
  source: string;
  days: CalendarDay[];
  /**
   * True when no document has approved the year yet and its days were computed from the Labour Code (e.g. 2027 while
   * offices plan for it): dates in it may move once the government decides. Absent on approved years.
   */
  provisional?: boolean;
}

/** Everything workflows need to do working-day arithmetic: serialisable, passed as workflow input. */
export interface WorkCalendar {
  timeZone: string;
  saturdaysWorking: boolean;
  years: OfficialYear[];
  /** The organisation's own overrides, applied last. */
  overrides: CalendarDay[];
}

/** The steps in one unit's life on one item; each happens at most once. */
export const STEP_KINDS = ['open', 'reminder', 'due-today', 'overdue', 'escalate-office', 'escalate-director'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** A dated step for one unit; `key` is stable (`reminder-3`, `escalate-office`) and feeds the e-mail's Message-ID. */
export interface UnitStep extends DatedStep {
  kind: StepKind;
  key: string;
}

/** One unit's share of an item. */
export interface ItemUnit {
  unit: string;
  role: 'lead' | 'support';
  due: DatedStep;
}

/** What every item has, whatever its kind. */
interface ItemSpecBase {
  /** `task-03`, `report-Q1`, `report-adhoc-1`: the suffix of the child workflow id. */
  itemId: string;
  title: string;
  content: string;
  forms: string[];
  opens: DatedStep;
  units: ItemUnit[];
  /** Working days before the deadline (reminders) and after it (escalation). */
  reminders: number[];
  escalation: Escalation;
  deadlinePolicy: DeadlinePolicy;
  /** `HH:mm` local time at which notices go out. */
  sendAt: string;
}

/** A report's period, its cut-off window (Nghị định 09/2019 Điều 12) and the office's own deadline. */
export interface ReportPeriod<Code extends PeriodCode | 'adhoc' = PeriodCode | 'adhoc'> {
  code: Code;
  from: string;
  to: string;
  officeDue: DatedStep;
}

/** A dated task of the plan. */
export interface TaskSpec extends ItemSpecBase {
  kind: 'task';
}

/** An ongoing duty whose results a periodic report asks for, with the units that carry it. */
export interface ReportDuty {
  number: number;
  title: string;
  forms: string[];
  units: string[];
  target?: PlanTarget;
}

/** A report the plan asks for every period (quarter, six months, year …). */
export interface PeriodicReportSpec extends ItemSpecBase {
  kind: 'report';
  period: ReportPeriod<PeriodCode>;
  /** The plan's ongoing duties: each unit reports its results on those it carries (absent when the plan has none). */
  duties?: ReportDuty[];
}

/** A report the office asks for once (báo cáo đột xuất, ND 09/2019 Điều 4). */
export interface AdHocReportSpec extends ItemSpecBase {
  kind: 'report';
  period: ReportPeriod<'adhoc'>;
}

export type ReportSpec = PeriodicReportSpec | AdHocReportSpec;

/** Something units must deliver: a task or a report. Input of the item workflow. */
export type ItemSpec = TaskSpec | ReportSpec;
