import { DateTime } from 'luxon';
import { formatDate } from './format-date.js';
import type { Locale } from './format-date.js';
import { localInstant } from './local-date.js';
import type { Plan } from './plan-schema.js';
import { periodName } from './reporting-periods.js';
import { officeSteps } from './office-steps.js';
import { scheduleItems, unitSteps } from './schedule.js';
import type { StepKind, WorkCalendar } from './schedule-types.js';
import { isProvisionalDate } from './work-calendar.js';

/** What a preview row shows: a unit step, or a report's cut-off or office deadline. */
export type PreviewKind = StepKind | 'cut-off' | 'office-due' | 'office-reminder';

/** One dated action of the plan's year, as the dry run shows it. */
export interface PreviewRow {
  /** ISO instant with offset. */
  at: string;
  /** Local date `yyyy-MM-dd`. */
  date: string;
  /** `thứ Sáu, 20/03/2026` (or English). */
  day: string;
  itemId: string;
  title: string;
  /** The unit concerned; absent for the item's opening, cut-off and office deadline. */
  unit?: string;
  /** The unit's name as the plan writes it (`Phòng Tổ chức cán bộ`), beside `unit`. */
  unitName?: string;
  kind: PreviewKind;
  /** `kind` in words, in the chosen language: `Nhắc hạn`, `Đề nghị báo cáo` (a report's opening), `Chốt số liệu`. */
  stepLabel: string;
  /** Why this date, in the chosen language. */
  rule: string;
  /** Present when the date is read on a provisional calendar (a computed year, no approved document yet): it may move. */
  provisional?: true;
}

/** The steps in the office's words (the e-mails' and the Temporal UI's labels); the opening depends on the item. */
const STEP_LABELS: Record<Locale, Record<Exclude<PreviewKind, 'open'>, string> & { assign: string; request: string }> =
  {
    vi: {
      assign: 'Giao nhiệm vụ',
      request: 'Đề nghị báo cáo',
      reminder: 'Nhắc hạn',
      'due-today': 'Đến hạn hôm nay',
      overdue: 'Quá hạn',
      'escalate-office': 'Báo Văn phòng',
      'escalate-director': 'Báo Giám đốc',
      'cut-off': 'Chốt số liệu',
      'office-due': 'Hạn Văn phòng tổng hợp',
      'office-reminder': 'Nhắc Văn phòng tổng hợp',
    },
    en: {
      assign: 'Assignment',
      request: 'Report request',
      reminder: 'Reminder',
      'due-today': 'Due today',
      overdue: 'Overdue',
      'escalate-office': 'Office alerted',
      'escalate-director': 'Director alerted',
      'cut-off': 'Data cut-off',
      'office-due': "Office's consolidation deadline",
      'office-reminder': 'Office reminded to consolidate',
    },
  };

/** `Nhắc hạn`, `Giao nhiệm vụ` (a task's opening) or `Đề nghị báo cáo` (a report's), in `locale`. */
export function stepLabel(kind: PreviewKind, itemKind: 'task' | 'report', locale: Locale = 'vi'): string {
  const labels = STEP_LABELS[locale];
  if (kind === 'open') return itemKind === 'report' ? labels.request : labels.assign;
  return labels[kind];
}

const KIND_ORDER: PreviewKind[] = [
  'cut-off',
  'open',
  'reminder',
  'due-today',
  'overdue',
  'escalate-office',
  'escalate-director',
  'office-reminder',
  'office-due',
];

/**
 * Every dated action of the plan's year (feature 23, year preview): item openings, each unit's reminders, due day,
 * overdue notice and escalations, each report's cut-off (NĐ 09/2019 Điều 12) and office deadline; sorted by time.
 */
