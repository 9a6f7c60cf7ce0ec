/**
 * The rules of one item (a task or a report) as a model the workflow drives: each message and each tick of the clock
 * changes the state and queues the e-mails it implies in `state.outbox`; the workflow only waits, sends and files.
 * No Temporal calls here (validators throw the refusal the SDK passes back), so the model is tested without a server.
 */
import { DateTime } from 'luxon';
import type { EmailRequest } from './email-request.js';
import { itemWorkflowId } from '../domain/ids.js';
import { ISO_DATE } from '../domain/local-date.js';
import { extendedDue } from '../domain/schedule.js';
import type { ItemSpec, OfficialYear } from '../domain/schedule-types.js';
import type { SubmissionInput } from '../domain/submission.js';
import type { CompiledReport, CompileReportInput, RollUpInput, RollUpReceipt } from './activities-api.js';
import { planWorkflowId } from '../domain/ids.js';
import {
  deadlineEndMs,
  dueSends,
  isAwaitingSubmission,
  isClosed,
  itemStatus,
  newUnit,
  nextOfficeStepMs,
  nextStepAtMs,
  officeSends,
  overdueUnits,
  settleStepsUpTo,
  unitEmail,
  type PlannedSend,
} from './item-state.js';
import type { ItemDetail, ItemState, ItemStatus, ItemWorkflowInput, UnitState } from './item-types.js';
import * as lazySchemas from './lazy-schemas.js';
import type {
  ExtendInput,
  ReassignInput,
  RecompileInput,
  ReportReviewInput,
  ReviewInput,
  SubmitReceipt,
} from './messages.js';
import { checkRetry, incidentStep, openIncidents, type Incident, type RetryInput } from './incidents.js';
import { refuse } from './refuse.js';

/** Plan time, as the workflow's clock gives it: epoch ms and the same instant as ISO in the plan's zone. */
export interface PlanNow {
  ms: number;
  iso: string;
}

export function initialItemState(input: ItemWorkflowInput): ItemState {
  return { units: input.item.units.map((u) => newUnit(u.unit, u.role, u.due)), outbox: [], paused: false };
}

/** Where the model gets the submission schema: loaded lazily in the workflow sandbox, imported directly in tests. */
export interface SubmissionRules {
  submissionSchema: typeof lazySchemas.submissionSchema;
  submissionProblems: typeof lazySchemas.submissionProblems;
}

/** How a model behaves: the rules a run started with (a patch decides them in the workflow). */
export interface ItemModelOptions {
  /**
   * The reporting chain (since `office-chain`): the office gets its own reminders before its deadline to the
   * director, and the office's own unit is never escalated to the office about itself.
   */
  officeChain?: boolean;
  /**
   * Whether a new item has the director accept or return its consolidated report (since `kh-2026-12b`); asked only
   * when the item starts (its state remembers the answer across continue-as-new).
   */
  directorReview?: () => boolean;
  rules?: SubmissionRules;
}

export class ItemModel {
  private readonly rules: SubmissionRules;
  private readonly officeChain: boolean;

  constructor(
    readonly input: ItemWorkflowInput,
    readonly state: ItemState,
    options: ItemModelOptions = {},
  ) {
    this.rules = options.rules ?? lazySchemas;
    this.officeChain = options.officeChain ?? false;
    if (this.isReport && input.state === undefined && options.directorReview?.()) state.directorReview = true;
  }

  get zone(): string {
    return this.input.ctx.timeZone;
  }

  get isReport(): boolean {
    return this.input.item.kind === 'report';
  }

  /** The unit's share, unless it was handed to another unit. */
  unit(code: string): UnitState | undefined {
    return this.state.units.find((u) => u.unit === code && u.phase !== 'dropped');
  }

  private assigned(code: string): UnitState {
    const unit = this.unit(code);
    if (!unit) refuse(`unit ${code} is not assigned to ${this.input.item.itemId}`);
    return unit;
  }

