/** Turns each phase's raw runs into table rows (absolute numbers, median per-pair ratios, verdicts). */
import type { P1Result, Variant } from './p1-year.js';
import type { P2Run } from './p2-cpu.js';
import type { P3Run } from './p3-burst.js';
import type { P4Run } from './p4-heap.js';
import type { P5Run } from './p5-numbers.js';
import type { P6Run } from './p6-workers.js';
import type { P7Run } from './p7-blobs.js';
import { fmt, verdict, type Row } from './report-table.js';
import { median, medianRatio } from './stats.js';

const NOT = 'not measured';

export function p1Rows(p1: P1Result | undefined): Row[] {
  const metrics: [string, (v: Variant) => number, string, ((r: number, a: number) => string) | undefined][] = [
    ['history events / plan-year', (v) => v.counts.events, '≤ 1.3', (r) => verdict(r, '<=', 1.3)],
    ['workflow tasks / plan-year', (v) => v.counts.wfts, '≤ 1.3', (r) => verdict(r, '<=', 1.3)],
    ['billable actions / plan-year', (v) => v.counts.actions, '≤ 1.2', (r) => verdict(r, '<=', 1.2)],
    ['history KiB / plan-year', (v) => v.counts.bytes / 1024, '—', undefined],
    ['e-mails / plan-year', (v) => v.emails, 'A/B = 1', (r) => verdict(r, '=', 1)],
  ];
  if (!p1) return metrics.map(([m, , t]) => ({ phase: 'P1', metric: m, target: t, verdict: NOT }));
  const [A, B, B0] = p1.variants as [Variant, Variant, Variant];
  const rows: Row[] = metrics.map(([metric, f, target, check]) => {
    const [a, b, b0] = [f(A) / p1.N, f(B) / p1.N, f(B0) / p1.N];
    return { phase: 'P1', metric, a, b, b0, ratio: a / b, target, verdict: check ? check(a / b, a) : 'shown' };
  });
  rows.push({
    phase: 'P1',
    metric: 'max events per run',
    a: A.counts.maxEventsPerRun,
    b: B.counts.maxEventsPerRun,
    b0: B0.counts.maxEventsPerRun,
    target: 'A ≤ 1,000',
    verdict: verdict(A.counts.maxEventsPerRun, '<=', 1000),
  });
  rows.push({
    phase: 'P1',
    metric: 'lost e-mails',
    a: A.lost,
    b: B.lost,
    target: '0',
    verdict: verdict(A.lost + B.lost, '=', 0),
  });
  rows.push({
    phase: 'P1',
    metric: 'duplicate e-mails',
    a: A.duplicates,
    b: B.duplicates,
    target: '0',
    verdict: verdict(A.duplicates + B.duplicates, '=', 0),
  });
  return rows;
}

