/**
 * The subordinates' matrix model (`portal/subordinates-matrix.ts`), pure: a department (the skeleton plan) with four
 * schools, on literal statuses. Q1 2026 (schools due Fri 20/03/2026): A on time by roll-up, B late, C missing,
 * D not due yet (its deadline extended); H1 not opened; ad hoc request no. 1 asks A and C, no. 2 only a unit.
 */
import { describe, expect, it } from 'vitest';
import { planSchema } from '../../domain/plan-schema.js';
import type { ItemWithStatus } from '../../portal/item-states.js';
import { subordinatesMatrix, type BodyPlan } from '../../portal/subordinates-matrix.js';
import type { ItemStatus, UnitOutcome } from '../../workflows/item-types.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';

const SCHOOLS = ['TRUONG-A', 'TRUONG-B', 'TRUONG-C', 'TRUONG-D'];
const plan = planSchema().parse({
  ...skeletonPlan,
  organisation: { ...skeletonPlan.organisation, code: 'SO' },
  tasks: [],
  subordinates: SCHOOLS.map((code) => ({
    code,
    name: `Trường ${code.slice(-1)}`,
    office: { name: 'Văn phòng', email: `vanphong.${code.toLowerCase()}@example.org` },
  })),
  reporting: { periods: ['Q1', 'H1'], officeDeadlineDay: 25, unitWorkingDaysBeforeOffice: 3 },
});

const unit = (code: string, o: Partial<UnitOutcome>): UnitOutcome => ({
  unit: code,
  role: 'lead',
  due: '2026-03-20',
  phase: 'open',
  state: 'pending-in-time',
  versions: 0,
  escalation: 'none',
  ...o,
});
const submitted = (code: string, at: string, onTime: boolean, rolledUp = false): Partial<UnitOutcome> => ({
  phase: 'submitted',
  state: onTime ? 'done-on-time' : 'done-late',
  submittedAt: at,
  versions: 1,
  lastSubmission: {
    unit: code,
    submittedBy: 'Văn phòng trường',
    results: 'Đã thực hiện',
    shortcomings: '',
    nextTasks: '',
    proposals: '',
    figures: {},
    evidence: [],
    ...(rolledUp ? { source: { kind: 'roll-up' as const, key: 'plan-TRUONG-A-2026-report-Q1' } } : {}),
  },
});
const status = (itemId: string, units: UnitOutcome[]): ItemStatus => ({
  itemId,
  kind: 'report',
  title: itemId,
  opensAt: '2026-03-02T08:00:00.000+07:00',
  paused: false,
  closed: false,
  units,
});
const entry = (itemId: string, kind: 'task' | 'report', phase: ItemWithStatus['entry']['phase'], title = itemId) => ({
  itemId,
  workflowId: `plan-SO-2026-${itemId}`,
  kind,
  title,
  opensAt: '2026-03-02T08:00:00.000+07:00',
  phase,
});

const q1 = status('report-Q1', [
  unit('KHTC', submitted('KHTC', '2026-03-16T10:00:00.000+07:00', true)),
  unit('TRUONG-A', submitted('TRUONG-A', '2026-03-18T12:05:00.000+07:00', true, true)),
  unit('TRUONG-B', submitted('TRUONG-B', '2026-03-24T09:00:00.000+07:00', false)),
  unit('TRUONG-C', { state: 'overdue', escalation: 'office' }),
  unit('TRUONG-D', { due: '2026-03-27', phase: 'returned', versions: 1 }),
]);
const items: ItemWithStatus[] = [
  { entry: entry('task-03', 'task', 'running'), status: { ...q1, itemId: 'task-03', kind: 'task' } },
  { entry: entry('report-Q1', 'report', 'running'), status: q1 },
  { entry: entry('report-Q2', 'report', 'dropped') },
  { entry: entry('report-H1', 'report', 'scheduled') },
  {
    entry: entry('report-adhoc-1', 'report', 'running', 'Số liệu tin bài'),
    status: status('report-adhoc-1', [
      unit('TRUONG-A', { due: '2026-03-31' }),
      unit('TRUONG-C', { due: '2026-03-31', phase: 'dropped' }),
    ]),
  },
  {
    entry: entry('report-adhoc-2', 'report', 'running'),
    status: status('report-adhoc-2', [unit('KHTC', { due: '2026-03-31' })]),
  },
];
const bodies = new Map<string, BodyPlan>([
  ['TRUONG-A', { found: true, subordinates: 0 }],
  ['TRUONG-B', { found: true, subordinates: 2 }],
  ['TRUONG-C', { found: false }],
]);

