/** P8's table rows: the office's and the administrator's list, A (visibility alone) against B (the old way). */
import type { P8List, P8Result, P8Run } from './p8-lists.js';
import { fmt, verdict, type Row } from './report-table.js';
import { median, medianRatio } from './stats.js';

const TARGET_P99_MS = 300;
const LABEL: Record<P8List, string> = { office: 'office list (1 organisation)', admin: 'administrator list (all)' };

export function p8Rows(r: P8Result | undefined, error?: string): Row[] {
  if (error) return [{ phase: 'P8', metric: 'phase', target: 'runs and checks', verdict: `FAILED: ${error}` }];
  if (!r) return [{ phase: 'P8', metric: 'list p99, ms', target: `A ≤ ${TARGET_P99_MS} ms`, verdict: 'not measured' }];
  const { population: pop } = r;
  const rows: Row[] = [
    {
      phase: 'P8',
      metric: `setup: ${pop.plans} plans + ${pop.items} items started and listed, starts/s (50 in flight)`,
      a: pop.startsPerS,
      target: 'shown',
      verdict: `${fmt(pop.seconds)} s`,
    },
  ];
  for (const list of ['office', 'admin'] as const) {
    const of = (v: 'A' | 'B', f: (x: P8Run) => number) =>
      r.runs.filter((x) => x.variant === v && x.list === list).map(f);
    const row = (metric: string, f: (x: P8Run) => number, target = 'shown', check?: (a: number) => string): Row => {
      const [a, b] = [of('A', f), of('B', f)];
      return {
        phase: 'P8',
        metric: `${LABEL[list]}: ${metric}`,
        a: median(a),
        b: median(b),
        ratio: medianRatio(a, b),
        target,
        verdict: check ? check(median(a)) : 'shown',
      };
    };
    rows.push(
      row(`page p50, ms, ${r.users} users at once`, (x) => x.p50Ms),
      row(
        `page p99, ms, ${r.users} users at once`,
        (x) => x.p99Ms,
        `A ≤ ${TARGET_P99_MS} ms`,
        (a) => verdict(a, '<=', TARGET_P99_MS, ' ms'),
      ),
      row('page max, ms', (x) => x.maxMs),
      row('plan rows per page', (x) => x.rows, 'shown (A 25 a page, B all found, ≤ 200)'),
      row('dev server CPU ms per page', (x) => x.serverCpuMs),
      row('bench process CPU ms per page (portal + worker)', (x) => x.benchCpuMs),
      row(
        'pages that failed or lacked rows',
        (x) => x.errors,
        'A = 0',
        (a) => verdict(a, '=', 0),
      ),
    );
  }
  return rows;
}
