import type { Page } from 'playwright-core';
import type { SmtpSink } from './smtp-sink.js';

/** The sign-in link the portal at `portalUrl` mailed to `email` after the sink's first `before` messages (its path). */
export async function mailedSignInLink(sink: SmtpSink, portalUrl: string, email: string, before: number) {
  const pattern = new RegExp(`${portalUrl}(/dang-nhap/lien-ket/[A-Za-z0-9_-]{43})`);
  for (let n = before + 1; ; n++) {
    const mail = (await sink.waitFor(n, 20_000))[n - 1]!;
    const link = mail.to.includes(email) ? pattern.exec(mail.text)?.[1] : undefined;
    if (link) return link;
  }
}

/**
 * Signs `email` in on `page` as people do: the link asked for on the login page, opened from the inbox, confirmed;
 * resolves on the office pages (`/van-phong`, or a unit head's `/van-phong/cua-toi`).
 */
export async function signInInBrowser(page: Page, portalUrl: string, sink: SmtpSink, email: string): Promise<void> {
  const before = sink.messages.length;
  await page.goto(`${portalUrl}/dang-nhap`);
  await page.fill('#email', email);
  await page.click('form[action="/dang-nhap/lien-ket"] button[type=submit]');
  await page.waitForURL(`${portalUrl}/dang-nhap/lien-ket`);
  await page.goto(`${portalUrl}${await mailedSignInLink(sink, portalUrl, email, before)}`);
  await page.click('main form button[type=submit]');
  await page.waitForURL(new RegExp(`^${portalUrl}/van-phong(/cua-toi)?$`));
}
