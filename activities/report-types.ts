import type { Submission } from '../domain/submission.js';
import type { CountTarget, PlanTarget } from '../domain/plan-schema.js';

/** Where one unit stands on one item at the end of the period. */
export type UnitItemStatus = 'done-on-time' | 'done-late' | 'pending-in-time' | 'overdue';

/** Input of `generateReport`: a snapshot of the plan's items for one period, gathered by the reporting workflow. */
export interface ReportRequest {
  /** Stable across retries, e.g. `plan-SGDDT-HCM-2026/report-Q1`: names the files and holds the document number. */
  key: string;
  locale: 'vi' | 'en';
  organisation: { code: string; name: string; parentBody?: string; placeName: string; symbol: string };
  plan: { number: string; title: string; year: number };
  /** The office that drafts the report: its code ends the `Lưu: VT, <unit>.` line. */
  office: { unit: string; name?: string };
  /** `title` as in the plan: `Giám đốc` signs directly, `Phó Giám đốc` signs `KT. GIÁM ĐỐC`. */
  director: { name: string; title: string };
  period: { code: string; title: string; from: string; to: string };
  /** Signing date, `yyyy-MM-dd`; also picks the year of the number register. */
  issuedOn: string;
  units: { code: string; name: string }[];
  /** The bodies below that report to this one: units of `periodReport`, counted and listed apart from `units`. */
  subordinates?: { code: string; name: string }[];
  forms: { code: string; title: string; target?: CountTarget }[];
  /** The plan's ongoing duties (thường xuyên), reported on by the units in their reports for the period. */
  duties?: { number: number; title: string; target?: PlanTarget }[];
  items: ReportItem[];
  /**
   * The period's own report item (report-Q1, report-Y …): each unit's report for the period, with its results,
   * shortcomings, next tasks and proposals. Shown apart from the plan's duties in `items` and not counted among them.
   */
  periodReport?: ReportItem;
  /** Difficulties the units raised with the office in the period, in the order raised (section IV). */
  difficulties?: ReportDifficulty[];
  /** `Nơi nhận` lines, without the leading dash or trailing semicolon, e.g. `UBND Thành phố (để báo cáo)`. */
  recipients: string[];
}

export interface ReportItem {
  itemId: string;
  kind: 'task' | 'report';
  title: string;
  forms: string[];
  units: ReportItemUnit[];
}

/** A difficulty as the report shows it: dates already on the plan's calendar (`yyyy-MM-dd`), no zone left to apply. */
export interface ReportDifficulty {
  unit: string;
  raisedOn: string;
  text: string;
  answer?: { text: string; on: string };
}

export interface ReportItemUnit {
  code: string;
  role: 'lead' | 'support';
  due: string;
  status: UnitItemStatus;
  submittedAt?: string;
  submission?: Submission;
  /** How many versions were submitted (returned and resubmitted counts 2). */
  versions: number;
}

/** Counts and rates of one row (unit or item); rates are fractions 0–1, `null` when there is nothing to divide by. */
export interface RateRow {
  code: string;
  name: string;
  assigned: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  pendingInTime: number;
  overdue: number;
  /** done / assigned. */
  completionRate: number | null;
  /** done on time / done. */
  onTimeRate: number | null;
}

export interface ReportFigures {
  totals: RateRow;
  perUnit: RateRow[];
  perItem: RateRow[];
  /** Sum of `submission.figures` per communication form, in the plan's order of forms. */
  perForm: { code: string; title: string; total: number }[];
  overdue: { itemId: string; title: string; unit: string; unitName: string; due: string }[];
}

export interface ReportResult {
  /** `05/BC-SGDĐT`. */
  number: string;
  /** Absolute paths. `png` is absent only when the chart could not be rendered. */
  files: { docx: string; html: string; xlsx: string; csv: string; png?: string };
  figures: ReportFigures;
}
