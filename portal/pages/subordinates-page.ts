import { html } from 'hono/html';
import { DateTime } from 'luxon';
import { formatShortDate } from '../../domain/format-date.js';
import { periodName } from '../../domain/reporting-periods.js';
import type { Plan } from '../../domain/plan-schema.js';
import { withLang } from '../i18n.js';
import {
  STANDINGS,
  type Standing,
  type SubordinateCell,
  type SubordinateColumn,
  type SubordinateRow,
  type SubordinatesMatrix,
} from '../subordinates-matrix.js';
import { attemptField, csrfField } from './components.js';
import type { Html } from './layout.js';
import { officePage, type OfficeView } from './office-shell.js';
import { subordinatesTexts, type SubordinatesTexts } from './subordinates-texts.js';

/** What the ad hoc form shows: empty, or what was sent when it was refused. */
export interface SubordinatesAdHocValues {
  title: string;
  content: string;
  /** As typed, dd/MM/yyyy. */
  dueDate: string;
  /** The subordinates' codes checked (the form's `units`, as the plan page's ad hoc form names them). */
  units: string[];
  /** The form's submission id, kept when the portal refuses it (`portal/form-attempt.ts`). */
  attempt?: string;
}

export interface SubordinatesPageModel {
  org: string;
  year: number;
  plan: Plan;
  matrix: SubordinatesMatrix;
  adHoc?: SubordinatesAdHocValues;
}

/** The sign each state shows besides its colour and words, so it reads without colour. */
const MARKS: Record<Standing | 'not-asked', string> = {
  'on-time': '✓',
  late: '!',
  missing: '✗',
  'not-due': '○',
  'not-asked': '–',
};

const mark = (s: Standing | 'not-asked') => html`<span class="sb-mk" aria-hidden="true">${MARKS[s]}</span>`;

/** The local day of a plan instant, dd/MM/yyyy in the plan's zone. */
const dayOf = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('dd/MM/yyyy');

function columnHead(v: OfficeView, base: string, col: SubordinateColumn, year: number, t: SubordinatesTexts): Html {
  const name = col.period ? t.period(periodName(col.period, v.lang), year) : t.adHoc(col.title);
  const note = col.due ? t.dueOn(formatShortDate(col.due)) : col.opened ? '' : t.notOpened;
  return html`<th scope="col">
    <a href="${withLang(`${base}/${col.itemId}`, v.lang)}">${name}</a>${note ? html`<small>${note}</small>` : ''}
  </th>`;
}

function rowHead(v: OfficeView, row: SubordinateRow, year: number, t: SubordinatesTexts): Html {
  const own = `/van-phong/${row.code}/${year}`;
  const plan = row.plan;
  const links =
    plan.found === true
      ? html`<small><a href="${withLang(own, v.lang)}">${t.ownPlan(year)}</a></small> ${
            plan.subordinates > 0
              ? html`<small><a href="${withLang(`${own}/cap-duoi`, v.lang)}">${t.theirSubordinates}</a></small>`
              : ''
          }`
      : html`<small>${plan.found === false ? t.noPlan(year) : t.planUnreadable}</small>`;
  return html`<th scope="row">${row.name} <small>${row.code}</small>${links}</th>`;
}

function cell(c: SubordinateCell, zone: string, t: SubordinatesTexts): Html {
  if (c.standing === 'not-asked') return html`<td class="sb-not-asked">${mark('not-asked')} ${t.notAsked}</td>`;
  const lines = [
    ...(c.arrivedAt ? [t.arrivedOn(dayOf(c.arrivedAt, zone))] : []),
    ...(c.due && !c.arrivedAt ? [t.dueOn(formatShortDate(c.due))] : []),
    ...(c.rolledUp ? [t.rolledUp] : []),
  ];
  return html`<td class="sb-${c.standing}">
    ${mark(c.standing)} <strong>${t.standings[c.standing]}</strong>${lines.map((l) => html`<small>${l}</small>`)}
  </td>`;
}

function summaryCell(col: SubordinateColumn, t: SubordinatesTexts): Html {
  const { counts } = col;
  return html`<td>
    ${t.summaryCell(counts['on-time'], counts.late, counts.missing)}
    ${counts['not-due'] ? html`<small>${t.notDueCount(counts['not-due'])}</small>` : ''}
  </td>`;
}