export function p2Rows(runs: P2Run[] | undefined): Row[] {
  const names = [
    'worker CPU-s / plan-year',
    'server CPU-s / plan-year',
    'worker+server CPU-s / plan-year',
    'SMTP sink CPU-s / plan-year',
    'e-mails / plan-year',
    'plans completed / started',
  ];
  if (!runs) return names.map((metric) => ({ phase: 'P2', metric, target: '—', verdict: NOT }));
  const of = (v: string) => runs.filter((r) => r.variant === v);
  const per = (v: string, f: (r: P2Run) => number) => of(v).map((r) => f(r) / r.plans);
  const row = (metric: string, f: (r: P2Run) => number, target: string, check?: (ratio: number) => string): Row => {
    const [a, b, b0] = [per('A', f), per('B', f), per('B0', f)];
    const ratio = medianRatio(a, b);
    return {
      phase: 'P2',
      metric,
      a: median(a),
      b: median(b),
      b0: median(b0),
      ratio,
      target,
      verdict: check ? check(ratio) : 'shown',
    };
  };
  const worker = (r: P2Run) => r.workerCpuS;
  const both = (r: P2Run) => r.workerCpuS + r.serverCpuS;
  // A folds steps that fall due while it is still busy into one catch-up notice (as designed), so on the compressed
  // year it sends fewer e-mails than B. At equal work A would also pay for those e-mails: B − B0 is what one
  // e-mail costs, so A is charged that much for each e-mail it sent fewer than B in the same pair.
  const perEmail = (f: (r: P2Run) => number) => {
    const [b, b0, mails] = [median(per('B', f)), median(per('B0', f)), median(per('B', (r) => r.emails))];
    return of('B0').length && mails ? (b - b0) / mails : undefined;
  };
  const atEqualWork = (metric: string, f: (r: P2Run) => number): Row => {
    const cost = perEmail(f);
    if (cost === undefined) return { phase: 'P2', metric, target: 'A/B ≤ 1.4', verdict: NOT };
    const mailsB = per('B', (r) => r.emails);
    const a = of('A').map(
      (r, i) => (f(r) + Math.max(0, (mailsB[i] ?? mailsB[0]!) * r.plans - r.emails) * cost) / r.plans,
    );
    const ratio = medianRatio(a, per('B', f));
    return {
      phase: 'P2',
      metric,
      a: median(a),
      b: median(per('B', f)),
      ratio,
      target: 'A/B ≤ 1.4',
      verdict: verdict(ratio, '<=', 1.4),
    };
  };
  const rows = [
    row(names[0]!, worker, 'shown (A sent fewer e-mails)'),
    atEqualWork('worker CPU-s / plan-year at equal e-mails', worker),
    row(names[1]!, (r) => r.serverCpuS, 'shown'),
    row(names[2]!, both, 'shown (A sent fewer e-mails)'),
    atEqualWork('worker+server CPU-s / plan-year at equal e-mails', both),
    row(names[3]!, (r) => r.sinkCpuS, 'shown (own process)'),
    row(names[4]!, (r) => r.emails, 'shown (A < B: catch-up folding)'),
    row(
      names[5]!,
      (r) => r.completed,
      'all = 1',
      (x) => verdict(x, '=', 1),
    ),
  ];
  const b = median(per('B', worker));
  const b0 = median(per('B0', worker));
  rows.push({
    phase: 'P2',
    metric: 'worker CPU B/B0 (cost of sending e-mail)',
    b,
    b0,
    ratio: b / b0,
    target: 'shown (ratio = B/B0)',
    verdict: 'shown',
  });
  return rows;
}

export function p3Rows(runs: P3Run[] | undefined): Row[] {
  if (!runs)
    return ['burst lateness p50 / p99 / max', 'pacing efficiency (E/R)/drain'].map((metric) => ({
      phase: 'P3',
      metric,
      target: '—',
      verdict: NOT,
    }));
  const free = runs.filter((r) => !r.rate);
  const of = (v: string, f: (r: P3Run) => number) => free.filter((r) => r.variant === v).map(f);
  const row = (metric: string, f: (r: P3Run) => number, target: string, check?: (ratio: number) => string): Row => {
    const [a, b] = [of('A', f), of('B', f)];
    const ratio = medianRatio(a, b);
    return { phase: 'P3', metric, a: median(a), b: median(b), ratio, target, verdict: check ? check(ratio) : 'shown' };
  };
  const rows = [
    row('burst lateness p50, ms', (r) => r.p50Ms, 'shown'),
    row(
      'burst lateness p99, ms',
      (r) => r.p99Ms,
      'A/B ≤ 1.25',
      (x) => verdict(x, '<=', 1.25),
    ),
    row('burst lateness max, ms', (r) => r.maxMs, 'shown'),
    row('burst drain, s', (r) => r.drainS, 'shown'),
    row(
      'reminders received / expected',
      (r) => r.received / r.expected,
      'all = 1',
      (x) => verdict(x, '=', 1),
    ),
    { ...row('… of them in a catch-up e-mail (item opened late)', (r) => r.folded, 'shown'), ratio: undefined },
    row('spread of due instants, ms', (r) => r.dueSpreadMs, 'shown (anchor drift)'),
  ];
  const paced = runs.find((r) => r.rate);
  if (paced) {
    const ideal = paced.expected / paced.rate!;
    // Drain = first to last reminder received: the T0 spread across plans (anchor drift) is not the limiter's doing.
    const eff = ideal / paced.sendWindowS;
    rows.push({
      phase: 'P3',
      metric: `paced ${paced.rate}/s: drain s (E/R = ${ideal.toFixed(1)} s, T0 spread ${(paced.dueSpreadMs / 1000).toFixed(1)} s)`,
      a: paced.sendWindowS,
      target: 'shown',
      verdict: `received ${paced.received}/${paced.expected}`,
    });
    rows.push({
      phase: 'P3',
      metric: 'pacing efficiency (E/R)/drain',
      a: eff,
      ratio: eff,
      target: '≥ 0.85',
      verdict: verdict(eff, '>=', 0.85),
    });
  }
  return rows;
}