  status(nowMs: number, closed = Boolean(this.state.closeReason)): ItemStatus {
    return itemStatus(this.input, this.state, nowMs, closed);
  }

  detail(now: PlanNow): ItemDetail {
    return {
      status: this.status(now.ms),
      item: this.input.item,
      ctx: this.input.ctx,
      units: this.state.units.filter((u) => u.phase !== 'dropped'),
      now: now.iso,
      clock: this.input.clock,
    };
  }

  // ── Submissions ─────────────────────────────────────────────────────────────────────────────────────────────

  checkSubmission(raw: SubmissionInput): void {
    const parsed = this.rules.submissionSchema().safeParse(raw);
    if (!parsed.success)
      refuse(parsed.error.issues.map((i) => `${i.path.join('.') || 'submission'}: ${i.message}`).join('; '));
    const problems = this.rules.submissionProblems(parsed.data);
    if (problems.length) refuse(problems.join('; '));
    const unit = this.assigned(parsed.data.unit);
    // A roll-up sent again (an activity retry, a second worker) is the submission already taken: nothing to refuse.
    if (this.sameSource(unit, parsed.data.source)) return;
    const { item } = this.input;
    const asked = (item.kind === 'report' && 'duties' in item ? (item.duties ?? []) : [])
      .filter((d) => d.units.includes(unit.unit))
      .map((d) => String(d.number));
    for (const n of Object.keys(parsed.data.duties ?? {}))
      if (!asked.includes(n))
        refuse(
          `duties.${n}: ${unit.unit} does not report on ongoing duty ${n} in ${item.itemId} (its duties: ${asked.join(', ') || 'none'})`,
        );
    if (unit.phase === 'accepted') refuse(`${unit.unit}'s report on ${this.input.item.itemId} was already accepted`);
    if (this.state.closeReason) refuse(`${this.input.item.itemId} is closed (${this.state.closeReason})`);
  }

  /** The version that came from the same source (a subordinate's report), if this one repeats it. */
  private sameSource(unit: UnitState, source: { key: string } | undefined) {
    return source && unit.versions.find((v) => v.submission.source?.key === source.key);
  }

  /** A new version of the unit's report; the unit gets a receipt. The same roll-up twice is one version. */
  submit(raw: SubmissionInput, now: PlanNow): SubmitReceipt {
    const submission = this.rules.submissionSchema().parse(raw);
    const unit = this.unit(submission.unit)!;
    const taken = this.sameSource(unit, submission.source);
    if (taken)
      return {
        itemId: this.input.item.itemId,
        unit: unit.unit,
        version: taken.version,
        at: taken.at,
        onTime: taken.onTime,
      };
    const version = {
      version: unit.versions.length + 1,
      at: now.iso,
      onTime: now.ms <= deadlineEndMs(unit, this.zone),
      submission,
    };
    unit.versions.push(version);
    unit.phase = 'submitted';
    this.queue(unitEmail(this.input, unit, 'receipt', `receipt-v${version.version}`));
    return {
      itemId: this.input.item.itemId,
      unit: unit.unit,
      version: version.version,
      at: version.at,
      onTime: version.onTime,
    };
  }

  // ── Review ──────────────────────────────────────────────────────────────────────────────────────────────────

  checkReview(review: ReviewInput): void {
    const unit = this.assigned(review.unit);
    // After the director returned the consolidated report, the office may reopen a unit's accepted report.
    const reopening = unit.phase === 'accepted' && review.decision === 'return' && this.reportReturned;
    if (unit.phase !== 'submitted' && !reopening)
      refuse(`${unit.unit} has no submission awaiting review (phase: ${unit.phase})`);
    if (review.decision !== 'accept' && review.decision !== 'return') refuse(`decision must be accept or return`);
    if (review.decision === 'return' && !review.comment?.trim()) refuse('a returned submission needs a comment');
    if (!review.by?.trim()) refuse('by: who reviews must be named');
  }

