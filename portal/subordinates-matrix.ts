/**
 * The parent body's view of its subordinates (issue #18, "dashboards up the tree"): each subordinate of the plan
 * (rows) against each periodic report of the plan (columns), and each ad hoc report that asked a subordinate. Pure:
 * from the plan, its items with their statuses, and what each subordinate's own plan of the year says.
 */
import type { PeriodCode, Plan } from '../domain/plan-schema.js';
import type { ItemWithStatus } from './item-states.js';
import type { OfficialState, UnitOutcome, UnitPhase } from '../workflows/item-types.js';

/** Where a subordinate stands on one report, as the parent's office reads it. */
export const STANDINGS = ['on-time', 'late', 'missing', 'not-due'] as const;
export type Standing = (typeof STANDINGS)[number];

/** The four official states in the parent's words: a report overdue is one still missing. */
const STANDING_OF: Record<OfficialState, Standing> = {
  'done-on-time': 'on-time',
  'done-late': 'late',
  overdue: 'missing',
  'pending-in-time': 'not-due',
};

/** A periodic report's item id, `report-Q1` … `report-Y` (ad hoc ones are `report-adhoc-<n>`). */
const PERIODIC = /^report-(M\d\d|Q[1-4]|H[12]|M9|Y)$/;
const AD_HOC = /^report-adhoc-\d+$/;

/** One subordinate on one report; `not-asked` when that report does not ask it (an ad hoc one, or added since). */
export interface SubordinateCell {
  standing: Standing | 'not-asked';
  /** The subordinate's deadline, `yyyy-MM-dd`, once the report has opened. */
  due?: string;
  /** When its latest submission arrived (plan time, ISO). */
  arrivedAt?: string;
  /** Where its submission stands in the parent's review. */
  phase?: UnitPhase;
  /** It arrived by itself, from the subordinate's own report once its director accepted it. */
  rolledUp?: true;
}

/** One report: a period of the plan's reporting, or an ad hoc request that asked at least one subordinate. */
export interface SubordinateColumn {
  itemId: string;
  kind: 'periodic' | 'ad-hoc';
  /** The period (`Q1`) of a periodic report. */
  period?: PeriodCode;
  title: string;
  /** The report has opened: its cells say where each subordinate stands (before, every cell is `not-due`). */
  opened: boolean;
  /** The subordinates' deadline, when the report has opened and gives them all the same one. */
  due?: string;
  /** How many subordinates stand where, among those the report asks. */
  counts: Record<Standing, number>;
}

/** What a subordinate's own plan of the same year says, as far as the parent can read it. */
export type BodyPlan =
  /** It runs here: its page can be opened, and its own subordinates' page when it has some. */
  | { found: true; subordinates: number }
  /** No plan of that year in this deployment. */
  | { found: false }
  /** It could not be read just now (a server or worker not answering). */
  | { found: 'unknown' };

export interface SubordinateRow {
  code: string;
  name: string;
  plan: BodyPlan;
  /** One per column, in the columns' order. */
  cells: SubordinateCell[];
}

export interface SubordinatesMatrix {
  columns: SubordinateColumn[];
  rows: SubordinateRow[];
}

const noCounts = (): Record<Standing, number> => ({ 'on-time': 0, late: 0, missing: 0, 'not-due': 0 });

function cellOf(outcome: UnitOutcome | undefined, opened: boolean): SubordinateCell {
  if (!opened) return { standing: 'not-due' };
  if (!outcome || outcome.phase === 'dropped') return { standing: 'not-asked' };
  const last = outcome.lastSubmission;
  return {
    standing: STANDING_OF[outcome.state],
    due: outcome.due,
    phase: outcome.phase,
    ...(outcome.submittedAt ? { arrivedAt: outcome.submittedAt } : {}),
    ...(last?.source?.kind === 'roll-up' ? { rolledUp: true as const } : {}),
  };
}

/**
 * Subordinates × reports: the plan's periodic reports in the plan's order (an item not yet opened counts every
 * subordinate as not due), then the ad hoc reports that asked a subordinate; a dropped item is left out. `bodies`
 * holds what each subordinate's own plan says (absent: treated as not readable).
 */
export function subordinatesMatrix(
  plan: Plan,
  items: readonly ItemWithStatus[],
  bodies: ReadonlyMap<string, BodyPlan>,
): SubordinatesMatrix {
  const below = plan.subordinates.map((s) => s.code);
  const asksBelow = (i: ItemWithStatus) => i.status?.units.some((u) => below.includes(u.unit)) ?? false;
  const live = items.filter((i) => i.entry.kind === 'report' && i.entry.phase !== 'dropped');
  const shown = [
    ...live.filter((i) => PERIODIC.test(i.entry.itemId)),
    ...live.filter((i) => AD_HOC.test(i.entry.itemId) && asksBelow(i)),
  ];
  const cellsByColumn = shown.map((i) => {
    const opened = i.status !== undefined;
    return below.map((code) =>
      cellOf(
        i.status?.units.find((u) => u.unit === code),
        opened,
      ),
    );
  });
  const columns = shown.map((i, n): SubordinateColumn => {
    const cells = cellsByColumn[n]!;
    const counts = noCounts();
    for (const c of cells) if (c.standing !== 'not-asked') counts[c.standing] += 1;
    const dues = new Set(cells.flatMap((c) => (c.due ? [c.due] : [])));
    const periodic = PERIODIC.test(i.entry.itemId);
    return {
      itemId: i.entry.itemId,
      kind: periodic ? 'periodic' : 'ad-hoc',
      ...(periodic ? { period: i.entry.itemId.slice('report-'.length) as PeriodCode } : {}),
      title: i.entry.title,
      opened: i.status !== undefined,
      ...(dues.size === 1 ? { due: [...dues][0]! } : {}),
      counts,
    };
  });
  const rows = plan.subordinates.map((s, r): SubordinateRow => ({
    code: s.code,
    name: s.name,
    plan: bodies.get(s.code) ?? { found: 'unknown' },
    cells: cellsByColumn.map((cells) => cells[r]!),
  }));
  return { columns, rows };
}
