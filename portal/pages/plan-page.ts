import { html } from 'hono/html';
import { formatDate } from '../../domain/format-date.js';
import type { PeriodCode, Plan } from '../../domain/plan-schema.js';
import { dutyAchieved, formAchieved, progress, targetText, type ReportedFigures } from '../../domain/targets.js';
import type { ItemStatus, OfficialState, UnitState } from '../../workflows/item-types.js';
import type { PlanStatus } from '../../workflows/plan-types.js';
import { withLang } from '../i18n.js';
import { texts, type Texts } from '../texts/index.js';
import { attemptField, csrfField, stateBadge } from './components.js';
import { dayOf } from './difficulty-parts.js';
import { difficultyTable, type AnswerDraft } from './difficulty-table.js';
import { INCIDENT_ANCHOR, openIncidentCount } from './incident-section.js';
import type { Html } from './layout.js';
import { officePage, temporalLink, type OfficeView } from './office-shell.js';
import { yearCalendarTexts } from './year-calendar-texts.js';
import { editorTexts } from '../editor/editor-texts.js';
import type { Organisation } from '../../organisations/directory-schema.js';
import { deriveSection } from './derive-section.js';
import { subordinatesTexts } from './subordinates-texts.js';

/** One column of the matrix: the plan's entry for an item, and the item's status when it has opened. */
export interface MatrixItem {
  entry: PlanStatus['items'][number];
  status?: ItemStatus;
}

/** What the ad hoc form shows: empty, or what was sent when the workflow refused it. */
export interface AdHocValues {
  title: string;
  content: string;
  dueDate: string;
  units: string[];
  /** The form's submission id, kept when the portal refuses it (`portal/form-attempt.ts`). */
  attempt?: string;
}

export interface PlanPageModel {
  status: PlanStatus;
  plan: Plan;
  items: MatrixItem[];
  adHoc?: AdHocValues;
  /** An answer to a difficulty that was refused, shown again as typed. */
  answerDraft?: AnswerDraft;
  /** The plan's year has only the calendar computed from the Labour Code: its dates may still move. */
  calendarProvisional: boolean;
  /** The archive at close failed, and `kehoach plan archive` wrote it since: when (the archive's own time). */
  archivedAgainAt?: string;
  /** The bodies directly below in the directory: the office can hand the plan down to them (derive). */
  below?: readonly Organisation[];
}

export const STATES: readonly OfficialState[] = ['done-on-time', 'done-late', 'pending-in-time', 'overdue'];

/** What became of the closed year's archive, while its workflow is still there; nothing before the year closed. */
function archiveNote(status: PlanStatus, zone: string, t: Texts['archive'], redoneAt?: string): Html | '' {
  const a = status.archive;
  if (!a) return '';
  if ('error' in a && redoneAt) return html`<p class="hint">${t.redone(dayOf(redoneAt, zone))}</p>`;
  if ('error' in a)
    return html`<div class="error" role="alert">
      ${t.failed(`${a.type}: ${a.error}`)}
      <div class="hint">${t.retryHint(`kehoach plan archive ${status.organisation} ${status.year}`)}</div>
    </div>`;
  return html`<p class="hint">${t.done(dayOf(a.at, zone))}</p>`;
}

/** Pauses or resumes the plan's reminders (a signal the plan forwards to every running item). */
function remindersForm(v: OfficeView, base: string, paused: boolean, t: Texts['plan']): Html {
  return html`<form method="post" action="${withLang(`${base}/nhac-han`, v.lang)}">
    ${csrfField(v.csrf)}<input type="hidden" name="action" value="${paused ? 'resume' : 'pause'}" />
    <button type="submit">${paused ? t.resume : t.pause}</button>
  </form>`;
}