  /**
   * Accepts the last version or returns it with a comment. `notifyOnAccept` is asked only on acceptance: runs
   * recorded before the unit was told of an acceptance must not be told on replay (the workflow's patch).
   */
  review(review: ReviewInput, now: PlanNow, notifyOnAccept: () => boolean): { unit: string; phase: string } {
    const unit = this.unit(review.unit)!;
    const last = unit.versions[unit.versions.length - 1]!;
    last.review = { decision: review.decision, comment: review.comment ?? '', by: review.by, at: now.iso };
    if (review.decision === 'accept') {
      unit.phase = 'accepted';
      if (notifyOnAccept()) {
        const email = unitEmail(this.input, unit, 'accepted', `accepted-v${last.version}`);
        email.comment = review.comment || undefined;
        this.queue(email);
      }
    } else {
      unit.phase = 'returned';
      // Steps already past belong to the first round; the returned e-mail replaces them.
      settleStepsUpTo(this.input, unit, now.ms, true);
      const email = unitEmail(this.input, unit, 'returned', `returned-v${last.version}`);
      email.comment = review.comment;
      this.queue(email);
    }
    return { unit: unit.unit, phase: unit.phase };
  }

  // ── Extension and reassignment ──────────────────────────────────────────────────────────────────────────────

  checkExtension(req: ExtendInput): void {
    const unit = this.assigned(req.unit);
    if (isClosed(unit)) refuse(`${unit.unit} is already done`);
    if (!ISO_DATE.test(req.newDate) || !DateTime.fromISO(req.newDate, { zone: this.zone }).isValid)
      refuse(`newDate: "${req.newDate}" is not a date (expected yyyy-MM-dd)`);
    if (req.newDate <= unit.due.date)
      refuse(`newDate ${req.newDate} must be after the current deadline ${unit.due.date}`);
    // The plan closes its items at the end of its year; a later deadline would be cut off silently.
    const yearEnd = `${this.input.ctx.plan.year}-12-31`;
    if (req.newDate > yearEnd)
      refuse(`newDate ${req.newDate} is after the plan year (last possible deadline ${yearEnd})`);
    if (!req.reason?.trim()) refuse('reason: an extension needs a reason');
  }

  /** Moves one unit's deadline (by the item's deadline policy); its reminders and escalations start again. */
  extend(req: ExtendInput, now: PlanNow): { unit: string; due: string } {
    const unit = this.unit(req.unit)!;
    const from = unit.due.date;
    unit.due = extendedDue(this.input.calendar, req.newDate, this.input.item.sendAt, this.zone, req.reason);
    unit.extensions.push({ from, to: unit.due.date, reason: req.reason, by: req.by, at: now.iso });
    unit.escalation = 'none';
    const email = unitEmail(this.input, unit, 'extended', `extended-${unit.due.date}`);
    email.comment = req.reason;
    this.queue(email);
    return { unit: unit.unit, due: unit.due.date };
  }

  checkReassignment(req: ReassignInput): void {
    const from = this.assigned(req.from);
    if (isClosed(from)) refuse(`${from.unit} is already done`);
    if (!this.input.ctx.units[req.to]) refuse(`unit ${req.to} is not a unit of the plan`);
    if (this.unit(req.to)) refuse(`unit ${req.to} is already assigned to ${this.input.item.itemId}`);
    if (!req.reason?.trim()) refuse('reason: a reassignment needs a reason');
  }

  /** Hands a unit's share to another unit, which is not sent the steps already past. */
  reassign(req: ReassignInput, now: PlanNow): { from: string; to: string } {
    const from = this.unit(req.from)!;
    from.phase = 'dropped';
    const unit = newUnit(req.to, from.role, from.due);
    settleStepsUpTo(this.input, unit, now.ms, false);
    this.state.units.push(unit);
    return { from: req.from, to: req.to };
  }

