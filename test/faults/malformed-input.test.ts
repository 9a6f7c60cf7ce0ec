import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { RequestRejectedError, reviewSubmission, startPlan, submitReport } from '../../client/plan-client.js';
import { formatProblems, parsePlanText } from '../../domain/plan-file.js';
import { SUBMISSION_LIMITS } from '../../domain/submission.js';
import { closeItemSignal } from '../../workflows/messages.js';
import { skeletonClock, skeletonPlan } from '../fixtures/skeleton-plan.js';
import { eventTypesSince, historyText } from '../helpers/history-payloads.js';
import { waitForSettledSends } from '../helpers/mail-audit.js';
import { planTimeStepper } from '../helpers/plan-time.js';
import { useTestStack } from '../helpers/test-stack.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';

const dir = fileURLToPath(new URL('../fixtures/malformed-plans/', import.meta.url));
interface Expectation {
  what: string;
  /** `file:line:col  path` of one reported problem. */
  at: string;
  message: string;
}
const expectations = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as Record<string, Expectation>;
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'expected.json');

describe('malformed plan files: each gets its located error, none throws', () => {
  it('has a corpus of at least 50 files, each with an expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
    expect(Object.keys(expectations).sort()).toEqual([...files].sort());
    // No other field: a known parser bug is an assertion of today's exact output naming its issue, never a flag
    // that expects the case to fail (which any crash would satisfy).
    for (const [file, exp] of Object.entries(expectations))
      expect([file, Object.keys(exp).sort()]).toEqual([file, ['at', 'message', 'what']]);
  });

  for (const file of files) {
    const exp = expectations[file]!;
    it(`${file}: ${exp.what}`, () => {
      const r = parsePlanText(readFileSync(`${dir}${file}`, 'utf8'), file, 'en');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const lines = formatProblems(r.problems).split('\n');
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${escape(exp.at)}  ${escape(exp.message)}`)));
      // The Vietnamese messages are located the same way.
      const vi = parsePlanText(readFileSync(`${dir}${file}`, 'utf8'), file, 'vi');
      expect(!vi.ok && formatProblems(vi.problems)).toContain(exp.at);
    });
  }
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ref = { org: 'SKEL', year: 2026 };
const ITEM = 'task-03';
const ok = { unit: 'TCCB', submittedBy: 'Lê Văn Tổ', results: 'Đã đăng tin.' };
const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`F${i}`, 1]));
const evidence = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `Bài ${i}`, url: `http://x.test/${i}` }));

/** [what, submission (each carries a marker string), the validator's message]. */
const BAD: [string, unknown, RegExp][] = [
  ['empty results', { ...ok, results: '', proposals: 'MK-01' }, /^results: results must not be empty$/],
  ['blank results', { ...ok, results: ' \n\t ', proposals: 'MK-02' }, /^results: results must not be empty$/],
  ['unit not of the item', { ...ok, unit: 'XYZ', results: 'MK-03' }, /^unit XYZ is not assigned to task-03$/],
  ['plan unit not assigned', { ...ok, unit: 'VP', results: 'MK-04' }, /^unit VP is not assigned to task-03$/],
  ['lower-case unit', { ...ok, unit: 'tccb', results: 'MK-05' }, /^unit tccb is not assigned to task-03$/],
  ['oversize results', { ...ok, results: `MK-06 ${'x'.repeat(SUBMISSION_LIMITS.textChars)}` }, /^results: .*20000/],
  ['oversize shortcomings', { ...ok, shortcomings: 'y'.repeat(20_001), results: 'MK-07' }, /^shortcomings: .*20000/],
  ['too many figures', { ...ok, figures: many(31), results: 'MK-08' }, /^figures: too many figures$/],
  ['negative figure', { ...ok, figures: { WEBSITE: -1 }, results: 'MK-09' }, /^figures\.WEBSITE: .*0/],
  ['fractional figure', { ...ok, figures: { WEBSITE: 1.5 }, results: 'MK-10' }, /^figures\.WEBSITE: .*int/i],
  ['huge figure', { ...ok, figures: { WEBSITE: 1e7 }, results: 'MK-11' }, /^figures\.WEBSITE: .*1000000/],
  ['lower-case figure key', { ...ok, figures: { website: 1 }, results: 'MK-12' }, /^figures(\.website)?: /],
  ['unknown field', { ...ok, attachments: ['a.pdf'], results: 'MK-13' }, /^submission: .*attachments/],
  ['results as number', { ...ok, results: 42, proposals: 'MK-14' }, /^results: .*string/],
  ['evidence list too long', { ...ok, evidence: evidence(21), results: 'MK-15' }, /^evidence: .*20/],
  ['evidence without url', { ...ok, evidence: [{ title: 'MK-16' }], results: 'MK-16' }, /^evidence\.0\.url: /],
  [
    'evidence with extra field',
    { ...ok, evidence: [{ title: 'a', url: 'u', size: 1 }], results: 'MK-17' },
    /^evidence\.0: .*size/,
  ],
  ['missing submittedBy', { unit: 'TCCB', results: 'MK-18' }, /^submittedBy: /],
  ['empty submittedBy', { ...ok, submittedBy: '', results: 'MK-19' }, /^submittedBy: /],
  ['oversize submittedBy', { ...ok, submittedBy: 'z'.repeat(201), results: 'MK-20' }, /^submittedBy: .*200/],
  ['missing unit', { submittedBy: 'MK-21', results: 'MK-21' }, /^unit: /],
  ['figures as a list', { ...ok, figures: [1, 2], results: 'MK-22' }, /^figures: /],
  ['submission is a string', 'MK-23', /^submission: .*object/],
  ['submission is null', null, /^submission: .*object/],
];

describe('malformed submissions as real Updates to a running item (time-skipping server)', () => {
  const stack = useTestStack();
  let env: TestWorkflowEnvironment;
  beforeAll(() => ({ env } = stack()));

  it('rejects each with its validator message and leaves no trace in the item history', async () => {
    expect(BAD.length).toBeGreaterThanOrEqual(20);
    const { handle } = await startPlan(env.client, skeletonPlan, { taskQueue: TASK_QUEUE, clock: skeletonClock });
    const clock = planTimeStepper(env, skeletonClock.planStart, (await handle.describe()).startTime.getTime());
    await clock.sleepUntil('2026-03-03T10:00:00+07:00');
    const item = env.client.workflow.getHandle(`plan-SKEL-2026-${ITEM}`);
    const before = (await item.fetchHistory()).events?.length ?? 0;

    const rejected: string[] = [];
    for (const [what, submission, message] of BAD) {
      const err = await submitReport(env.client, ref, ITEM, submission as never).then(
        () => new Error(`${what}: accepted`),
        (e: unknown) => e as Error,
      );
      expect(err, what).toBeInstanceOf(RequestRejectedError);
      expect(err.message, what).toMatch(message);
      rejected.push(what);
    }
    const afterRefused = eventTypesSince(await item.fetchHistory(), before);
    const completed = async () =>
      ((await item.fetchHistory()).events ?? []).filter((e) => e.activityTaskCompletedEventAttributes).length;
    const sentBeforeRound = await completed();

    // A unit whose report was accepted cannot submit again; the valid round trip is the only trace allowed.
    await submitReport(env.client, ref, ITEM, { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: 'Đã đăng 4 tin.' });
    await reviewSubmission(env.client, ref, ITEM, { unit: 'KHTC', decision: 'accept', by: 'Văn phòng' });
    // KHTC's receipt and `accepted` e-mails, both sent, before the history is measured again: the review's
    // e-mail is scheduled by the workflow's next task, which may not have run when the update returns.
    for (let i = 0; (await completed()) < sentBeforeRound + 2; i++) {
      if (i > 100) throw new Error('the receipt and the accepted e-mail were not both sent within 10 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    await waitForSettledSends(env.client, [item.workflowId], 10_000);
    const reviewed = (await item.fetchHistory()).events?.length ?? 0;
    await expect(
      submitReport(env.client, ref, ITEM, { unit: 'KHTC', submittedBy: 'MK-25', results: 'MK-25' }),
    ).rejects.toThrow(new RequestRejectedError("KHTC's report on task-03 was already accepted"));

    const history = await item.fetchHistory();
    const text = historyText(history);
    // Decoded, the history shows the accepted submission and review; none of the refused ones.
    expect(text).toContain('Đã đăng 4 tin.');
    expect(text).toContain('"decision":"accept"');
    expect(text.match(/MK-\d\d/g) ?? []).toEqual([]);
    expect(text).not.toContain('attachments');
    // The refused updates added no event but workflow tasks; the two accepted ones are the only updates.
    expect(afterRefused).toEqual([]);
    expect(eventTypesSince(history, reviewed)).toEqual([]);
    expect(text.match(/workflowExecutionUpdateAcceptedEventAttributes/g) ?? []).toHaveLength(2);

    // A closed item takes no submission at all: the server refuses the Update of a completed workflow.
    await item.signal(closeItemSignal, { reason: 'MK-closing' });
    await item.result();
    const closed = (await item.fetchHistory()).events?.length ?? 0;
    await expect(
      submitReport(env.client, ref, ITEM, { unit: 'TCCB', submittedBy: 'MK-26', results: 'MK-26' }),
    ).rejects.toThrow(/completed|not found/); // the time-skipping server answers "update … not found"
    const after = await item.fetchHistory();
    expect(after.events).toHaveLength(closed);
    const afterText = historyText(after);
    expect(afterText.match(/workflowExecutionUpdateAcceptedEventAttributes/g) ?? []).toHaveLength(2);
    expect(afterText).toContain('MK-closing'); // the signal's input
    expect(afterText).not.toContain('MK-26');
    console.log(`[malformed-input] ${rejected.length + 2} malformed submissions rejected, 2 updates in history`);
  });
});
