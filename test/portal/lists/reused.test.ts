import type { Client } from '@temporalio/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetReused, reused } from '../../../portal/lists/reused.js';

// `reused` keys its cache by the client object only; no call reaches it.
const client = {} as Client;

describe('reused: one visibility call for everyone asking the same within its time', () => {
  afterEach(() => {
    vi.useRealTimers();
    forgetReused(client);
  });

  it('callers arriving while the call is under way, and soon after, share it; after the time a new call goes', async () => {
    vi.useFakeTimers();
    let calls = 0;
    let release!: (n: number) => void;
    const ask = () => {
      calls++;
      return new Promise<number>((r) => (release = r));
    };
    const first = reused(client, 'k', 30_000, ask);
    const second = reused(client, 'k', 30_000, ask);
    release(7);
    await expect(Promise.all([first, second])).resolves.toEqual([7, 7]);
    vi.advanceTimersByTime(29_000);
    await expect(reused(client, 'k', 30_000, ask)).resolves.toBe(7);
    expect(calls).toBe(1);
    vi.advanceTimersByTime(2_000);
    const third = reused(client, 'k', 30_000, ask);
    release(8);
    await expect(third).resolves.toBe(8);
    expect(calls).toBe(2);
    // Another key is another call.
    const other = reused(client, 'other', 30_000, ask);
    release(9);
    await expect(other).resolves.toBe(9);
    expect(calls).toBe(3);
  });

  it('a failure is answered as none and not kept: the next caller asks again', async () => {
    let calls = 0;
    const failing = () => (calls++, Promise.reject(new Error('visibility unavailable')));
    await expect(reused(client, 'k', 30_000, failing)).resolves.toBeUndefined();
    await Promise.resolve();
    await expect(reused(client, 'k', 30_000, () => (calls++, Promise.resolve(5)))).resolves.toBe(5);
    expect(calls).toBe(2);
  });

  it('an answer `keep` refuses is shared by those asking meanwhile, then asked again', async () => {
    let calls = 0;
    let release!: (n: number) => void;
    const ask = () => (calls++, new Promise<number>((r) => (release = r)));
    const odd = (n: number) => n % 2 === 1;
    const first = reused(client, 'k', 30_000, ask, odd);
    const meanwhile = reused(client, 'k', 30_000, ask, odd);
    release(4);
    await expect(Promise.all([first, meanwhile])).resolves.toEqual([4, 4]);
    await Promise.resolve();
    const next = reused(client, 'k', 30_000, ask, odd);
    release(5);
    await expect(next).resolves.toBe(5);
    await expect(reused(client, 'k', 30_000, ask, odd)).resolves.toBe(5);
    expect(calls).toBe(2);
  });
});
