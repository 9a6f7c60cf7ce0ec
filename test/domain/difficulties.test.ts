import { describe, expect, it } from 'vitest';
import { difficultiesOfReport, reportOfDifficulty, type Difficulty } from '../../domain/difficulties.js';

const raised = (id: number, raisedAt: string): Difficulty => ({ id, unit: 'KHTC', text: '…', raisedBy: 'A', raisedAt });
// The 2026 CCHC regime (officeDeadlineDay 20, FORWARD): Q1 Fri 20/03, H1 Mon 22/06, Q3 Mon 21/09, Y Mon 21/12.
const reports = [
  { itemId: 'report-H1', officeDueAt: '2026-06-22T08:00:00.000+07:00' },
  { itemId: 'report-Q1', officeDueAt: '2026-03-20T08:00:00.000+07:00' },
  { itemId: 'report-Y', officeDueAt: '2026-12-21T08:00:00.000+07:00' },
  { itemId: 'report-Q3', officeDueAt: '2026-09-21T08:00:00.000+07:00' },
];

describe('the report a difficulty goes into: the next one after it was raised', () => {
  it.each([
    ['2026-01-05T09:00:00.000+07:00', 'report-Q1'],
    ['2026-03-20T08:00:00.000+07:00', 'report-Q1'], // raised at the very instant the office compiles: still in
    ['2026-03-20T08:00:01.000+07:00', 'report-H1'],
    ['2026-04-10T09:00:00.000+07:00', 'report-H1'],
    ['2026-12-21T08:30:00.000+07:00', undefined], // after the year's last report: none
  ])('raised %s → %s', (at, report) => {
    expect(reportOfDifficulty(raised(1, at), reports)).toBe(report);
  });

  it('lists a report’s difficulties in the order raised, each in one report only', () => {
    const all = [
      raised(1, '2026-02-01T09:00:00.000+07:00'),
      raised(2, '2026-04-01T09:00:00.000+07:00'),
      raised(3, '2026-05-01T09:00:00.000+07:00'),
    ];
    expect(difficultiesOfReport('report-Q1', all, reports).map((d) => d.id)).toEqual([1]);
    expect(difficultiesOfReport('report-H1', all, reports).map((d) => d.id)).toEqual([2, 3]);
    expect(difficultiesOfReport('report-Q3', all, reports)).toEqual([]);
  });
});
