/**
 * `index.html` of a plan-year's archive: what a person opening the folder or bucket reads first, Vietnamese first,
 * dates as `dd/MM/yyyy`, every file linked by its path relative to the page (so a copied folder keeps working).
 * Static: no script, no outside resource.
 */
import { DateTime } from 'luxon';
import type { OfficialState, UnitPhase } from '../workflows/item-types.js';
import type { ArchivedDocument, ArchivedItemFile, ArchivedPlanFile } from '../storage/plan-archive.js';
import { ARCHIVE_PATHS } from '../storage/plan-archive.js';

const STATE: Record<OfficialState, string> = {
  'done-on-time': 'Hoàn thành đúng hạn',
  'done-late': 'Hoàn thành quá hạn',
  'pending-in-time': 'Chưa hoàn thành, trong hạn',
  overdue: 'Quá hạn',
};

const PHASE: Record<UnitPhase, string> = {
  open: 'chưa nộp',
  submitted: 'đã nộp, chưa duyệt',
  returned: 'trả lại để bổ sung',
  accepted: 'đã duyệt',
  dropped: 'đã chuyển đơn vị khác',
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A relative link: each path segment percent-encoded (keys are ASCII, but `'` or `(` may appear in them). */
const href = (path: string): string => esc(path.split('/').map(encodeURIComponent).join('/'));

/** `dd/MM/yyyy` of an ISO instant (or `yyyy-MM-dd` date) in the plan's zone; '' when there is none. */
export function dayIn(iso: string | undefined, zone: string): string {
  if (!iso) return '';
  const dt = DateTime.fromISO(iso, { zone });
  return dt.isValid ? dt.toFormat('dd/MM/yyyy') : iso;
}

function documentLinks(docs: ArchivedDocument[]): string {
  return docs
    .map((d) =>
      d.path
        ? `<a href="${href(d.path)}">${esc(d.fileName ?? d.kind)}</a>`
        : `${esc(d.kind)}: <em>không lưu được (${esc(d.missing ?? '')})</em>`,
    )
    .join('<br>');
}

function itemRow(
  entry: ArchivedPlanFile['items'][number],
  item: ArchivedItemFile | undefined,
  docs: ArchivedDocument[],
  plan: ArchivedPlanFile,
): string {
  const zone = plan.plan.organisation.timeZone;
  const unitName = (code: string) => plan.plan.units.find((u) => u.code === code)?.name ?? code;
  const units = (item?.units ?? [])
    .filter((u) => u.outcome || u.reassignedTo)
    .map((u) => {
      const o = u.outcome;
      if (!o) return `${esc(unitName(u.unit))}: đã giao lại cho ${esc(unitName(u.reassignedTo ?? ''))}`;
      const accepted = u.state?.versions.find((v) => v.review?.decision === 'accept');
      const when = o.submittedAt ? `, nộp ${dayIn(o.submittedAt, zone)}` : '';
      const review = accepted?.review ? `, duyệt ${dayIn(accepted.review.at, zone)}` : '';
      return `${esc(unitName(u.unit))}: ${esc(STATE[o.state])} (hạn ${esc(dayIn(o.due, zone))}${esc(when)}${esc(review)}; ${esc(PHASE[o.phase])})`;
    })
    .join('<br>');
  const data = entry.path ? `<a href="${href(entry.path)}">${esc(entry.path)}</a>` : '<em>không đọc được</em>';
  return `<tr><td>${esc(entry.itemId)}</td><td>${esc(entry.title)}</td><td>${units}</td><td>${data}${
    docs.length ? `<br>${documentLinks(docs)}` : ''
  }</td></tr>`;
}

export function archiveIndexHtml(plan: ArchivedPlanFile, items: Map<string, ArchivedItemFile>): string {
  const { organisation } = plan.plan;
  const zone = organisation.timeZone;
  const p = plan.plan.plan;
  // Plan time (the day the year closed), as every other date here; real time but in a demo's fast clock.
  const archivedOn = dayIn(plan.status.now || plan.archivedAt, zone);
  const unitName = (code: string) => plan.plan.units.find((u) => u.code === code)?.name ?? code;
  const rows = plan.items
    .filter((i) => i.phase !== 'scheduled')
    .map((i) =>
      itemRow(
        i,
        items.get(i.itemId),
        plan.documents.filter((d) => d.itemId === i.itemId),
        plan,
      ),
    )
    .join('\n');
  const amendments = plan.status.amendments
    .map(
      (a) =>
        `<li>Phiên bản ${a.version}, ${esc(dayIn(a.at, zone))}, ${esc(a.by)}: ${esc(a.note)}${
          a.changes.length ? `<br><small>${a.changes.map(esc).join('; ')}</small>` : ''
        }</li>`,
    )
    .join('\n');
  const difficulties = plan.status.difficulties
    .map(
      (d) =>
        `<li>Số ${d.id}, ${esc(unitName(d.unit))}, ${esc(d.raisedBy)}, ${esc(dayIn(d.raisedAt, zone))}: ${esc(d.text)}${
          d.answer
            ? `<br>Trả lời (${esc(d.answer.by)}, ${esc(dayIn(d.answer.at, zone))}): ${esc(d.answer.text)}`
            : '<br><em>chưa trả lời</em>'
        }</li>`,
    )
    .join('\n');
  const problems = plan.problems.length
    ? `<h2>Hồ sơ còn thiếu</h2><ul>${plan.problems.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Lưu trữ kế hoạch ${esc(p.number)} – ${esc(organisation.name)} năm ${p.year}</title>
<style>body{font-family:sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3rem;vertical-align:top;text-align:left}</style>
</head>
<body>
<h1>Hồ sơ lưu trữ: Kế hoạch số ${esc(p.number)}</h1>
<p><strong>${esc(organisation.name)}</strong> (${esc(organisation.code)}) – năm ${p.year}<br>${esc(p.title)}</p>
<p>Lưu trữ ngày ${esc(archivedOn)}, khi năm kế hoạch đã đóng. Dữ liệu đầy đủ: <a href="${href(ARCHIVE_PATHS.plan)}">${ARCHIVE_PATHS.plan}</a> (kế hoạch, tình trạng, điều chỉnh, kiến nghị); mỗi nhiệm vụ, báo cáo một tệp trong <code>items/</code> (các lần nộp, duyệt, gia hạn, giao lại, e-mail đã gửi kèm Message-ID); văn bản báo cáo trong <code>reports/</code>.</p>
<h2>Nhiệm vụ, báo cáo và tình trạng của đơn vị</h2>
<table>
<thead><tr><th>Mã</th><th>Nội dung</th><th>Đơn vị: tình trạng</th><th>Hồ sơ</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Điều chỉnh kế hoạch</h2>
${amendments ? `<ul>${amendments}</ul>` : '<p>Không có điều chỉnh.</p>'}
<h2>Khó khăn, vướng mắc, kiến nghị</h2>
${difficulties ? `<ul>${difficulties}</ul>` : '<p>Không có kiến nghị.</p>'}
${problems}
<hr>
<section lang="en">
<h2>Archive of plan ${esc(p.number)}, ${esc(organisation.code)} ${p.year}</h2>
<p>Archived on ${esc(archivedOn)} (dd/MM/yyyy), when the plan-year closed. The full record is in <a href="${href(ARCHIVE_PATHS.plan)}">${ARCHIVE_PATHS.plan}</a> (plan, status, amendments, difficulties), one JSON file per item under <code>items/</code> (every submission version, review, extension, reassignment and e-mail sent with its Message-ID) and the reports' documents under <code>reports/</code>.</p>
</section>
</body>
</html>
`;
}
