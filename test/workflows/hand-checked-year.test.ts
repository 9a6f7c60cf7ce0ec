import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { startPlan } from '../../client/plan-client.js';
import { loadPlan } from '../../domain/plan-file.js';
import { sendEmailTimes } from '../helpers/history-payloads.js';
import { keyOf } from '../helpers/mail-audit.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';
import { withFreshStack, type TestStack } from '../helpers/test-stack.js';

/*
 * plans/demo.yaml for a whole year in which no unit submits, checked against dates worked out by hand from the
 * official 2026 calendar (domain/official-calendar.ts), not with the product's own schedule: Monday–Friday, days off
 * 01–04/01, 14–22/02, 26–27/04, 30/04–01/05, 29/08–02/09; working Saturdays 10/01 and 22/08. The plan sets no
 * defaults, so: every e-mail at 08:00; reminders 3 and 1 working days before the deadline; overdue on the next
 * working day; the office told 1 and the director 3 working days after it; a deadline on a day off moves forward.
 * Reports (Q1, H1, Q3, Y; every unit): request on the first working day of the period's last month; office deadline
 * the 20th of that month; units 2 working days before the office. The office itself is reminded 3 and 1 working days
 * before its own deadline, and is never told about its own unit (VP): VP's late share goes to the director only.
 * The school below (DEMO-THPT, `subordinates`) is asked for every report like a unit, through its office, and its
 * head teacher is copied on each of its escalations.
 * A change to plans/demo.yaml means redoing this.
 */
const plan = loadPlan(readFileSync(new URL('../../plans/demo.yaml', import.meta.url), 'utf8'), 'demo.yaml');
const clockRequest = { planStart: '2026-01-05T12:00:00+07:00' };
const ZONE = 'Asia/Ho_Chi_Minh';

type Kind =
  | 'open'
  | 'reminder'
  | 'due-today'
  | 'overdue'
  | 'escalation-office'
  | 'escalation-director'
  | 'office-reminder'
  | 'delivered';
