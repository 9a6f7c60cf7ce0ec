import { html } from 'hono/html';
import { withLang, type Lang } from '../i18n.js';
import { texts } from '../texts/index.js';
import { csrfField, errorList, noticeBox } from './components.js';
import { page, type Html } from './layout.js';

/** What every office page knows about its request: who is logged in, the form token, what the last action did. */
export interface OfficeView {
  lang: Lang;
  user: string;
  csrf: string;
  temporalUi: string;
  namespace: string;
  notice?: string;
  errors?: string[];
  /** The person may read this page's plan but not steer it (a director, a body above, a unit head): no forms. */
  readOnly?: boolean;
}

/** An office page: the plans link and the logout button in the bar, then the notice or errors, then the body. */
export function officePage(v: OfficeView, o: { path: string; title: string; org?: string; body: Html }): Html {
  const t = texts(v.lang).office;
  const nav = html`<a href="${withLang('/van-phong', v.lang)}">${t.plans}</a>
    <a href="${withLang('/van-phong/cua-toi', v.lang)}">${texts(v.lang).myDuties.heading}</a>
    <a href="${withLang('/van-phong/co-quan', v.lang)}">${texts(v.lang).organisations.title}</a>
    <form method="post" action="${withLang('/dang-xuat', v.lang)}" style="margin:0">
      ${csrfField(v.csrf)}
      <button type="submit" class="secondary" style="margin:0;padding:.2rem .6rem">${v.user} · ${t.logOut}</button>
    </form>`;
  return page({
    lang: v.lang,
    path: o.path,
    title: o.title,
    org: o.org ?? t.orgBar,
    nav,
    body: html`${noticeBox(v.notice)}${errorList(v.errors)}${o.body}`,
  });
}

/** The workflow in the Temporal Web UI, where its history and search attributes are. */
export function temporalLink(v: OfficeView, workflowId: string): Html {
  const ui = v.temporalUi.replace(/\/+$/, '');
  const href = `${ui}/namespaces/${encodeURIComponent(v.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
  return html`<a href="${href}" target="_blank" rel="noopener noreferrer">Temporal</a>`;
}
