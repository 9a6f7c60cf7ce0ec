import { html } from 'hono/html';
import { withLang, type Lang } from '../i18n.js';
import { texts } from '../texts/index.js';
import { csrfField } from './components.js';
import { page, type Html } from './layout.js';

/**
 * The answer to "send me a link": the same for an address the system knows and one it does not, so the page tells
 * nobody who is known.
 */
export function linkSentPage(m: { lang: Lang; email: string; linkMinutes: number }): Html {
  const t = texts(m.lang).emailLink;
  const body = html`<h1>${t.sentTitle}</h1>
    <div class="card" role="status">
      <p>${t.sent(m.email, m.linkMinutes)}</p>
      <p class="hint">${t.notArrived}</p>
      <p><a href="${withLang('/dang-nhap', m.lang)}">${t.again}</a></p>
    </div>`;
  return page({ lang: m.lang, path: '/dang-nhap', title: t.sentTitle, body });
}

/**
 * What the e-mailed link opens: a button that signs in by POST. Mail scanners that fetch every link in a message
 * therefore see this page and use nothing up.
 */
export function confirmSignInPage(m: { lang: Lang; csrf: string; email: string; path: string }): Html {
  const t = texts(m.lang).emailLink;
  const body = html`<h1>${t.confirmTitle}</h1>
    <form method="post" action="${withLang(m.path, m.lang)}" class="card">
      ${csrfField(m.csrf)}
      <p>${t.confirm(m.email)}</p>
      <p class="hint">${t.confirmHint}</p>
      <button type="submit">${t.confirmSubmit}</button>
    </form>`;
  return page({ lang: m.lang, path: m.path, title: t.confirmTitle, body });
}