  // ── Signals from the plan ───────────────────────────────────────────────────────────────────────────────────

  pause(): void {
    this.state.paused = true;
  }

  resume(): void {
    this.state.paused = false;
  }

  close(reason: string): void {
    this.state.closeReason = reason;
  }

  takeCalendar(years: OfficialYear[]): void {
    const replaced = new Set(years.map((y) => y.year));
    this.input.calendar = {
      ...this.input.calendar,
      years: [...this.input.calendar.years.filter((y) => !replaced.has(y.year)), ...years],
    };
  }

  /** A new version of the item's definition: new units open, removed units drop, moved deadlines restart rounds. */
  amend(spec: ItemSpec, now: PlanNow): void {
    this.input.item = { ...spec };
    const keep = new Set(spec.units.map((u) => u.unit));
    for (const unit of this.state.units) {
      if (!keep.has(unit.unit) && !isClosed(unit)) unit.phase = 'dropped';
    }
    for (const u of spec.units) {
      const existing = this.unit(u.unit);
      if (!existing) {
        const unit = newUnit(u.unit, u.role, u.due);
        settleStepsUpTo(this.input, unit, now.ms, false);
        this.state.units.push(unit);
      } else if (existing.due.date !== u.due.date && isAwaitingSubmission(existing)) {
        existing.due = u.due;
        existing.escalation = 'none';
      }
    }
  }

  // ── The clock ───────────────────────────────────────────────────────────────────────────────────────────────

  /** Closed by the plan, or every unit done (and a report item's report filed). */
  get finished(): boolean {
    const { state } = this;
    return Boolean(state.closeReason) || (state.units.every(isClosed) && (!this.isReport || this.reportSettled));
  }

  /** A report item's report is done with: filed, and accepted by the director where the director reviews it. */
  private get reportSettled(): boolean {
    const { report, directorReview, rollUp } = this.state;
    return (
      Boolean(report) && (!directorReview || report?.review?.decision === 'accept') && rollUp?.status !== 'pending'
    );
  }

  /** The director returned the latest draft: the office may return units' accepted reports and compile again. */
  get reportReturned(): boolean {
    return this.state.report?.review?.decision === 'return';
  }

  /**
   * What to send at plan time `nowMs`: the e-mails queued by messages, and the steps now due (none once finished).
   * Nudges that fell due while paused are settled here without a send.
   */
  due(nowMs: number): { outbox: EmailRequest[]; sends: PlannedSend[] } {
    const outbox = this.state.outbox.splice(0);
    const { sends, skipped } = this.finished ? { sends: [], skipped: [] } : dueSends(this.input, this.state, nowMs);
    for (const s of skipped) this.unit(s.unit)?.done.push(s.key);
    if (!this.officeChain || this.finished) return { outbox, sends };
    // The office is not told about its own unit: that step is settled unsent, the director still hears.
    const office = this.input.ctx.office.unit;
    const kept = sends.filter((s) => {
      const self = s.escalation === 'office' && s.unit === office;
      if (self) this.unit(s.unit)?.done.push(...s.settles);
      return !self;
    });
    return { outbox, sends: [...kept, ...(this.state.report ? [] : officeSends(this.input, this.state, nowMs))] };
  }

  /**
   * Before a step's e-mail goes out: settled first, so a submission arriving meanwhile cannot re-plan it. Returns
   * the unit, for `escalated` once the e-mail is out.
   */
  settle(send: PlannedSend): UnitState | undefined {
    const unit = this.unit(send.unit);
    unit?.done.push(...send.settles);
    return unit;
  }

  /** After an escalation went out (or bounced): the unit's escalation level, never lowered by a late office step. */
  escalated(send: PlannedSend, unit: UnitState | undefined): void {
    if (unit && send.escalation && (send.escalation === 'director' || unit.escalation === 'none'))
      unit.escalation = send.escalation;
  }

