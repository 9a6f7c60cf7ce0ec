/**
 * What an item shows in the Temporal UI, in the office's words: the label of each e-mail activity, the summary of
 * the timer it waits on, and the "Current details" table of who has and has not submitted.
 */
import { DateTime } from 'luxon';
import type { EmailRequest } from './email-request.js';
import { unitSteps } from '../domain/schedule.js';
import type { ItemState, ItemStatus, ItemWorkflowInput, OfficialState, UnitOutcome } from './item-types.js';

const KIND_LABEL: Record<EmailRequest['kind'], string> = {
  assignment: 'Giao nhiệm vụ',
  reminder: 'Nhắc hạn',
  'due-today': 'Đến hạn hôm nay',
  overdue: 'Quá hạn',
  'escalation-office': 'Báo Văn phòng',
  'escalation-director': 'Báo Giám đốc',
  'report-request': 'Đề nghị báo cáo',
  receipt: 'Xác nhận đã nhận',
  returned: 'Trả lại để bổ sung',
  accepted: 'Báo kết quả đã duyệt',
  extended: 'Gia hạn',
  'report-delivered': 'Gửi báo cáo tổng hợp',
  'catch-up': 'Thông báo bù',
  'office-reminder': 'Nhắc Văn phòng tổng hợp',
  incident: 'Báo sự cố cho Văn phòng',
  'report-accepted': 'Báo Giám đốc đã duyệt báo cáo',
  'report-returned': 'Báo Giám đốc trả lại báo cáo',
};

/** `Nhắc hạn – Phòng Kế hoạch tài chính`: the label on the activity in the Temporal UI timeline. */
export function emailSummary(email: EmailRequest): string {
  return `${KIND_LABEL[email.kind]} – ${email.unit.name}`.slice(0, 200);
}

/** `Chờ đến 08:00 05/03/2026: Nhắc hạn …`: the summary of the timer the item waits on. */
export function waitSummary(input: ItemWorkflowInput, state: ItemState, nextMs: number): string {
  const when = DateTime.fromMillis(nextMs, { zone: input.ctx.timeZone }).toFormat('HH:mm dd/MM/yyyy');
  const step = state.units
    .flatMap((u) =>
      unitSteps(input.item, u.due, input.calendar)
        .filter((s) => Date.parse(s.at) === nextMs)
        .map((s) => s.rule),
    )
    .at(0);
  return `Chờ đến ${when}${step ? `: ${step}` : ''}`.slice(0, 200);
}

const STATE_LABEL: Record<OfficialState, string> = {
  'done-on-time': '🟢 Hoàn thành đúng hạn',
  'done-late': '🟠 Hoàn thành quá hạn',
  'pending-in-time': '🔵 Chưa hoàn thành, trong hạn',
  overdue: '🔴 Quá hạn',
};

const PHASE_LABEL: Record<UnitOutcome['phase'], string> = {
  open: 'chưa nộp',
  submitted: 'đã nộp, chờ duyệt',
  returned: 'trả lại để bổ sung',
  accepted: 'đã duyệt',
  dropped: 'đã bỏ',
};

/** The "Current details" panel of the Temporal UI: who has and has not submitted. */
export function statusMarkdown(status: ItemStatus, unitNames: Record<string, { name: string }>): string {
  const rows = status.units.map((u) => {
    const name = unitNames[u.unit]?.name ?? u.unit;
    const esc = u.escalation === 'none' ? '' : u.escalation === 'office' ? 'Văn phòng' : 'Giám đốc';
    const [y, m, d] = u.due.split('-');
    return `| ${name} | ${d}/${m}/${y} | ${STATE_LABEL[u.state]} | ${PHASE_LABEL[u.phase]} (${u.versions} lần nộp) | ${esc} |`;
  });
  const head = `**${status.title}**${status.paused ? ' — ⏸ tạm dừng nhắc' : ''}${status.closed ? ' — đã đóng' : ''}`;
  // Open incidents first: what an administrator must see without opening anything else.
  const incidents = (status.incidents ?? [])
    .filter((i) => !i.retried)
    .map(
      (i) =>
        `- ⚠ Sự cố ${i.id} (${i.step.kind === 'email' ? `e-mail ${i.step.emailKey}` : i.step.kind === 'report' ? 'tổng hợp báo cáo' : 'gửi báo cáo lên cấp trên'}): ${i.type}: ${i.error}`,
    );
  return [
    head,
    ...(incidents.length ? ['', ...incidents, 'Văn phòng thử lại trên cổng khi đã khắc phục nguyên nhân.'] : []),
    '',
    '| Đơn vị | Hạn | Tình trạng | Hồ sơ | Đã báo cáo lên |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