const YEAR: { item: string; units: string[]; steps: [date: string, kind: Kind][] }[] = [
  {
    item: 'task-01',
    units: ['KHTC', 'TCCB'],
    steps: [
      ['06/01/2026', 'open'], // opensOn Tue 06/01, a working day
      ['13/01/2026', 'reminder'], // deadline Fri 16/01; 3 working days before: Thu 15, Wed 14, Tue 13
      ['15/01/2026', 'reminder'], // 1 working day before Fri 16/01
      ['16/01/2026', 'due-today'], // Fri 16/01 is a working day, so the deadline stays
      ['19/01/2026', 'overdue'], // next working day after Fri 16/01 (17–18 weekend)
      ['19/01/2026', 'escalation-office'], // 1 working day after Fri 16/01
      ['21/01/2026', 'escalation-director'], // 3 working days after Fri 16/01: Mon 19, Tue 20, Wed 21
    ],
  },
  {
    item: 'task-02',
    units: ['TCCB', 'VP'],
    steps: [
      ['02/03/2026', 'open'], // opensOn Mon 02/03
      ['26/03/2026', 'reminder'], // due at the end of March, Tue 31/03; 3 working days before: Mon 30, Fri 27, Thu 26
      ['30/03/2026', 'reminder'], // 1 working day before Tue 31/03 (28–29 weekend)
      ['31/03/2026', 'due-today'], // Tue 31/03
      ['01/04/2026', 'overdue'], // Wed 01/04, the next working day
      ['01/04/2026', 'escalation-office'], // 1 working day after Tue 31/03
      ['03/04/2026', 'escalation-director'], // 3 working days after: Wed 01, Thu 02, Fri 03
    ],
  },
  {
    item: 'report-Q1',
    units: ['VP', 'KHTC', 'TCCB', 'DEMO-THPT'],
    steps: [
      ['02/03/2026', 'open'], // 01/03 is a Sunday: first working day of March is Mon 02/03
      ['13/03/2026', 'reminder'], // office Fri 20/03; units 2 working days before: Wed 18/03; 3 before that: Fri 13/03
      ['17/03/2026', 'reminder'], // 1 working day before Wed 18/03
      ['18/03/2026', 'due-today'], // the units' deadline, Wed 18/03
      ['19/03/2026', 'overdue'], // Thu 19/03
      ['19/03/2026', 'escalation-office'], // 1 working day after Wed 18/03
      ['17/03/2026', 'office-reminder'], // office Fri 20/03: 3 working days before, Tue 17/03 (Thu 19, Wed 18, Tue 17)
      ['19/03/2026', 'office-reminder'], // 1 working day before Fri 20/03
      ['20/03/2026', 'delivered'], // the office's deadline, Fri 20/03: the report goes to the director
      ['23/03/2026', 'escalation-director'], // 3 working days after Wed 18/03: Thu 19, Fri 20, Mon 23
    ],
  },
  {
    item: 'report-H1',
    units: ['VP', 'KHTC', 'TCCB', 'DEMO-THPT'],
    steps: [
      ['01/06/2026', 'open'], // Mon 01/06
      ['15/06/2026', 'reminder'], // 20/06 is a Saturday: office Mon 22/06; units Thu 18/06; 3 before: Mon 15/06
      ['17/06/2026', 'reminder'], // 1 working day before Thu 18/06
      ['18/06/2026', 'due-today'], // Thu 18/06
      ['19/06/2026', 'overdue'], // Fri 19/06
      ['19/06/2026', 'escalation-office'], // 1 working day after Thu 18/06
      ['17/06/2026', 'office-reminder'], // office Mon 22/06: 3 working days before, Wed 17/06 (Fri 19, Thu 18, Wed 17)
      ['19/06/2026', 'office-reminder'], // 1 working day before Mon 22/06: Fri 19/06
      ['22/06/2026', 'delivered'], // the office's deadline, moved from Sat 20/06 to Mon 22/06
      ['23/06/2026', 'escalation-director'], // 3 working days after Thu 18/06: Fri 19, Mon 22, Tue 23
    ],
  },
  {
    item: 'report-Q3',
    units: ['VP', 'KHTC', 'TCCB', 'DEMO-THPT'],
    steps: [
      ['03/09/2026', 'open'], // 01/09 and 02/09 are days off (Quốc khánh and the day next to it): Thu 03/09
      ['14/09/2026', 'reminder'], // 20/09 is a Sunday: office Mon 21/09; units Thu 17/09; 3 before: Mon 14/09
      ['16/09/2026', 'reminder'], // 1 working day before Thu 17/09
      ['17/09/2026', 'due-today'], // Thu 17/09
      ['18/09/2026', 'overdue'], // Fri 18/09
      ['18/09/2026', 'escalation-office'], // 1 working day after Thu 17/09
      ['16/09/2026', 'office-reminder'], // office Mon 21/09: 3 working days before, Wed 16/09
      ['18/09/2026', 'office-reminder'], // 1 working day before Mon 21/09: Fri 18/09
      ['21/09/2026', 'delivered'], // the office's deadline, moved from Sun 20/09 to Mon 21/09
      ['22/09/2026', 'escalation-director'], // 3 working days after Thu 17/09: Fri 18, Mon 21, Tue 22
    ],
  },
  {
    item: 'report-Y',
    units: ['VP', 'KHTC', 'TCCB', 'DEMO-THPT'],
    steps: [
      ['01/12/2026', 'open'], // Tue 01/12
      ['14/12/2026', 'reminder'], // 20/12 is a Sunday: office Mon 21/12; units Thu 17/12; 3 before: Mon 14/12
      ['16/12/2026', 'reminder'], // 1 working day before Thu 17/12
      ['17/12/2026', 'due-today'], // Thu 17/12
      ['18/12/2026', 'overdue'], // Fri 18/12
      ['18/12/2026', 'escalation-office'], // 1 working day after Thu 17/12
      ['16/12/2026', 'office-reminder'], // office Mon 21/12: 3 working days before, Wed 16/12
      ['18/12/2026', 'office-reminder'], // 1 working day before Mon 21/12: Fri 18/12
      ['21/12/2026', 'delivered'], // the office's deadline, moved from Sun 20/12 to Mon 21/12
      ['22/12/2026', 'escalation-director'], // 3 working days after Thu 17/12: Fri 18, Mon 21, Tue 22
    ],
  },
];