export function p4Rows(runs: P4Run[] | undefined): Row[] {
  if (!runs)
    return [
      {
        phase: 'P4',
        metric: 'heap KiB / cached plan',
        target: '≤ 1 MiB, A/B ≤ 2',
        verdict: `${NOT} (run node with --expose-gc)`,
      },
    ];
  const of = (v: string, f: (r: P4Run) => number) => runs.filter((r) => r.variant === v).map(f);
  const heapA = of('A', (r) => r.heapPerPlanKiB);
  const heapB = of('B', (r) => r.heapPerPlanKiB);
  const ratio = medianRatio(heapA, heapB);
  const rssRatio = medianRatio(
    of('A', (r) => r.rssPerPlanKiB),
    of('B', (r) => r.rssPerPlanKiB),
  );
  return [
    {
      phase: 'P4',
      metric: 'heap KiB / cached plan',
      a: median(heapA),
      b: median(heapB),
      ratio,
      target: 'A ≤ 1,024 KiB',
      verdict: verdict(median(heapA), '<=', 1024, ' KiB'),
    },
    {
      phase: 'P4',
      metric: 'heap / cached plan, A/B',
      a: median(heapA),
      b: median(heapB),
      ratio,
      target: 'A/B ≤ 2',
      verdict: verdict(ratio, '<=', 2),
    },
    {
      phase: 'P4',
      metric: 'RSS KiB / cached plan',
      a: median(of('A', (r) => r.rssPerPlanKiB)),
      b: median(of('B', (r) => r.rssPerPlanKiB)),
      ratio: rssRatio,
      target: 'shown',
      verdict: 'shown',
    },
    {
      phase: 'P4',
      metric: 'cached workflows / plan',
      a: median(of('A', (r) => r.cachedWorkflows / r.plans)),
      b: median(of('B', (r) => r.cachedWorkflows / r.plans)),
      target: 'A 2, B 1',
      verdict: 'shown',
    },
  ];
}

/** P5 and P6 compare 2 worker processes (column A) against 1 (column B); the ratio is 2 workers / 1 per pair. */
function byWorkers<R extends { workers: number }>(phase: string, runs: R[]) {
  const of = (w: number, f: (r: R) => number) => runs.filter((r) => r.workers === w).map(f);
  return (metric: string, f: (r: R) => number, target = 'shown', check?: (a: number, b: number) => string): Row => {
    const [a, b] = [of(2, f), of(1, f)];
    const [ma, mb] = [median(a), median(b)];
    return { phase, metric, a: ma, b: mb, ratio: medianRatio(a, b), target, verdict: check ? check(ma, mb) : 'shown' };
  };
}

const failedRow = (phase: string, error: string): Row[] => [
  { phase, metric: 'phase', target: 'runs and checks', verdict: `FAILED: ${error}` },
];

export function p5Rows(runs: P5Run[] | undefined, error?: string): Row[] {
  if (error) return failedRow('P5', error);
  if (!runs) return [{ phase: 'P5', metric: 'numbers/s', target: '≥ 20/s', verdict: NOT }];
  const levels = [...new Set(runs.map((r) => r.concurrency))];
  const perLevel = levels.flatMap((c) => {
    const row = byWorkers(
      'P5',
      runs.filter((r) => r.concurrency === c),
    );
    const at = `${c} in flight`;
    return [
      row(
        `numbers/s, ${runs[0]!.n} for one register, ${at}`,
        (r) => r.perSecond,
        '≥ 20/s (A and B)',
        (a, b) => verdict(Math.min(a, b), '>=', 20, '/s'),
      ),
      row(`allocation latency p50, ms, ${at}`, (r) => r.p50Ms),
      row(`allocation latency p99, ms, ${at}`, (r) => r.p99Ms),
      row(`Update tasks the server dropped ("Task not found"), ${at}`, (r) => r.tasksNotFound),
      row(`CPU, cores: dev server, ${at}`, (r) => r.serverCores),
      row(`CPU, cores: worker processes (sum), ${at}`, (r) => r.workerCores),
    ];
  });
  const row = byWorkers('P5', runs);
  return [
    ...perLevel,
    {
      phase: 'P5',
      metric: 'numbers exactly 1..N, no gap or duplicate',
      a: runs.filter((r) => r.workers === 2).length,
      b: runs.filter((r) => r.workers === 1).length,
      target: 'every register (A, B: registers checked)',
      verdict: 'met (checked in the bench)',
    },
    row(
      'register workflow tasks on the busier worker, %',
      (r) => (100 * Math.max(...r.wftsByWorker)) / sum(r.wftsByWorker),
    ),
    row('register runs (continue-as-new)', (r) => r.registerRuns),
    // Outside load, not ours: a ratio of two near-zero figures means nothing.
    {
      ...row('CPU, cores: other processes on the machine', (r) => r.otherCores, 'shown (≈ 0 for a clean run)'),
      ratio: undefined,
    },
  ];
}

