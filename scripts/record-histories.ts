/**
 * Records the replay corpus: runs representative scenarios with the real worker, real e-mail and report activities
 * and an SMTP sink, then writes the history of every run of every workflow they started (CLI JSON format) to
 * `test/fixtures/histories/<label>-<scenario>-<workflow>[-runN].json`. Re-run after a deliberate workflow change
 * and commit.
 *
 * Sets before v3 (`v1`, `v2`) held two skeleton scenarios recorded by an earlier version of this script. From v3 on
 * the scenarios below meet every phase and every message of both workflows: each scenario is checked after it ran
 * (`expect`), and nothing is written unless all of them did what they are here for.
 *
 * Besides the histories the script keeps two index files, one line per history, lines of other labels untouched:
 * - `workflow-ids.txt`: `<file> <workflowId>`. Replay needs the original id (the plan derives its items' ids from
 *   its own). Runs of one workflow (continue-as-new) share the id, one line per run's file.
 * - `queries.txt`: `<file> <query>,<query>…`: the queries of `workflows/messages.ts` this workflow answered when it
 *   was asked every one of them after the run closed (a closed workflow answers a query by replaying that very
 *   history on the worker). Queries leave no event in any history, so this is their record in the corpus.
 */
import { CURRENT_VERSION } from '../workflows/patches.js';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';
import type proto from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import {
  amendPlan,
  answerDifficulty,
  extendDeadline,
  getItemStatus,
  pauseReminders,
  raiseDifficulty,
  reassignItem,
  recompileReport,
  RequestRejectedError,
  requestAdHocReport,
  resumeReminders,
  retryIncident,
  reviewReport,
  reviewSubmission,
  startPlan,
  submitReport,
  type PlanRef,
} from '../client/plan-client.js';
import type { ClockRequest } from '../domain/plan-clock.js';
import { planWorkflowId, registerWorkflowId } from '../domain/ids.js';
import { recordIssuedNumber } from '../client/register-client.js';
import type { Plan } from '../domain/plan-schema.js';
import * as messages from '../workflows/messages.js';
import { historyToJson } from './history-json.js';
import {
  BOUNCING_DOMAIN,
  incidentPlan,
  outageClock,
  outagePlan,
  reissued2026,
  reportsPlan,
  steeringYearPlan,
  steeringYearPlanV2,
} from '../test/fixtures/replay-plans.js';
import { bodyPlan } from '../test/fixtures/roll-up-plans.js';
import { skeletonClock } from '../test/fixtures/skeleton-plan.js';
import { planTimeStepper } from '../test/helpers/plan-time.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../test/helpers/smtp-sink.js';
import { startLocalEnv, startTestWorker, startTimeSkippingEnv, TASK_QUEUE } from '../test/helpers/temporal-env.js';

type History = proto.temporal.api.history.v1.IHistory;

const OUT = fileURLToPath(new URL('../test/fixtures/histories/', import.meta.url));
/**
 * Histories are kept per code version (`v1-…` recorded before the first patches, `v2-…` after, …), so CI keeps
 * replaying what older deployments recorded. `npm run histories:record -- vN` adds a set; it replaces only its own.
 */
const LABEL = process.argv[2] ?? '';
if (!/^v\d+$/.test(LABEL)) throw new Error('usage: npm run histories:record -- vN (the label of this code version)');

const ID_FILE = 'workflow-ids.txt';
const QUERY_FILE = 'queries.txt';
const by = 'Văn phòng Sở';
/** The roll-up scenario: a department and one school below it (Q1 2026; the school reports on Fri 13/03). */
const rollUpDepartment = bodyPlan({
  code: 'SO',
  subordinates: ['TRUONG'],
  officeDeadlineDay: 25,
  unitWorkingDaysBeforeOffice: 3,
});
const rollUpSchool = bodyPlan({
  code: 'TRUONG',
  reportsTo: 'SO',
  officeDeadlineDay: 13,
  unitWorkingDaysBeforeOffice: 1,
  cutOffDay: 10,
});

