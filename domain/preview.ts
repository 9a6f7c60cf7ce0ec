import { DateTime } from 'luxon';
import { formatDate } from './format-date.js';
import type { Locale } from './format-date.js';
import { localInstant } from './local-date.js';
import type { Plan } from './plan-schema.js';
import { periodName } from './reporting-periods.js';
import { scheduleItems, unitSteps } from './schedule.js';
import type { StepKind, WorkCalendar } from './schedule-types.js';

/** What a preview row shows: a unit step, or a report's cut-off or office deadline. */
export type PreviewKind = StepKind | 'cut-off' | 'office-due';

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
  kind: PreviewKind;
  /** Why this date, in the chosen language. */
  rule: string;
}

const KIND_ORDER: PreviewKind[] = [
  'cut-off',
  'open',
  'reminder',
  'due-today',
  'overdue',
  'escalate-office',
  'escalate-director',
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
  for (const item of scheduleItems(plan, cal)) {
    const base = { itemId: item.itemId, title: item.title };
    rows.push({
      ...base,
      at: item.opens.at,
      date: item.opens.date,
      day: formatDate(item.opens.date, locale),
      kind: 'open',
      rule: pick(item.opens),
    });
    for (const u of item.units) {
      for (const step of unitSteps(item, u.due, cal)) {
        if (step.kind === 'open') continue;
        rows.push({
          ...base,
          at: step.at,
          date: step.date,
          day: formatDate(step.date, locale),
          unit: u.unit,
          kind: step.kind,
          rule: pick(step),
        });
      }
    }
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
        rule: pick(period.officeDue),
      });
    }
  }
  const millis = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
  return rows.sort(
    (a, b) =>
      millis(a.at) - millis(b.at) ||
      a.itemId.localeCompare(b.itemId) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.unit ?? '').localeCompare(b.unit ?? ''),
  );
}