export function p6Rows(runs: P6Run[] | undefined, cores: number): Row[] {
  if (!runs) return [{ phase: 'P6', metric: 'reminders/s, 2 workers vs 1', target: '—', verdict: NOT }];
  const row = byWorkers('P6', runs);
  const all = (r: P6Run) => sum(r.workerCores) + r.serverCores + r.sinkCores + r.clientCores;
  // The process that used the most CPU during the burst, for 2 and for 1 worker: the ceiling, read from the figures.
  const busiest = (w: number) => {
    const of = runs.filter((r) => r.workers === w);
    const by: [string, number][] = [
      ['dev server', median(of.map((r) => r.serverCores))],
      [w === 1 ? 'the worker' : 'one worker', median(of.map((r) => Math.max(...r.workerCores)))],
      ['SMTP sink', median(of.map((r) => r.sinkCores))],
    ];
    return by.sort((x, y) => y[1] - x[1])[0]!;
  };
  const [two, one] = [busiest(2), busiest(1)];
  const total = (w: number) => median(runs.filter((r) => r.workers === w).map(all));
  return [
    row(`reminders/s (received / drain), ${runs[0]!.expected} due at once`, (r) => r.remindersPerS),
    row('peak reminders in any 1 s', (r) => r.peakPerS),
    row('spread of due instants, ms', (r) => r.dueSpreadMs, 'shown (anchor drift)'),
    row('burst lateness p50, ms', (r) => r.p50Ms),
    row('burst lateness p99, ms', (r) => r.p99Ms),
    row(
      'reminders received / expected',
      (r) => r.received / r.expected,
      'all = 1',
      (a, b) => verdict(Math.min(a, b), '=', 1),
    ),
    { ...row('… of them in a catch-up e-mail (item opened late)', (r) => r.folded), ratio: undefined },
    row('burst CPU, cores: worker processes (sum)', (r) => sum(r.workerCores)),
    row('burst CPU, cores: busiest worker process', (r) => Math.max(...r.workerCores)),
    row('burst CPU, cores: dev server', (r) => r.serverCores),
    row('burst CPU, cores: SMTP sink', (r) => r.sinkCores),
    row(`burst CPU, cores: bench processes (of ${cores})`, all),
    {
      ...row(
        'burst CPU, cores: other processes on the machine',
        (r) => Math.max(0, r.machineCores - all(r)),
        'shown (≈ 0 for a clean run)',
      ),
      ratio: undefined,
    },
    {
      phase: 'P6',
      metric: 'busiest process during the burst, cores',
      a: two[1],
      b: one[1],
      target: 'shown',
      verdict: `2 workers: ${two[0]}, 1 worker: ${one[0]}; bench ${fmt(total(2))} / ${fmt(total(1))} of ${cores} cores`,
    },
  ];
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** P7: A = the S3 driver (SeaweedFS on loopback), B = the local folder, per report, ratios per pair (A1/B1, A2/B2). */
export function p7Rows(runs: P7Run[] | undefined): Row[] {
  if (!runs) return [{ phase: 'P7', metric: 'wall ms / report', target: 'A/B ≤ 1.2', verdict: NOT }];
  const of = (d: 'A' | 'B', f: (r: P7Run) => number) => runs.filter((r) => r.driver === d).map(f);
  const row = (metric: string, f: (r: P7Run) => number, target = 'shown', limit?: number): Row => {
    const [a, b] = [of('A', f), of('B', f)];
    const ratio = medianRatio(a, b);
    return {
      phase: 'P7',
      metric,
      a: median(a),
      b: median(b),
      ratio,
      target,
      verdict: limit === undefined ? 'shown' : verdict(ratio, '<=', limit),
    };
  };
  return [
    row('wall ms / report (render + file)', (r) => r.wallMsPerReport, 'A/B ≤ 1.2', 1.2),
    row('worker CPU ms / report', (r) => r.cpuMsPerReport, 'A/B ≤ 1.2', 1.2),
    {
      phase: 'P7',
      metric: 'object store CPU ms / report (SeaweedFS, own process)',
      a: median(of('A', (r) => r.storeCpuMsPerReport ?? 0)),
      target: 'shown',
      verdict: 'shown',
    },
    row('KiB filed / report', (r) => r.bytesPerReport / 1024, 'A/B = 1', undefined),
  ];
}
