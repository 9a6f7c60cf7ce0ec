/**
 * Targets (chỉ tiêu) against what units reported: a count per month, per report period or per year, or a share.
 * A year's count is prorated to a shorter period by its months, and a month's count multiplied by them; e.g. a
 * target of 1 tin/tháng asks 3 of a quarter's report, 12 of the annual one.
 */
import type { Locale } from './format-date.js';
import type { PeriodCode, PlanTarget } from './plan-schema.js';

/** Months a report period covers (ND 09/2019 Điều 12): a quarter 3, six months 6, nine months 9, a year 12. */
export function periodMonths(code: PeriodCode | 'adhoc'): number {
  if (code === 'Y') return 12;
  if (code === 'M9') return 9;
  if (code === 'H1' || code === 'H2') return 6;
  if (code.startsWith('Q')) return 3;
  return 1;
}

/** The count a period must reach, or the share (percent) for a share target. */
export function periodTarget(target: PlanTarget, code: PeriodCode | 'adhoc'): number {
  if ('percent' in target) return target.percent;
  const months = periodMonths(code);
  if (target.per === 'month') return target.count * months;
  if (target.per === 'year') return Math.ceil((target.count * months) / 12);
  return target.count;
}

/** `tối thiểu 1/tháng`, `100% TTHC được niêm yết`: the target as the plan says it. */
export function targetText(target: PlanTarget, locale: Locale): string {
  if ('percent' in target) return `${target.percent}% ${target.of}`;
  const per = { month: ['tháng', 'month'], period: ['kỳ báo cáo', 'report period'], year: ['năm', 'year'] }[target.per];
  return locale === 'vi' ? `tối thiểu ${target.count}/${per[0]}` : `at least ${target.count} per ${per[1]}`;
}

/** One target against what was reached: the gap is what is still missing (0 when met). */
export interface TargetProgress {
  target: number;
  achieved: number;
  gap: number;
  met: boolean;
  unit: 'count' | 'percent';
}

/** `achieved` against `target` for period `code`; a share is met at or above its percent. */
export function progress(target: PlanTarget, code: PeriodCode | 'adhoc', achieved: number): TargetProgress {
  const goal = periodTarget(target, code);
  const gap = Math.max(0, Math.round((goal - achieved) * 100) / 100);
  return { target: goal, achieved, gap, met: gap === 0, unit: 'percent' in target ? 'percent' : 'count' };
}

/** What one unit reported on the duties and forms of a report (its last submission), as the reckoning needs it. */
export interface ReportedFigures {
  figures: Record<string, number>;
  duties?: Record<string, { figures: Record<string, number>; percent?: number }>;
}

/**
 * What the units reached on a duty in one report: for a count, every output they reported on it (all forms); for a
 * share, the mean of the shares they reported. `undefined` when nobody has reported on it yet.
 */
export function dutyAchieved(
  duty: { number: number; target?: PlanTarget },
  reports: readonly ReportedFigures[],
): number | undefined {
  const entries = reports.map((r) => r.duties?.[String(duty.number)]).filter((d) => d !== undefined);
  if (!entries.length) return undefined;
  if (duty.target && 'percent' in duty.target) {
    const shares = entries.map((d) => d.percent).filter((p): p is number => p !== undefined);
    return shares.length ? Math.round((shares.reduce((a, b) => a + b, 0) / shares.length) * 10) / 10 : undefined;
  }
  return entries.reduce((sum, d) => sum + Object.values(d.figures).reduce((a, b) => a + b, 0), 0);
}

/** What the units reached on a form in one report: the figures they reported for it, all units together. */
export function formAchieved(form: string, reports: readonly ReportedFigures[]): number {
  return reports.reduce((sum, r) => sum + (r.figures[form] ?? 0), 0);
}
