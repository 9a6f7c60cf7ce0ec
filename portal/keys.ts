import { createHmac, timingSafeEqual } from 'node:crypto';

/** One secret, separate keys per use: a submit token can never pass as a session cookie or a CSRF token. */
export function derivedKey(secret: string, purpose: 'session' | 'csrf' | 'kept' | 'page'): Buffer {
  return createHmac('sha256', secret).update(`kehoach-portal/${purpose}`).digest();
}

export function hmac(key: Buffer, data: string): string {
  return createHmac('sha256', key).update(data).digest('base64url');
}

/** Constant-time string comparison (different lengths compare false without leaking where they differ). */
export function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