describe('subordinatesMatrix', () => {
  const m = subordinatesMatrix(plan, items, bodies);

  it('columns: the periodic reports in order, then the ad hoc ones that asked a subordinate; nothing dropped', () => {
    expect(m.columns.map((c) => [c.itemId, c.kind, c.period, c.opened, c.due])).toEqual([
      ['report-Q1', 'periodic', 'Q1', true, undefined],
      ['report-H1', 'periodic', 'H1', false, undefined],
      ['report-adhoc-1', 'ad-hoc', undefined, true, '2026-03-31'],
    ]);
    expect(m.columns[2]!.title).toBe('Số liệu tin bài');
  });

  it('rows: every subordinate of the plan in its order, with what its own plan says (unread: unknown)', () => {
    expect(m.rows.map((r) => [r.code, r.name, r.plan])).toEqual([
      ['TRUONG-A', 'Trường A', { found: true, subordinates: 0 }],
      ['TRUONG-B', 'Trường B', { found: true, subordinates: 2 }],
      ['TRUONG-C', 'Trường C', { found: false }],
      ['TRUONG-D', 'Trường D', { found: 'unknown' }],
    ]);
  });

  it('cells: on time (rolled up), late, missing, not due; the day each arrived; the own units left out', () => {
    const q1Cells = m.rows.map((r) => r.cells[0]);
    expect(q1Cells).toEqual([
      {
        standing: 'on-time',
        due: '2026-03-20',
        phase: 'submitted',
        arrivedAt: '2026-03-18T12:05:00.000+07:00',
        rolledUp: true,
      },
      { standing: 'late', due: '2026-03-20', phase: 'submitted', arrivedAt: '2026-03-24T09:00:00.000+07:00' },
      { standing: 'missing', due: '2026-03-20', phase: 'open' },
      { standing: 'not-due', due: '2026-03-27', phase: 'returned' },
    ]);
    // The subordinates' deadlines differ (D's was extended): the column names none.
    expect(m.columns[0]!.counts).toEqual({ 'on-time': 1, late: 1, missing: 1, 'not-due': 1 });
  });

  it('a report not yet open counts everyone not due; an ad hoc one marks those it did not ask', () => {
    expect(m.rows.map((r) => r.cells[1]!.standing)).toEqual(['not-due', 'not-due', 'not-due', 'not-due']);
    expect(m.columns[1]!.counts).toEqual({ 'on-time': 0, late: 0, missing: 0, 'not-due': 4 });
    // C's share was dropped (reassigned), B and D were never asked.
    expect(m.rows.map((r) => r.cells[2]!.standing)).toEqual(['not-due', 'not-asked', 'not-asked', 'not-asked']);
    expect(m.columns[2]!.counts).toEqual({ 'on-time': 0, late: 0, missing: 0, 'not-due': 1 });
  });

  it('a plan with no subordinates has rows for none, and no ad hoc column for units only', () => {
    const alone = planSchema().parse({ ...plan, subordinates: [] });
    const empty = subordinatesMatrix(alone, items, new Map());
    expect(empty.rows).toEqual([]);
    expect(empty.columns.map((c) => c.itemId)).toEqual(['report-Q1', 'report-H1']);
    expect(empty.columns[0]!.counts).toEqual({ 'on-time': 0, late: 0, missing: 0, 'not-due': 0 });
  });
});
