import { html } from 'hono/html';
import { createMailer, type Mailer } from '../../activities/mailer.js';
import type { ServiceConfig } from '../../worker/config.js';
import { mailConfigFrom } from '../../worker/mail-config.js';
import { texts } from '../texts/index.js';
import { SIGN_IN_LINK_MINUTES } from './email-link-tokens.js';

/** Sends the one-time sign-in link to an address. */
export interface SignInMail {
  send(to: string, link: string): Promise<void>;
}

/** The message: Vietnamese first, then English, one link for both; a plain-text part and an HTML part. */
export async function signInMessage(link: string): Promise<{ subject: string; text: string; html: string }> {
  const parts = [texts('vi').signInMail, texts('en').signInMail];
  const text = parts
    .map((t) => [t.subject, '', t.intro, link, '', t.validity(SIGN_IN_LINK_MINUTES), t.ignore, '', t.footer].join('\n'))
    .join('\n\n----\n\n');
  // hono/html escapes every value, as the portal's pages do; the text part above has nothing to escape.
  const body = await html`<!doctype html>
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <title>${parts[0]!.subject}</title>
      </head>
      <body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; color: #1a1a1a; line-height: 1.5">
        ${parts.map(
          (t, i) =>
            html`<div lang="${i === 0 ? 'vi' : 'en'}" style="max-width: 640px; margin: 0 0 24px">
              <h2 style="font-size: 17px">${t.subject}</h2>
              <p>${t.intro}</p>
              <p>
                <a href="${link}" style="background: #a50e0e; color: #fff; padding: 10px 18px; text-decoration: none"
                  >${t.action}</a
                >
              </p>
              <p style="word-break: break-all"><small>${link}</small></p>
              <p>${t.validity(SIGN_IN_LINK_MINUTES)}</p>
              <p>${t.ignore}</p>
              <p style="color: #57606a"><small>${t.footer}</small></p>
            </div>`,
        )}
      </body>
    </html>`;
  return { subject: texts('vi').signInMail.subject, text, html: body.toString() };
}

/**
 * Sign-in mail over the SMTP settings the worker uses (`worker/config.ts`, the worker's transport factory), but one
 * connection per message rather than the worker's pool: sign-in links are few, and an idle pooled connection would
 * outlive every request that needed it.
 */
export function signInMailer(config: ServiceConfig): SignInMail {
  const mailConfig = { ...mailConfigFrom(config), pool: false };
  let mailer: Mailer | undefined;
  return {
    async send(to, link) {
      mailer ??= createMailer(mailConfig);
      await mailer.sendMail({
        from: { name: mailConfig.from.name, address: mailConfig.from.email },
        to,
        ...(await signInMessage(link)),
      });
    },
  };
}
