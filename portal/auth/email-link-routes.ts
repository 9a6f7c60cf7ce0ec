import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { normalEmail } from '../access/roles.js';
import { csrfToken, csrfValid, CSRF_FIELD } from '../csrf.js';
import type { ResolvedDeps } from '../deps.js';
import { field, readForm } from '../form-body.js';
import { langOf, withLang, type Lang } from '../i18n.js';
import { sameString } from '../keys.js';
import { confirmSignInPage, linkSentPage } from '../pages/email-link-pages.js';
import { refuse } from '../refusals.js';
import { preLoginId } from '../session.js';
import { texts } from '../texts/index.js';
import { clientAddress } from './client-address.js';
import { addressOverLimit, clientOverLimit } from './email-link-throttle.js';
import {
  browserMark,
  issueSignInLink,
  peekSignInLink,
  SIGN_IN_LINK_MINUTES,
  takeSignInLink,
  type SignInLink,
} from './email-link-tokens.js';
import { loginForm } from './login-form.js';
import { safeNext } from './safe-next.js';
import { completeSignIn } from './sign-in.js';
import { signInMailer, type SignInMail } from './sign-in-mail.js';

const emailSchema = z.email().max(254);

/** 429 with Retry-After, as a page. */
function throttled(c: Context, waitMs: number): Response | Promise<Response> {
  c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
  const minutes = Math.ceil(waitMs / 60_000);
  return refuse(c, 429, 'signInThrottled', (t) => t.refusalDetails.retryIn(minutes));
}

/**
 * Looks the address up and, for a person with a role, stores a link and mails it. Runs after the answer has gone,
 * so neither the lookup nor the store nor SMTP can make the answer to a known address slower than to an unknown one.
 */
async function sendIfKnown(
  deps: ResolvedDeps,
  mail: SignInMail,
  ask: { email: string; browser: string; next: string; lang: Lang },
): Promise<void> {
  if ((await deps.people.rolesOf(ask.email)).length === 0) return;
  const exp = deps.now().getTime() + SIGN_IN_LINK_MINUTES * 60_000;
  const token = await issueSignInLink(deps.store, { email: ask.email, browser: ask.browser, next: ask.next, exp });
  await mail.send(ask.email, withLang(`${deps.config.PORTAL_BASE_URL}/dang-nhap/lien-ket/${token}`, ask.lang));
}

/**
 * `/dang-nhap/lien-ket`: sign-in by a one-time link e-mailed to an address someone holds a role for. POST `/` asks
 * for one (throttled per client and per address, the same answer for every address); GET `/:token` shows a button
 * (so a mail scanner's prefetch uses nothing up); POST `/:token` takes the link (once, in the browser that asked,
 * within SIGN_IN_LINK_MINUTES on the portal's clock) and signs in.
 */
export function emailLinkRoutes(deps: ResolvedDeps, mail: SignInMail = signInMailer(deps.config)): Hono {
  const app = new Hono();
  const secret = deps.config.LINK_SECRET;

  /** The link if it can sign this browser in now, else why not (a spent link says nothing of whose it was). */
  const check = (
    link: SignInLink | undefined,
    pre: string,
  ): { link: SignInLink } | { status: 403 | 410; why: 'signInLinkSpent' | 'signInLinkOtherBrowser' } => {
    if (!link || link.exp <= deps.now().getTime()) return { status: 410, why: 'signInLinkSpent' };
    if (!sameString(link.browser, browserMark(pre))) return { status: 403, why: 'signInLinkOtherBrowser' };
    return { link };
  };

  app.post('/', async (c) => {
    const lang = langOf(c);
    const read = await readForm(c);
    if ('refused' in read) return read.refused;
    const pre = preLoginId(c, deps);
    if (!csrfValid(secret, pre, read.form[CSRF_FIELD])) return refuse(c, 403, 'badForm');
    const clientWait = await clientOverLimit(deps.store, clientAddress(c));
    if (clientWait !== undefined) return throttled(c, clientWait);
    const email = normalEmail(field(read.form, 'email'));
    const next = safeNext(field(read.form, 'next'));
    if (!emailSchema.safeParse(email).success)
      return loginForm(c, deps, { next, email: email.slice(0, 254), error: texts(lang).login.emailInvalid }, 400);
    const addressWait = await addressOverLimit(deps.store, email);
    if (addressWait !== undefined) return throttled(c, addressWait);
    const ask = { email, browser: browserMark(pre), next, lang };
    setImmediate(() => {
      sendIfKnown(deps, mail, ask).catch((err: unknown) =>
        console.error(`[portal] sign-in link not sent: ${err instanceof Error ? err.message : String(err)}`),
      );
    });
    return c.html(linkSentPage({ lang, email, linkMinutes: SIGN_IN_LINK_MINUTES }), 200);
  });

  app.get('/:token', async (c) => {
    const pre = preLoginId(c, deps);
    const checked = check(await peekSignInLink(deps.store, c.req.param('token')), pre);
    if (!('link' in checked)) return refuse(c, checked.status, checked.why);
    // The page carries the token: no cache may keep it.
    c.header('Cache-Control', 'no-store');
    const path = `/dang-nhap/lien-ket/${c.req.param('token')}`;
    const email = checked.link.email;
    return c.html(confirmSignInPage({ lang: langOf(c), csrf: csrfToken(secret, pre), email, path }));
  });

  app.post('/:token', async (c) => {
    const read = await readForm(c);
    if ('refused' in read) return read.refused;
    const pre = preLoginId(c, deps);
    if (!csrfValid(secret, pre, read.form[CSRF_FIELD])) return refuse(c, 403, 'badForm');
    // Taken before any check: whatever happens next, this link has been used.
    const checked = check(await takeSignInLink(deps.store, c.req.param('token')), pre);
    if (!('link' in checked)) return refuse(c, checked.status, checked.why);
    return completeSignIn(c, deps, { email: checked.link.email, method: 'email-link' }, checked.link.next);
  });

  return app;
}
