/** The bench's one table: every metric with A, B, B0, A/B (median of per-pair ratios), target and verdict. */
export interface Row {
  phase: string;
  metric: string;
  a?: number;
  b?: number;
  b0?: number;
  /** A/B (or the metric's own ratio), already the median over pairs where there are pairs. */
  ratio?: number;
  target: string;
  /** Checks the target; returns 'met' / 'missed by …' / 'not measured'. */
  verdict: string;
}

type Cmp = '<=' | '>=' | '=';

/** "met (1.12 ≤ 1.4)" or "missed by 0.21 (1.61 > 1.4)"; `unit` formats the gap. */
export function verdict(value: number | undefined, cmp: Cmp, target: number, unit = ''): string {
  if (value === undefined || Number.isNaN(value)) return 'not measured';
  const ok = cmp === '<=' ? value <= target : cmp === '>=' ? value >= target : value === target;
  const v = fmt(value);
  if (ok) return `met (${v}${unit} ${cmp === '=' ? '=' : cmp === '<=' ? '≤' : '≥'} ${fmt(target)}${unit})`;
  return `MISSED by ${fmt(Math.abs(value - target))}${unit} (${v}${unit})`;
}

export function fmt(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '—';
  if (Number.isInteger(x)) return String(x);
  const abs = Math.abs(x);
  return abs >= 100 ? x.toFixed(0) : abs >= 10 ? x.toFixed(1) : abs >= 0.1 ? x.toFixed(2) : x.toPrecision(2);
}

export function renderTable(rows: Row[]): string {
  const head = ['| phase | metric | A | B | B0 | A/B | target | verdict |', '|---|---|---|---|---|---|---|---|'];
  return [
    ...head,
    ...rows.map(
      (r) =>
        `| ${r.phase} | ${r.metric} | ${fmt(r.a)} | ${fmt(r.b)} | ${fmt(r.b0)} | ${fmt(r.ratio)} | ${r.target} | ${r.verdict} |`,
    ),
  ].join('\n');
}
