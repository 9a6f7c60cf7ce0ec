import { describe, expect, it } from 'vitest';
import { signItemToken, submitUrl, verifyItemToken } from '../../activities/submit-link.js';

const ref = { workflowId: 'plan-SGDDT-HCM-2026-task-03', itemId: 'task-03', unit: 'VP' };
const expiresAt = new Date('2026-04-19T01:00:00Z');
const before = new Date('2026-04-01T00:00:00Z');

describe('submit links', () => {
  it('round-trips the item reference until it expires', () => {
    const token = signItemToken(ref, expiresAt, 's3cret');
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyItemToken(token, 's3cret', before)).toEqual({ ok: true, ref, expiresAt });
    expect(verifyItemToken(token, 's3cret', expiresAt)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token signed with another secret or with an edited payload', () => {
    const token = signItemToken(ref, expiresAt, 's3cret');
    expect(verifyItemToken(token, 'other', before)).toEqual({ ok: false, reason: 'bad-signature' });
    const [, sig] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ w: ref.workflowId, i: ref.itemId, u: 'KHTC', e: 2_000_000_000 }),
    ).toString('base64url');
    expect(verifyItemToken(`${forged}.${sig}`, 's3cret', before)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('calls anything that is not two base64url parts malformed', () => {
    for (const t of ['', 'abc', 'a.b.c', 'a b.c', '.x'])
      expect(verifyItemToken(t, 's3cret', before)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('builds the portal URL whether or not the base ends with a slash', () => {
    expect(submitUrl('https://kehoach.example.vn/', 'abc.def')).toBe('https://kehoach.example.vn/nop/abc.def');
    expect(submitUrl('https://kehoach.example.vn', 'abc.def')).toBe('https://kehoach.example.vn/nop/abc.def');
  });
});
