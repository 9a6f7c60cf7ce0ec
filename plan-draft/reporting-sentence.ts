import type { PeriodCode } from '../domain/plan-schema.js';

/** What a plan's reporting sentence says: the periods, whether ad hoc reports are asked for, the office's day. */
export interface ReportingSaid {
  /** The sentence it was read from. */
  sentence: string;
  periods: PeriodCode[];
  adHoc: boolean;
  officeDeadlineDay?: number;
}

/** A period the sentence names: its code, the month it ends in and how many months it covers. */
interface Candidate {
  code: PeriodCode;
  endMonth: number;
  months: number;
}

const QUARTERS: Candidate[] = [
  { code: 'Q1', endMonth: 3, months: 3 },
  { code: 'Q2', endMonth: 6, months: 3 },
  { code: 'Q3', endMonth: 9, months: 3 },
  { code: 'Q4', endMonth: 12, months: 3 },
];
const MONTHS: Candidate[] = Array.from({ length: 12 }, (_, i) => ({
  code: `M${String(i + 1).padStart(2, '0')}` as PeriodCode,
  endMonth: i + 1,
  months: 1,
}));

// Vietnamese letters are not `\w`, so word edges are spelled out: not a letter or digit on either side.
const QUARTERLY = /(?<![\p{L}\d])quý(?![\p{L}])(?!\s+(?:I|II|III|IV)\b)/iu;
const SIX_MONTHS = /(?<![\p{L}\d])(?:6|sáu)\s+tháng/iu;
const NINE_MONTHS = /(?<![\p{L}\d])(?:9|chín)\s+tháng/iu;
/**
 * `năm` as a period (hàng năm, báo cáo năm), not the year of a date or a plan (`năm 2022`, `năm học 2021-2022`) nor
 * the half-year (`6 tháng đầu năm`).
 */
const YEARLY = /(?<![\p{L}\d])(?<!đầu\s)năm(?![\p{L}])(?!\s*(?:học\s*)?\d)/iu;
const MONTHLY = /(?:hàng|hằng|mỗi|theo)\s+tháng(?![\p{L}])/iu;
const AD_HOC = /đột\s+xuất/iu;
const REPORTS = /báo\s+cáo/iu;
const OFFICE_DAY =
  /(?:trước|chậm nhất|hạn)\s+(?:là\s+)?(?:ngày\s+)?(\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+(?:mỗi\s+)?(?:quý|kỳ)/iu;

/**
 * The reporting regime of a sentence that reports (`báo cáo`) by period: "định kỳ hàng quý, 6 tháng, năm báo cáo …"
 * → Q1, H1, Q3, Y; "theo quý, 6 tháng, đột xuất" → Q1, H1, Q3, Q4 with ad hoc reports. Where two named periods end in
 * the same month the longer one is kept, as the office writes one report then (H1 covers quý II, Y covers quý IV).
 * @example reportingOf('Báo cáo cấp trên theo đúng quy định ( theo quý, 6 tháng, đột xuất)') // periods Q1, H1, Q3, Q4
 */
export function reportingOf(sentence: string): ReportingSaid | undefined {
  if (!REPORTS.test(sentence)) return undefined;
  const named: Candidate[] = [];
  if (MONTHLY.test(sentence)) named.push(...MONTHS);
  if (QUARTERLY.test(sentence)) named.push(...QUARTERS);
  if (SIX_MONTHS.test(sentence)) named.push({ code: 'H1', endMonth: 6, months: 6 });
  if (NINE_MONTHS.test(sentence)) named.push({ code: 'M9', endMonth: 9, months: 9 });
  // "năm" counts only beside another period or as "hàng năm"/"báo cáo năm": alone it is too common a word.
  const yearly =
    YEARLY.test(sentence) && (named.length > 0 || /(?:hàng|hằng|báo\s+cáo)\s+năm(?![\p{L}])/iu.test(sentence));
  if (yearly) named.push({ code: 'Y', endMonth: 12, months: 12 });
  const adHoc = AD_HOC.test(sentence);
  if (named.length === 0 && !adHoc) return undefined;
  const byEnd = new Map<number, Candidate>();
  for (const c of named) {
    const kept = byEnd.get(c.endMonth);
    if (!kept || c.months > kept.months) byEnd.set(c.endMonth, c);
  }
  const periods = [...byEnd.values()].sort((a, b) => a.endMonth - b.endMonth).map((c) => c.code);
  const day = OFFICE_DAY.exec(sentence)?.[1];
  return { sentence, periods, adHoc, ...(day ? { officeDeadlineDay: Number(day) } : {}) };
}

/** The sentences of a paragraph: split after `.`, `;` and `!` followed by a space, kept whole inside brackets. */
export function sentencesOf(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.;!])\s+(?![^(]*\))/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
