import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ResolvedDeps } from './deps.js';
import { derivedKey, hmac, sameString } from './keys.js';
import { SESSION_HOURS } from './session-store.js';

/** How the person proved who they are: an administrator's password, a one-time e-mailed link, or the province's SSO. */
export type SignInMethod = 'password' | 'email-link' | 'oidc';
const SIGN_IN_METHODS: readonly string[] = ['password', 'email-link', 'oidc'] satisfies SignInMethod[];

/** A sign-in: a signed cookie naming a session that must also be open in the session store. */
export interface Session {
  /** The administrator's user name for `password`; the lower-cased e-mail address (`normalEmail`) otherwise. */
  user: string;
  method: SignInMethod;
  /** Random id the session's CSRF token is bound to, and the key of the session in the store. */
  sid: string;
  /** Expiry, epoch ms. */
  exp: number;
}

export const SESSION_COOKIE = 'kh_session';
/** Random value the login form's CSRF token is bound to before anyone is logged in. */
export const PRELOGIN_COOKIE = 'kh_pre';

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
    // Cookies signed before sessions had a method were all administrators' password logins.
    const method = s.method ?? 'password';
    if (!SIGN_IN_METHODS.includes(method)) return undefined;
    return s.exp > now.getTime() ? { user: s.user, method, sid: s.sid, exp: s.exp } : undefined;
  } catch {
    return undefined;
  }
}

const cookieOptions = (deps: ResolvedDeps) => ({
  httpOnly: true,
  sameSite: 'Lax' as const,
  path: '/',
  secure: deps.config.PORTAL_BASE_URL.startsWith('https:'),
});

/**
 * The request's session, if its cookie is signed by us, unexpired and still open in the store (not logged out); a
 * password session must also name an administrator configured now (one removed from PORTAL_USERS is out at once).
 */
export async function readSession(c: Context, deps: ResolvedDeps): Promise<Session | undefined> {
  const value = getCookie(c, SESSION_COOKIE);
  const now = deps.now();
  const session = value ? decode(value, deps.config.LINK_SECRET, now) : undefined;
  if (!session || (session.method === 'password' && !deps.users.has(session.user))) return undefined;
  return (await deps.sessions.isOpen(session.sid, now.getTime())) ? session : undefined;
}

/** Opens a session for `who` (a fresh id, so a session id planted before sign-in is never the one used after). */
export async function startSession(
  c: Context,
  deps: ResolvedDeps,
  who: { user: string; method: SignInMethod },
): Promise<Session> {
  const now = deps.now().getTime();
  const session: Session = {
    user: who.user,
    method: who.method,
    sid: randomBytes(16).toString('base64url'),
    exp: now + SESSION_HOURS * 3600_000,
  };
  await deps.sessions.open(session.sid, session.exp, now);
  setCookie(c, SESSION_COOKIE, encode(session, deps.config.LINK_SECRET), {
    ...cookieOptions(deps),
    maxAge: SESSION_HOURS * 3600,
  });
  return session;
}

/** Logs out: the session is closed in the store, so a copy of the cookie opens nothing afterwards. */
export async function endSession(c: Context, deps: ResolvedDeps, session: Session): Promise<void> {
  await deps.sessions.close(session.sid);
  deleteCookie(c, SESSION_COOKIE, cookieOptions(deps));
}

/** The pre-login binding: reuses the visitor's cookie or sets a fresh one. */
export function preLoginId(c: Context, deps: ResolvedDeps): string {
  const existing = getCookie(c, PRELOGIN_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{22}$/.test(existing)) return existing;
  const id = randomBytes(16).toString('base64url');
  setCookie(c, PRELOGIN_COOKIE, id, cookieOptions(deps));
  return id;
}
