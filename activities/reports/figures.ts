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
  // The subordinates' outputs come only through their reports for the period (they hold none of the plan's duties).
  const below = new Set((req.subordinates ?? []).map((s) => s.code));
  const fromBelow = (req.periodReport?.units ?? []).filter((e) => below.has(e.code));
  for (const e of [...all, ...fromBelow])
    for (const [form, n] of Object.entries(e.submission?.figures ?? {}))
      totalsByForm.set(form, (totalsByForm.get(form) ?? 0) + n);
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