/** What the office must act on for one item: its open incidents (to its page) and a workflow that stopped abnormally. */
function itemFlags(v: OfficeView, base: string, i: MatrixItem, t: Texts['incidents']): Html[] {
  const open = openIncidentCount(i.status?.incidents);
  const href = withLang(`${base}/${i.entry.itemId}`, v.lang);
  return [
    ...(open ? [html`<a class="flag" href="${href}#${INCIDENT_ANCHOR}">${t.openCount(open)}</a>`] : []),
    ...(i.entry.failure ? [html`<span class="flag">${t.failure(i.entry.failure)}</span>`] : []),
  ];
}

/** The items with something to act on, above the matrix (which may be wider than the screen); nothing when none. */
function flaggedList(v: OfficeView, base: string, shown: MatrixItem[], t: Texts['incidents']): Html | '' {
  const flagged = shown.flatMap((i) => {
    const flags = itemFlags(v, base, i, t);
    return flags.length ? [{ i, flags }] : [];
  });
  if (!flagged.length) return '';
  const line = ({ i, flags }: (typeof flagged)[number]) =>
    html`<li>
      <a href="${withLang(`${base}/${i.entry.itemId}`, v.lang)}">${i.entry.title}</a>:
      ${flags.map((f, n) => html`${n ? ' · ' : ''}${f}`)}
    </li>`;
  return html`<div class="card" role="alert">
    <strong>${t.planHeading}</strong>
    <ul>
      ${flagged.map(line)}
    </ul>
  </div>`;
}

/**
 * Units × items, each cell in its official colour with the unit's phase and deadline. `archived`: a year read from
 * its archive, whose items link to their section of the page (`href`) and have no workflow to open in Temporal.
 */
export function matrix(
  v: OfficeView,
  base: string,
  plan: Plan,
  shown: MatrixItem[],
  t: Texts,
  archived?: { href: (itemId: string) => string },
): Html {
  const { lang } = v;
  const href = archived?.href ?? ((itemId: string) => withLang(`${base}/${itemId}`, lang));
  const flags = (i: MatrixItem) =>
    archived
      ? i.entry.failure
        ? [html`<span class="flag">${t.incidents.failure(i.entry.failure)}</span>`]
        : []
      : itemFlags(v, base, i, t.incidents);
  const head = (i: MatrixItem) =>
    html`<th>
      <a href="${href(i.entry.itemId)}">${i.entry.title}</a>
      <div class="hint">${i.entry.itemId}${archived ? '' : html` · ${temporalLink(v, i.entry.workflowId)}`}</div>
      ${flags(i).map((f) => html`<div>${f}</div>`)}
    </th>`;
  const cell = (i: MatrixItem, unit: string) => {
    const u = i.status?.units.find((x) => x.unit === unit);
    if (!u) return html`<td></td>`;
    return html`<td class="cell s-${u.state}">
      <a href="${href(i.entry.itemId)}" title="${t.states[u.state]}"
        >${t.states[u.state]}<br /><small>${t.phases[u.phase]} · ${formatDate(u.due, lang)}</small></a
      >
    </td>`;
  };
  const row = (unit: Plan['units'][number]) =>
    html`<tr>
      <th>${unit.name}</th>
      ${shown.map((i) => cell(i, unit.code))}
    </tr>`;
  return html`<div class="table-wrap">
    <table>
      <thead>
        <tr>
          <th>${t.plan.unit}</th>
          ${shown.map(head)}
        </tr>
      </thead>
      <tbody>
        ${plan.units.map(row)}
      </tbody>
    </table>
  </div>`;
}

/** Who is overdue on what, and whom it was escalated to. */
function overdueList(v: OfficeView, base: string, plan: Plan, shown: MatrixItem[], t: Texts['plan']): Html {
  const { lang } = v;
  const overdue = shown.flatMap((i) =>
    (i.status?.units ?? []).filter((u) => u.state === 'overdue').map((u) => ({ item: i.entry, u })),
  );
  if (!overdue.length) return html`<p>${t.noOverdue}</p>`;
  const unitName = (code: string) => plan.units.find((u) => u.code === code)?.name ?? code;
  const escalated = (to: UnitState['escalation']) =>
    to === 'none' ? '' : html` · ${t.escalatedTo} ${to === 'office' ? t.escalatedOffice : t.escalatedDirector}`;
  const line = (o: (typeof overdue)[number]) =>
    html`<li>
      <strong>${unitName(o.u.unit)}</strong> –
      <a href="${withLang(`${base}/${o.item.itemId}`, lang)}">${o.item.title}</a>, ${t.due}
      ${formatDate(o.u.due, lang)}${escalated(o.u.escalation)}
    </li>`;
  return html`<div class="card">
    <ul>
      ${overdue.map(line)}
    </ul>
  </div>`;
}

