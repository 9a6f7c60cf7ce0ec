import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { DateTime } from 'luxon';
import type { EmailRequest } from '../activities/email-types.js';
import { planTimeAt, realDelayUntil } from '../domain/plan-clock.js';
import { extendedDue, unitSteps } from '../domain/schedule.js';
import { submissionProblems, submissionSchema } from './lazy-schemas.js';
import type { ItemSpec } from '../domain/schedule-types.js';
import type { WorkflowActivities } from './activities-api.js';
import {
  dueSends,
  deadlineEndMs,
  isAwaitingSubmission,
  isClosed,
  itemStatus,
  newUnit,
  nextStepAtMs,
  overdueUnits,
  statusMarkdown,
  stepInstanceKey,
  unitEmail,
  type PlannedSend,
} from './item-state.js';
import type { ItemState, ItemStatus, ItemWorkflowInput } from './item-types.js';
import {
  calendarChangedSignal,
  closeItemSignal,
  extendDeadlineUpdate,
  itemAmendedSignal,
  itemClosedSignal,
  itemDetailQuery,
  itemStatusQuery,
  pauseRemindersSignal,
  reassignItemUpdate,
  resumeRemindersSignal,
  reviewSubmissionUpdate,
  submitReportUpdate,
} from './messages.js';
import { KhNextDeadline, KhOverdueUnits, KhStatus } from './search-attributes.js';
import { StepTimer } from './step-timer.js';

const { sendEmail } = proxyActivities<WorkflowActivities>({
  // One SMTP exchange; a hung connection is abandoned after a minute and retried.
  startToCloseTimeout: '1 minute',
  // A mail outage can last hours: keep retrying, backing off to every 10 minutes. Rejected addresses are final.
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: ['EmailRejected'],
  },
});

const { compileReport } = proxyActivities<WorkflowActivities>({
  // Rendering DOCX, XLSX and a chart for a year of data takes seconds, not minutes.
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', maximumAttempts: 10 },
});

function initialState(input: ItemWorkflowInput): ItemState {
  return {
    units: input.item.units.map((u) => newUnit(u.unit, u.role, u.due)),
    outbox: [],
    paused: false,
    seq: 0,
  };
}

function fail(message: string): never {
  throw ApplicationFailure.nonRetryable(message, 'InvalidRequest');
}

/**
 * One item of a plan (a monthly task or a report for a period): opens it for each unit, reminds on working-day
 * offsets, takes submissions and reviews, escalates the late to the office then the director, each step once.
 */
