/**
 * P9's table rows. Column A: department A receiving the 200 schools' reports by the roll-up; B, the baseline:
 * department B receiving the same accepted reports submitted by hand (same queries and Update, from the client).
 * The schools' own quarter ran once, for A; B's school side is A's without the roll-up's activity.
 */
import type { P9Result } from './p9-roll-up.js';
import type { P9Pipeline } from './p9-pipeline.js';
import { SEARCH_ATTRIBUTE_VALUE_LIMIT } from './p9-plans.js';
import { fmt, verdict, type Row } from './report-table.js';
import { percentile } from './stats.js';

const TARGET_S = 60;
const TARGET_EVENTS = 1000;
const LIMIT = SEARCH_ATTRIBUTE_VALUE_LIMIT;
/** The roll-up's share of a school's Q1 item beyond its attempts: its 3 activity events and the task that reads it. */
const ROLL_UP_EVENTS = 6;

/** Last report ready → filed, had the parent's deadline come the moment its office accepted the last school. */
export const pipelineS = (p: P9Pipeline) => p.lastOfficeAcceptS + (p.filedS - p.compileStartS);

export function p9Rows(r: P9Result | undefined, error?: string): Row[] {
  if (error) return [{ phase: 'P9', metric: 'phase', target: 'runs and checks', verdict: `FAILED: ${error}` }];
  if (!r)
    return [
      { phase: 'P9', metric: 'last acceptance → parent filed, s', target: `≤ ${TARGET_S} s`, verdict: 'not measured' },
    ];
  const n = r.subordinates;
  const A = r.pipelines.find((p) => p.variant === 'A');
  const B = r.pipelines.find((p) => p.variant === 'B');
  const row = (
    metric: string,
    f: (p: NonNullable<typeof A>) => number,
    target = 'shown',
    check?: (a: number) => string,
  ): Row => {
    const [a, b] = [A && f(A), B && f(B)];
    return {
      phase: 'P9',
      metric,
      a,
      b,
      ratio: a !== undefined && b ? a / b : undefined,
      target,
      verdict: check && a !== undefined ? check(a) : 'shown',
    };
  };
  const one = (metric: string, a: number, target = 'shown', v = 'shown'): Row => ({
    phase: 'P9',
    metric,
    a,
    target,
    verdict: v,
  });
  const attempts = r.rollUpAttempts.reduce((x, y) => x + y, 0);
  const schoolActions = r.schools.counts.actions / n;
  const schoolEvents = r.schools.counts.events / n;
  // B's schools would not run the roll-up: A's schools less its attempts (actions) and its events.
  const bareActions = (r.schools.counts.actions - attempts) / n;
  const bareEvents = (r.schools.counts.events - ROLL_UP_EVENTS * r.rollUpAttempts.length) / n;
  return [
    row(
      `(a) last report ready → parent's report filed, s, deadline at the office's last accept (next 2 rows summed)`,
      pipelineS,
      `A ≤ ${TARGET_S} s`,
      (a) => verdict(a, '<=', TARGET_S, ' s'),
    ),
    row("… last report ready → the parent's office accepted the last school, s", (p) => p.lastOfficeAcceptS),
    row(`… parent's compile (${n} schools + 3 units), s`, (p) => p.filedS - p.compileStartS),
    row('… last report ready → last report in at the parent, s', (p) => p.lastInS),
    row(
      "measured: last report ready → filed, s (parent's deadline Wed 25/03 08:00 on its own clock)",
      (p) => p.filedS,
      'shown',
      () => `the deadline came ${fmt(A?.deadlineS)} s (A), ${fmt(B?.deadlineS)} s (B) after the last report was ready`,
    ),
    row(
      `first report ready → all ${n} in at the parent, s`,
      (p) => p.drainS,
      'shown',
      () => (r.readyRate ? `reports made ready at ${fmt(r.readyRate)}/s` : 'reports made ready at once'),
    ),
    row('report ready → at the parent, p50 ms (A: director accepts; B: clerk starts)', (p) =>
      percentile(p.latencyMs, 50),
    ),
    row('report ready → at the parent, p99 ms', (p) => percentile(p.latencyMs, 99)),
    row(
      "schools in the parent's report / N",
      (p) => p.counted / n,
      'A = 1',
      (a) => verdict(a, '=', 1),
    ),
    row(
      'schools whose report arrived other than exactly once',
      (p) => p.notOnce,
      'A = 0',
      (a) => verdict(a, '=', 0),
    ),
    row('schools on time at the parent / N', (p) => p.onTime / n),
    row("office's accepts the busy item refused (sent again)", (p) => p.officeRefused ?? 0),
    one(
      'roll-up activity attempts / school (1 = no retry)',
      attempts / Math.max(1, r.rollUpAttempts.length),
      'shown',
      `${r.rollUpAttempts.filter((x) => x > 1).length} schools retried`,
    ),
    {
      phase: 'P9',
      metric: '(b) billable actions / school / period: its plan, Q1 item, register',
      a: schoolActions,
      b: bareActions,
      ratio: schoolActions / bareActions,
      target: 'shown',
      verdict: 'B: without the roll-up activity',
    },
    {
      phase: 'P9',
      metric: '(b) history events / school / period: its plan, Q1 item, register',
      a: schoolEvents,
      b: bareEvents,
      ratio: schoolEvents / bareEvents,
      target: 'shown',
      verdict: `B: less its ${ROLL_UP_EVENTS} events`,
    },
    row("(b) parent's Q1 item: billable actions / school", (p) => p.parentItem.counts.actions / n),
    row("(b) parent's Q1 item: history events / school", (p) => p.parentItem.counts.events / n),
    row(
      '(b) billable actions / school / period, school + parent',
      (p) => (p.variant === 'A' ? schoolActions : bareActions) + p.parentItem.counts.actions / n,
    ),
    one('(c) worker CPU-ms / school: its quarter (start → report filed)', (r.schoolCpuS.worker * 1000) / n),
    row('(c) worker CPU-ms / school: report ready → parent filed', (p) => (p.workerCpuS * 1000) / n),
    row(
      '(c) worker CPU-ms / school report, quarter + the way up',
      (p) => ((r.schoolCpuS.worker + p.workerCpuS) * 1000) / n,
    ),
    one('dev server CPU-ms / school: its quarter', (r.schoolCpuS.server * 1000) / n),
    row('dev server CPU-ms / school: report ready → parent filed', (p) => (p.serverCpuS * 1000) / n),
    row(
      '(d) largest history of any run, events (schools, parent item, parent plan)',
      (p) => Math.max(r.schools.longest.events, p.parentItem.longest.events, p.parentPlan.longest.events),
      `A ≤ ${TARGET_EVENTS}`,
      (a) => verdict(a, '<=', TARGET_EVENTS),
    ),
    row(
      "(d) parent's Q1 item: events over all its runs",
      (p) => p.parentItem.counts.events,
      'shown',
      () =>
        `runs: A ${A?.parentItem.counts.runs ?? '—'}, B ${B?.parentItem.counts.runs ?? '—'} (continue-as-new suggested at 1,000)`,
    ),
    one('school: largest run, events', r.schools.longest.events),
    row(
      "parent plan's KhPeople value, bytes, as the server holds it",
      (p) => p.attributeBytes.people,
      `≤ ${LIMIT} (server default)`,
      (a) => verdict(a, '<=', LIMIT),
    ),
    row(
      "parent's Q1 item's KhUnits value, bytes, as the server holds it",
      (p) => p.attributeBytes.units,
      `≤ ${LIMIT} (server default)`,
      (a) => verdict(a, '<=', LIMIT),
    ),
    one(
      "schools' own reports compiled with both units accepted / N",
      r.schoolPhase.complete / n,
      '= 1',
      verdict(r.schoolPhase.complete / n, '=', 1),
    ),
    one(`e-mails / school / period (the parents' to it included)`, r.emails / n),
    one('phase wall, s', r.wallS, 'shown', `schools' quarter ${fmt(r.schoolPhase.filedS)} s`),
  ];
}
