import { html } from 'hono/html';
import { withLang, type Lang } from '../i18n.js';
import { texts } from '../texts/index.js';
import { csrfField } from './components.js';
import { page, type Html } from './layout.js';

export interface LoginPageModel {
  lang: Lang;
  /** Bound to the visitor's pre-login cookie (both forms). */
  csrf: string;
  /** The office page to go to after signing in (already checked by `safeNext`). */
  next: string;
  /** The administrator's user name typed, shown again after a wrong password. */
  user: string;
  /** The address typed, shown again when it was not one. */
  email: string;
  /** How long an e-mailed link stays valid. */
  linkMinutes: number;
  /** The province's SSO is configured (OIDC_ISSUER): offer it. */
  oidc: boolean;
  error?: string;
}

/**
 * `/dang-nhap`: the ways in. First a sign-in link by e-mail (office staff, directors, unit heads, parent bodies: no
 * password), then the province's SSO when configured, last user and password for administrators only.
 */
export function loginPage(m: LoginPageModel): Html {
  const t = texts(m.lang).login;
  const nextField = html`<input type="hidden" name="next" value="${m.next}" />`;
  const sso = m.oidc
    ? html`<p>
        <a class="button" href="${withLang(`/dang-nhap/oidc?next=${encodeURIComponent(m.next)}`, m.lang)}">${t.sso}</a>
      </p>`
    : '';
  const body = html`<h1>${t.heading}</h1>
    ${m.error ? html`<div class="error" role="alert">${m.error}</div>` : ''}
    <section class="card" aria-labelledby="way-email">
      <h2 id="way-email">${t.emailHeading}</h2>
      <p class="hint">${t.emailHint(m.linkMinutes)}</p>
      <form method="post" action="${withLang('/dang-nhap/lien-ket', m.lang)}">
        ${csrfField(m.csrf)}${nextField} <label for="email">${t.email}</label
        ><input type="email" id="email" name="email" value="${m.email}" autocomplete="email" maxlength="254" required />
        <button type="submit">${t.emailSubmit}</button>
      </form>
    </section>
    ${sso}
    <section class="card" aria-labelledby="way-admin">
      <h2 id="way-admin">${t.adminHeading}</h2>
      <p class="hint">${t.adminHint}</p>
      <form method="post" action="${withLang('/dang-nhap', m.lang)}">
        ${csrfField(m.csrf)}${nextField} <label for="user">${t.user}</label
        ><input type="text" id="user" name="user" value="${m.user}" autocomplete="username" required />
        <label for="password">${t.password}</label
        ><input type="password" id="password" name="password" autocomplete="current-password" required />
        <button type="submit" class="secondary">${t.submit}</button>
      </form>
    </section>`;
  return page({ lang: m.lang, path: '/dang-nhap', title: t.title, body });
}
