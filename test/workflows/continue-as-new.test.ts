import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { startPlan } from '../../client/plan-client.js';
import { planSchema } from '../../domain/plan-schema.js';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';
import { useTestStack } from '../helpers/test-stack.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';

// Ten reminders per unit: enough events that a server suggesting continue-as-new at 40 events forces the item
// workflow through several runs while it is still reminding.
const plan = planSchema().parse({
  ...skeletonPlan,
  tasks: [
    {
      ...skeletonPlan.tasks[0]!,
      reminders: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
      opensOn: '2026-03-02',
      due: { on: '2026-03-20' },
    },
  ],
});

describe('continue-as-new', () => {
  const stack = useTestStack({
    server: 'dev',
    devServerArgs: ['--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=40'],
  });
  let env: TestWorkflowEnvironment;
  let sink: SmtpSink;
  beforeAll(() => ({ env, sink } = stack()));

  it('carries an item across runs without losing or repeating a step', async () => {
    // One plan day per second, starting the evening before the task opens.
    await startPlan(env.client, plan, {
      taskQueue: TASK_QUEUE,
      clock: { speed: 86_400, planStart: '2026-03-01T20:00:00+07:00' },
    });
    // Per unit: the assignment, 10 reminders, due-today, overdue, office and director escalations, each once.
    const steps = ['open', ...[10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((n) => `reminder-${n}@2026-03-20`)].concat(
      ['due-today', 'overdue', 'escalate-office', 'escalate-director'].map((k) => `${k}@2026-03-20`),
    );
    const expected = ['KHTC', 'TCCB'].flatMap((u) => steps.map((s) => `plan-SKEL-2026-task-03/${u}/${s}`)).sort();
    const mails = await sink.waitFor(expected.length, 60_000);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(sink.messages.map((m) => String(m.headers.get('x-kehoach-key'))).sort()).toEqual(expected);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(expected.length);

    const item = env.client.workflow.getHandle('plan-SKEL-2026-task-03');
    const runs: string[] = [];
    for await (const wf of env.client.workflow.list({ query: `WorkflowId="plan-SKEL-2026-task-03"` }))
      runs.push(wf.runId);
    expect(runs.length).toBeGreaterThan(1);
    const current = await item.describe();
    expect(current.typedSearchAttributes.get(ALL_SEARCH_ATTRIBUTES[0]!)).toBe('SKEL');
  });
});
