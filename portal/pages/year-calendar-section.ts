import { html } from 'hono/html';
import { formatDate } from '../../domain/format-date.js';
import type { Locale } from '../../domain/format-date.js';
import { stepLabel } from '../../domain/preview.js';
import type {
  EventMarker,
  EventTone,
  YearCalendar,
  YearCalendarDay,
  YearCalendarEvent,
  YearCalendarMonth,
} from '../../domain/year-calendar.js';
import type { Html } from './layout.js';
import { yearCalendarTexts, type YearCalendarTexts } from './year-calendar-texts.js';

/** Markers in the order of a unit's life on an item, reports' own steps last. */
const MARKERS: readonly EventMarker[] = [
  'assign',
  'request',
  'reminder',
  'due-today',
  'overdue',
  'escalate-office',
  'escalate-director',
  'cut-off',
  'office-reminder',
  'office-due',
];
/** When one day has several actions of a kind, its marker takes the most pressing state. */
const TONE_WEIGHT: readonly EventTone[] = ['overdue', 'late', 'open', 'done', 'cancelled'];

/** The marker's step in words, as the preview and the e-mails name it. */
const markerName = (m: EventMarker, lang: Locale): string =>
  m === 'assign'
    ? stepLabel('open', 'task', lang)
    : m === 'request'
      ? stepLabel('open', 'report', lang)
      : stepLabel(m, 'task', lang);

const toneClass = (tone: EventTone | undefined) => (tone ? ` t-${tone}` : '');

/** `Nhắc hạn: Tuyên truyền … – Phòng Tổ chức cán bộ (Quá hạn)`: one action in words. */
function eventLine(e: YearCalendarEvent, t: YearCalendarTexts): string {
  const unit = e.unitName ? ` – ${e.unitName}` : '';
  const state = e.tone ? ` (${t.tones[e.tone]})` : '';
  return `${e.label}: ${e.title}${unit}${state}`;
}

/** What the calendar says of a day besides its weekday: the holiday or the swap, by name. */
function dayNote(d: YearCalendarDay, t: YearCalendarTexts): string | undefined {
  if (!d.note) return d.kind === 'weekend' ? t.dayKinds.weekend : undefined;
  return d.working ? t.dayWorked(d.note) : t.dayOff(d.note);
}

/** The distinct markers of a day, each in its most pressing state. */
function dayMarkers(d: YearCalendarDay, t: YearCalendarTexts): Html {
  const shown = MARKERS.flatMap((m) => {
    const of = d.events.filter((e) => e.marker === m);
    if (!of.length) return [];
    const tone = TONE_WEIGHT.find((w) => of.some((e) => e.tone === w));
    return [html`<span class="yc-mk${toneClass(tone)}">${t.markers[m]}</span>`];
  });
  return html`<span class="yc-ms" aria-hidden="true">${shown.map((s, i) => html`${i ? ' ' : ''}${s}`)}</span>`;
}

/** One action with its rule, in the day's disclosure and in the list. */
function eventItem(e: YearCalendarEvent, t: YearCalendarTexts, withDate: boolean, lang: Locale): Html {
  const date = withDate ? html`<time datetime="${e.date}">${formatDate(e.date, lang)}</time> · ` : '';
  const provisional = e.provisional ? html` <em>(${t.provisional})</em>` : '';
  return html`<li>
    ${date}<span class="yc-mk${toneClass(e.tone)}" aria-hidden="true">${t.markers[e.marker]}</span>
    ${eventLine(e, t)}${provisional}
    <span class="yc-rule">${t.rule}: ${e.rule}</span>
  </li>`;
}

/** A day cell: its number, a word for a day off or a swapped working day, its markers; a disclosure when it has any. */
function dayCell(d: YearCalendarDay | null, t: YearCalendarTexts, lang: Locale): Html {
  if (!d) return html`<td class="yc-empty"></td>`;
  const note = dayNote(d, t);
  const tag = d.kind === 'holiday' || d.kind === 'working-saturday' ? t.dayTags[d.kind] : undefined;
  const spoken = [
    formatDate(d.date, lang),
    ...(d.isToday ? [t.today] : []),
    ...(note ? [note] : []),
    ...(d.kind === 'outside' ? [t.outsideYear] : []),
    d.events.length ? `${t.events(d.events.length)}: ${d.events.map((e) => eventLine(e, t)).join('; ')}` : t.noEvents,
  ].join(', ');
  const title = [...(note ? [note] : []), ...d.events.map((e) => `${eventLine(e, t)}. ${t.rule}: ${e.rule}`)].join(
    '\n',
  );
  const classes = `yc-d k-${d.kind}${d.isToday ? ' yc-today' : ''}${d.isPast ? ' yc-past' : ''}`;
  const face = html`<span class="yc-n" aria-hidden="true">${d.day}</span>${
      tag ? html`<span class="yc-tag" aria-hidden="true">${tag}</span>` : ''
    }`;
  // Attributes only where they say something: an empty `title` or `aria-current` would be read as a value.
  const attrs = html`${title ? html` title="${title}"` : ''}${d.isToday ? html` aria-current="date"` : ''}`;
  if (!d.events.length) return html`<td class="${classes}" ${attrs}>${face}<span class="sr-only">${spoken}</span></td>`;
  return html`<td class="${classes}" ${attrs}>
    <details>
      <summary>${face}${dayMarkers(d, t)}<span class="sr-only">${spoken}</span></summary>
      <div class="yc-pop">
        <strong>${formatDate(d.date, lang)}</strong>${note ? html` · ${note}` : ''}
        <ul>
          ${d.events.map((e) => eventItem(e, t, false, lang))}
        </ul>
      </div>
    </details>
  </td>`;
}

