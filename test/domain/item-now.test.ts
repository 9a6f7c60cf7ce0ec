import { describe, expect, it } from 'vitest';
import { itemNowMs } from '../../domain/item-now.js';

const at = (iso: string) => Date.parse(iso);

describe('itemNowMs', () => {
  // A demo item at one plan day per real second, asleep since its opening on 02/03 08:00 (its last workflow task).
  const detail = {
    now: '2026-03-02T08:00:00+07:00',
    clock: { speed: 86_400, realAnchorMs: at('2026-12-01T10:00:00Z'), planAnchorMs: at('2026-03-02T08:00:00+07:00') },
  };

  it('reads plan time off the clock while the item sleeps', () => {
    expect(itemNowMs(detail, at('2026-12-01T10:00:03Z'))).toBe(at('2026-03-05T08:00:00+07:00'));
  });

  it('keeps what the item saw when the caller is behind it (a time-skipping server runs ahead of real time)', () => {
    expect(itemNowMs(detail, at('2026-12-01T09:00:00Z'))).toBe(at('2026-03-02T08:00:00+07:00'));
  });

  it('falls back to what the item saw when it reports no clock', () => {
    expect(itemNowMs({ now: detail.now }, at('2027-01-01T00:00:00Z'))).toBe(at('2026-03-02T08:00:00+07:00'));
  });
});
