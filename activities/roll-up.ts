/**
 * The roll-up (issue #18): a subordinate body's consolidated report, once its director accepted it, becomes that
 * body's submission to its parent's report of the same period. Read from the subordinate's own workflows (queries,
 * no history), sent with one Update whose id is the subordinate report's workflow id, and carrying that id as the
 * submission's source: however often it is retried or by which worker, the parent takes it once.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { FAILURES } from '../domain/failures.js';
import type { Plan } from '../domain/plan-schema.js';
import { SUBMISSION_LIMITS, type SubmissionInput } from '../domain/submission.js';
import type { RollUpInput, RollUpReceipt } from '../workflows/activities-api.js';
import type { ItemStatus } from '../workflows/item-types.js';
import { itemStatusQuery, planDefinitionQuery, submitReportUpdate } from '../workflows/messages.js';

export interface RollUpDeps {
  client: Client;
  /** The portal's public address: the subordinate's report files are linked through it as evidence. */
  portalBaseUrl: string;
}

/** Each accepted unit's text of one section, under the unit's name, cut to what a submission may hold. */
function section(
  status: ItemStatus,
  plan: Plan,
  pick: (s: NonNullable<ItemStatus['units'][number]['lastSubmission']>) => string,
) {
  const names = new Map([...plan.units, ...plan.subordinates].map((u) => [u.code, u.name]));
  const text = status.units
    .filter((u) => u.phase === 'accepted' && u.lastSubmission && pick(u.lastSubmission).trim())
    .map((u) => `${names.get(u.unit) ?? u.unit}: ${pick(u.lastSubmission!).trim()}`)
    .join('\n');
  return text.slice(0, SUBMISSION_LIMITS.textChars);
}

/** The subordinate's report as a submission to the parent: its report's figures per form the parent counts, texts by section. */
export function rollUpSubmission(
  req: RollUpInput,
  child: { plan: Plan; status: ItemStatus },
  parentForms: ReadonlySet<string>,
  portalBaseUrl: string,
): SubmissionInput {
  const { plan, status } = child;
  const report = status.report;
  // The figures the subordinate's director accepted: its report's output per form (its duties and the bodies below
  // it), for the forms the parent counts.
  const figures: Record<string, number> = {};
  for (const [form, n] of Object.entries(report?.totals ?? {}))
    if (parentForms.has(form) && n > 0) figures[form] = Math.min(n, SUBMISSION_LIMITS.figureMax);
  const evidence = Object.entries(report?.files ?? {}).map(([kind, key]) => ({
    title: `Báo cáo số ${report!.number} – ${plan.organisation.name} (${kind.toUpperCase()})`.slice(
      0,
      SUBMISSION_LIMITS.titleChars,
    ),
    url: `${portalBaseUrl}/van-phong/bao-cao?f=${encodeURIComponent(key)}`,
  }));
  const results = section(status, plan, (s) => s.results);
  return {
    unit: req.unit,
    submittedBy: `${plan.director.name} (${req.acceptedBy})`.slice(0, SUBMISSION_LIMITS.nameChars),
    results: results || `Báo cáo số ${report?.number ?? ''} của ${plan.organisation.name}.`,
    shortcomings: section(status, plan, (s) => s.shortcomings),
    nextTasks: section(status, plan, (s) => s.nextTasks),
    proposals: section(status, plan, (s) => s.proposals),
    figures,
    evidence: evidence.slice(0, SUBMISSION_LIMITS.evidence),
    source: { kind: 'roll-up', key: req.key },
  };
}

export function createRollUpActivities({ client, portalBaseUrl }: RollUpDeps) {
  return {
    async rollUpReport(req: RollUpInput): Promise<RollUpReceipt> {
      const parent = client.workflow.getHandle(req.parentItemWorkflowId);
      const [plan, status, parentPlan] = await Promise.all([
        client.workflow.getHandle(req.planWorkflowId).query(planDefinitionQuery),
        client.workflow.getHandle(req.itemWorkflowId).query(itemStatusQuery),
        parentPlanOf(client, req).catch((err: unknown) => missing(err, req)),
      ]);
      const forms = new Set(parentPlan.forms.map((f) => f.code));
      const submission = rollUpSubmission(req, { plan, status }, forms, portalBaseUrl);
      try {
        const receipt = await parent.executeUpdate(submitReportUpdate, { args: [submission], updateId: req.key });
        return { version: receipt.version, at: receipt.at };
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError)
          throw ApplicationFailure.nonRetryable(
            `${req.parentItemWorkflowId} refused the report of ${req.unit}: ${err.cause?.message ?? err.message}`,
            FAILURES.rollUpRefused,
          );
        return missing(err, req);
      }
    },
  };
}

/** The parent's plan definition, from the plan workflow that started the parent's report item. */
async function parentPlanOf(client: Client, req: RollUpInput): Promise<Plan> {
  const parentPlanId = req.parentItemWorkflowId.replace(/-report-[A-Za-z0-9-]+$/, '');
  return client.workflow.getHandle(parentPlanId).query(planDefinitionQuery);
}

/** A parent that does not run (no such plan, period or year here, or closed) is final; anything else is retried. */
function missing(err: unknown, req: RollUpInput): never {
  if (err instanceof WorkflowNotFoundError)
    throw ApplicationFailure.nonRetryable(
      `${req.parentItemWorkflowId} does not run: the parent's plan of that year must report this period`,
      FAILURES.rollUpTargetMissing,
    );
  throw err;
}
