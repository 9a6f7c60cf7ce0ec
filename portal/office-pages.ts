import { html } from 'hono/html';
import { formatDate, formatDateTime } from '../domain/format-date.js';
import type { Plan } from '../domain/plan-schema.js';
import type { ItemDetail, ItemStatus } from '../workflows/item-types.js';
import type { PlanStatus } from '../workflows/plan-types.js';
import { CSRF_FIELD } from './csrf.js';
import { tr, withLang, type Lang } from './i18n.js';
import { page, type Html } from './layout.js';
import { phaseLabel, stateLabel } from './official-state.js';
import type { PlanProblem } from '../domain/plan-file.js';
import { storedNameOf } from './submission-form.js';

export interface OfficeView {
  lang: Lang;
  user: string;
  csrf: string;
  temporalUi: string;
  namespace: string;
  notice?: string;
  errors?: string[];
}

function shell(v: OfficeView, path: string, title: string, body: Html, org?: string): Html {
  const nav = html`<a href="${withLang('/van-phong', v.lang)}">${tr(v.lang, 'Các kế hoạch', 'Plans')}</a>
    <form method="post" action="${withLang('/dang-xuat', v.lang)}" style="margin:0">
      <input type="hidden" name="${CSRF_FIELD}" value="${v.csrf}" />
      <button type="submit" class="secondary" style="margin:0;padding:.2rem .6rem">
        ${v.user} · ${tr(v.lang, 'Đăng xuất', 'Log out')}
      </button>
    </form>`;
  const messages = html`${v.notice ? html`<div class="ok" role="status">${v.notice}</div>` : ''}${v.errors?.length ? html`<div class="error" role="alert">${v.errors.map((e) => html`<div>${e}</div>`)}</div>` : ''}`;
  return page({
    lang: v.lang,
    path,
    title,
    org: org ?? tr(v.lang, 'Văn phòng – Kế hoạch tuyên truyền', 'Office – communication plans'),
    nav,
    body: html`${messages}${body}`,
  });
}

const csrfField = (v: OfficeView) => html`<input type="hidden" name="${CSRF_FIELD}" value="${v.csrf}" />`;

/** `/van-phong`: the plans, and the form that starts a new one from its plan file. */
export function dashboardPage(
  v: OfficeView,
  plans: PlanStatus[],
  searchFailed: boolean,
  problems: PlanProblem[] = [],
  planText = '',
): Html {
  const { lang } = v;
  const body = html`<h1>${tr(lang, 'Các kế hoạch', 'Plans')}</h1>
    <div class="card">
      ${
        plans.length
          ? html`<ul>
              ${plans.map((p) => html`<li><a href="${withLang(`/van-phong/${p.organisation}/${p.year}`, lang)}">${p.organisation} ${p.year}</a> – ${tr(lang, 'Số', 'No.')} ${p.number}: ${p.title}</li>`)}
            </ul>`
          : html`<p>${tr(lang, 'Chưa có kế hoạch nào.', 'No plans yet.')}</p>`
      }
      ${searchFailed ? html`<p class="hint">${tr(lang, 'Máy chủ Temporal không hỗ trợ tìm kiếm; chỉ hiện các kế hoạch đã biết. Mở kế hoạch khác theo mã cơ quan và năm:', 'The Temporal server cannot search; only known plans are listed. Open another plan by organisation code and year:')}</p>` : ''}
      <form method="get" action="/van-phong/mo" class="row">
        ${lang === 'en' ? html`<input type="hidden" name="lang" value="en" />` : ''}
        <div>
          <label for="org">${tr(lang, 'Mã cơ quan', 'Organisation code')}</label
          ><input type="text" id="org" name="org" pattern="[A-Z0-9][A-Z0-9-]*" required />
        </div>
        <div>
          <label for="year">${tr(lang, 'Năm', 'Year')}</label
          ><input type="number" id="year" name="year" min="2000" max="2100" required />
        </div>
        <div><button type="submit" class="secondary">${tr(lang, 'Mở', 'Open')}</button></div>
      </form>
    </div>
    <h2>${tr(lang, 'Khởi động kế hoạch mới', 'Start a new plan')}</h2>
    ${
      problems.length
        ? html`<div class="error" role="alert">
            <strong
              >${tr(lang, 'Tệp kế hoạch chưa hợp lệ; chưa khởi động gì.', 'The plan file is not valid; nothing was started.')}</strong
            >
            <ul>
              ${problems.map((p) => html`<li><code>${p.file}:${p.line}:${p.column}</code> <code>${p.path || '-'}</code> ${p.message}</li>`)}
            </ul>
          </div>`
        : ''
    }
    <form method="post" enctype="multipart/form-data" action="${withLang('/van-phong/ke-hoach', lang)}" class="card">
      ${csrfField(v)}
      <label for="planFile">${tr(lang, 'Tệp kế hoạch (YAML hoặc JSON)', 'Plan file (YAML or JSON)')}</label>
      <input type="file" id="planFile" name="planFile" accept=".yaml,.yml,.json" />
      <label for="planText">${tr(lang, 'hoặc dán nội dung', 'or paste its text')}</label>
      <textarea id="planText" name="planText" style="font-family:monospace">${planText}</textarea>
      <label for="amendNote"
        >${tr(lang, 'Ghi chú điều chỉnh (khi kế hoạch đã chạy: lý do điều chỉnh)', 'Amendment note (for a running plan: why it changes)')}</label
      ><input type="text" id="amendNote" name="amendNote" maxlength="500" />
      <button type="submit">
        ${tr(lang, 'Kiểm tra và khởi động hoặc điều chỉnh', 'Validate, then start or amend')}
      </button>
    </form>`;
  return shell(v, '/van-phong', tr(lang, 'Văn phòng', 'Office'), body);
}

