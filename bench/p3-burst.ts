/**
 * P3: the 08:00 burst. M plans × 5 units, every unit's reminder due at the same plan instant T0 (Fri 16/01 08:00 of
 * `burstPlan`), which each plan's clock maps to the same real instant R0 (planStart is chosen per plan at its start
 * call; the true anchor is read back from history, so lateness is exact even where anchors drift a little).
 * Lateness = sink receive time − the real time T0 maps to for that plan. Runs A, B, A, B, then A paced by the
 * task queue's activity rate limit: pacing efficiency = (E/R) / drain.
 */
import { messageIdFor } from '../activities/email.js';
import { burstPlan, planScript } from './bench-plan.js';
import { startVariantWorker, type Bundles, type VariantName } from './bench-workers.js';
import type { DevServer } from './dev-server.js';
import type { RemoteSink } from './remote-sink.js';
import { percentile, pool } from './stats.js';
import { describeMissing } from './missing-reminders.js';
import { anchorMs, startVariantPlan, terminateAll } from './variant-plans.js';

// Half a plan day per real second: open → reminder is 11 plan days, reminder → due-today 14 (28 s of quiet for the drain).
const SPEED = 43_200;
/** After the window, how long a run with missing reminders waits for them to tell late from lost (not counted). */
const LATE_WAIT_S = 90;

export interface P3Run {
  variant: VariantName;
  /** The task queue's activities-per-second limit, if paced. */
  rate?: number;
  plans: number;
  expected: number;
  /** Reminders in, as themselves or folded into a catch-up e-mail (`folded`). */
  received: number;
  /**
   * Of those, reminders that reached their unit inside a catch-up e-mail: the item's first workflow task ran so late
   * (a worker busy starting the other plans) that its opening and the reminder were due together.
   */
  folded: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  minMs: number;
  drainS: number;
  /** First to last reminder received: what the rate limiter shapes. */
  sendWindowS: number;
  /** Most reminders received within any 1 s: the send rate at saturation, whatever the spread of due instants. */
  peakPerS: number;
  /** How far apart the plans' own T0 real instants fell (anchor drift while starting). */
  dueSpreadMs: number;
  leadShortfallMs: number;
  /** Cores each watched process used from T0 until the last reminder was in (`BurstOptions.cpu`). */
  burstCores?: number[];
}

export interface BurstOptions {
  variant: VariantName;
  taskQueue: string;
  /** Names the plans (`<tag>0000`, …): unique per run. */
  tag: string;
  plans: number;
  startRate: number;
  /** The task queue's activities-per-second limit, if paced. */
  rate?: number;
  /** How long after T0 a reminder may still arrive before it counts as missing (default 60 s). */
  waitS?: number;
  /** CPU-seconds of the processes to watch (P6): sampled at T0 and once every reminder is in. */
  cpu?: () => number[];
}

export async function runP3(
  server: DevServer,
  sink: RemoteSink,
  bundles: Bundles,
  o: { plans: number; order: VariantName[]; rate: number; startRate: number },
): Promise<P3Run[]> {
  const runs: P3Run[] = [];
  const plan = [
    ...o.order.map((v) => ({ v, rate: undefined as number | undefined })),
    { v: 'A' as VariantName, rate: o.rate },
  ];
  for (const [k, { v: variant, rate }] of plan.entries()) {
    const taskQueue = `p3-${variant}-${k}`;
    const w = await startVariantWorker({
      variant,
      server,
      sink,
      taskQueue,
      bundles,
      ...(rate ? { activitiesPerSecond: rate } : {}),
    });
    try {
      const tag = `P3${variant}${k}X`;
      runs.push(
        await runBurst(server, sink, { variant, taskQueue, tag, plans: o.plans, startRate: o.startRate, rate }),
      );
      console.error(`[bench] P3 ${variant}${rate ? ` paced ${rate}/s` : ''} run ${k}: ${JSON.stringify(runs.at(-1))}`);
    } finally {
      await w.stop();
    }
  }
  return runs;
}