export function previewRows(plan: Plan, cal: WorkCalendar, locale: Locale = 'vi'): PreviewRow[] {
  const zone = cal.timeZone;
  const rows: PreviewRow[] = [];
  const pick = (s: { rule: string; ruleEn: string }) => (locale === 'vi' ? s.rule : s.ruleEn);
  const unitName = new Map(plan.units.map((u) => [u.code, u.name]));
  for (const item of scheduleItems(plan, cal)) {
    const base = { itemId: item.itemId, title: item.title };
    const label = (kind: PreviewKind) => stepLabel(kind, item.kind, locale);
    rows.push({
      ...base,
      at: item.opens.at,
      date: item.opens.date,
      day: formatDate(item.opens.date, locale),
      kind: 'open',
      stepLabel: label('open'),
      rule: pick(item.opens),
    });
    for (const u of item.units) {
      for (const step of unitSteps(item, u.due, cal)) {
        if (step.kind === 'open') continue;
        // The office is not told about its own unit (the reporting chain): the director is.
        if (step.kind === 'escalate-office' && u.unit === plan.office.unit) continue;
        rows.push({
          ...base,
          at: step.at,
          date: step.date,
          day: formatDate(step.date, locale),
          unit: u.unit,
          unitName: unitName.get(u.unit) ?? u.unit,
          kind: step.kind,
          stepLabel: label(step.kind),
          rule: pick(step),
        });
      }
    }
    if (item.kind === 'report')
      for (const step of officeSteps(item, cal))
        rows.push({
          ...base,
          at: step.at,
          date: step.date,
          day: formatDate(step.date, locale),
          kind: 'office-reminder',
          stepLabel: label('office-reminder'),
          rule: pick(step),
        });
    const period = item.kind === 'report' ? item.period : undefined;
    if (period && period.code !== 'adhoc') {
      const name = periodName(period.code, locale);
      // the cut-off day ends at 24:00; shown at the end of that day so it sorts after anything sent that day
      const cutAt = localInstant(period.to, '23:59', zone);
      rows.push({
        ...base,
        at: cutAt,
        date: period.to,
        day: formatDate(period.to, locale),
        kind: 'cut-off',
        stepLabel: label('cut-off'),
        rule:
          locale === 'vi'
            ? `Chốt số liệu kỳ ${name}: ${formatDate(period.from, 'vi')} – ${formatDate(period.to, 'vi')} (NĐ 09/2019 Điều 12)`
            : `Cut-off of the ${name} report: ${formatDate(period.from, 'en')} – ${formatDate(period.to, 'en')} (Decree 09/2019 art. 12)`,
      });
      rows.push({
        ...base,
        at: period.officeDue.at,
        date: period.officeDue.date,
        day: formatDate(period.officeDue.date, locale),
        kind: 'office-due',
        stepLabel: label('office-due'),
        rule: pick(period.officeDue),
      });
    }
  }
  for (const r of rows) if (isProvisionalDate(cal, r.date)) r.provisional = true;
  const millis = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
  return rows.sort(
    (a, b) =>
      millis(a.at) - millis(b.at) ||
      a.itemId.localeCompare(b.itemId) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.unit ?? '').localeCompare(b.unit ?? ''),
  );
}

/**
 * The preview's warning when some rows fall in a provisional year, e.g. for a 2026 plan with steps in January 2027:
 * `Lịch năm 2027 là lịch tính toán tạm thời (chưa có văn bản phê duyệt; tính theo BLLĐ 2019 Điều 112): các ngày đánh
 * dấu * có thể thay đổi.` Undefined when every row is on an approved calendar.
 */
export function provisionalNote(rows: PreviewRow[], locale: Locale = 'vi'): string | undefined {
  const years = [...new Set(rows.filter((r) => r.provisional).map((r) => r.date.slice(0, 4)))].sort().join(', ');
  if (!years) return undefined;
  return locale === 'vi'
    ? `Lịch năm ${years} là lịch tính toán tạm thời (chưa có văn bản phê duyệt; tính theo BLLĐ 2019 Điều 112): các ngày đánh dấu * có thể thay đổi.`
    : `The calendar for ${years} is provisional (computed from the Labour Code 2019 art. 112; no approved document yet): dates marked * may change.`;
}