export interface MatrixItem {
  entry: PlanStatus['items'][number];
  status?: ItemStatus;
}

function temporalLink(v: OfficeView, workflowId: string): Html {
  return html`<a
    href="${`${v.temporalUi.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(v.namespace)}/workflows/${encodeURIComponent(workflowId)}`}"
    target="_blank"
    rel="noopener noreferrer"
    >Temporal</a
  >`;
}

/** `/van-phong/:org/:year`: units × items in the four official colours, the overdue list, and an ad hoc request form. */
export function matrixPage(
  v: OfficeView,
  status: PlanStatus,
  plan: Plan,
  items: MatrixItem[],
  adHoc: { title: string; content: string; dueDate: string; units: string[] } = {
    title: '',
    content: '',
    dueDate: '',
    units: [],
  },
): Html {
  const { lang } = v;
  const base = `/van-phong/${status.organisation}/${status.year}`;
  const shown = items.filter((i) => i.entry.phase !== 'dropped');
  const overdue = shown.flatMap((i) =>
    (i.status?.units ?? []).filter((u) => u.state === 'overdue').map((u) => ({ item: i, u })),
  );
  const unitName = (code: string) => plan.units.find((u) => u.code === code)?.name ?? code;
  const body = html`<h1>${tr(lang, 'Kế hoạch', 'Plan')} ${status.number}: ${status.title}</h1>
    <p class="hint">
      ${tr(lang, 'Phiên bản', 'Version')}
      ${status.planVersion}${status.paused ? html` · <strong>${tr(lang, 'đang tạm dừng nhắc hạn', 'reminders paused')}</strong>` : ''}
      · ${temporalLink(v, status.workflowId)}
    </p>
    <form method="post" action="${withLang(`${base}/nhac-han`, lang)}">
      ${csrfField(v)}<input type="hidden" name="action" value="${status.paused ? 'resume' : 'pause'}" />
      <button type="submit">
        ${status.paused ? tr(lang, 'Tiếp tục nhắc hạn', 'Resume reminders') : tr(lang, 'Tạm dừng nhắc hạn', 'Pause reminders')}
      </button>
    </form>
    <p>
      ${(['done-on-time', 'done-late', 'pending-in-time', 'overdue'] as const).map((s) => html`<span class="badge s-${s}">${stateLabel(s, lang)}</span> `)}
    </p>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>${tr(lang, 'Đơn vị', 'Unit')}</th>
            ${shown.map(
              (i) =>
                html`<th>
                  <a href="${withLang(`${base}/${i.entry.itemId}`, lang)}">${i.entry.title}</a>
                  <div class="hint">${i.entry.itemId} · ${temporalLink(v, i.entry.workflowId)}</div>
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${plan.units.map(
            (unit) =>
              html`<tr>
                <th>${unit.name}</th>
                ${shown.map((i) => {
                  const u = i.status?.units.find((x) => x.unit === unit.code);
                  if (!u) return html`<td></td>`;
                  return html`<td class="cell s-${u.state}">
                    <a href="${withLang(`${base}/${i.entry.itemId}`, lang)}" title="${stateLabel(u.state, lang)}"
                      >${stateLabel(u.state, lang)}<br /><small
                        >${phaseLabel(u.phase, lang)} · ${formatDate(u.due, lang)}</small
                      ></a
                    >
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p class="hint">
      ${tr(lang, 'Cột chưa có màu: nhiệm vụ chưa đến ngày mở.', 'Columns without colour: items not opened yet.')}
    </p>
    <h2>${tr(lang, 'Đơn vị quá hạn', 'Overdue units')}</h2>
    ${
      overdue.length
        ? html`<div class="card">
            <ul>
              ${overdue.map((o) => html`<li><strong>${unitName(o.u.unit)}</strong> – <a href="${withLang(`${base}/${o.item.entry.itemId}`, lang)}">${o.item.entry.title}</a>, ${tr(lang, 'hạn', 'due')} ${formatDate(o.u.due, lang)}${o.u.escalation !== 'none' ? html` · ${tr(lang, 'đã báo', 'escalated to')} ${o.u.escalation === 'office' ? tr(lang, 'Văn phòng', 'the office') : tr(lang, 'Lãnh đạo', 'the director')}` : ''}</li>`)}
            </ul>
          </div>`
        : html`<p>${tr(lang, 'Không có đơn vị quá hạn.', 'No unit is overdue.')}</p>`
    }
    <h2>${tr(lang, 'Yêu cầu báo cáo đột xuất', 'Request an ad hoc report')}</h2>
    <form method="post" action="${withLang(`${base}/dot-xuat`, lang)}" class="card">
      ${csrfField(v)} <label for="adhoc-title">${tr(lang, 'Tiêu đề', 'Title')}</label
      ><input type="text" id="adhoc-title" name="title" value="${adHoc.title}" maxlength="200" required />
      <label for="adhoc-content">${tr(lang, 'Nội dung yêu cầu', 'What is asked')}</label
      ><textarea id="adhoc-content" name="content" required>${adHoc.content}</textarea>
      <label for="adhoc-due">${tr(lang, 'Hạn nộp', 'Due date')}</label
      ><input type="date" id="adhoc-due" name="dueDate" value="${adHoc.dueDate}" required />
      <fieldset>
        <legend>${tr(lang, 'Đơn vị', 'Units')}</legend>
        ${plan.units.map((u) => html`<label style="font-weight:normal"><input type="checkbox" name="units" value="${u.code}" ${adHoc.units.includes(u.code) ? 'checked' : ''} /> ${u.name}</label>`)}
      </fieldset>
      <button type="submit">${tr(lang, 'Gửi yêu cầu', 'Send the request')}</button>
    </form>`;
  return shell(v, base, `${status.number} – ${status.organisation} ${status.year}`, body, plan.organisation.name);
}

/** `/van-phong/:org/:year/:item`: every unit's submissions with review and extension forms, and the report files. */
export function itemPage(
  v: OfficeView,
  ref: { org: string; year: number },
  detail: ItemDetail,
  workflowId: string,
): Html {
  const { lang } = v;
  const { ctx, item } = detail;
  const zone = ctx.timeZone;
  const base = `/van-phong/${ref.org}/${ref.year}/${item.itemId}`;
  const units = detail.units.map((unit) => {
    const outcome = detail.status.units.find((u) => u.unit === unit.unit);
    const last = unit.versions[unit.versions.length - 1];
    return html`<div class="card">
      <h2 style="margin-top:0">
        ${ctx.units[unit.unit]?.name ?? unit.unit}
        ${outcome ? html`<span class="badge s-${outcome.state}">${stateLabel(outcome.state, lang)}</span>` : ''}
      </h2>
      <p>
        ${phaseLabel(unit.phase, lang)} · ${tr(lang, 'hạn', 'due')}
        ${formatDate(unit.due.date, lang)}${unit.extensions.map((e) => html` · ${tr(lang, 'gia hạn', 'extended')} ${formatDate(e.from, lang)} → ${formatDate(e.to, lang)} (${e.reason})`)}
      </p>
      ${[...unit.versions].reverse().map(
        (ver) =>
          html`<details ${ver === last ? 'open' : ''}>
            <summary>
              ${tr(lang, 'Lần nộp', 'Version')} ${ver.version} · ${formatDateTime(ver.at, zone, lang)} ·
              ${ver.onTime ? tr(lang, 'đúng hạn', 'on time') : tr(lang, 'quá hạn', 'late')} ·
              ${ver.submission.submittedBy}
            </summary>
            <dl class="meta">
              <dt>${tr(lang, 'Kết quả', 'Results')}</dt>
              <dd class="pre">${ver.submission.results}</dd>
              ${
                ver.submission.shortcomings
                  ? html`<dt>${tr(lang, 'Tồn tại, hạn chế', 'Shortcomings')}</dt>
                      <dd class="pre">${ver.submission.shortcomings}</dd>`
                  : ''
              }
              ${
                ver.submission.nextTasks
                  ? html`<dt>${tr(lang, 'Nhiệm vụ tiếp theo', 'Next tasks')}</dt>
                      <dd class="pre">${ver.submission.nextTasks}</dd>`
                  : ''
              }
              ${
                ver.submission.proposals
                  ? html`<dt>${tr(lang, 'Đề xuất', 'Proposals')}</dt>
                      <dd class="pre">${ver.submission.proposals}</dd>`
                  : ''
              }
              ${
                Object.keys(ver.submission.figures).length
                  ? html`<dt>${tr(lang, 'Số liệu', 'Figures')}</dt>
                      <dd>
                        ${Object.entries(ver.submission.figures).map(([k, n]) => html`${ctx.forms[k] ?? k}: ${n}<br />`)}
                      </dd>`
                  : ''
              }
              ${
                ver.submission.evidence.length
                  ? html`<dt>${tr(lang, 'Minh chứng', 'Evidence')}</dt>
                      <dd>
                        ${ver.submission.evidence.map((e) => {
                          const stored = storedNameOf(e.url);
                          if (stored) return html`<a href="/minh-chung/${stored}">${e.title}</a><br />`;
                          return /^https?:\/\//i.test(e.url)
                            ? html`<a href="${e.url}" target="_blank" rel="noopener noreferrer">${e.title}</a><br />`
                            : html`${e.title}<br />`;
                        })}
                      </dd>`
                  : ''
              }
            </dl>
            ${ver.review ? html`<blockquote>${ver.review.decision === 'accept' ? tr(lang, 'Đã duyệt', 'Accepted') : tr(lang, 'Đã trả lại', 'Returned')} – ${ver.review.by}, ${formatDateTime(ver.review.at, zone, lang)}${ver.review.comment ? html`<div class="pre">${ver.review.comment}</div>` : ''}</blockquote>` : ''}
          </details>`,
      )}
      ${
        unit.phase === 'submitted'
          ? html`<form method="post" action="${withLang(`${base}/duyet`, lang)}">
              ${csrfField(v)}<input type="hidden" name="unit" value="${unit.unit}" />
              <label for="comment-${unit.unit}"
                >${tr(lang, 'Ý kiến (bắt buộc khi trả lại)', 'Comment (required to return)')}</label
              ><textarea id="comment-${unit.unit}" name="comment"></textarea>
              <button type="submit" name="decision" value="accept">${tr(lang, 'Duyệt', 'Accept')}</button>
              <button type="submit" name="decision" value="return" class="secondary">
                ${tr(lang, 'Trả lại', 'Return')}
              </button>
            </form>`
          : ''
      }
      ${
        unit.phase !== 'accepted' && !detail.status.closed
          ? html`<details>
              <summary>${tr(lang, 'Gia hạn', 'Extend the deadline')}</summary>
              <form method="post" action="${withLang(`${base}/gia-han`, lang)}">
                ${csrfField(v)}<input type="hidden" name="unit" value="${unit.unit}" />
                <label for="date-${unit.unit}">${tr(lang, 'Hạn mới', 'New deadline')}</label
                ><input type="date" id="date-${unit.unit}" name="newDate" required />
                <label for="reason-${unit.unit}">${tr(lang, 'Lý do', 'Reason')}</label
                ><input type="text" id="reason-${unit.unit}" name="reason" required maxlength="500" />
                <button type="submit" class="secondary">${tr(lang, 'Gia hạn', 'Extend')}</button>
              </form>
            </details>`
          : ''
      }
    </div>`;
  });
  const report = detail.status.report;
  const body = html`<p><a href="${withLang(`/van-phong/${ref.org}/${ref.year}`, lang)}">← ${ctx.plan.number}</a></p>
    <h1>${item.title}</h1>
    <div class="card">
      <dl class="meta">
        <dt>${tr(lang, 'Nội dung', 'Content')}</dt>
        <dd class="pre">${item.content}</dd>
        <dt>${tr(lang, 'Mở', 'Opens')}</dt>
        <dd>${formatDateTime(item.opens.at, zone, lang)}</dd>
        <dt>Temporal</dt>
        <dd>${temporalLink(v, workflowId)}</dd>
        ${
          report
            ? html`<dt>${tr(lang, 'Báo cáo', 'Report')} ${report.number}</dt>
                <dd>
                  ${Object.entries(report.files).map(([kind, path]) => html`<a href="${withLang(`/van-phong/bao-cao?f=${encodeURIComponent(path)}`, lang)}">${kind}</a> `)}
                </dd>`
            : ''
        }
      </dl>
    </div>
    ${units}`;
  return shell(v, base, `${item.title} – ${ctx.organisation.name}`, body, ctx.organisation.name);
}
