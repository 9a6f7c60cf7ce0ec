import { html } from 'hono/html';
import { DateTime } from 'luxon';
import type { IncidentSummary } from '../../workflows/incidents.js';
import type { ItemDetail } from '../../workflows/item-types.js';
import { withLang } from '../i18n.js';
import type { Texts } from '../texts/index.js';
import { csrfField } from './components.js';
import type { Html } from './layout.js';
import type { OfficeView } from './office-shell.js';

/** Where the item page's incidents are: the plan page links there. */
export const INCIDENT_ANCHOR = 'su-co';

/** A plan instant as the office reads it, `dd/MM/yyyy HH:mm` in the plan's zone, e.g. `18/03/2026 09:25`. */
export function timeOf(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('dd/MM/yyyy HH:mm');
}

/** The step that failed, in words: `Tổng hợp báo cáo`, `Gửi e-mail nhắc hạn cho Phòng Kế hoạch - Tài chính`. */
export function incidentStepText(i: IncidentSummary, units: ItemDetail['ctx']['units'], t: Texts['incidents']): string {
  if (i.step.kind === 'report') return t.report;
  if (i.step.kind === 'roll-up') return t.rollUp;
  const kinds: Record<string, string | undefined> = t.emailKinds;
  const kind = kinds[i.step.emailKind] ?? i.step.emailKind;
  return t.email(kind, i.unit ? (units[i.unit]?.name ?? i.unit) : '');
}

/** Incidents the office still has to act on. */
export const openIncidentCount = (incidents: readonly IncidentSummary[] | undefined): number =>
  (incidents ?? []).filter((i) => !i.retried).length;

/** "Thử lại" for one open incident: the item's workflow sends the e-mail again or compiles the report. */
function retryForm(v: OfficeView, base: string, i: IncidentSummary, t: Texts['incidents']): Html {
  return html`<form method="post" action="${withLang(`${base}/thu-lai`, v.lang)}" style="margin:0">
    ${csrfField(v.csrf)}<input type="hidden" name="id" value="${String(i.id)}" />
    <button type="submit" style="margin:0">${t.retry}</button>
  </form>`;
}

/**
 * `Sự cố` on the item page: every step that failed for good, with its time and error, and "Thử lại" for an open one
 * (a retried one says by whom and when). Left out when the item never had any.
 */
export function incidentSection(v: OfficeView, base: string, detail: ItemDetail, t: Texts['incidents']): Html | '' {
  const incidents = detail.status.incidents ?? [];
  if (!incidents.length) return '';
  const zone = detail.ctx.timeZone;
  const row = (i: IncidentSummary) =>
    html`<tr id="${INCIDENT_ANCHOR}-${String(i.id)}">
      <td>${String(i.id)}</td>
      <td>${incidentStepText(i, detail.ctx.units, t)}</td>
      <td>${timeOf(i.at, zone)}</td>
      <td><strong>${i.type}</strong>: <span class="pre">${i.error}</span></td>
      <td>
        ${i.retried ? t.retriedBy(i.retried.by, timeOf(i.retried.at, zone)) : v.readOnly ? '' : retryForm(v, base, i, t)}
      </td>
    </tr>`;
  return html`<h2 id="${INCIDENT_ANCHOR}">${t.heading}</h2>
    <p class="hint">${t.hint}</p>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>${t.number}</th>
            <th>${t.step}</th>
            <th>${t.at}</th>
            <th>${t.error}</th>
            <th>${t.action}</th>
          </tr>
        </thead>
        <tbody>
          ${incidents.map(row)}
        </tbody>
      </table>
    </div>`;
}