export async function itemWorkflow(input: ItemWorkflowInput): Promise<ItemStatus> {
  const state = input.state ?? initialState(input);
  const zone = input.ctx.timeZone;
  const wfId = workflowInfo().workflowId;
  let dirty = false;
  const now = () => planTimeAt(input.clock, Date.now());
  const nowIso = () => DateTime.fromMillis(now(), { zone }).toISO() ?? '';
  const findUnit = (code: string) => state.units.find((u) => u.unit === code && u.phase !== 'dropped');
  const queue = (email: EmailRequest) => {
    state.seq += 1;
    state.outbox.push(email);
    dirty = true;
  };

  setHandler(itemStatusQuery, () => itemStatus(input, state, now(), Boolean(state.closeReason)));
  setHandler(itemDetailQuery, () => ({
    status: itemStatus(input, state, now(), Boolean(state.closeReason)),
    item: input.item,
    ctx: input.ctx,
    units: state.units.filter((u) => u.phase !== 'dropped'),
    now: nowIso(),
  }));

  setHandler(
    submitReportUpdate,
    (raw) => {
      const submission = submissionSchema().parse(raw);
      const unit = findUnit(submission.unit)!;
      const at = now();
      const version = {
        version: unit.versions.length + 1,
        at: nowIso(),
        onTime: at <= deadlineEndMs(unit, zone),
        submission,
      };
      unit.versions.push(version);
      unit.phase = 'submitted';
      queue(unitEmail(input, unit, 'receipt', `receipt-v${version.version}`));
      return {
        itemId: input.item.itemId,
        unit: unit.unit,
        version: version.version,
        at: version.at,
        onTime: version.onTime,
      };
    },
    {
      validator: (raw) => {
        const parsed = submissionSchema().safeParse(raw);
        if (!parsed.success) {
          fail(parsed.error.issues.map((i) => `${i.path.join('.') || 'submission'}: ${i.message}`).join('; '));
        }
        const problems = submissionProblems(parsed.data);
        if (problems.length) fail(problems.join('; '));
        const unit = findUnit(parsed.data.unit);
        if (!unit) fail(`unit ${parsed.data.unit} is not assigned to ${input.item.itemId}`);
        if (unit.phase === 'accepted') fail(`${unit.unit}'s report on ${input.item.itemId} was already accepted`);
        if (state.closeReason) fail(`${input.item.itemId} is closed (${state.closeReason})`);
      },
      description: 'Nộp báo cáo của đơn vị (đơn vị, kết quả, số liệu theo hình thức, minh chứng)',
    },
  );

  setHandler(
    reviewSubmissionUpdate,
    (review) => {
      const unit = findUnit(review.unit)!;
      const last = unit.versions[unit.versions.length - 1]!;
      last.review = { decision: review.decision, comment: review.comment ?? '', by: review.by, at: nowIso() };
      if (review.decision === 'accept') {
        unit.phase = 'accepted';
        // New in this version: the unit hears that its report was accepted. Runs started before keep their
        // recorded command sequence (no e-mail) on replay.
        if (patched('notify-unit-on-accept')) {
          const email = unitEmail(input, unit, 'accepted', `accepted-v${last.version}`);
          email.comment = review.comment || undefined;
          queue(email);
        }
      } else {
        unit.phase = 'returned';
        // Steps already past belong to the first round; the returned e-mail replaces them.
        const at = now();
        for (const step of unitSteps(input.item, unit.due, input.calendar)) {
          if (Date.parse(step.at) <= at) unit.done.push(stepInstanceKey(step, unit));
        }
        const email = unitEmail(input, unit, 'returned', `returned-v${last.version}`);
        email.comment = review.comment;
        queue(email);
      }
      dirty = true;
      return { unit: unit.unit, phase: unit.phase };
    },
    {
      validator: (review) => {
        const unit = findUnit(review.unit);
        if (!unit) fail(`unit ${review.unit} is not assigned to ${input.item.itemId}`);
        if (unit.phase !== 'submitted') fail(`${unit.unit} has no submission awaiting review (phase: ${unit.phase})`);
        if (review.decision !== 'accept' && review.decision !== 'return') fail(`decision must be accept or return`);
        if (review.decision === 'return' && !review.comment?.trim()) fail('a returned submission needs a comment');
        if (!review.by?.trim()) fail('by: who reviews must be named');
      },
      description: 'Văn phòng duyệt hoặc trả lại báo cáo (kèm ý kiến)',
    },
  );

  setHandler(
    extendDeadlineUpdate,
    (req) => {
      const unit = findUnit(req.unit)!;
      const from = unit.due.date;
      unit.due = extendedDue(input.calendar, req.newDate, input.item.sendAt, zone, req.reason);
      unit.extensions.push({ from, to: unit.due.date, reason: req.reason, by: req.by, at: nowIso() });
      unit.escalation = 'none';
      const email = unitEmail(input, unit, 'extended', `extended-${unit.due.date}`);
      email.comment = req.reason;
      queue(email);
      return { unit: unit.unit, due: unit.due.date };
    },
    {
      validator: (req) => {
        const unit = findUnit(req.unit);
        if (!unit) fail(`unit ${req.unit} is not assigned to ${input.item.itemId}`);
        if (isClosed(unit)) fail(`${unit.unit} is already done`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(req.newDate) || !DateTime.fromISO(req.newDate, { zone }).isValid) {
          fail(`newDate: "${req.newDate}" is not a date (expected yyyy-MM-dd)`);
        }
        if (req.newDate <= unit.due.date)
          fail(`newDate ${req.newDate} must be after the current deadline ${unit.due.date}`);
        // The plan closes its items at the end of its year; a later deadline would be cut off silently.
        const yearEnd = `${input.ctx.plan.year}-12-31`;
        if (req.newDate > yearEnd)
          fail(`newDate ${req.newDate} is after the plan year (last possible deadline ${yearEnd})`);
        if (!req.reason?.trim()) fail('reason: an extension needs a reason');
      },
      description: 'Gia hạn cho một đơn vị (ngày mới, lý do)',
    },
  );

  setHandler(
    reassignItemUpdate,
    (req) => {
      const from = findUnit(req.from)!;
      from.phase = 'dropped';
      const unit = newUnit(req.to, from.role, from.due);
      const at = now();
      for (const step of unitSteps(input.item, unit.due, input.calendar)) {
        if (step.kind !== 'open' && Date.parse(step.at) <= at) unit.done.push(stepInstanceKey(step, unit));
      }
      state.units.push(unit);
      dirty = true;
      return { from: req.from, to: req.to };
    },
    {
      validator: (req) => {
        const from = findUnit(req.from);
        if (!from) fail(`unit ${req.from} is not assigned to ${input.item.itemId}`);
        if (isClosed(from)) fail(`${from.unit} is already done`);
        if (!input.ctx.units[req.to]) fail(`unit ${req.to} is not a unit of the plan`);
        if (findUnit(req.to)) fail(`unit ${req.to} is already assigned to ${input.item.itemId}`);
        if (!req.reason?.trim()) fail('reason: a reassignment needs a reason');
      },
      description: 'Giao lại nhiệm vụ cho đơn vị khác',
    },
  );

  setHandler(pauseRemindersSignal, () => {
    state.paused = true;
    dirty = true;
  });
  setHandler(resumeRemindersSignal, () => {
    state.paused = false;
    dirty = true;
  });
  setHandler(closeItemSignal, ({ reason }) => {
    state.closeReason = reason;
    dirty = true;
  });
  setHandler(calendarChangedSignal, ({ years }) => {
    const replaced = new Set(years.map((y) => y.year));
    input.calendar = {
      ...input.calendar,
      years: [...input.calendar.years.filter((y) => !replaced.has(y.year)), ...years],
    };
    dirty = true;
  });
  setHandler(itemAmendedSignal, (spec) => {
    applyAmendment(input, state, spec, now());
    dirty = true;
  });

  let lastVisible = '';
  const publish = () => {
    const at = now();
    const status = itemStatus(input, state, at, Boolean(state.closeReason));
    setCurrentDetails(statusMarkdown(status, input.ctx.units));
    const overdue = overdueUnits(state, at, zone);
    const open = state.units.filter((u) => !isClosed(u));
    const nextDue = open.map((u) => u.due.at).sort()[0];
    const phase = state.closeReason || open.length === 0 ? 'done' : overdue.length ? 'overdue' : 'open';
    const visible = JSON.stringify([phase, overdue, nextDue]);
    if (visible === lastVisible) return;
    lastVisible = visible;
    upsertSearchAttributes([
      { key: KhStatus, value: phase },
      { key: KhOverdueUnits, value: overdue.length ? overdue : null },
      { key: KhNextDeadline, value: nextDue && phase !== 'done' ? new Date(nextDue) : null },
    ]);
  };

  const deliver = async (send: Pick<PlannedSend, 'email'>) => {
    try {
      await sendEmail.executeWithOptions({ summary: emailSummary(send.email) }, [send.email]);
      return true;
    } catch (err) {
      if (
        !(err instanceof ActivityFailure) ||
        !(err.cause instanceof ApplicationFailure) ||
        err.cause.type !== 'EmailRejected'
      )
        throw err;
      // A rejected address will never work: tell the office once, unless the office's own address bounced.
      const unit = findUnit(send.email.unit.code);
      const addresses = send.email.to.map((r) => r.email);
      const known = unit ? addresses.every((a) => unit.undeliverable.includes(a)) : false;
      if (unit) unit.undeliverable.push(...addresses.filter((a) => !unit.undeliverable.includes(a)));
      if (!known && !addresses.includes(input.ctx.office.email)) {
        const notice = { ...send.email, key: `${send.email.key}/undeliverable`, kind: 'escalation-office' as const };
        notice.to = [input.ctx.office];
        notice.cc = undefined;
        notice.comment = `Không gửi được e-mail tới ${addresses.join(', ')}: ${err.cause.message}`;
        state.outbox.push(notice);
      }
      return false;
    }
  };

  const isReport = input.item.kind === 'report' && input.item.period !== undefined;
  const stepTimer = new StepTimer();
  const reportDueMs = isReport ? Date.parse(input.item.period!.officeDue.at) : undefined;

  while (true) {
    publish();
    const finished =
      Boolean(state.closeReason) || (state.units.every(isClosed) && (!isReport || Boolean(state.report)));
    // E-mails queued by the handler that finished the item (the last acceptance) still go out; runs recorded before
    // this version stopped without them.
    if (finished && (state.outbox.length === 0 || !patched('send-outbox-before-close'))) break;

    const at = now();
    const outbox = state.outbox.splice(0);
    const { sends, skipped } = finished ? { sends: [], skipped: [] } : dueSends(input, state, at);
    for (const s of skipped) findUnit(s.unit)?.done.push(s.key);
    if (outbox.length || sends.length) {
      await Promise.all([
        ...outbox.map((email) => deliver({ email })),
        ...sends.map(async (send) => {
          const unit = findUnit(send.unit);
          // Settle before sending so a submission arriving meanwhile cannot re-plan the same step.
          unit?.done.push(...send.settles);
          await deliver(send);
          if (unit && send.escalation && (send.escalation === 'director' || unit.escalation === 'none'))
            unit.escalation = send.escalation;
        }),
      ]);
      continue;
    }
    if (isReport && !state.report && reportDueMs !== undefined && at >= reportDueMs) {
      await deliverReport(input, state, wfId, nowIso());
      continue;
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      stepTimer.cancel();
      await continueAsNew<typeof itemWorkflow>({ ...input, state });
    }
    const candidates = [nextStepAtMs(input, state), isReport && !state.report ? reportDueMs : undefined].filter(
      (t): t is number => t !== undefined,
    );
    const next = candidates.length ? Math.min(...candidates) : undefined;
    dirty = false;
    await stepTimer.waitUntil(
      next,
      () => realDelayUntil(input.clock, next!, Date.now()),
      next === undefined ? '' : waitSummary(input, state, next),
      () => dirty,
    );
  }

  await condition(allHandlersFinished);
  const result = itemStatus(input, state, now(), true);
  setCurrentDetails(statusMarkdown(result, input.ctx.units));
  try {
    await getExternalWorkflowHandle(input.planWorkflowId).signal(itemClosedSignal, result);
  } catch {
    // The plan may already be gone (cancelled or terminated); the item's own result still records the outcome.
  }
  return result;
}

