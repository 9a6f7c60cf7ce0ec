import { html } from 'hono/html';
import type { PlanRef } from '../../client/plan-client.js';
import { formatDateTime } from '../../domain/format-date.js';
import type { AuditEntry } from '../audit-trail.js';
import { withLang } from '../i18n.js';
import { texts } from '../texts/index.js';
import { listTable } from './components.js';
import type { Html } from './layout.js';
import { officePage, type OfficeView } from './office-shell.js';

/** `/van-phong/:org/:year/nhat-ky`: who did what and when on the plan-year, newest first. */
export function auditPage(v: OfficeView, m: { ref: PlanRef; zone: string; entries: AuditEntry[] }): Html {
  const t = texts(v.lang).audit;
  const base = `/van-phong/${m.ref.org}/${m.ref.year}`;
  const rows = m.entries.map(
    (e) =>
      html`<tr>
        <td>${formatDateTime(e.at, m.zone, v.lang)}</td>
        <td>${e.on === 'plan' ? t.plan : html`<a href="${withLang(`${base}/${e.on}`, v.lang)}">${e.on}</a>`}</td>
        <td>${t.actions[e.action] ?? e.action}${e.detail ? html` <span class="hint">(${e.detail})</span>` : ''}</td>
        <td>${e.by}</td>
      </tr>`,
  );
  const body = html`<h1>${t.heading(m.ref.org, m.ref.year)}</h1>
    <p><a href="${withLang(base, v.lang)}">${t.back}</a></p>
    ${listTable([t.colAt, t.colOn, t.colAction, t.colBy], rows, t.none)}`;
  return officePage(v, { path: `${base}/nhat-ky`, title: t.heading(m.ref.org, m.ref.year), org: m.ref.org, body });
}