const HEAD: Record<string, string> = {
  VP: 'vanphong@example.org',
  KHTC: 'khtc@example.org',
  TCCB: 'tccb@example.org',
  'DEMO-THPT': 'vanphong.thpt@example.org',
};
/** A subordinate body's own head, copied on its escalations. */
const OWN_DIRECTOR: Record<string, string[]> = { 'DEMO-THPT': ['hieutruong.thpt@example.org'] };
const OFFICE = 'vanphong@example.org';
const DIRECTOR = 'giamdoc@example.org';

/** `13/01/2026 08:00 task-01 KHTC reminder khtc@example.org`, one line per e-mail of the table. */
function expectedEmails(): string[] {
  return YEAR.flatMap(({ item, units, steps }) =>
    steps.flatMap(([date, kind]) => {
      const line = (unit: string, k: string, to: string[]) =>
        `${date} 08:00 ${item} ${unit} ${k} ${to.sort().join(',')}`;
      if (kind === 'delivered') return [line('office', 'report-delivered', [DIRECTOR, OFFICE])];
      if (kind === 'office-reminder') return [line('office', kind, [OFFICE])];
      // The office is not told about VP, its own unit.
      return units.flatMap((u) => {
        const own = OWN_DIRECTOR[u] ?? [];
        if (kind === 'escalation-office') return u === 'VP' ? [] : [line(u, kind, [OFFICE, ...own])];
        if (kind === 'escalation-director') return line(u, kind, [DIRECTOR, OFFICE, ...own]);
        if (kind === 'open') return line(u, item.startsWith('report') ? 'report-request' : 'assignment', [HEAD[u]!]);
        return line(u, kind, [HEAD[u]!]);
      });
    }),
  );
}

describe('a year of plans/demo.yaml checked by hand against the official calendar', () => {
  // Alone the year takes a few seconds; each attempt gets 60 s (see withFreshStack).
  it(
    'sends each e-mail on the working day, at the hour and to the people worked out by hand',
    () => withFreshStack(60_000, handCheckedYear),
    150_000,
  );
});

async function handCheckedYear({ env, sink }: TestStack): Promise<void> {
  const { handle } = await startPlan(env.client, plan, { taskQueue: TASK_QUEUE, clock: clockRequest });
  const startedMs = (await handle.describe()).startTime.getTime();
  // Awaiting the result lets the server skip from timer to timer through the whole year.
  const summary = await handle.result();
  await new Promise((r) => setTimeout(r, 500)); // a stray late e-mail would show here

  // Each e-mail is dated by when its send was scheduled, in plan time (the sink's receivedAt is real time).
  const itemIds = summary.items.map((i) => i.workflowId);
  const times = await sendEmailTimes(env.client, itemIds);
  const planStart = DateTime.fromISO(clockRequest.planStart);
  const sent = sink.messages.map((m) => {
    const [workflowId, unit] = keyOf(m).split('/');
    const serverMs = times.get(keyOf(m));
    const local = serverMs === undefined ? undefined : planStart.plus(serverMs - startedMs).setZone(ZONE);
    const at = local?.toFormat('dd/MM/yyyy HH:mm') ?? 'not-in-history';
    const item = workflowId!.slice(`${handle.workflowId}-`.length);
    return `${at} ${item} ${unit} ${String(m.headers.get('x-kehoach-kind'))} ${[...new Set(m.to)].sort().join(',')}`;
  });
  expect(sent.sort()).toEqual(expectedEmails().sort());
  expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(sink.messages.length);
  expect(summary.closesAt).toBe('2026-12-31T17:00:00.000+07:00'); // 31/12 17:00 is after the last step (22/12)
}