async function deliverReport(input: ItemWorkflowInput, state: ItemState, wfId: string, atIso: string): Promise<void> {
  const compiled = await compileReport.executeWithOptions({ summary: `Tổng hợp báo cáo ${input.item.title}` }, [
    {
      key: wfId,
      planWorkflowId: input.planWorkflowId,
      itemWorkflowId: wfId,
      taskWorkflowIds: input.reportScope?.taskWorkflowIds ?? [],
      period: { code: input.item.period!.code, from: input.item.period!.from, to: input.item.period!.to },
      issuedOn: atIso.slice(0, 10),
    },
  ]);
  state.report = { number: compiled.number, files: compiled.files, at: atIso };
  const { office, director } = input.ctx;
  const lead = state.units[0];
  if (!lead) return;
  const email = unitEmail(input, lead, 'report-delivered', 'report-delivered');
  email.key = `${wfId}/office/report-delivered`;
  email.to = [{ name: director.name, email: director.email }];
  email.cc = [{ name: office.name, email: office.email }];
  email.submitLink = undefined;
  email.deadline = input.item.period!.officeDue;
  email.files = Object.entries(compiled.files).map(([name, path]) => ({ name, path }));
  email.comment = `Số: ${compiled.number}`;
  state.outbox.push(email);
}

