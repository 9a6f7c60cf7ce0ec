import { createHash } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { stringify } from 'yaml';
import { getPlanDefinition, planHandle, type PlanRef } from '../../client/plan-client.js';
import { canonicalJson, planDiff, type PlanDiff } from '../../domain/plan-diff.js';
import { parsePlanText, type PlanProblem } from '../../domain/plan-file.js';
import type { Plan } from '../../domain/plan-schema.js';
import type { ResolvedDeps } from '../deps.js';
import { isNotFound } from '../errors.js';
import type { Lang } from '../i18n.js';
import { loadDraft, type PlanDraftRecord } from './draft-store.js';

/**
 * Where an organisation's amendment stands: no draft; a draft that amends nothing; the plan it amends no longer
 * running; a draft that does not validate; or both plans and the difference between them, with its hash.
 */
export type AmendState =
  | { kind: 'no-draft' }
  | { kind: 'not-amending'; draft: PlanDraftRecord }
  | { kind: 'not-running'; ref: PlanRef; draft: PlanDraftRecord }
  | { kind: 'invalid'; ref: PlanRef; draft: PlanDraftRecord; problems: PlanProblem[] }
  | { kind: 'ready'; ref: PlanRef; draft: PlanDraftRecord; running: Plan; amended: Plan; diff: PlanDiff; hash: string };

/**
 * The hash the confirm form carries: the POST amends only if the difference is still the one the office saw (the
 * running plan, or the draft, may have changed in between). sha256 of the diff's canonical JSON.
 */
export function diffHash(diff: PlanDiff): string {
  return createHash('sha256').update(canonicalJson(diff)).digest('base64url');
}

/** The draft as a plan, with the same problems `kehoach plan validate` gives for its YAML (messages in `lang`). */
export function draftPlan(draft: PlanDraftRecord, org: string, lang: Lang) {
  return parsePlanText(stringify(draft.raw), `${org}.yaml`, lang);
}

/** True while the plan-year's workflow runs (a closed plan cannot be amended). */
async function isRunning(deps: ResolvedDeps, ref: PlanRef): Promise<boolean> {
  return planHandle(deps.client, ref)
    .describe()
    .then((d) => d.status.name === 'RUNNING')
    .catch((err: unknown) => {
      if (err instanceof WorkflowNotFoundError || isNotFound(err)) return false;
      throw err;
    });
}

/** Reads the organisation's draft and, when it amends a running plan and validates, that plan and the difference. */
export async function readAmendState(deps: ResolvedDeps, org: string, lang: Lang): Promise<AmendState> {
  const draft = await loadDraft(deps.store, org);
  if (!draft) return { kind: 'no-draft' };
  if (!draft.amends) return { kind: 'not-amending', draft };
  const ref = { org, year: draft.amends.year };
  const parsed = draftPlan(draft, org, lang);
  if (!parsed.ok) return { kind: 'invalid', ref, draft, problems: parsed.problems };
  if (!(await isRunning(deps, ref))) return { kind: 'not-running', ref, draft };
  const running = await getPlanDefinition(deps.client, ref);
  const diff = planDiff(running, parsed.plan);
  return { kind: 'ready', ref, draft, running, amended: parsed.plan, diff, hash: diffHash(diff) };
}

/**
 * The draft names another organisation or year than the plan it amends: the plan refuses that (its id is
 * `plan-<org>-<year>`), so the portal says so in the office's words and offers no confirm button.
 */
export function identityMismatch(
  state: Extract<AmendState, { kind: 'ready' }>,
): { org: string; year: number; draftOrg: string; draftYear: number } | undefined {
  const { organisation, plan } = state.amended;
  if (organisation.code === state.ref.org && plan.year === state.ref.year) return undefined;
  return { ...state.ref, draftOrg: organisation.code, draftYear: plan.year };
}