interface Ctx {
  env: TestWorkflowEnvironment;
  sink: SmtpSink;
  ref: PlanRef;
  handle: WorkflowHandle;
  /** Steps plan time to `instant` (server time on the time-skipping server, wall-clock time on the dev server). */
  at(instant: string): Promise<void>;
  /** Waits until `n` e-mails of this scenario's plan went through the sink (since the scenario started). */
  mails(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** The worker's reports folder (not made until the first report). */
  reportsDir: string;
  /** Dev server only: the worker goes away (its tasks wait on the server) and comes back. */
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
}

/** One recorded run of one workflow. */
interface Recorded {
  file: string;
  workflowId: string;
  runId: string;
  history: History;
  queries: string[];
}

interface Scenario {
  name: string;
  plan: Plan;
  clock: ClockRequest;
  /** `dev`: the real dev server (wall-clock time; a worker outage; continue-as-new suggested at 40 events). */
  server: 'time-skipping' | 'dev';
  /** `year-close`: after `run`, the script awaits the plan's result, which lets time skip to the year's end. */
  ends: 'year-close' | 'cancelled';
  run(ctx: Ctx): Promise<void>;
  /** What the recording must show; a missing phase fails the script before anything is written. */
  expect(recorded: Recorded[], mails: ReceivedMail[]): string[];
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

const kinds = (mails: ReceivedMail[]) => mails.map((m) => String(m.headers.get('x-kehoach-kind')));
const count = (list: string[], value: string) => list.filter((v) => v === value).length;
const json = (r: Recorded[]) => JSON.stringify(r.map((x) => x.history));
const runsOf = (r: Recorded[], suffix: string) => r.filter((x) => x.workflowId.endsWith(suffix)).length;
/** The workflows (and runs) that received a signal named `name`. */
const signalled = (r: Recorded[], name: string) =>
  r
    .filter((x) =>
      (x.history.events ?? []).some((e) => e.workflowExecutionSignaledEventAttributes?.signalName === name),
    )
    .map((x) => x.workflowId);
/** The patch ids recorded in these histories (the markers' payloads are base64 JSON `{"id": …}`). */
function patchesIn(recorded: Recorded[]): Set<string> {
  const ids = new Set<string>();
  for (const r of recorded)
    for (const e of r.history.events ?? []) {
      const data = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
      if (data) ids.add((JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id);
    }
  return ids;
}

/** `problem` when `ok` is false: the scenarios' expectations read as a list. */
const need = (ok: boolean, problem: string) => (ok ? [] : [problem]);

const scenarios: Scenario[] = [
  {
    // From v6: the report cannot be written (its folder is a file), so after its retries it becomes an incident; the
    // office is told once, the folder is freed, the office retries (a refused second retry leaves no trace), the
    // report is compiled and delivered, and the year closes.
    name: 'incident',
    plan: incidentPlan,
    clock: skeletonClock,
    server: 'time-skipping',
    ends: 'year-close',
    async run({ env, ref, at, reportsDir }) {
      writeFileSync(reportsDir, 'not a folder');
      await at('2026-03-16T10:00:00+07:00');
      await submitReport(env.client, ref, 'report-Q1', { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: 'Quý I.' });
      await at('2026-03-18T12:00:00+07:00');
      rmSync(reportsDir);
      await retryIncident(env.client, ref, 'report-Q1', { id: 1, by });
      await expectRejected(retryIncident(env.client, ref, 'report-Q1', { id: 1, by }));
      await at('2026-03-18T13:00:00+07:00');
    },
    expect(recorded, mails) {
      const k = kinds(mails);
      const all = json(recorded);
      return [
        ...need(count(k, 'incident') === 1, 'the office told of the incident once'),
        ...need(count(k, 'report-delivered') === 1, 'the report delivered after the retry'),
        ...need(all.includes('"retryIncident"'), 'a retryIncident update'),
        // From v8 one marker per run, the current version's, implies 'incidents' and every earlier patch.
        ...need(patchesIn(recorded).has(CURRENT_VERSION), `the '${CURRENT_VERSION}' patch marker`),
      ];
    },
  },
  {
    // Calendar update; a rejected and a returned then accepted submission; an undeliverable address (TTR) told to
    // the office once; an ad hoc report and the quarterly report, each submitted, accepted, compiled (DOCX, XLSX…)
    // and delivered to the director at the office's deadline; year close of the task TTR never did.
    name: 'reports',
    plan: reportsPlan,
    clock: skeletonClock,
    server: 'time-skipping',
    ends: 'year-close',
    async run({ env, ref, handle, at }) {
      await at('2026-03-02T09:00:00+07:00');
      await at('2026-03-03T10:00:00+07:00');
      await handle.executeUpdate(messages.updateCalendarUpdate, { args: [{ years: [reissued2026] }] });
      await expectRejected(submitReport(env.client, ref, 'task-03', { unit: 'XYZ', submittedBy: 'x', results: 'x' }));
      await submitReport(env.client, ref, 'task-03', { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: 'Bản 1.' });
      await at('2026-03-03T14:00:00+07:00');
      await reviewSubmission(env.client, ref, 'task-03', {
        unit: 'KHTC',
        decision: 'return',
        comment: 'Thiếu số liệu',
        by,
      });
      await at('2026-03-04T10:00:00+07:00');
      await submitReport(env.client, ref, 'task-03', {
        unit: 'KHTC',
        submittedBy: 'Trần Thị Kế',
        results: 'Bản 2: đã đăng 4 tin.',
        figures: { WEBSITE: 4 },
      });
      await reviewSubmission(env.client, ref, 'task-03', { unit: 'KHTC', decision: 'accept', by });
      await at('2026-03-04T11:00:00+07:00');
      await requestAdHocReport(env.client, ref, {
        title: 'Báo cáo đột xuất về phản ánh, kiến nghị',
        content: 'Kết quả tiếp nhận, xử lý phản ánh về thủ tục hành chính.',
        units: ['TCCB'],
        dueDate: '2026-03-11',
        by,
      });
      await at('2026-03-05T10:00:00+07:00');
      await submitReport(env.client, ref, 'report-adhoc-1', {
        unit: 'TCCB',
        submittedBy: 'Lê Văn Tổ',
        results: '5 phản ánh, đã xử lý 5.',
      });
      await reviewSubmission(env.client, ref, 'report-adhoc-1', { unit: 'TCCB', decision: 'accept', by });
      // From v5: a unit raises a difficulty from its link (a refused one leaves no trace), the office answers it.
      await expectRejected(raiseDifficulty(env.client, ref, { unit: 'KHTC', text: ' ', raisedBy: 'Trần Thị Kế' }));
      const raised = await raiseDifficulty(env.client, ref, {
        unit: 'KHTC',
        text: 'Chưa có kinh phí in tờ rơi tuyên truyền.',
        raisedBy: 'Trần Thị Kế',
        itemId: 'task-03',
      });
      await answerDifficulty(env.client, ref, { id: raised.id, answer: 'Văn phòng đề nghị bổ sung kinh phí.', by });
      await at('2026-03-12T10:00:00+07:00');
      await submitReport(env.client, ref, 'report-Q1', {
        unit: 'KHTC',
        submittedBy: 'Trần Thị Kế',
        results: 'Quý I: 12 tin, bài.',
        figures: { WEBSITE: 12 },
      });
      await reviewSubmission(env.client, ref, 'report-Q1', { unit: 'KHTC', decision: 'accept', by });
      await at('2026-03-16T10:00:00+07:00');
      await submitReport(env.client, ref, 'report-Q1', {
        unit: 'TCCB',
        submittedBy: 'Lê Văn Tổ',
        results: 'Quý I: 3 tin.',
        figures: { WEBSITE: 3 },
      });
      await reviewSubmission(env.client, ref, 'report-Q1', { unit: 'TCCB', decision: 'accept', by });
      // From v5: numbers come from the register workflow; the office records one its own register issued.
      await at('2026-03-23T10:00:00+07:00');
      await recordIssuedNumber(env.client, ref, TASK_QUEUE, {
        number: 7,
        key: 'Công văn 07/SKEL-VP',
        symbol: 'SKEL-VP',
        issuedOn: '2026-03-23',
        by,
      });
      // From v9: the director accepts the ad hoc report; returns Q1 (a refused return without comment leaves no
      // trace), the office sends TCCB's accepted report back, TCCB resubmits, the office accepts and compiles Q1
      // again; the director accepts the second draft.
      const director = 'giamdoc@example.org';
      await reviewReport(env.client, ref, 'report-adhoc-1', { decision: 'accept', by: director });
      await expectRejected(
        reviewReport(env.client, ref, 'report-Q1', { decision: 'return', comment: ' ', by: director }),
      );
      await reviewReport(env.client, ref, 'report-Q1', {
        decision: 'return',
        comment: 'Số liệu của Phòng Tổ chức cán bộ chưa đầy đủ.',
        by: director,
      });
      await reviewSubmission(env.client, ref, 'report-Q1', {
        unit: 'TCCB',
        decision: 'return',
        comment: 'Bổ sung.',
        by,
      });
      await at('2026-03-24T10:00:00+07:00');
      await submitReport(env.client, ref, 'report-Q1', {
        unit: 'TCCB',
        submittedBy: 'Lê Văn Tổ',
        results: 'Quý I: 5 tin.',
        figures: { WEBSITE: 5 },
      });
      await reviewSubmission(env.client, ref, 'report-Q1', { unit: 'TCCB', decision: 'accept', by });
      await recompileReport(env.client, ref, 'report-Q1', { by, note: 'Đã bổ sung số liệu.' });
      await at('2026-03-24T12:00:00+07:00');
      await reviewReport(env.client, ref, 'report-Q1', { decision: 'accept', by: director });
      await at('2026-03-24T13:00:00+07:00');
    },
    expect(recorded, mails) {
      const k = kinds(mails);
      const all = json(recorded);
      return [
        ...need(count(k, 'report-delivered') === 3, 'three drafts (Q1 twice, ad hoc) delivered to the director'),
        ...need(count(k, 'report-returned') === 1, 'the director returned Q1 once'),
        ...need(count(k, 'report-accepted') === 2, 'the director accepted Q1 and the ad hoc report'),
        ...need(
          all.includes('"reviewReport"') && all.includes('"recompileReport"'),
          "the director's review and the office's recompile",
        ),
        ...need(count(k, 'returned') === 2 && count(k, 'accepted') === 5, 'two returns, five acceptances'),
        ...need(all.includes('"EmailRejected"'), 'an EmailRejected activity failure'),
        ...need(
          mails.some((m) => String(m.headers.get('x-kehoach-key')).endsWith('/undeliverable')),
          'the office told about the undeliverable address',
        ),
        ...need(all.includes('"compileReport"'), 'a compileReport activity'),
        ...need(all.includes('"calendarChanged"'), 'the calendar forwarded to running items'),
        ...need(
          all.includes('"raiseDifficulty"') && all.includes('"answerDifficulty"'),
          'a difficulty raised, answered',
        ),
        ...need(
          all.includes('"allocateNumber"') && all.includes('"recordIssuedNumber"'),
          'numbers allocated by the register, one recorded by the office',
        ),
        // From v7: the year's record archived at close; openings' status set with the start.
        ...need(all.includes('"archivePlanYear"'), 'the plan-year archived at close'),
        ...need(patchesIn(recorded).has(CURRENT_VERSION), `the '${CURRENT_VERSION}' patch marker`),
        // From v8: items the plan watches report their end by completing, not by an `itemClosed` signal.
        ...need(
          all.includes('childWorkflowExecutionCompletedEventAttributes') &&
            signalled(recorded, 'itemClosed').length === 0,
          `items closed through child completion, no itemClosed signal (${signalled(recorded, 'itemClosed').join(', ')})`,
        ),
      ];
    },
  },
  {
    // From v9: a school whose plan carries out its department's (started beside it): its units report, its office
    // accepts, its report is compiled, its head teacher accepts it and it rolls up to the department's Q1 report
    // (the `rollUpReport` activity; a second send would be taken once). The school's plan and items are recorded.
    name: 'roll-up',
    plan: rollUpSchool,
    clock: skeletonClock,
    server: 'time-skipping',
    ends: 'year-close',
    async run({ env, ref, at }) {
      await startPlan(env.client, rollUpDepartment, { taskQueue: TASK_QUEUE, clock: skeletonClock });
      await at('2026-03-11T10:00:00+07:00');
      await submitReport(env.client, ref, 'task-01', {
        unit: 'TO',
        submittedBy: 'Tổ trưởng',
        results: 'Đăng 4 tin.',
        figures: { WEBSITE: 4 },
      });
      await reviewSubmission(env.client, ref, 'task-01', { unit: 'TO', decision: 'accept', by });
      for (const unit of ['VP', 'TO']) {
        await submitReport(env.client, ref, 'report-Q1', { unit, submittedBy: 'Trưởng đơn vị', results: 'Quý I.' });
        await reviewSubmission(env.client, ref, 'report-Q1', { unit, decision: 'accept', by });
      }
      await at('2026-03-13T10:00:00+07:00');
      await reviewReport(env.client, ref, 'report-Q1', { decision: 'accept', by: 'thutruong.truong@example.org' });
      await at('2026-03-13T12:00:00+07:00');
      const sent = await getItemStatus(env.client, { org: 'SO', year: 2026 }, 'report-Q1');
      if (sent.units.find((u) => u.unit === 'TRUONG')?.versions !== 1)
        throw new Error("roll-up: the department's Q1 report did not take the school's once");
    },
    expect(recorded) {
      const all = json(recorded);
      return [
        ...need(all.includes('"rollUpReport"'), 'the accepted report rolled up (rollUpReport activity)'),
        ...need(all.includes('"reviewReport"'), "the head teacher's acceptance"),
        ...need(patchesIn(recorded).has(CURRENT_VERSION), `the '${CURRENT_VERSION}' patch marker`),
      ];
    },
  },
  {
    // Extension, reassignment, an amendment that drops a running task, adds one and moves another's deadline,
    // reminders paused over a reminder and a due day and resumed; year close of the tasks left open.
    name: 'steering',
    plan: steeringYearPlan,
    clock: skeletonClock,
    server: 'time-skipping',
    ends: 'year-close',
    async run({ env, ref, at }) {
      await at('2026-03-02T09:00:00+07:00');
      await at('2026-03-03T10:00:00+07:00');
      await submitReport(env.client, ref, 'task-03', { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: 'Đã làm.' });
      await reviewSubmission(env.client, ref, 'task-03', { unit: 'KHTC', decision: 'accept', by });
      await at('2026-03-04T10:00:00+07:00');
      await extendDeadline(env.client, ref, 'task-03', {
        unit: 'TCCB',
        newDate: '2026-03-13',
        reason: 'Chờ số liệu của Sở Nội vụ',
        by,
      });
      await reassignItem(env.client, ref, 'task-04', { from: 'TCCB', to: 'PC', reason: 'Thuộc lĩnh vực pháp chế', by });
      await at('2026-03-05T10:00:00+07:00');
      await amendPlan(env.client, ref, { plan: steeringYearPlanV2, note: 'Gộp nhiệm vụ 5 vào 7, lùi hạn 6', by });
      await at('2026-03-12T10:00:00+07:00');
      await submitReport(env.client, ref, 'task-03', { unit: 'TCCB', submittedBy: 'Lê Văn Tổ', results: 'Đã làm.' });
      await reviewSubmission(env.client, ref, 'task-03', { unit: 'TCCB', decision: 'accept', by });
      await at('2026-03-20T10:00:00+07:00');
      await submitReport(env.client, ref, 'task-04', { unit: 'PC', submittedBy: 'Phạm Thị Pháp', results: 'Đã làm.' });
      await reviewSubmission(env.client, ref, 'task-04', { unit: 'PC', decision: 'accept', by });
      await at('2026-04-08T10:00:00+07:00');
      await pauseReminders(env.client, ref, by);
      await at('2026-04-10T18:00:00+07:00');
      await resumeReminders(env.client, ref, by);
      await at('2026-04-13T09:00:00+07:00');
    },
    expect(recorded, mails) {
      const k = kinds(mails);
      const all = json(recorded);
      const keys = mails.map((m) => String(m.headers.get('x-kehoach-key')));
      return [
        ...need(count(k, 'extended') === 1, 'one extension e-mail'),
        ...need(
          keys.some((x) => x.endsWith('task-04/PC/open')),
          'the reassigned unit (PC) gets task-04',
        ),
        ...need(
          keys.some((x) => x.endsWith('task-07/KHTC/open')),
          'the task added by the amendment opens',
        ),
        ...need(all.includes('"itemAmended"'), 'the moved task told with itemAmended'),
        ...need(
          recorded.some(
            (r) => r.workflowId.endsWith('-task-05') && JSON.stringify(r.history).includes('"closeItem"'),
          ) && !keys.some((x) => x.includes('task-05/KHTC/reminder')),
          'the dropped task closed before its reminder',
        ),
        ...need(
          !keys.some((x) => /task-07\/KHTC\/(reminder|due-today)/.test(x)),
          'no nudge for task-07 while reminders were paused',
        ),
        ...need(all.includes('"pauseReminders"') && all.includes('"resumeReminders"'), 'pause and resume'),
      ];
    },
  },
  {
    // Dev server, one plan day per second, continue-as-new suggested at 40 events: the worker is away over four
    // unit-facing steps (one catch-up e-mail per unit), pause/resume signals push the plan through continue-as-new,
    // the item continues as new too, and the plan's continued run is cancelled, cancelling the item started by its
    // first run.
    name: 'outage',
    plan: outagePlan,
    clock: outageClock,
    server: 'dev',
    ends: 'cancelled',
    async run({ env, ref, handle, at, mails, stopWorker, startWorker }) {
      await at('2026-03-02T12:00:00+07:00');
      await mails(2);
      await stopWorker();
      await at('2026-03-16T12:00:00+07:00');
      await startWorker();
      await mails(6, 30_000);
      // Nothing falls due between 17/03 and 26/03: the plan forwards each signal to the item, nothing is sent.
      for (let i = 0; i < 4; i++) {
        await pauseReminders(env.client, ref, by);
        await new Promise((r) => setTimeout(r, 150));
        await resumeReminders(env.client, ref, by);
        await new Promise((r) => setTimeout(r, 150));
      }
      await at('2026-03-27T12:00:00+07:00');
      await mails(8, 30_000);
      await handle.cancel();
      await handle.result().then(
        () => {
          throw new Error('the cancelled plan completed');
        },
        () => undefined,
      );
    },
    expect(recorded, mails) {
      const k = kinds(mails);
      const all = json(recorded);
      return [
        ...need(count(k, 'catch-up') === 2, 'one catch-up e-mail per unit'),
        ...need(count(k, 'escalation-director') === 2, 'the director escalations after the outage'),
        ...need(runsOf(recorded, '-task-03') >= 2, 'the item continued as new'),
        ...need(runsOf(recorded, '-2026') >= 2, 'the plan continued as new'),
        // From v8: the plan asks the item it watched to signal its end to the plan's next run.
        ...need(all.includes('"reportBack"'), 'the item asked to report back across the continue-as-new'),
        ...need(
          (all.match(/EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED/g) ?? []).length === 2,
          'the plan and its item cancelled',
        ),
      ];
    },
  },
];

/** Every query defined in workflows/messages.ts: each recorded run is asked all of them. */
const QUERIES = (Object.values(messages) as unknown[]).filter(
  (d): d is QueryDefinition<unknown> =>
    typeof d === 'object' && d !== null && (d as { type?: unknown }).type === 'query',
);

/** Every run of `workflowId`, first to last, found backwards from the latest through `continuedExecutionRunId`. */
async function runsOfWorkflow(env: TestWorkflowEnvironment, workflowId: string) {
  const runs: { runId: string; history: History }[] = [];
  let runId: string | undefined = (await env.client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history: History = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.unshift({ runId, history });
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return runs;
}

/** Children started by any run of the plan, in order, once each. */
function childIds(planRuns: { history: History }[]): string[] {
  const ids = planRuns.flatMap(
    (r) =>
      r.history.events
        ?.map((e) => e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId)
        .filter((id): id is string => Boolean(id)) ?? [],
  );
  return [...new Set(ids)];
}

/** The names of the queries this closed run answers (the others are registered by the other workflow type). */
async function answeredQueries(env: TestWorkflowEnvironment, workflowId: string, runId: string): Promise<string[]> {
  const answered: string[] = [];
  for (const def of QUERIES) {
    try {
      await env.client.workflow.getHandle(workflowId, runId).query(def);
      answered.push(def.name);
    } catch (err) {
      if (!/not registered|unknown query|did not register|QueryNotRegistered/i.test(String(err))) throw err;
    }
  }
  return answered;
}

/** All this scenario's plan and item e-mails (their keys start with the plan's workflow id). */
function scenarioMails(sink: SmtpSink, planId: string): ReceivedMail[] {
  return sink.messages.filter((m) => String(m.headers.get('x-kehoach-key')).startsWith(`${planId}-`));
}

async function waitClosed(env: TestWorkflowEnvironment, workflowId: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { status } = await env.client.workflow.getHandle(workflowId).describe();
    if (status.name !== 'RUNNING') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${workflowId} still running 10 s after its plan closed`);
}

interface Stack {
  env: TestWorkflowEnvironment;
  sink: SmtpSink;
  reportsDir: string;
  worker?: { stop(): Promise<void> };
}

async function record(stack: Stack, scenario: Scenario): Promise<Recorded[]> {
  const { env, sink } = stack;
  const planId = planWorkflowId(scenario.plan.organisation.code, scenario.plan.plan.year);
  const ref = { org: scenario.plan.organisation.code, year: scenario.plan.plan.year };
  const { handle } = await startPlan(env.client, scenario.plan, { taskQueue: TASK_QUEUE, clock: scenario.clock });
  const startedAt = (await handle.describe()).startTime.getTime();
  const clock = planTimeStepper(env, scenario.clock.planStart!, startedAt, scenario.clock.speed ?? 1);
  const ctx: Ctx = {
    env,
    sink,
    ref,
    handle,
    reportsDir: stack.reportsDir,
    async at(instant) {
      console.log(`[histories] ${scenario.name}: → ${instant}`);
      await clock.sleepUntil(instant);
    },
    async mails(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (scenarioMails(sink, planId).length < n) {
        if (Date.now() > deadline)
          throw new Error(`${scenario.name}: expected ${n} e-mails, got ${scenarioMails(sink, planId).length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return scenarioMails(sink, planId);
    },
    async stopWorker() {
      if (scenario.server !== 'dev') throw new Error('only the dev server keeps time while the worker is away');
      await stack.worker?.stop();
      stack.worker = undefined;
    },
    async startWorker() {
      stack.worker = await startTestWorker(env, sink, {}, { reportsDir: stack.reportsDir });
    },
  };
  await scenario.run(ctx);
  if (scenario.ends === 'year-close') {
    // Awaiting the result lets the server skip to the year close: the plan closes its items, they report back.
    // (`env.sleep` past the close hangs under tsx, while `result()` unlocks time skipping as the SDK intends.)
    console.log(`[histories] ${scenario.name}: → year close`);
    await handle.result();
  }

  const planRuns = await runsOfWorkflow(env, planId);
  const registerId = registerWorkflowId(ref.org, ref.year);
  const hasRegister = await env.client.workflow
    .getHandle(registerId)
    .describe()
    .then(
      () => true,
      () => false,
    );
  const workflows: [string, string][] = [
    ['plan', planId],
    ...childIds(planRuns).map((id): [string, string] => [id.slice(planId.length + 1), id]),
    ...(hasRegister ? [['register', registerId] as [string, string]] : []),
  ];
  const recorded: Recorded[] = [];
  for (const [label, workflowId] of workflows) {
    // The register never closes (it only waits for Updates): its open history is what replays.
    if (workflowId !== registerId) await waitClosed(env, workflowId);
    const runs = await runsOfWorkflow(env, workflowId);
    for (const [i, run] of runs.entries()) {
      const file = `${LABEL}-${scenario.name}-${label}${runs.length > 1 ? `-run${i + 1}` : ''}.json`;
      const queries = await answeredQueries(env, workflowId, run.runId);
      recorded.push({ file, workflowId, runId: run.runId, history: run.history, queries });
    }
  }
  // E-mails go out through activities that completed before their workflows closed; all are in the sink by now.
  const problems = scenario.expect(recorded, scenarioMails(sink, planId));
  if (problems.length) throw new Error(`${scenario.name} did not record: ${problems.join('; ')}`);
  return recorded;
}

/** Replaces this label's lines of an index file, keeping every other label's. */
function writeIndex(name: string, lines: string[]): void {
  const kept = existsSync(OUT + name)
    ? readFileSync(OUT + name, 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith(`${LABEL}-`))
    : [];
  writeFileSync(OUT + name, [...kept, ...lines].sort().join('\n') + '\n');
}

/** A fresh server, SMTP sink and worker for one attempt at one scenario. */
async function startStack(server: Scenario['server']): Promise<Stack & { stop(): Promise<void> }> {
  const env =
    server === 'dev'
      ? await startLocalEnv(['--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=40'])
      : await startTimeSkippingEnv();
  const sink = await startSmtpSink({ rejectRecipients: (address) => address.endsWith(`@${BOUNCING_DOMAIN}`) });
  // A folder not yet made: the report activity makes it; a scenario may put a file there to make compiling fail.
  const reportsDir = join(mkdtempSync(join(tmpdir(), 'kehoach-histories-')), 'reports');
  const stack: Stack = { env, sink, reportsDir, worker: await startTestWorker(env, sink, {}, { reportsDir }) };
  return Object.assign(stack, {
    async stop() {
      // The worker may already have stopped with the test server's connection; nothing is lost then.
      await stack.worker?.stop().catch(() => undefined);
      await sink.stop();
      await env.teardown();
    },
  });
}

/**
 * How long one attempt may take: alone, a time-skipping scenario takes ~5 s and the dev-server one ~35 s. The Java
 * time-skipping server sometimes wedges on a loaded machine (every later sleep hangs; see withFreshStack in
 * test/helpers/test-stack.ts), so a hung attempt is dropped and the scenario runs again on a fresh stack.
 */
const ATTEMPT_MS = { 'time-skipping': 90_000, dev: 180_000 };
const ATTEMPTS = 3;

/**
 * A hung attempt's client calls are still retrying when its stack is torn down, and the client's retry timer then
 * asks grpc-js for a call on the closed channel, which throws from the timer ("Channel has been shut down"). Once an
 * attempt was abandoned, that one error is expected and ignored; any other uncaught error still ends the script.
 */
let tolerating = false;
function toleratePendingRetries(): void {
  if (tolerating) return;
  tolerating = true;
  process.on('uncaughtException', (err) => {
    if (err instanceof Error && err.message === 'Channel has been shut down') return;
    console.error(err);
    process.exit(1);
  });
}

async function recordOnFreshStack(scenario: Scenario): Promise<Recorded[]> {
  for (let attempt = 1; ; attempt++) {
    const stack = await startStack(scenario.server);
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>(
      (resolve) => (timer = setTimeout(() => resolve('hung'), ATTEMPT_MS[scenario.server])),
    );
    console.log(`[histories] ${scenario.name}: attempt ${attempt} on ${scenario.server} server`);
    const run = record(stack, scenario);
    try {
      const result = await Promise.race([run, hung]);
      if (result !== 'hung') return result;
      run.catch(() => undefined); // it rejects once its server is gone
      toleratePendingRetries();
      if (attempt >= ATTEMPTS) throw new Error(`${scenario.name} hung ${ATTEMPTS} times`);
      console.warn(`[histories] ${scenario.name}: attempt ${attempt} hung; again on a fresh server`);
    } finally {
      clearTimeout(timer);
      // Bounded: a worker whose activity never returns (on a wedged server) never finishes shutting down.
      await Promise.race([stack.stop(), new Promise((r) => setTimeout(r, 15_000))]);
    }
  }
}

async function main(): Promise<void> {
  // Warnings stay visible (a failing workflow task is one), except the bounces the `reports` scenario provokes.
  const log = new DefaultLogger('WARN');
  Runtime.install({
    logger: new DefaultLogger('WARN', (entry) => {
      if (entry.message === 'Activity failed' && /EmailRejected/.test(String(entry.meta?.error?.type))) return;
      log.log(entry.level, entry.message, entry.meta);
    }),
  });
  const recorded: Recorded[] = [];
  for (const scenario of scenarios) {
    const files = await recordOnFreshStack(scenario);
    recorded.push(...files);
    const list = files.map((f) => `${f.file} (${f.history.events?.length ?? 0} events)`);
    console.log(`[histories] ${scenario.name}: ${list.join(', ')}`);
  }

  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (f.startsWith(`${LABEL}-`) && f.endsWith('.json')) rmSync(OUT + f);
  // Stack traces name this machine's folders: kept relative to the project, so the corpus is the same on any machine.
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const r of recorded)
    writeFileSync(OUT + r.file, JSON.stringify(historyToJson(r.history), null, 1).replaceAll(root, '') + '\n');
  writeIndex(
    ID_FILE,
    recorded.map((r) => `${r.file} ${r.workflowId}`),
  );
  writeIndex(
    QUERY_FILE,
    recorded.filter((r) => r.queries.length).map((r) => `${r.file} ${r.queries.join(',')}`),
  );
  console.log(`[histories] ${recorded.length} histories written`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