/** One burst on `o.taskQueue`, whose workers the caller runs. */
export async function runBurst(server: DevServer, sink: RemoteSink, o: BurstOptions): Promise<P3Run> {
  const { variant, rate } = o;
  const scripts = Array.from({ length: o.plans }, (_, i) => planScript(i, o.tag, { plan: burstPlan, submit: false }));
  const owner = new Map<string, number>();
  let t0Plan = 0;
  scripts.forEach((s, i) => {
    const step = s.steps.find((st) => st.emails.some((e) => e.kind === 'reminder'))!;
    t0Plan = step.atMs;
    for (const e of step.emails) owner.set(messageIdFor(e.key), i);
  });
  const expected = owner.size;
  // A unit whose opening and reminder fall due together gets one catch-up e-mail named after the reminder
  // (`…/KHTC/catch-up-reminder-10@…`): that is its reminder, delivered.
  const asReminder = new Map<string, string>();
  for (const s of scripts)
    for (const e of s.steps.find((st) => st.emails.some((m) => m.kind === 'reminder'))!.emails)
      asReminder.set(messageIdFor(e.key.replace(/\/reminder-/, '/catch-up-reminder-')), messageIdFor(e.key));
  // Paced: the plans' 5 assignment e-mails also queue behind the limit before T0.
  const leadMs = (6 + o.plans / o.startRate + (rate ? expected / rate : 0)) * 1000;
  await sink.take();
  const r0 = Date.now() + leadMs;
  const planStarts: number[] = [];
  // Starts paced (startRate/s): each plan's clock anchors at its first workflow task, so a backlog of first tasks
  // on the worker would spread the plans' T0 over seconds instead of one instant.
  const begin = Date.now();
  const started = await pool(scripts, 4, async (s, i) => {
    await new Promise((r) => setTimeout(r, Math.max(0, begin + (i * 1000) / o.startRate - Date.now())));
    planStarts[i] = t0Plan - (r0 - Date.now()) * SPEED;
    return startVariantPlan(server.client, variant, s, o.taskQueue, { planStartMs: planStarts[i]!, speed: SPEED });
  });
  const leadShortfallMs = Math.max(0, Date.now() - (r0 - 1000));
  const cpuAtT0 =
    o.cpu &&
    new Promise<[number, number[]]>((resolve) =>
      setTimeout(() => resolve([Date.now(), o.cpu!()]), Math.max(0, r0 - Date.now())),
    );
  const got = new Map<string, number>();
  const folded = new Set<string>();
  // Generous: a reminder not received by then counts as missing in the table (received / expected).
  const deadline = r0 + (o.waitS ?? 60) * 1000 + (rate ? (2 * expected * 1000) / rate : 0);
  while (got.size < expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    for (const m of await sink.take()) {
      const id = asReminder.get(m.id) ?? m.id;
      if (owner.has(id) && !got.has(id)) got.set(id, m.at);
      if (asReminder.has(m.id)) folded.add(id);
    }
  }
  let burstCores: number[] | undefined;
  if (cpuAtT0) {
    const [at0, cpu0] = await cpuAtT0;
    const [at1, cpu1] = [Date.now(), o.cpu!()];
    // CPU-seconds per wall second from T0 to the poll that saw the last reminder: cores in use during the burst.
    burstCores = cpu1.map((c, i) => (c - cpu0[i]!) / ((at1 - at0) / 1000));
  }
  const anchors = await pool(started, 10, (p) => anchorMs(server.client, p.anchorId));
  const due = anchors.map((a, i) => a + (t0Plan - planStarts[i]!) / SPEED);
  const late = [...got].map(([id, at]) => at - due[owner.get(id)!]!);
  const times = [...got.values()];
  const missingIds = [...owner.keys()].filter((id) => !got.has(id));
  if (missingIds.length) {
    const missingPlans = [...new Set(missingIds.map((id) => owner.get(id)!))];
    for (const line of await describeMissing(server.client, started, missingPlans))
      console.error(`[bench] ${o.tag} missing reminders: ${line}`);
    // Late or lost? Wait a while more for them (not counted above): a send's attempt may take its whole minute.
    const missing = new Set(missingIds);
    const count = missing.size;
    let lastAt = 0;
    const until = Date.now() + LATE_WAIT_S * 1000;
    while (missing.size && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 500));
      for (const m of await sink.take()) {
        const id = asReminder.get(m.id) ?? m.id;
        if (missing.delete(id)) lastAt = m.at;
      }
    }
    console.error(
      `[bench] ${o.tag}: ${count - missing.size} of the ${count} missing reminders arrived within ${LATE_WAIT_S} s more` +
        (lastAt ? `, the last ${((lastAt - r0) / 1000).toFixed(1)} s after T0` : ''),
    );
  }
  await terminateAll(server.client, started);
  return {
    variant,
    ...(rate ? { rate } : {}),
    plans: o.plans,
    expected,
    received: got.size,
    folded: folded.size,
    p50Ms: percentile(late, 50),
    p99Ms: percentile(late, 99),
    maxMs: Math.max(...late),
    minMs: Math.min(...late),
    drainS: (Math.max(...times) - Math.min(...due)) / 1000,
    sendWindowS: (Math.max(...times) - Math.min(...times)) / 1000,
    peakPerS: peakPerSecond(times),
    dueSpreadMs: Math.max(...due) - Math.min(...due),
    leadShortfallMs,
    ...(burstCores ? { burstCores } : {}),
  };
}

function peakPerSecond(times: number[]): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while (t[j]! - t[i]! >= 1000) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}
