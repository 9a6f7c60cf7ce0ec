import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ItemRef } from '../workflows/email-request.js';

/** Why a token was refused; the portal shows a different page for an expired link than for a forged one. */
export type TokenProblem = 'malformed' | 'bad-signature' | 'expired';

export type VerifiedToken = { ok: true; ref: ItemRef; expiresAt: Date } | { ok: false; reason: TokenProblem };

/** Short keys keep the link short enough for mail clients that wrap long lines. */
interface Payload {
  w: string;
  i: string;
  u: string;
  /** Expiry, seconds since the epoch. */
  e: number;
}

function mac(body: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

/** `<base64url(payload)>.<base64url(HMAC-SHA256)>`: lets a unit head submit without an account. */
export function signItemToken(ref: ItemRef, expiresAt: Date, secret: string): string {
  const payload: Payload = { w: ref.workflowId, i: ref.itemId, u: ref.unit, e: Math.floor(expiresAt.getTime() / 1000) };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(body, secret).toString('base64url')}`;
}

function isPayload(v: unknown): v is Payload {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return typeof p.w === 'string' && typeof p.i === 'string' && typeof p.u === 'string' && Number.isInteger(p.e);
}

/**
 * Checks the signature (constant time) before reading anything else; does not look at the expiry, which belongs to
 * the clock of the plan the link is for (`verifyItemToken` with that clock's now).
 */
export function openItemToken(
  token: string,
  secret: string,
): { ok: true; ref: ItemRef; expiresAt: Date } | { ok: false; reason: Exclude<TokenProblem, 'expired'> } {
  const parts = token.split('.');
  const [body, sig] = parts;
  if (parts.length !== 2 || !body || !sig || !/^[A-Za-z0-9_-]+$/.test(body + sig))
    return { ok: false, reason: 'malformed' };
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(body, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad-signature' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!isPayload(payload)) return { ok: false, reason: 'malformed' };
  return {
    ok: true,
    ref: { workflowId: payload.w, itemId: payload.i, unit: payload.u },
    expiresAt: new Date(payload.e * 1000),
  };
}

/** `openItemToken`, then the expiry against `now` (plan time of the link's plan). */
export function verifyItemToken(token: string, secret: string, now: Date): VerifiedToken {
  const opened = openItemToken(token, secret);
  if (opened.ok && now.getTime() >= opened.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return opened;
}

/** `${base}/nop/${token}` ("nộp" = submit), tolerating a trailing slash on the base. */
export function submitUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/nop/${token}`;
}
