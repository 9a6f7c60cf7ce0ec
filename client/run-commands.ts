/** The CLI's commands against a running plan: each takes a connected client and returns text for a person. */
import { readFile } from 'node:fs/promises';
import type { Client } from '@temporalio/client';
import { formatDate } from '../domain/format-date.js';
import { planWorkflowId } from '../domain/ids.js';
import { loadPlan } from '../domain/plan-file.js';
import type { ClockRequest } from '../domain/plan-clock.js';
import type { SubmissionInput } from '../domain/submission.js';
import type { IncidentSummary, RetryInput } from '../workflows/incidents.js';
import type { ItemStatus, OfficialState } from '../workflows/item-types.js';
import {
  amendPlan,
  cancelPlan,
  extendDeadline,
  pauseReminders,
  reassignItem,
  resumeReminders,
  getItemStatus,
  getPlanStatus,
  requestAdHocReport,
  retryIncident,
  reviewSubmission,
  startOrAmendPlan,
  submitReport,
  type PlanRef,
} from './plan-client.js';

const STATE_VI: Record<OfficialState, string> = {
  'done-on-time': 'hoàn thành đúng hạn',
  'done-late': 'hoàn thành quá hạn',
  'pending-in-time': 'chưa hoàn thành, trong hạn',
  overdue: 'QUÁ HẠN',
};

export async function startCommand(
  client: Client,
  file: string,
  taskQueue: string,
  clock?: ClockRequest,
): Promise<string> {
  const plan = loadPlan(await readFile(file, 'utf8'), file);
  const outcome = await startOrAmendPlan(client, plan, { taskQueue, clock });
  const said = outcome === 'started' ? 'đã bắt đầu / started' : 'đang chạy, không tạo bản sao / already running';
  return `${planWorkflowId(plan.organisation.code, plan.plan.year)}: ${said}`;
}

/** An incident as a status line: `⚠ sự cố 1 (tổng hợp báo cáo): Error: ENOTDIR …`, or who retried it and when. */
function incidentLine(i: IncidentSummary): string {
  const step =
    i.step.kind === 'report'
      ? 'tổng hợp báo cáo'
      : i.step.kind === 'roll-up'
        ? 'gửi báo cáo lên cấp trên'
        : `gửi e-mail ${i.step.emailKind}${i.unit ? ` cho ${i.unit}` : ''}`;
  const said = `sự cố ${i.id} (${step}) lúc ${i.at}: ${i.type}: ${i.error.replace(/\s+/g, ' ')}`;
  return i.retried ? `đã thử lại / retried: ${said} — ${i.retried.by}, ${i.retried.at}` : `⚠ ${said}`;
}

const openOf = (status: ItemStatus | undefined) => (status?.incidents ?? []).filter((i) => !i.retried);

export async function statusCommand(client: Client, ref: PlanRef, itemId?: string): Promise<string> {
  if (itemId) {
    const item = await getItemStatus(client, ref, itemId);
    const rows = item.units.map(
      (u) =>
        `  ${u.unit.padEnd(10)} hạn ${formatDate(u.due, 'vi').padEnd(22)} ${STATE_VI[u.state].padEnd(28)} ${u.phase} (${u.versions} lần nộp)${u.escalation !== 'none' ? `, đã báo ${u.escalation}` : ''}`,
    );
    const incidents = (item.incidents ?? []).map((i) => `  ${incidentLine(i)}`);
    const retry = openOf(item).length
      ? [`  thử lại / retry: kehoach item retry ${ref.org} ${ref.year} ${item.itemId} <số sự cố> --by <tên>`]
      : [];
    return [
      `${item.itemId}: ${item.title}${item.closed ? ' (đã đóng)' : ''}${item.paused ? ' (tạm dừng nhắc)' : ''}`,
      ...rows,
      ...incidents,
      ...retry,
    ].join('\n');
  }
  const plan = await getPlanStatus(client, ref);
  // Running items report their incidents live; closed ones carry them in their result.
  const statuses = await Promise.all(
    plan.items.map(
      (i) =>
        i.result ?? (i.phase === 'running' ? getItemStatus(client, ref, i.itemId).catch(() => undefined) : undefined),
    ),
  );
  const rows = plan.items.flatMap((i, n) => {
    const overdue = i.result?.units.filter((u) => u.state === 'overdue').map((u) => u.unit) ?? [];
    const open = openOf(statuses[n]);
    const row = `  ${i.itemId.padEnd(16)} ${i.phase.padEnd(10)} mở ${formatDate(i.opensAt.slice(0, 10), 'vi').padEnd(22)} ${i.title}${overdue.length ? ` — quá hạn: ${overdue.join(', ')}` : ''}${i.failure ? ` — dừng bất thường / stopped abnormally: ${i.failure}` : ''}`;
    return [row, ...open.map((x) => `      ${incidentLine(x)}`)];
  });
  return [
    `${plan.workflowId} — ${plan.number}: ${plan.title} (phiên bản ${plan.planVersion}${plan.paused ? ', tạm dừng nhắc' : ''})`,
    `  thời điểm kế hoạch / plan time: ${plan.now}; đóng năm / closes: ${plan.closesAt}`,
    ...rows,
  ].join('\n');
}