/** Takes a new version of the item's definition: new units open, removed units drop, moved deadlines restart rounds. */
function applyAmendment(input: ItemWorkflowInput, state: ItemState, spec: ItemSpec, nowMs: number): void {
  input.item = { ...spec };
  const keep = new Set(spec.units.map((u) => u.unit));
  for (const unit of state.units) {
    if (!keep.has(unit.unit) && !isClosed(unit)) unit.phase = 'dropped';
  }
  for (const u of spec.units) {
    const existing = state.units.find((s) => s.unit === u.unit && s.phase !== 'dropped');
    if (!existing) {
      const unit = newUnit(u.unit, u.role, u.due);
      for (const step of unitSteps(spec, unit.due, input.calendar)) {
        if (step.kind !== 'open' && Date.parse(step.at) <= nowMs) unit.done.push(stepInstanceKey(step, unit));
      }
      state.units.push(unit);
    } else if (existing.due.date !== u.due.date && isAwaitingSubmission(existing)) {
      existing.due = u.due;
      existing.escalation = 'none';
    }
  }
}

const KIND_LABEL: Record<EmailRequest['kind'], string> = {
  assignment: 'Giao nhiệm vụ',
  reminder: 'Nhắc hạn',
  'due-today': 'Đến hạn hôm nay',
  overdue: 'Quá hạn',
  'escalation-office': 'Báo Văn phòng',
  'escalation-director': 'Báo Giám đốc',
  'report-request': 'Đề nghị báo cáo',
  receipt: 'Xác nhận đã nhận',
  returned: 'Trả lại để bổ sung',
  accepted: 'Báo kết quả đã duyệt',
  extended: 'Gia hạn',
  'report-delivered': 'Gửi báo cáo tổng hợp',
  'catch-up': 'Thông báo bù',
};

/** `Nhắc hạn – Phòng Kế hoạch tài chính`: the label on the activity in the Temporal UI timeline. */
function emailSummary(email: EmailRequest): string {
  return `${KIND_LABEL[email.kind]} – ${email.unit.name}`.slice(0, 200);
}

function waitSummary(input: ItemWorkflowInput, state: ItemState, nextMs: number): string {
  const when = DateTime.fromMillis(nextMs, { zone: input.ctx.timeZone }).toFormat('HH:mm dd/MM/yyyy');
  const step = state.units
    .flatMap((u) =>
      unitSteps(input.item, u.due, input.calendar)
        .filter((s) => Date.parse(s.at) === nextMs)
        .map((s) => s.rule),
    )
    .at(0);
  return `Chờ đến ${when}${step ? `: ${step}` : ''}`.slice(0, 200);
}
