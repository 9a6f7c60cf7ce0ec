/**
 * The roll-up (issue #18): a subordinate body's consolidated report, once its director accepted it, becomes that
 * body's submission to its parent's report of the same period. Read from the subordinate's own workflows (queries,
 * no history), sent with one Update whose id is the subordinate report's workflow id, and carrying that id as the
 * submission's source: however often it is retried or by which worker, the parent takes it once. A parent whose plan
 * runs in another Temporal namespace is reached through Nexus (nexus/): read here, filed there by the same code.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { FAILURES } from '../domain/failures.js';
import { currentPlanShape, type Plan } from '../domain/plan-schema.js';
import { SUBMISSION_LIMITS, type SubmissionInput } from '../domain/submission.js';
import type { NexusEndpoints } from '../nexus/endpoints-config.js';
import type {
  PreparedRollUp,
  RollUpAcrossInput,
  RollUpInput,
  RollUpReceipt,
  SubordinateReport,
} from '../workflows/activities-api.js';
import type { ItemStatus } from '../workflows/item-types.js';
import { itemStatusQuery, planDefinitionQuery, submitReportUpdate } from '../workflows/messages.js';

export interface RollUpDeps {
  client: Client;
  /** The portal's public address: the subordinate's report files are linked through it as evidence. */
  portalBaseUrl: string;
  /** The Nexus endpoint to each parent namespace (NEXUS_ENDPOINTS); none: every parent runs in this namespace. */
  nexusEndpoints?: NexusEndpoints;
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

/** Reads the subordinate's report in its own namespace (queries), with the figures of `forms` (default: its plan's). */
export async function readSubordinateReport(
  client: Client,
  req: RollUpInput,
  portalBaseUrl: string,
  forms?: ReadonlySet<string>,
): Promise<SubordinateReport> {
  const [plan, status] = await Promise.all([
    // A plan started by an earlier version lacks the fields added since (`subordinates`): read in today's shape.
    client.workflow.getHandle(req.planWorkflowId).query(planDefinitionQuery).then(currentPlanShape),
    client.workflow.getHandle(req.itemWorkflowId).query(itemStatusQuery),
  ]);
  const counted = forms ?? formsOf(plan);
  return { ...req, submission: rollUpSubmission(req, { plan, status }, counted, portalBaseUrl) };
}

/**
 * Files the report in the parent's report item with one Update whose id is the report's key: the parent takes it once
 * and a repeat answers with the version it became. `client` is the parent namespace's: this worker's own, or the Nexus
 * handler's (nexus/roll-up-handler.ts). Only the parent's forms are kept, and the unit and key are the report's.
 */
/** How long one attempt waits for the parent's item to take the report (the activity's own limit is a minute). */
const UPDATE_WAIT_MS = 30_000;

export async function sendSubordinateReport(
  client: Client,
  report: SubordinateReport,
  parentPlan?: Plan,
): Promise<RollUpReceipt> {
  const forms = formsOf(
    parentPlan ?? (await parentPlanOf(client, report).catch((err: unknown) => missing(err, report))),
  );
  const figures = Object.entries(report.submission.figures ?? {}).filter(([form]) => forms.has(form));
  const submission: SubmissionInput = {
    ...report.submission,
    unit: report.unit,
    figures: Object.fromEntries(figures),
    source: { kind: 'roll-up', key: report.key },
  };
  try {
    // A bounded wait: with hundreds of schools accepted at once the parent's item takes ten Updates at a time, and an
    // unbounded call would hold the worker's activity slot for as long (bench P9 wedged a worker so); past the
    // deadline the attempt fails and Temporal retries it with back-off, and the Update id keeps it once.
    const receipt = await client.withDeadline(Date.now() + UPDATE_WAIT_MS, () =>
      client.workflow
        .getHandle(report.parentItemWorkflowId)
        .executeUpdate(submitReportUpdate, { args: [submission], updateId: report.key }),
    );
    return { version: receipt.version, at: receipt.at };
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError)
      throw ApplicationFailure.nonRetryable(
        `${report.parentItemWorkflowId} refused the report of ${report.unit}: ${err.cause?.message ?? err.message}`,
        FAILURES.rollUpRefused,
      );
    return missing(err, report);
  }
}

export function createRollUpActivities({ client, portalBaseUrl, nexusEndpoints = {} }: RollUpDeps) {
  return {
    /** A parent in this namespace: the report, read with the parent's forms, filed in one activity. */
    async rollUpReport(req: RollUpInput): Promise<RollUpReceipt> {
      const parentPlan = await parentPlanOf(client, req).catch((err: unknown) => missing(err, req));
      const report = await readSubordinateReport(client, req, portalBaseUrl, formsOf(parentPlan));
      return sendSubordinateReport(client, report, parentPlan);
    },
    /**
     * A parent in another namespace: the report is read here, with this plan's forms (a subordinate's plan takes the
     * parent's, `plan derive`); the item sends it through the endpoint that leads there, and the parent keeps its own.
     */
    async buildRollUpSubmission({ namespace, ...req }: RollUpAcrossInput): Promise<PreparedRollUp> {
      const endpoint = nexusEndpoints[namespace];
      if (!endpoint)
        throw ApplicationFailure.nonRetryable(
          `no Nexus endpoint leads to namespace "${namespace}", where ${req.parentItemWorkflowId} runs: ` +
            `NEXUS_ENDPOINTS must name one (${namespace}=<endpoint>), then the office retries`,
          FAILURES.rollUpEndpointMissing,
        );
      return { endpoint, report: await readSubordinateReport(client, req, portalBaseUrl) };
    },
  };
}

/** The form codes a plan counts. */
function formsOf(plan: Plan): ReadonlySet<string> {
  return new Set(plan.forms.map((f) => f.code));
}

/** The parent's plan definition, from the plan workflow that started the parent's report item. */
async function parentPlanOf(client: Client, req: RollUpInput): Promise<Plan> {
  const parentPlanId = req.parentItemWorkflowId.replace(/-report-[A-Za-z0-9-]+$/, '');
  return client.workflow.getHandle(parentPlanId).query(planDefinitionQuery);
}

/** A parent that does not run (no such plan, period or year there, or closed) is final; anything else is retried. */
function missing(err: unknown, req: RollUpInput): never {
  if (err instanceof WorkflowNotFoundError)
    throw ApplicationFailure.nonRetryable(
      `${req.parentItemWorkflowId} does not run: the parent's plan of that year must report this period`,
      FAILURES.rollUpTargetMissing,
    );
  throw err;
}