/** The matrix: a row per subordinate, a column per report, the counts per column at the foot. */
function matrixTable(v: OfficeView, base: string, m: SubordinatesPageModel, t: SubordinatesTexts): Html {
  const { matrix, year } = m;
  const zone = m.plan.organisation.timeZone;
  return html`<div class="table-wrap" role="region" aria-labelledby="sb-caption" tabindex="0">
    <table class="sb-t">
      <caption id="sb-caption">
        ${t.caption(m.plan.organisation.name, year)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.body}</th>
          ${matrix.columns.map((col) => columnHead(v, base, col, year, t))}
        </tr>
      </thead>
      <tbody>
        ${matrix.rows.map(
          (row) =>
            html`<tr>
              ${rowHead(v, row, year, t)}${row.cells.map((c) => cell(c, zone, t))}
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${t.summary}</th>
          ${matrix.columns.map((col) => summaryCell(col, t))}
        </tr>
      </tfoot>
    </table>
  </div>`;
}

/** Asks chosen subordinates for a report outside the schedule: a form that works without script. */
function adHocForm(v: OfficeView, base: string, m: SubordinatesPageModel, t: SubordinatesTexts): Html {
  if (m.plan.reporting?.adHocAllowed === false) return html`<p>${t.adHocNotAllowed}</p>`;
  const values = m.adHoc ?? { title: '', content: '', dueDate: '', units: [] };
  const body = (s: Plan['subordinates'][number]) =>
    html`<label
      ><input type="checkbox" name="units" value="${s.code}" ${values.units.includes(s.code) ? 'checked' : ''} />
      ${s.name} (${s.code})</label
    >`;
  return html`<form method="post" action="${withLang(`${base}/cap-duoi/dot-xuat`, v.lang)}" class="card">
    ${csrfField(v.csrf)}${attemptField(values.attempt)}
    <p class="hint">${t.adHocHint}</p>
    <fieldset class="sb-bodies">
      <legend>${t.adHocBodies}</legend>
      ${m.plan.subordinates.map(body)}
    </fieldset>
    <label for="sb-title">${t.adHocTitle}</label
    ><input type="text" id="sb-title" name="title" value="${values.title}" maxlength="200" required />
    <label for="sb-content">${t.adHocContent}</label
    ><textarea id="sb-content" name="content" required>${values.content}</textarea>
    <label for="sb-due">${t.adHocDue}</label
    ><input
      type="text"
      id="sb-due"
      name="dueDate"
      value="${values.dueDate}"
      inputmode="numeric"
      placeholder="dd/MM/yyyy"
      autocomplete="off"
      aria-describedby="sb-due-hint"
      required
    />
    <p class="hint" id="sb-due-hint">${t.adHocDueHint}</p>
    <button type="submit">${t.adHocSend}</button>
  </form>`;
}

/**
 * `/van-phong/:org/:year/cap-duoi`: the plan's subordinate bodies × its reports, each cell a state in words, sign and
 * colour, the day the report arrived and a way into the body's own plan (and its own subordinates, a level further
 * down); below, for the plan's office only, the ad hoc request to chosen subordinates.
 */
export function subordinatesPage(v: OfficeView, m: SubordinatesPageModel): Html {
  const t = subordinatesTexts(v.lang);
  const base = `/van-phong/${m.org}/${m.year}`;
  const legend = html`<h2 class="sr-only">${t.legend}</h2>
    <ul class="sb-legend">
      ${STANDINGS.map((s) => html`<li class="sb-${s}">${mark(s)} ${t.standings[s]}</li>`)}
    </ul>`;
  const content = !m.plan.subordinates.length
    ? html`<p>${t.none}</p>`
    : html`${m.matrix.columns.length ? html`${legend}${matrixTable(v, base, m, t)}` : html`<p>${t.noReports}</p>`}
      ${
        v.readOnly
          ? ''
          : html`<h2>${t.adHocHeading}</h2>
              ${adHocForm(v, base, m, t)}`
      }`;
  const body = html`<h1>${t.heading(m.year)} – ${m.plan.plan.number}: ${m.plan.plan.title}</h1>
    <p><a href="${withLang(base, v.lang)}">← ${t.backToPlan}</a></p>
    <p class="hint">${t.intro}</p>
    ${content}`;
  return officePage(v, {
    path: `${base}/cap-duoi`,
    title: `${t.link} – ${m.plan.plan.number} – ${m.org} ${m.year}`,
    org: m.plan.organisation.name,
    body,
  });
}
