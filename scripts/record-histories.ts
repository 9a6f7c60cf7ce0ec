/**
 * Records the replay corpus: runs representative scenarios on the time-skipping server with the real worker, real
 * e-mail activities and the SMTP sink, then writes each workflow's history (CLI JSON format) to
 * `test/fixtures/histories/<scenario>-<workflow>.json`. Re-run after a deliberate workflow change and commit.
 * No scenario reaches a report deadline: the skeleton plan has no `reporting` section.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import {
  extendDeadline,
  RequestRejectedError,
  reviewSubmission,
  startPlan,
  submitReport,
} from '../client/plan-client.js';
import { itemWorkflowId, planWorkflowId } from '../domain/ids.js';
import { planSchema, type Plan } from '../domain/plan-schema.js';
import { historyToJson } from './history-json.js';
import { skeletonClock, skeletonPlan } from '../test/fixtures/skeleton-plan.js';
import { planTimeStepper } from '../test/helpers/plan-time.js';
import { startSmtpSink, type SmtpSink } from '../test/helpers/smtp-sink.js';
import { startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from '../test/helpers/temporal-env.js';

const OUT = fileURLToPath(new URL('../test/fixtures/histories/', import.meta.url));
/**
 * Histories are kept per code version (`v1-…` recorded before the first patches, `v2-…` after), so CI keeps
 * replaying what older deployments recorded. `npm run histories:record -- v3` adds a set; it replaces only its own.
 */
const LABEL = process.argv[2] ?? '';
if (!/^v\d+$/.test(LABEL)) throw new Error('usage: npm run histories:record -- vN (the label of this code version)');

type Step = (ctx: {
  env: TestWorkflowEnvironment;
  sink: SmtpSink;
  at(instant: string): Promise<void>;
}) => Promise<void>;

interface Scenario {
  name: string;
  plan: Plan;
  run: Step;
}

const ITEM = 'task-03';

/** The skeleton plan under another organisation code, so each scenario has its own workflow ids. */
function planFor(org: string): Plan {
  return planSchema().parse({ ...skeletonPlan, organisation: { ...skeletonPlan.organisation, code: org } });
}

async function expectRejected(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (err) {
    if (err instanceof RequestRejectedError) return;
    throw err;
  }
  throw new Error('expected the validator to reject the update');
}

const scenarios: Scenario[] = [
  {
    // Open, reminders, a rejected and an accepted submission, overdue + both escalations, year close.
    name: 'escalation-year',
    plan: planFor('RPLA'),
    async run({ env, at }) {
      const ref = { org: 'RPLA', year: 2026 };
      await at('2026-03-03T10:00:00+07:00');
      await expectRejected(submitReport(env.client, ref, ITEM, { unit: 'XYZ', submittedBy: 'x', results: 'x' }));
      await submitReport(env.client, ref, ITEM, {
        unit: 'KHTC',
        submittedBy: 'Trần Thị Kế',
        results: 'Đã đăng 4 tin.',
      });
      await at('2026-03-12T12:00:00+07:00');
      await reviewSubmission(env.client, ref, ITEM, { unit: 'KHTC', decision: 'accept', by: 'Văn phòng' });
    },
  },
  {
    // A return for revision and a resubmission; an extension for the other unit, then its on-time submission.
    name: 'revision-extension',
    plan: planFor('RPLB'),
    async run({ env, at }) {
      const ref = { org: 'RPLB', year: 2026 };
      await at('2026-03-03T10:00:00+07:00');
      await submitReport(env.client, ref, ITEM, { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: 'Bản 1.' });
      await reviewSubmission(env.client, ref, ITEM, {
        unit: 'KHTC',
        decision: 'return',
        comment: 'Thiếu số liệu',
        by: 'Văn phòng',
      });
      await extendDeadline(env.client, ref, ITEM, {
        unit: 'TCCB',
        newDate: '2026-03-13',
        reason: 'Chờ số liệu quý',
        by: 'Văn phòng',
      });
      await at('2026-03-05T10:00:00+07:00');
      await submitReport(env.client, ref, ITEM, { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: 'Bản 2.' });
      await reviewSubmission(env.client, ref, ITEM, { unit: 'KHTC', decision: 'accept', by: 'Văn phòng' });
      await at('2026-03-12T10:00:00+07:00');
      await submitReport(env.client, ref, ITEM, { unit: 'TCCB', submittedBy: 'Lê Văn Tổ', results: 'Đã làm.' });
      await reviewSubmission(env.client, ref, ITEM, { unit: 'TCCB', decision: 'accept', by: 'Văn phòng' });
    },
  },
];

/** `<file> <workflowId>` per line: replay needs the original id (the plan derives its items' ids from its own). */
const ID_FILE = 'workflow-ids.txt';

async function record(
  env: TestWorkflowEnvironment,
  sink: SmtpSink,
  scenario: Scenario,
  ids: string[],
): Promise<string[]> {
  const { handle } = await startPlan(env.client, scenario.plan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
  const startedAt = (await handle.describe()).startTime.getTime();
  const clock = planTimeStepper(env, skeletonClock.planStart, startedAt);
  const at = async (instant: string) => {
    console.log(`[histories] ${scenario.name}: → ${instant}`);
    await clock.sleepUntil(instant);
  };
  await scenario.run({ env, sink, at });
  // Awaiting the result lets the server skip to the year close: the plan closes its items, they report back.
  // (`env.sleep` past the close hangs under tsx, while `result()` unlocks time skipping as the SDK intends.)
  await handle.result();
  const planId = planWorkflowId(scenario.plan.organisation.code, scenario.plan.plan.year);
  const workflows: [string, string][] = [
    ['plan', planId],
    ...scenario.plan.tasks.map((t): [string, string] => {
      const itemId = `task-${String(t.number).padStart(2, '0')}`;
      return [itemId, itemWorkflowId(planId, itemId)];
    }),
  ];
  const files: string[] = [];
  for (const [label, workflowId] of workflows) {
    const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
    const file = `${LABEL}-${scenario.name}-${label}.json`;
    writeFileSync(OUT + file, JSON.stringify(historyToJson(history), null, 1) + '\n');
    files.push(`${file} (${history.events?.length ?? 0} events)`);
    ids.push(`${file} ${workflowId}`);
  }
  return files;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (f.startsWith(`${LABEL}-`) && f.endsWith('.json')) rmSync(OUT + f);
  const env = await startTimeSkippingEnv();
  const sink = await startSmtpSink();
  const worker = await startTestWorker(env, sink);
  try {
    const ids: string[] = [];
    for (const scenario of scenarios) {
      const files = await record(env, sink, scenario, ids);
      console.log(`[histories] ${scenario.name}: ${files.join(', ')}`);
    }
    const kept = existsSync(OUT + ID_FILE)
      ? readFileSync(OUT + ID_FILE, 'utf8')
          .split('\n')
          .filter((l) => l && !l.startsWith(`${LABEL}-`))
      : [];
    writeFileSync(OUT + ID_FILE, [...kept, ...ids].sort().join('\n') + '\n');
    console.log(`[histories] ${sink.messages.length} e-mails went through the sink`);
  } finally {
    // The worker may already have stopped with the test server's connection; nothing is lost then.
    await worker.stop().catch(() => undefined);
    await sink.stop();
    await env.teardown();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
