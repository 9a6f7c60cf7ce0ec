import type { RateRow, ReportFigures, ReportItemUnit, ReportRequest } from '../report-types.js';

function rateRow(code: string, name: string, entries: ReportItemUnit[]): RateRow {
  const count = (s: ReportItemUnit['status']) => entries.filter((e) => e.status === s).length;
  const doneOnTime = count('done-on-time');
  const doneLate = count('done-late');
  const done = doneOnTime + doneLate;
  return {
    code,
    name,
    assigned: entries.length,
    done,
    doneOnTime,
    doneLate,
    pendingInTime: count('pending-in-time'),
    overdue: count('overdue'),
    completionRate: entries.length ? done / entries.length : null,
    onTimeRate: done ? doneOnTime / done : null,
  };
}

/**
 * Each unit's output per form in the period. A unit's report for the period states its total (most of a plan is
 * ongoing duties, reported only there); its dated tasks state theirs as they are done. The report's figure counts
 * where it is more than the tasks' sum, the tasks' sum where the report says less or nothing: the same posts are
 * never counted twice. A body below holds no task of this plan: its report for the period is all it states.
 */
function outputsByUnit(req: ReportRequest): Map<string, Map<string, number>> {
  const fromTasks = new Map<string, Map<string, number>>();
  const of = (code: string) => fromTasks.get(code) ?? fromTasks.set(code, new Map()).get(code)!;
  for (const e of req.items.flatMap((i) => i.units))
    for (const [form, n] of Object.entries(e.submission?.figures ?? {}))
      of(e.code).set(form, (of(e.code).get(form) ?? 0) + n);
  for (const e of req.periodReport?.units ?? []) {
    const byForm = of(e.code);
    for (const [form, n] of Object.entries(e.submission?.figures ?? {}))
      byForm.set(form, Math.max(byForm.get(form) ?? 0, n));
  }
  return fromTasks;
}

/** Completion and on-time rates per unit and per item, output per form, and who is overdue; pure. */
export function computeFigures(req: ReportRequest): ReportFigures {
  const unitName = new Map(req.units.map((u) => [u.code, u.name]));
  const all = req.items.flatMap((i) => i.units);
  const perUnit = req.units.map((u) =>
    rateRow(
      u.code,
      u.name,
      all.filter((e) => e.code === u.code),
    ),
  );
  const perItem = req.items.map((i) => rateRow(i.itemId, i.title, i.units));
  const totalsByForm = new Map<string, number>();
  for (const [, byForm] of outputsByUnit(req))
    for (const [form, n] of byForm) totalsByForm.set(form, (totalsByForm.get(form) ?? 0) + n);
  const perForm = req.forms.map((f) => ({ code: f.code, title: f.title, total: totalsByForm.get(f.code) ?? 0 }));
  // Figures for forms the plan does not list still count: they are shown under their code rather than dropped.
  for (const [code, total] of totalsByForm)
    if (!req.forms.some((f) => f.code === code)) perForm.push({ code, title: code, total });
  const overdue = req.items.flatMap((i) =>
    i.units
      .filter((e) => e.status === 'overdue')
      .map((e) => ({
        itemId: i.itemId,
        title: i.title,
        unit: e.code,
        unitName: unitName.get(e.code) ?? e.code,
        due: e.due,
      })),
  );
  return {
    totals: rateRow('ALL', req.locale === 'en' ? 'All units' : 'Toàn cơ quan', all),
    perUnit,
    perItem,
    perForm,
    overdue,
  };
}

/** `87,5%` (vi) / `87.5%` (en); an em dash when there is nothing to divide by. */
export function formatRate(rate: number | null, locale: 'vi' | 'en'): string {
  if (rate === null) return '—';
  const s = (Math.round(rate * 1000) / 10).toFixed(1).replace(/\.0$/, '');
  return `${locale === 'vi' ? s.replace('.', ',') : s}%`;
}