function monthCaption(m: YearCalendarMonth, t: YearCalendarTexts): string {
  return `${t.month(m.month, m.year)}${m.inPlanYear ? '' : ` (${t.outsideYear})`}`;
}

/** A month as a table: weekday headings, Monday first, one row per week. */
function monthTable(m: YearCalendarMonth, t: YearCalendarTexts, lang: Locale): Html {
  return html`<div class="yc-month">
    <table class="yc-t">
      <caption>
        ${monthCaption(m, t)}
      </caption>
      <thead>
        <tr>
          ${t.weekdays.map((w, i) => html`<th scope="col"><abbr title="${t.weekdayNames[i]}">${w}</abbr></th>`)}
        </tr>
      </thead>
      <tbody>
        ${m.weeks.map(
          (week) =>
            html`<tr>
              ${week.map((d) => dayCell(d, t, lang))}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** What the markers, the day colours and the state colours mean, in words. */
function legend(t: YearCalendarTexts, lang: Locale): Html {
  const swatch = (cls: string, text: string, label: string) =>
    html`<li><span class="yc-sw ${cls}" aria-hidden="true">${text}</span> ${label}</li>`;
  return html`<div class="yc-legend card">
    <h2>${t.legendHeading}</h2>
    <h3>${t.legendMarkers}</h3>
    <ul>
      ${MARKERS.map(
        (m) => html`<li><span class="yc-mk" aria-hidden="true">${t.markers[m]}</span> ${markerName(m, lang)}</li>`,
      )}
    </ul>
    <h3>${t.legendDays}</h3>
    <ul>
      ${swatch('k-working', '1', t.dayKinds.working)} ${swatch('k-weekend', '7', t.dayKinds.weekend)}
      ${swatch('k-holiday', t.dayTags.holiday, t.dayKinds.holiday)}
      ${swatch('k-working-saturday', t.dayTags['working-saturday'], t.dayKinds['working-saturday'])}
      ${swatch('yc-today', '3', t.legendToday)}
    </ul>
    <h3>${t.legendTones}</h3>
    <ul>
      ${TONE_WEIGHT.map((tone) => html`<li><span class="yc-mk t-${tone}" aria-hidden="true">GV</span> ${t.tones[tone]}</li>`)}
    </ul>
  </div>`;
}

/** Every action again as a list, month by month: what a screen reader or a phone reads best. */
function eventList(cal: YearCalendar, t: YearCalendarTexts, lang: Locale): Html {
  const months = cal.months.flatMap((m) => {
    const prefix = `${m.year}-${String(m.month).padStart(2, '0')}-`;
    const events = cal.events.filter((e) => e.date.startsWith(prefix));
    return events.length ? [{ m, events }] : [];
  });
  return html`<h2 id="yc-danh-sach">${t.listHeading}</h2>
    ${
      months.length
        ? months.map(
            ({ m, events }) =>
              html`<h3>${monthCaption(m, t)}</h3>
                <ul class="yc-list">
                  ${events.map((e) => eventItem(e, t, true, lang))}
                </ul>`,
          )
        : html`<p>${t.listEmpty}</p>`
    }`;
}

/**
 * The year at a glance: the calendar's sources, a legend, one table per month (a text marker per kind of action on
 * each day, the full date and its actions for screen readers, each action's rule on hover and in a disclosure for
 * touch), the ongoing duties (no date), then "Danh sách các mốc": every action by month with its date and rule.
 * Works without script: the disclosures are `<details>`.
 */
export function yearCalendarSection(cal: YearCalendar, lang: Locale): Html {
  const t = yearCalendarTexts(lang);
  const ongoing = cal.ongoingDuties.length
    ? html`<h2>${t.ongoingHeading}</h2>
        <p class="hint">${t.ongoingHint}</p>
        <ul>
          ${cal.ongoingDuties.map((d) => html`<li>${d.number}. ${d.title} (${d.units.join(', ')})</li>`)}
        </ul>`
    : '';
  // Said where it shows, not only in the sources: some dates may still move.
  const provisional = [...new Set(cal.events.filter((e) => e.provisional).map((e) => e.date.slice(0, 4)))].join(', ');
  return html`<section class="yc" aria-label="${t.heading(cal.year)}">
    <p class="hint">${t.intro}</p>
    ${provisional ? html`<blockquote role="note">${t.provisionalYears(provisional)}</blockquote>` : ''}
    <details class="hint">
      <summary>${t.calendarHeading}</summary>
      <ul>
        ${cal.calendarYears.map((y) => html`<li>${t.calendarYear(y.year, y.source, y.provisional)}</li>`)}
      </ul>
    </details>
    ${legend(t, lang)}
    <div class="yc-months">${cal.months.map((m) => monthTable(m, t, lang))}</div>
    ${ongoing} ${eventList(cal, t, lang)}
  </section>`;
}