/**
 * Targets against what the units reported in each opened periodic report: a row per ongoing duty and per form with
 * a target, a column per report; a cell behind its target is marked (the office sees where to push).
 */
function targetTable(plan: Plan, shown: MatrixItem[], t: Texts['plan'], lang: OfficeView['lang']): Html {
  const reports = shown.filter((i) => i.status && /^report-(M\d\d|Q\d|H\d|M9|Y)$/.test(i.entry.itemId));
  const rows = [
    ...plan.ongoingDuties
      .filter((d) => d.target)
      .map((d) => ({ name: d.title, target: d.target!, achieved: (r: ReportedFigures[]) => dutyAchieved(d, r) })),
    ...plan.forms
      .filter((f) => f.target)
      .map((f) => ({ name: f.title, target: f.target!, achieved: (r: ReportedFigures[]) => formAchieved(f.code, r) })),
  ];
  if (!rows.length || !reports.length) return html``;
  const cell = (row: (typeof rows)[number], item: MatrixItem) => {
    const code = item.entry.itemId.slice('report-'.length) as PeriodCode;
    const submitted = (item.status?.units ?? []).flatMap((u) => (u.lastSubmission ? [u.lastSubmission] : []));
    const achieved = row.achieved(submitted);
    if (achieved === undefined) return html`<td>${t.targetNotReported}</td>`;
    const p = progress(row.target, code, achieved);
    const unit = p.unit === 'percent' ? '%' : '';
    return html`<td class="${p.met ? '' : 'behind'}">
      ${achieved}${unit} / ${p.target}${unit}${p.met ? '' : html`<br /><strong>${t.targetGap(p.gap, unit)}</strong>`}
    </td>`;
  };
  return html`<h2>${t.targetsHeading}</h2>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>${t.targetName}</th>
            <th>${t.targetColumn}</th>
            ${reports.map((r) => html`<th>${r.entry.title}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr>
                <th>${row.name}</th>
                <td>${targetText(row.target, lang)}</td>
                ${reports.map((r) => cell(row, r))}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

/** Asks the chosen units for a report outside the plan's schedule. */
function adHocForm(v: OfficeView, base: string, plan: Plan, adHoc: AdHocValues, t: Texts['plan']): Html {
  const unit = (u: Plan['units'][number]) =>
    html`<label style="font-weight:normal"
      ><input type="checkbox" name="units" value="${u.code}" ${adHoc.units.includes(u.code) ? 'checked' : ''} />
      ${u.name}</label
    >`;
  return html`<form method="post" action="${withLang(`${base}/dot-xuat`, v.lang)}" class="card">
    ${csrfField(v.csrf)}${attemptField(adHoc.attempt)} <label for="adhoc-title">${t.adHocTitle}</label
    ><input type="text" id="adhoc-title" name="title" value="${adHoc.title}" maxlength="200" required />
    <label for="adhoc-content">${t.adHocContent}</label
    ><textarea id="adhoc-content" name="content" required>${adHoc.content}</textarea>
    <label for="adhoc-due">${t.adHocDue}</label
    ><input type="date" id="adhoc-due" name="dueDate" value="${adHoc.dueDate}" required />
    <fieldset>
      <legend>${t.adHocUnits}</legend>
      ${plan.units.map(unit)}
    </fieldset>
    <button type="submit">${t.adHocSend}</button>
  </form>`;
}

/** Uploads the approved calendar; says so first while the plan's year is only on the computed one. */
function calendarForm(v: OfficeView, base: string, m: PlanPageModel, t: Texts['plan']): Html {
  const provisional = m.calendarProvisional
    ? html`<blockquote role="note"><strong>${t.calendarProvisional(m.plan.plan.year)}</strong></blockquote>`
    : '';
  return html`<form
    method="post"
    enctype="multipart/form-data"
    action="${withLang(`${base}/lich`, v.lang)}"
    class="card"
  >
    ${csrfField(v.csrf)} ${provisional}
    <p class="hint">${t.calendarHint}</p>
    <label for="calendar-file">${t.calendarFile}</label>
    <input type="file" id="calendar-file" name="calendarFile" accept=".yaml,.yml,.json" required />
    <button type="submit">${t.calendarSend}</button>
  </form>`;
}

/**
 * `/van-phong/:org/:year`: the items with open incidents or a stopped workflow, units × items in the four official
 * colours (each column flagged likewise), the overdue list, the units' difficulties with their answers, an ad hoc
 * request form and the calendar upload.
 */
export function planPage(v: OfficeView, m: PlanPageModel): Html {
  const { status, plan } = m;
  const t = texts(v.lang);
  const base = `/van-phong/${status.organisation}/${status.year}`;
  const shown = m.items.filter((i) => i.entry.phase !== 'dropped');
  const adHoc = m.adHoc ?? { title: '', content: '', dueDate: '', units: [] };
  const paused = status.paused ? html` · <strong>${t.plan.remindersPaused}</strong>` : '';
  const body = html`<h1>${t.plan.heading} ${status.number}: ${status.title}</h1>
    <p class="hint">
      ${t.plan.version} ${status.planVersion}${paused} · ${temporalLink(v, status.workflowId)} ·
      <a href="${withLang(`${base}/nhat-ky`, v.lang)}">${t.audit.link}</a> ·
      <a href="${withLang(`${base}/lich-nam`, v.lang)}">${yearCalendarTexts(v.lang).link}</a>
      ${v.readOnly ? '' : html` · <a href="${withLang(`${base}/sua`, v.lang)}">${editorTexts(v.lang).openRunning}</a>`}
      ${
        (plan.subordinates ?? []).length
          ? html` · <a href="${withLang(`${base}/cap-duoi`, v.lang)}">${subordinatesTexts(v.lang).link}</a>`
          : ''
      }
    </p>
    ${archiveNote(status, plan.organisation.timeZone, t.archive, m.archivedAgainAt)}
    ${v.readOnly ? '' : remindersForm(v, base, status.paused, t.plan)} ${flaggedList(v, base, shown, t.incidents)}
    <p>${STATES.map((s) => html`${stateBadge(s, t)} `)}</p>
    ${matrix(v, base, plan, shown, t)}
    <p class="hint">${t.plan.notOpenedHint}</p>
    ${targetTable(plan, shown, t.plan, v.lang)}
    <h2>${t.plan.overdueUnits}</h2>
    ${overdueList(v, base, plan, shown, t.plan)}
    <h2 id="kien-nghi">${t.difficulties.officeHeading}</h2>
    ${difficultyTable(v, base, {
      status,
      plan,
      draft: m.answerDraft,
      ...(v.readOnly
        ? {
            readOnly: { unanswered: t.archive.unanswered, itemHref: (id: string) => withLang(`${base}/${id}`, v.lang) },
          }
        : {}),
    })}
    ${
      v.readOnly
        ? ''
        : html`<h2>${t.plan.adHocHeading}</h2>
            ${adHocForm(v, base, plan, adHoc, t.plan)}
            <h2>${t.plan.calendarHeading}</h2>
            ${calendarForm(v, base, m, t.plan)}
            ${deriveSection(v, { org: status.organisation, year: status.year, below: m.below ?? [] })}`
    }`;
  const title = `${status.number} – ${status.organisation} ${status.year}`;
  return officePage(v, { path: base, title, org: plan.organisation.name, body });
}
