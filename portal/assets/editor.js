// The plan editor's script (portal/pages/editor-page.ts). The page works without it: every button submits the form.
// With it, the form is saved and checked as one types (POST …/kiem-tra, 400 ms after the last change) and each
// problem is shown at its field; date fields get a calendar picker (cally) that writes dd/MM/yyyy.

const form = document.getElementById('editor');
if (form instanceof HTMLFormElement) enhance(form);

function enhance(form) {
  const d = form.dataset;
  const status = document.getElementById('save-status');
  /** Places the person has changed since the page loaded: their problems show at once. */
  const touched = new Set();
  let checked = d.checked === '1';
  let timer;
  let inflight;
  let submitting = false;

  const placeOf = (el) => el.closest('[data-field]')?.dataset.field;

  const schedule = (event) => {
    const place = placeOf(event.target);
    if (place) touched.add(place);
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  };
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);

  // Enter in a one-line field saves and checks here instead of submitting the form's first button.
  form.addEventListener('keydown', (event) => {
    const el = event.target;
    if (event.key !== 'Enter' || !(el instanceof HTMLInputElement) || el.type === 'checkbox') return;
    event.preventDefault();
    clearTimeout(timer);
    void check();
  });

  // A button (a row operation, "Check", the start) waits for a check under way, so the older save never lands last.
  form.addEventListener('submit', (event) => {
    clearTimeout(timer);
    if (submitting || !inflight) return;
    event.preventDefault();
    const submitter = event.submitter;
    inflight.finally(() => {
      submitting = true;
      form.requestSubmit(submitter ?? undefined);
    });
  });

  async function check() {
    timer = undefined;
    if (inflight) await inflight.catch(() => undefined);
    if (status) status.textContent = d.tChecking;
    const body = new FormData(form);
    if (checked) body.set('_checked', '1');
    inflight = fetch(d.checkUrl, {
      method: 'POST',
      body,
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const answer = await res.json();
        show(answer);
        if (status)
          status.textContent = d.tSaved.replace('{time}', new Date(answer.savedAt).toLocaleTimeString(d.locale));
      })
      .catch(() => {
        if (status) status.textContent = d.tFailed;
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  }

  /** Whether a place holds anything typed or chosen (its problems show even before "Check"). */
  function filled(el) {
    const kind = el.dataset.kind;
    if (kind === 'group' || kind === 'list' || kind === 'row') return false;
    return [...el.querySelectorAll('input, select, textarea')].some((c) =>
      c.type === 'checkbox' ? c.checked : c.value.trim() !== '',
    );
  }

  function show(answer) {
    const byField = new Map();
    for (const p of answer.problems) {
      if (!p.field) continue;
      byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
    }
    for (const el of form.querySelectorAll('[data-field]')) {
      const place = el.dataset.field;
      const slot = document.getElementById(`e-${idOf(place)}`);
      if (!slot) continue;
      const messages = byField.get(place) ?? [];
      const visible = messages.length > 0 && (checked || touched.has(place) || filled(el));
      const shown = visible ? messages : [];
      if (slot.textContent !== shown.join('')) {
        slot.replaceChildren(
          ...shown.map((m) => {
            const span = document.createElement('span');
            span.textContent = m;
            return span;
          }),
        );
      }
      for (const control of form.querySelectorAll(
        `:not(fieldset)[aria-describedby~="${slot.id}"], fieldset[aria-describedby~="${slot.id}"] input`,
      )) {
        if (visible) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
    }
    const summary = document.getElementById('tom-tat-body');
    if (summary && typeof answer.summary === 'string') summary.innerHTML = answer.summary;
  }

  enhanceDates(form, d);
  // After a row was added or moved (the page comes back to it), the cursor goes to its first field.
  // (After the browser has scrolled to the fragment, which would otherwise leave the focus on the page.)
  const target = location.hash.startsWith('#r-') ? document.getElementById(location.hash.slice(1)) : null;
  const first = target?.querySelector('input, select, textarea');
  if (first) window.addEventListener('load', () => setTimeout(() => first.focus(), 0), { once: true });
}

/** `units[2].head.email` → `units-2-head-email`, as the page names its elements (editor-fields.ts `domId`). */
function idOf(path) {
  return path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-');
}

const pad = (n) => String(n).padStart(2, '0');

/** `20/03/2026` → `2026-03-20`, or '' when the text is no date. */
function isoOf(text) {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${pad(m[2])}-${pad(m[1])}` : '';
}

/** Every date field gets a button that opens a month calendar; a day picked is written dd/MM/yyyy. */
function enhanceDates(form, d) {
  let n = 0;
  for (const input of form.querySelectorAll('input[data-kind="date"]')) {
    const label = input.labels?.[0]?.textContent?.trim() || input.getAttribute('aria-label') || '';
    const wrap = document.createElement('div');
    wrap.className = 'date-field';
    input.replaceWith(wrap);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'pick';
    button.textContent = d.tPick;
    button.setAttribute('aria-label', `${d.tPick}: ${label}`);
    const popover = document.createElement('div');
    popover.id = `picker-${n++}`;
    popover.className = 'picker';
    popover.setAttribute('popover', '');
    popover.setAttribute('role', 'dialog');
    popover.setAttribute('aria-label', `${d.tPick}: ${label}`);
    button.setAttribute('popovertarget', popover.id);
    const calendar = document.createElement('calendar-date');
    calendar.setAttribute('locale', d.locale);
    calendar.setAttribute('first-day-of-week', '1');
    for (const [slot, text] of [
      ['previous', d.tPrevious],
      ['next', d.tNext],
    ]) {
      const span = document.createElement('span');
      span.slot = slot;
      span.textContent = text;
      calendar.append(span);
    }
    calendar.append(document.createElement('calendar-month'));
    popover.append(calendar);
    wrap.append(input, button, popover);

    popover.addEventListener('toggle', (event) => {
      if (event.newState !== 'open') return;
      const iso = isoOf(input.value);
      calendar.value = iso;
      if (iso) calendar.focusedDate = iso;
      requestAnimationFrame(() => calendar.focus());
    });
    calendar.addEventListener('change', () => {
      const [y, m, day] = String(calendar.value).split('-');
      input.value = `${day}/${m}/${y}`;
      popover.hidePopover();
      input.focus();
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
}