  /**
   * An address refused the e-mail for good: remembered on the unit, and the office is told once, unless the
   * office's own address is the one that bounced.
   */
  bounced(email: EmailRequest, reason: string): void {
    const unit = this.unit(email.unit.code);
    const addresses = email.to.map((r) => r.email);
    const known = unit ? addresses.every((a) => unit.undeliverable.includes(a)) : false;
    if (unit) unit.undeliverable.push(...addresses.filter((a) => !unit.undeliverable.includes(a)));
    if (known || addresses.includes(this.input.ctx.office.email)) return;
    const notice = { ...email, key: `${email.key}/undeliverable`, kind: 'escalation-office' as const };
    notice.to = [this.input.ctx.office];
    notice.cc = undefined;
    notice.comment = `Không gửi được e-mail tới ${addresses.join(', ')}: ${reason}`;
    this.state.outbox.push(notice);
  }

  // ── Incidents: a step that failed for good ───────────────────────────────────────────────────────────────

  /**
   * A step failed after its retries (or for a reason no retry fixes): recorded, the office told once by e-mail,
   * and the item goes on with its other units and steps. A failed report is not compiled again until retried.
   */
  failed(step: Incident['step'], failure: { type: string; message: string }, now: PlanNow): Incident {
    const { input, state } = this;
    const list = (state.incidents ??= []);
    const unit = step.kind === 'email' ? step.email.unit.code : undefined;
    const incident: Incident = {
      id: list.length + 1,
      step,
      ...(unit ? { unit } : {}),
      type: failure.type,
      error: failure.message.slice(0, 1_000),
      at: now.iso,
    };
    list.push(incident);
    if (step.kind === 'roll-up' && state.rollUp) state.rollUp.status = 'failed';
    const about = (unit && this.unit(unit)) || state.units[0];
    if (!about) return incident;
    const notice = unitEmail(input, about, 'incident', 'incident');
    notice.key = `${itemWorkflowId(input.planWorkflowId, input.item.itemId)}/office/incident-${incident.id}`;
    notice.to = [{ name: input.ctx.office.name, email: input.ctx.office.email }];
    notice.submitLink = undefined;
    notice.comment = `${incidentStep(incident)}: ${incident.type}: ${incident.error}`;
    // The office's own address failing is not told to the office again (it would fail the same way).
    if (step.kind === 'email' && step.email.to.some((r) => r.email === input.ctx.office.email)) return incident;
    state.outbox.push(notice);
    return incident;
  }

  checkRetry(req: RetryInput): void {
    checkRetry(this.state.incidents ?? [], req);
  }

  /** The office fixed the cause: the e-mail goes out again (same key, same Message-ID) or the report is compiled. */
  retry(req: RetryInput, now: PlanNow): { id: number; at: string } {
    const incident = this.state.incidents?.find((i) => i.id === req.id);
    if (!incident) return { id: req.id, at: now.iso };
    incident.retried = { by: req.by, at: now.iso };
    if (incident.step.kind === 'email') this.state.outbox.push(incident.step.email);
    if (incident.step.kind === 'roll-up' && this.state.rollUp) this.state.rollUp.status = 'pending';
    return { id: req.id, at: now.iso };
  }

  /** A report whose compile failed waits for the office's retry. */
  private get reportHeld(): boolean {
    return openIncidents(this.state.incidents).some((i) => i.step.kind === 'report');
  }

  /** The office's deadline of a report item, when its consolidated report is compiled (plan ms). */
  get reportDueMs(): number | undefined {
    return this.input.item.kind === 'report' ? Date.parse(this.input.item.period.officeDue.at) : undefined;
  }

  reportDue(nowMs: number): boolean {
    const due = this.reportDueMs;
    return !this.state.report && !this.reportHeld && due !== undefined && nowMs >= due;
  }

