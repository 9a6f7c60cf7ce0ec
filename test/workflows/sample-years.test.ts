import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { startPlan } from '../../client/plan-client.js';
import { loadPlan } from '../../domain/plan-file.js';
import { previewRows, type PreviewRow } from '../../domain/preview.js';
import { buildWorkCalendar } from '../../domain/work-calendar.js';
import { sendEmailTimes } from '../helpers/history-payloads.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';
import { withFreshStack, type TestStack } from '../helpers/test-stack.js';

const SAMPLES = ['cchc-2021.yaml', 'sgddt-hcm-2022.yaml', 'soc-trang-2022.yaml', 'mam-non-2026.yaml'];

const KIND: Record<string, string> = {
  reminder: 'reminder',
  'due-today': 'due-today',
  overdue: 'overdue',
  'escalate-office': 'escalation-office',
  'escalate-director': 'escalation-director',
};

/** `2022-03-04 task-03 TCCB reminder tccb@…`: what the preview says will be sent, and when, if no unit ever submits. */
function previewedEmails(file: string): string[] {
  const plan = loadPlan(readFileSync(`plans/${file}`, 'utf8'), file);
  const cal = buildWorkCalendar(plan);
  const rows = previewRows(plan, cal);
  const head = new Map(plan.units.map((u) => [u.code, u.head.email]));
  const bosses = [plan.director.email, plan.office.email];
  const to = (kind: string, unit: string) =>
    kind === 'escalation-office' ? [plan.office.email] : kind.startsWith('escalation') ? bosses : [head.get(unit)!];
  const line = (r: PreviewRow, unit: string, kind: string, recipients: string[]) =>
    `${r.date} ${r.itemId} ${unit} ${kind} ${[...new Set(recipients)].sort().join(',')}`;
  const units = new Map(rows.filter((r) => r.unit).map((r) => [`${r.itemId}/${r.unit}`, r]));
  const out: string[] = [];
  for (const r of rows) {
    if (r.kind === 'open') {
      const kind = r.itemId.startsWith('report-') ? 'report-request' : 'assignment';
      for (const key of units.keys()) {
        const unit = key.split('/')[1]!;
        if (key.startsWith(`${r.itemId}/`)) out.push(line(r, unit, kind, to(kind, unit)));
      }
    } else if (r.kind === 'office-due') out.push(line(r, 'office', 'report-delivered', bosses));
    else if (r.kind === 'office-reminder') out.push(line(r, 'office', 'office-reminder', [plan.office.email]));
    else if (r.unit && KIND[r.kind]) out.push(line(r, r.unit, KIND[r.kind]!, to(KIND[r.kind]!, r.unit)));
  }
  return out.sort();
}

describe('a whole year of each sample plan with no submission: the e-mails are exactly the preview', () => {
  // Each year on a stack of its own, retried once on a fresh server if it hangs (see withFreshStack).
  it.each(SAMPLES)('%s', (file) => withFreshStack(45_000, (stack) => sampleYear(file, stack)), 100_000);
});

async function sampleYear(file: string, { env, sink }: TestStack): Promise<void> {
  const plan = loadPlan(readFileSync(`plans/${file}`, 'utf8'), file);
  const first = previewRows(plan, buildWorkCalendar(plan))[0]!;
  const before = sink.messages.length;
  const planStart = DateTime.fromISO(first.at).minus({ hours: 1 });
  const { handle } = await startPlan(env.client, plan, {
    taskQueue: TASK_QUEUE,
    clock: { planStart: planStart.toISO()! },
  });
  const startedMs = (await handle.describe()).startTime.getTime();
  // Awaiting the result lets the server skip from timer to timer through the whole year.
  const summary = await handle.result();
  const planId = handle.workflowId;
  // The sink's receivedAt is real time: each e-mail is dated by when its send was scheduled, in plan time.
  const itemIds = summary.items.map((i) => i.workflowId);
  const times = await sendEmailTimes(env.client, itemIds);
  const dateOf = (key: string) => {
    const serverMs = times.get(key);
    const at = serverMs === undefined ? undefined : planStart.plus(serverMs - startedMs);
    return at?.setZone(plan.organisation.timeZone).toISODate() ?? 'not-in-history';
  };
  const sent = sink.messages.slice(before).map((m) => {
    const key = String(m.headers.get('x-kehoach-key'));
    const [wf, unit, step] = key.split('/');
    expect(step, 'every e-mail carries its stable key').toBeDefined();
    const to = [...new Set(m.to)].sort().join(',');
    return `${dateOf(key)} ${wf!.slice(planId.length + 1)} ${unit} ${String(m.headers.get('x-kehoach-kind'))} ${to}`;
  });
  expect(sent.sort()).toEqual(previewedEmails(file));
  expect(new Set(sink.messages.slice(before).map((m) => m.messageId)).size).toBe(sent.length);
  expect(summary.items.every((i) => i.phase === 'closed')).toBe(true);
  console.log(`${file}: ${sent.length} e-mails over the year`);
}
