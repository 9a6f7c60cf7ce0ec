import { describe, expect, it } from 'vitest';
import { RequestRejectedError } from '../../client/plan-client.js';
import { allocateNumber, recordIssuedNumber, registerEntries } from '../../client/register-client.js';
import { historyText } from '../helpers/history-payloads.js';
import { TASK_QUEUE } from '../helpers/temporal-env.js';
import { useTestStack } from '../helpers/test-stack.js';

const ref = { org: 'SGDDT', year: 2026 };
const req = (key: string) => ({ key, symbol: 'BC-SGDĐT', issuedOn: '2026-03-20' });

/*
 * Nghị định 30/2020 Điều 15: one sequence of numbers per body per year, each issued once. Every worker asks the
 * register workflow by Update, so concurrent compiles (on any worker) cannot take the same number.
 */
describe('the register of outgoing documents (one workflow per body and year)', () => {
  const stack = useTestStack();

  it('issues 20 concurrent requests 20 numbers in sequence, and the same number again for the same key', async () => {
    const { env } = stack();
    const keys = Array.from({ length: 20 }, (_, i) => `plan-SGDDT-2026/report-${i}`);
    const numbers = await Promise.all(keys.map((k) => allocateNumber(env.client, ref, TASK_QUEUE, req(k))));
    expect(numbers.map((n) => n.number).sort((a, b) => a - b)).toEqual(keys.map((_, i) => i + 1));
    // A retried compile asks again with its key: its number, not a new one.
    const again = await Promise.all(keys.map((k) => allocateNumber(env.client, ref, TASK_QUEUE, req(k))));
    expect(again).toEqual(numbers);
    expect((await registerEntries(env.client, ref)).entries).toHaveLength(20);
  });

  it('continues after a number the office’s own register issued, and refuses what it must', async () => {
    const { env } = stack();
    const own = { number: 25, key: 'Công văn 25/SGDĐT-VP', symbol: 'SGDĐT-VP', issuedOn: '2026-04-02', by: 'Văn thư' };
    expect(await recordIssuedNumber(env.client, ref, TASK_QUEUE, own)).toEqual({ next: 26 });
    expect((await allocateNumber(env.client, ref, TASK_QUEUE, req('plan-SGDDT-2026/report-H1'))).number).toBe(26);

    const refused = async (call: Promise<unknown>) => {
      const err = await call.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(RequestRejectedError);
      return (err as Error).message;
    };
    expect(await refused(recordIssuedNumber(env.client, ref, TASK_QUEUE, own))).toBe(
      'number: 25 was already issued in 2026',
    );
    expect(await refused(allocateNumber(env.client, ref, TASK_QUEUE, { ...req('x'), issuedOn: '2027-01-04' }))).toBe(
      'issuedOn: 2027-01-04 is not in 2026 (a register holds one year)',
    );
    // Refused in the validator: nothing of it in the register's history.
    const history = historyText(await env.client.workflow.getHandle('register-SGDDT-2026').fetchHistory());
    expect(history).not.toContain('2027-01-04');
    expect(history).toContain('Công văn 25/SGDĐT-VP');
  });
});