  /** What the report activity is asked for: the period's tasks, compiled on the office's deadline day. */
  reportRequest(itemWorkflowId: string, now: PlanNow): CompileReportInput | undefined {
    const { input } = this;
    if (input.item.kind !== 'report') return undefined;
    const { period } = input.item;
    return {
      key: itemWorkflowId,
      planWorkflowId: input.planWorkflowId,
      itemWorkflowId,
      taskWorkflowIds: input.reportScope?.taskWorkflowIds ?? [],
      period: { code: period.code, from: period.from, to: period.to },
      issuedOn: now.iso.slice(0, 10),
    };
  }

  /** The consolidated report is filed: the director gets it, the office in copy. */
  filed(compiled: CompiledReport, itemWorkflowId: string, atIso: string): void {
    const { input, state } = this;
    if (input.item.kind !== 'report') return;
    const draft = (state.returnedReports?.length ?? 0) + 1;
    state.report = {
      number: compiled.number,
      files: compiled.files,
      at: atIso,
      ...(draft > 1 ? { draft } : {}),
      ...(compiled.totals ? { totals: compiled.totals } : {}),
    };
    const { office, director } = input.ctx;
    const lead = state.units[0];
    if (!lead) return;
    const email = unitEmail(input, lead, 'report-delivered', 'report-delivered');
    email.key = `${itemWorkflowId}/office/report-delivered${draft > 1 ? `-d${draft}` : ''}`;
    email.to = [{ name: director.name, email: director.email }];
    email.cc = [{ name: office.name, email: office.email }];
    email.submitLink = undefined;
    email.deadline = input.item.period.officeDue;
    email.files = Object.entries(compiled.files).map(([name, path]) => ({ name, path }));
    email.comment = `Số: ${compiled.number}`;
    state.outbox.push(email);
  }

  // ── The director's review of the consolidated report (since `kh-2026-12b`) ────────────────────────────────

  checkReportReview(req: ReportReviewInput): void {
    const { state } = this;
    if (!this.isReport) refuse(`${this.input.item.itemId} is a task: only a consolidated report is reviewed`);
    if (!state.directorReview) refuse(`${this.input.item.itemId} started before directors reviewed reports`);
    if (state.closeReason) refuse(`${this.input.item.itemId} is closed (${state.closeReason})`);
    if (!state.report) refuse('the consolidated report has not been compiled yet');
    if (state.report.review?.decision === 'accept') refuse('the consolidated report was already accepted');
    if (state.report.review?.decision === 'return')
      refuse('the consolidated report was returned; the office has not compiled it again yet');
    if (req.decision !== 'accept' && req.decision !== 'return') refuse('decision must be accept or return');
    if (req.decision === 'return' && !req.comment?.trim()) refuse('a returned report needs a comment');
    if (!req.by?.trim()) refuse('by: who reviews must be named');
  }

  /** The director's decision on the latest draft; the office hears it (with the comment) by e-mail. */
  reviewReport(req: ReportReviewInput, now: PlanNow, itemWorkflowId: string) {
    const report = this.state.report!;
    const draft = report.draft ?? 1;
    report.review = { decision: req.decision, comment: req.comment?.trim() ?? '', by: req.by, at: now.iso };
    const to = this.rollUpTarget;
    if (req.decision === 'accept' && to) this.state.rollUp = { status: 'pending', to };
    this.queueOfficeNotice(
      req.decision === 'accept' ? 'report-accepted' : 'report-returned',
      `${itemWorkflowId}/office/report-${req.decision}-d${draft}`,
      report.review.comment,
    );
    return { decision: req.decision, draft };
  }

  // ── The roll-up: an accepted periodic report goes up to the parent body's report of the period ─────────────

  /** The parent's report item of this period, when the plan carries out a plan here; none for ad hoc reports. */
  get rollUpTarget(): string | undefined {
    const { item, ctx } = this.input;
    if (item.kind !== 'report' || item.period.code === 'adhoc' || !ctx.rollUpTo) return undefined;
    return itemWorkflowId(planWorkflowId(ctx.rollUpTo.org, ctx.rollUpTo.year), item.itemId);
  }

