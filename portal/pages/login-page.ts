import { html } from 'hono/html';
import { withLang, type Lang } from '../i18n.js';
import { texts } from '../texts/index.js';
import { csrfField } from './components.js';
import { page, type Html } from './layout.js';

export interface LoginPageModel {
  lang: Lang;
  /** Bound to the visitor's pre-login cookie. */
  csrf: string;
  /** The office page to go to after logging in (already checked by `safeNext`). */
  next: string;
  /** The user name typed, shown again after a wrong password. */
  user: string;
  error?: string;
}

/** `/dang-nhap`: the office login form. */
export function loginPage(m: LoginPageModel): Html {
  const t = texts(m.lang).login;
  const body = html`<h1>${t.heading}</h1>
    ${m.error ? html`<div class="error" role="alert">${m.error}</div>` : ''}
    <form method="post" action="${withLang('/dang-nhap', m.lang)}" class="card">
      ${csrfField(m.csrf)}<input type="hidden" name="next" value="${m.next}" /> <label for="user">${t.user}</label
      ><input type="text" id="user" name="user" value="${m.user}" autocomplete="username" required />
      <label for="password">${t.password}</label
      ><input type="password" id="password" name="password" autocomplete="current-password" required />
      <button type="submit">${t.submit}</button>
    </form>`;
  return page({ lang: m.lang, path: '/dang-nhap', title: t.title, body });
}
