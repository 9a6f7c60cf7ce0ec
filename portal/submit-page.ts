import { html } from 'hono/html';
import { formatDate, formatDateTime } from '../domain/format-date.js';
import type { ItemDetail, SubmissionVersion, UnitState } from '../workflows/item-types.js';
import { CSRF_FIELD } from './csrf.js';
import { tr, withLang, type Lang } from './i18n.js';
import { page, type Html } from './layout.js';
import { phaseLabel, stateLabel } from './official-state.js';
import { LINK_ROWS, storedNameOf, type SubmissionFormValues } from './submission-form.js';
import { UPLOAD_LIMITS } from './uploads.js';

export interface SubmitPageModel {
  lang: Lang;
  token: string;
  csrf: string;
  /** The mark that binds a kept file to this link (see `formValues`). */
  keptMark: (name: string) => string;
  detail: ItemDetail;
  unit: UnitState;
  values: SubmissionFormValues;
  errors: string[];
  /** The version just received (after the redirect that follows a submission). */
  receipt?: SubmissionVersion;
}

/** An evidence item as a link: stored files through this unit's own link, web links only if http(s). */
function evidenceLink(ev: { title: string; url: string }, token: string, lang: Lang): Html {
  const stored = storedNameOf(ev.url);
  if (stored) return html`<a href="${withLang(`/nop/${token}/minh-chung/${stored}`, lang)}">${ev.title}</a>`;
  if (/^https?:\/\//i.test(ev.url))
    return html`<a href="${ev.url}" rel="noopener noreferrer" target="_blank">${ev.title}</a>`;
  return html`${ev.title} (${ev.url})`;
}

function versionBlock(v: SubmissionVersion, m: SubmitPageModel): Html {
  const { lang } = m;
  const zone = m.detail.ctx.timeZone;
  const s = v.submission;
  const review = v.review
    ? v.review.decision === 'return'
      ? html`<blockquote>
          <strong>${tr(lang, 'Văn phòng trả lại', 'Returned by the office')}</strong> (${v.review.by},
          ${formatDateTime(v.review.at, zone, lang)}):
          <div class="pre">${v.review.comment}</div>
        </blockquote>`
      : html`<p class="ok">
          ${tr(lang, 'Đã duyệt', 'Accepted')} (${v.review.by},
          ${formatDateTime(v.review.at, zone, lang)})${v.review.comment ? html`: ${v.review.comment}` : ''}
        </p>`
    : '';
  return html`<div class="card">
    <strong>${tr(lang, 'Lần nộp', 'Version')} ${v.version}</strong> · ${formatDateTime(v.at, zone, lang)} ·
    ${v.onTime ? tr(lang, 'đúng hạn', 'on time') : tr(lang, 'quá hạn', 'late')} · ${s.submittedBy}
    <dl class="meta">
      <dt>${tr(lang, 'Kết quả', 'Results')}</dt>
      <dd class="pre">${s.results}</dd>
      ${
        s.shortcomings
          ? html`<dt>${tr(lang, 'Tồn tại, hạn chế', 'Shortcomings')}</dt>
              <dd class="pre">${s.shortcomings}</dd>`
          : ''
      }
      ${
        s.nextTasks
          ? html`<dt>${tr(lang, 'Nhiệm vụ tiếp theo', 'Next tasks')}</dt>
              <dd class="pre">${s.nextTasks}</dd>`
          : ''
      }
      ${
        s.proposals
          ? html`<dt>${tr(lang, 'Đề xuất, kiến nghị', 'Proposals')}</dt>
              <dd class="pre">${s.proposals}</dd>`
          : ''
      }
      ${
        Object.keys(s.figures).length
          ? html`<dt>${tr(lang, 'Số liệu', 'Figures')}</dt>
              <dd>${Object.entries(s.figures).map(([k, n]) => html`${m.detail.ctx.forms[k] ?? k}: ${n}<br />`)}</dd>`
          : ''
      }
      ${
        s.evidence.length
          ? html`<dt>${tr(lang, 'Minh chứng', 'Evidence')}</dt>
              <dd>${s.evidence.map((e) => html`${evidenceLink(e, m.token, lang)}<br />`)}</dd>`
          : ''
      }
    </dl>
    ${review}
  </div>`;
}

function form(m: SubmitPageModel): Html {
  const { lang, values } = m;
  const forms = m.detail.item.forms;
  const links = [
    ...values.links,
    ...Array.from({ length: Math.max(0, LINK_ROWS - values.links.length) }, () => ({ title: '', url: '' })),
  ];
  return html`<form
    method="post"
    enctype="multipart/form-data"
    action="${withLang(`/nop/${m.token}`, lang)}"
    class="card"
  >
    <input type="hidden" name="${CSRF_FIELD}" value="${m.csrf}" />
    <label for="submittedBy">${tr(lang, 'Người nộp', 'Submitted by')}</label>
    <input type="text" id="submittedBy" name="submittedBy" value="${values.submittedBy}" maxlength="200" required />
    <label for="results">${tr(lang, 'Kết quả thực hiện', 'Results')} *</label>
    <textarea id="results" name="results" required>${values.results}</textarea>
    <label for="shortcomings">${tr(lang, 'Tồn tại, hạn chế và nguyên nhân', 'Shortcomings and causes')}</label>
    <textarea id="shortcomings" name="shortcomings">${values.shortcomings}</textarea>
    <label for="nextTasks">${tr(lang, 'Nhiệm vụ thời gian tới', 'Next tasks')}</label>
    <textarea id="nextTasks" name="nextTasks">${values.nextTasks}</textarea>
    <label for="proposals">${tr(lang, 'Đề xuất, kiến nghị', 'Proposals')}</label>
    <textarea id="proposals" name="proposals">${values.proposals}</textarea>
    ${forms.length ? html`<h2>${tr(lang, 'Số liệu theo hình thức tuyên truyền', 'Figures per communication form')}</h2>` : ''}
    ${forms.map(
      (f) =>
        html`<label for="figure-${f}">${m.detail.ctx.forms[f] ?? f}</label>
          <input
            type="number"
            min="0"
            step="1"
            inputmode="numeric"
            id="figure-${f}"
            name="figure.${f}"
            value="${values.figures[f] ?? ''}"
          />`,
    )}
    <h2>${tr(lang, 'Minh chứng', 'Evidence')}</h2>
    ${links.map(
      (l, i) =>
        html`<div class="row">
          <div>
            <label for="linkTitle${i}">${tr(lang, 'Tên liên kết', 'Link title')}</label>
            <input type="text" id="linkTitle${i}" name="linkTitle" value="${l.title}" maxlength="300" />
          </div>
          <div>
            <label for="linkUrl${i}">${tr(lang, 'Địa chỉ (https://…)', 'Address (https://…)')}</label>
            <input type="text" inputmode="url" id="linkUrl${i}" name="linkUrl" value="${l.url}" maxlength="2000" />
          </div>
        </div>`,
    )}
    ${values.kept.map(
      (k) =>
        html`<input type="hidden" name="kept" value="${k.name}|${m.keptMark(k.name)}|${k.original}" />
          <p class="hint">${tr(lang, 'Đã tải lên', 'Uploaded')}: ${k.original}</p>`,
    )}
    <label for="files">${tr(lang, 'Tệp minh chứng', 'Evidence files')}</label>
    <input type="file" id="files" name="files" multiple accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png" />
    <p class="hint">
      ${tr(lang, `PDF, DOCX, XLSX, JPG, PNG; tối đa ${UPLOAD_LIMITS.files} tệp, mỗi tệp không quá 5 MB.`, `PDF, DOCX, XLSX, JPG, PNG; up to ${UPLOAD_LIMITS.files} files, 5 MB each.`)}
    </p>
    <button type="submit">
      ${m.unit.versions.length ? tr(lang, 'Nộp bản mới', 'Submit a new version') : tr(lang, 'Nộp báo cáo', 'Submit report')}
    </button>
  </form>`;
}

/** The unit's page for one item: what is asked, by when, where it stands, what was sent, and the form. */
export function submitPage(m: SubmitPageModel): Html {
  const { lang, detail, unit } = m;
  const { ctx, item } = detail;
  const outcome = detail.status.units.find((u) => u.unit === unit.unit);
  const lastReturn = [...unit.versions].reverse().find((v) => v.review?.decision === 'return');
  const canSubmit = !detail.status.closed && unit.phase !== 'accepted';
  const zone = ctx.timeZone;
  const receipt = m.receipt;
  const body = html`<h1>${item.title}</h1>
    ${
      receipt
        ? html`<div class="ok" role="status">
            <strong>${tr(lang, 'Đã nhận báo cáo', 'Report received')}</strong>: ${tr(lang, 'lần nộp', 'version')}
            ${receipt.version}, ${formatDateTime(receipt.at, zone, lang)},
            ${receipt.onTime ? tr(lang, 'đúng hạn', 'on time') : tr(lang, 'quá hạn', 'late')}.
          </div>`
        : ''
    }
    ${m.errors.length ? html`<div class="error" role="alert">${m.errors.map((e) => html`<div>${e}</div>`)}</div>` : ''}
    <div class="card">
      <dl class="meta">
        <dt>${tr(lang, 'Cơ quan', 'Organisation')}</dt>
        <dd>${ctx.organisation.name}</dd>
        <dt>${tr(lang, 'Kế hoạch', 'Plan')}</dt>
        <dd>${tr(lang, 'Số', 'No.')} ${ctx.plan.number}: ${ctx.plan.title}</dd>
        <dt>${tr(lang, 'Đơn vị', 'Unit')}</dt>
        <dd>
          ${ctx.units[unit.unit]?.name ?? unit.unit}
          (${unit.role === 'lead' ? tr(lang, 'chủ trì', 'lead') : tr(lang, 'phối hợp', 'support')})
        </dd>
        <dt>${tr(lang, 'Hạn nộp', 'Deadline')}</dt>
        <dd>
          <strong>${formatDate(unit.due.date, lang)}</strong>
          <div class="hint">${lang === 'vi' ? unit.due.rule : unit.due.ruleEn}</div>
        </dd>
        <dt>${tr(lang, 'Tình trạng', 'Status')}</dt>
        <dd>
          ${outcome ? html`<span class="badge s-${outcome.state}">${stateLabel(outcome.state, lang)}</span> ` : ''}${phaseLabel(unit.phase, lang)}
        </dd>
        <dt>${tr(lang, 'Nội dung', 'Content')}</dt>
        <dd class="pre">${item.content}</dd>
      </dl>
    </div>
    ${
      unit.phase === 'returned' && lastReturn?.review
        ? html`<blockquote>
            <strong>${tr(lang, 'Ý kiến của Văn phòng', "The office's comment")}:</strong>
            <div class="pre">${lastReturn.review.comment}</div>
            ${tr(lang, 'Vui lòng bổ sung và nộp lại.', 'Please revise and submit again.')}
          </blockquote>`
        : ''
    }
    ${
      canSubmit
        ? unit.phase === 'submitted'
          ? // Awaiting review: the receipt and history matter most; a correction stays one tap away.
            html`<details class="card" ${m.errors.length ? 'open' : ''}>
              <summary>${tr(lang, 'Nộp bản cập nhật', 'Submit an updated version')}</summary>
              ${form(m)}
            </details>`
          : form(m)
        : html`<div class="card">
            ${detail.status.closed ? tr(lang, 'Nhiệm vụ đã kết thúc.', 'This item is closed.') : tr(lang, 'Báo cáo đã được duyệt.', 'The report was accepted.')}
          </div>`
    }
    ${
      unit.versions.length
        ? html`<h2>${tr(lang, 'Các lần nộp', 'Submissions')}</h2>
            ${[...unit.versions].reverse().map((v) => versionBlock(v, m))}`
        : ''
    }`;
  return page({
    lang,
    path: `/nop/${m.token}`,
    title: `${item.title} – ${ctx.organisation.name}`,
    org: ctx.organisation.name,
    body,
  });
}