export async function submitCommand(
  client: Client,
  ref: PlanRef,
  itemId: string,
  submission: SubmissionInput,
): Promise<string> {
  const receipt = await submitReport(client, ref, itemId, submission);
  return `Đã nhận báo cáo lần ${receipt.version} của ${receipt.unit} lúc ${receipt.at} (${receipt.onTime ? 'đúng hạn' : 'quá hạn'})`;
}

export async function reviewCommand(
  client: Client,
  ref: PlanRef,
  itemId: string,
  review: Parameters<typeof reviewSubmission>[3],
): Promise<string> {
  const result = await reviewSubmission(client, ref, itemId, review);
  return `${result.unit}: ${result.phase === 'accepted' ? 'đã duyệt / accepted' : 'đã trả lại / returned'}`;
}

export async function extendCommand(
  client: Client,
  ref: PlanRef,
  itemId: string,
  req: Parameters<typeof extendDeadline>[3],
): Promise<string> {
  const result = await extendDeadline(client, ref, itemId, req);
  return `${result.unit}: hạn mới / new deadline ${formatDate(result.due, 'vi')}`;
}

/** The office retries an incident's step (the e-mail again, or the report) once its cause is fixed. */
export async function retryCommand(client: Client, ref: PlanRef, itemId: string, req: RetryInput): Promise<string> {
  const result = await retryIncident(client, ref, itemId, req);
  return `${itemId}: đã cho thử lại sự cố ${result.id} lúc ${result.at} / incident ${result.id} retried`;
}

export async function adHocCommand(
  client: Client,
  ref: PlanRef,
  req: Parameters<typeof requestAdHocReport>[2],
): Promise<string> {
  const result = await requestAdHocReport(client, ref, req);
  return `${result.itemId}: ${result.workflowId}`;
}

export async function reassignCommand(
  client: Client,
  ref: PlanRef,
  itemId: string,
  req: Parameters<typeof reassignItem>[3],
): Promise<string> {
  const result = await reassignItem(client, ref, itemId, req);
  return `${itemId}: ${result.from} → ${result.to}`;
}

/** Amends a running plan with a new version of its file (same organisation and year). */
export async function amendCommand(
  client: Client,
  ref: PlanRef,
  file: string,
  note: string,
  by: string,
): Promise<string> {
  const plan = loadPlan(await readFile(file, 'utf8'), file);
  const result = await amendPlan(client, ref, { plan, note, by });
  return [
    `Phiên bản ${result.planVersion} / version ${result.planVersion}`,
    ...result.changes.map((c) => `  ${c}`),
  ].join('\n');
}

export async function pauseCommand(client: Client, ref: PlanRef, paused: boolean, by: string): Promise<string> {
  await (paused ? pauseReminders : resumeReminders)(client, ref, by);
  return paused ? 'Đã tạm dừng nhắc hạn / reminders paused' : 'Đã tiếp tục nhắc hạn / reminders resumed';
}

export async function cancelCommand(client: Client, ref: PlanRef): Promise<string> {
  await cancelPlan(client, ref);
  return 'Đã yêu cầu hủy kế hoạch / cancellation requested';
}

/** `WEBSITE=4` → `{ WEBSITE: 4 }`; a malformed pair is named in the error. */
export function parseFigures(pairs: string[]): Record<string, number> {
  return Object.fromEntries(
    pairs.map((p) => {
      const m = /^([A-Z0-9-]+)=(\d+)$/.exec(p);
      if (!m) throw new Error(`--figure ${p}: expected FORM=NUMBER, e.g. WEBSITE=4`);
      return [m[1]!, Number(m[2])];
    }),
  );
}
