import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppConfig } from '../worker/config.js';
import { derivedKey, hmac, sameString } from './keys.js';

/** An office user's login, kept in a signed cookie (no server-side store to lose on restart). */
export interface Session {
  user: string;
  /** Random id the session's CSRF token is bound to. */
  sid: string;
  /** Expiry, epoch ms. */
  exp: number;
}

export const SESSION_COOKIE = 'kh_session';
/** Random value the login form's CSRF token is bound to before anyone is logged in. */
export const PRELOGIN_COOKIE = 'kh_pre';
const SESSION_HOURS = 8;

function encode(s: Session, secret: string): string {
  const body = Buffer.from(JSON.stringify(s)).toString('base64url');
  return `${body}.${hmac(derivedKey(secret, 'session'), body)}`;
}

function decode(value: string, secret: string, now: Date): Session | undefined {
  const [body, sig] = value.split('.');
  if (!body || !sig || !sameString(sig, hmac(derivedKey(secret, 'session'), body))) return undefined;
  try {
    const s = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Session>;
    if (typeof s.user !== 'string' || typeof s.sid !== 'string' || typeof s.exp !== 'number') return undefined;
    return s.exp > now.getTime() ? (s as Session) : undefined;
  } catch {
    return undefined;
  }
}

const cookieOptions = (config: AppConfig) => ({
  httpOnly: true,
  sameSite: 'Lax' as const,
  path: '/',
  secure: config.PORTAL_BASE_URL.startsWith('https:'),
});

export function readSession(c: Context, config: AppConfig, now: Date): Session | undefined {
  const value = getCookie(c, SESSION_COOKIE);
  return value ? decode(value, config.LINK_SECRET, now) : undefined;
}

export function startSession(c: Context, config: AppConfig, user: string, now: Date): Session {
  const session = { user, sid: randomBytes(16).toString('base64url'), exp: now.getTime() + SESSION_HOURS * 3600_000 };
  setCookie(c, SESSION_COOKIE, encode(session, config.LINK_SECRET), {
    ...cookieOptions(config),
    maxAge: SESSION_HOURS * 3600,
  });
  return session;
}

export function endSession(c: Context, config: AppConfig): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(config));
}

/** The pre-login binding: reuses the visitor's cookie or sets a fresh one. */
export function preLoginId(c: Context, config: AppConfig): string {
  const existing = getCookie(c, PRELOGIN_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{22}$/.test(existing)) return existing;
  const id = randomBytes(16).toString('base64url');
  setCookie(c, PRELOGIN_COOKIE, id, cookieOptions(config));
  return id;
}
