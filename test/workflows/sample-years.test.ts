import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { startPlan } from '../../client/plan-client.js';
import { loadPlan } from '../../domain/plan-file.js';
import { previewRows } from '../../domain/preview.js';
import { buildWorkCalendar } from '../../domain/work-calendar.js';
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

/** `task-03 TCCB reminder`: what the preview says will be sent when no unit ever submits. */
function previewedEmails(file: string): string[] {
  const plan = loadPlan(readFileSync(`plans/${file}`, 'utf8'), file);
  const cal = buildWorkCalendar(plan);
  const rows = previewRows(plan, cal);
  const units = new Map(rows.filter((r) => r.unit).map((r) => [`${r.itemId}/${r.unit}`, r]));
  const out: string[] = [];
  for (const r of rows) {
    if (r.kind === 'open') {
      const kind = r.itemId.startsWith('report-') ? 'report-request' : 'assignment';
      for (const key of units.keys())
        if (key.startsWith(`${r.itemId}/`)) out.push(`${r.itemId} ${key.split('/')[1]} ${kind}`);
    } else if (r.kind === 'office-due') out.push(`${r.itemId} office report-delivered`);
    else if (r.unit && KIND[r.kind]) out.push(`${r.itemId} ${r.unit} ${KIND[r.kind]}`);
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
  const { handle } = await startPlan(env.client, plan, {
    taskQueue: TASK_QUEUE,
    clock: { planStart: DateTime.fromISO(first.at).minus({ hours: 1 }).toISO()! },
  });
  // Awaiting the result lets the server skip from timer to timer through the whole year.
  const summary = await handle.result();
  const planId = handle.workflowId;
  const sent = sink.messages.slice(before).map((m) => {
    const [wf, unit, step] = String(m.headers.get('x-kehoach-key')).split('/');
    expect(step, 'every e-mail carries its stable key').toBeDefined();
    return `${wf!.slice(planId.length + 1)} ${unit} ${String(m.headers.get('x-kehoach-kind'))}`;
  });
  expect(sent.sort()).toEqual(previewedEmails(file));
  expect(new Set(sink.messages.slice(before).map((m) => m.messageId)).size).toBe(sent.length);
  expect(summary.items.every((i) => i.phase === 'closed')).toBe(true);
  console.log(`${file}: ${sent.length} e-mails over the year`);
}