  /** The accepted report waits to be sent up. */
  get rollUpDue(): boolean {
    return this.state.rollUp?.status === 'pending' && !this.state.closeReason;
  }

  rollUpRequest(itemWorkflowId: string): RollUpInput {
    const rollUp = this.state.rollUp!;
    return {
      key: itemWorkflowId,
      planWorkflowId: this.input.planWorkflowId,
      itemWorkflowId,
      parentItemWorkflowId: rollUp.to,
      unit: this.input.ctx.organisation.code,
      acceptedBy: this.state.report?.review?.by ?? '',
    };
  }

  /** The parent took it (once, whatever the retries): the version it became there. */
  rolledUp(receipt: RollUpReceipt): void {
    this.state.rollUp = { ...this.state.rollUp!, status: 'sent', version: receipt.version, at: receipt.at };
  }

  checkRecompile(req: RecompileInput): void {
    if (!this.reportReturned) refuse('only a consolidated report the director returned is compiled again');
    if (this.state.closeReason) refuse(`${this.input.item.itemId} is closed (${this.state.closeReason})`);
    if (!req.by?.trim()) refuse('by: who asks must be named');
  }

  /** The returned draft is kept; the report is compiled again at once (same number: it was never issued). */
  recompile(): { draft: number } {
    const { state } = this;
    (state.returnedReports ??= []).push(state.report!);
    state.report = undefined;
    return { draft: state.returnedReports.length + 1 };
  }

  private queueOfficeNotice(kind: 'report-accepted' | 'report-returned', key: string, comment: string): void {
    const { input, state } = this;
    const lead = state.units[0];
    if (!lead || input.item.kind !== 'report') return;
    const email = unitEmail(input, lead, kind, kind);
    email.key = key;
    email.to = [{ name: input.ctx.office.name, email: input.ctx.office.email }];
    email.cc = [{ name: input.ctx.director.name, email: input.ctx.director.email }];
    email.submitLink = undefined;
    email.deadline = input.item.period.officeDue;
    email.comment = comment || undefined;
    state.outbox.push(email);
  }

  /** What the Temporal UI's search attributes show: done, overdue (and who) or open, and the next deadline. */
  visibility(nowMs: number): {
    phase: 'done' | 'overdue' | 'open';
    overdue: string[];
    nextDue: string | undefined;
    /** Open incidents (true), none left (false), or never any (undefined: the attribute is not set at all). */
    incident: boolean | undefined;
  } {
    const { state } = this;
    const incident = state.incidents?.length ? openIncidents(state.incidents).length > 0 : undefined;
    // Subordinate bodies are not listed: hundreds would pass the attribute's size limit (their states are on the
    // parent's dashboard), and the attribute keeps naming the plan's own late units.
    const overdue = overdueUnits(state, nowMs, this.zone).filter((u) => !this.input.ctx.units[u]?.body);
    const open = state.units.filter((u) => !isClosed(u));
    const nextDue = open.map((u) => u.due.at).sort()[0];
    const settled = open.length === 0 && (!this.isReport || !state.directorReview || this.reportSettled);
    const phase = state.closeReason || settled ? 'done' : overdue.length ? 'overdue' : 'open';
    return { phase, overdue, nextDue, incident };
  }

  /** The next plan instant worth waking for: a unit's step, or the report's compilation. */
  nextWakeMs(): number | undefined {
    const office = this.officeChain && !this.state.report ? nextOfficeStepMs(this.input, this.state) : undefined;
    const candidates = [
      nextStepAtMs(this.input, this.state),
      this.state.report || this.reportHeld ? undefined : this.reportDueMs,
      office,
    ].filter((t): t is number => t !== undefined);
    return candidates.length ? Math.min(...candidates) : undefined;
  }

  private queue(email: EmailRequest): void {
    this.state.outbox.push(email);
  }
}
