/** Pure helpers of the plan workflow: when the year closes, what each child shows in the Temporal UI. */
import { DateTime } from 'luxon';
import { unitStepsUncached } from '../domain/schedule.js';
import type { ItemSpec, ReportSpec, WorkCalendar } from '../domain/schedule-types.js';
import type { PlanState } from './plan-types.js';

/**
 * The plan closes at the later of 31/12 17:00 of its year and one hour after its last scheduled step, so a task due
 * in late December still gets its escalations in January.
 */
export function closesAtMs(state: PlanState): number {
  const zone = state.plan.organisation.timeZone;
  let last = DateTime.fromObject({ year: state.plan.plan.year, month: 12, day: 31, hour: 17 }, { zone }).toMillis();
  for (const item of state.items) {
    if (item.phase !== 'dropped') last = Math.max(last, lastStepMs(item.spec, state.calendar) + 3_600_000);
  }
  return last;
}

/**
 * The instant of an item's last step over all its units. Asked on every wake-up of the plan, so kept per spec and
 * calendar (both are replaced, never mutated) as one number, not as every unit's steps with their texts.
 */
function lastStepMs(spec: ItemSpec, calendar: WorkCalendar): number {
  let bySpec = lastStepCache.get(calendar);
  if (!bySpec) lastStepCache.set(calendar, (bySpec = new WeakMap()));
  let last = bySpec.get(spec);
  if (last === undefined) {
    last = spec.kind === 'report' ? Date.parse(spec.period.officeDue.at) : 0;
    for (const unit of spec.units) {
      for (const step of unitStepsUncached(spec, unit.due, calendar)) last = Math.max(last, Date.parse(step.at));
    }
    bySpec.set(spec, last);
  }
  return last;
}

const lastStepCache = new WeakMap<WorkCalendar, WeakMap<ItemSpec, number>>();

/** Tasks a report covers: those whose deadline falls in the report's cut-off window (ND 09/2019 Điều 12). */
export function reportScope(state: PlanState, report: ReportSpec): { taskWorkflowIds: string[] } {
  const { from, to } = report.period;
  const tasks = state.items.filter(
    (i) =>
      i.spec.kind === 'task' &&
      i.phase !== 'dropped' &&
      i.spec.units.some((u) => u.due.date >= from && u.due.date <= to),
  );
  return { taskWorkflowIds: tasks.map((t) => t.workflowId) };
}

function dmy(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** Single line shown in the workflow list: `Nhiệm vụ 03 – <title> (hạn 31/03/2026)`. */
export function itemSummary(state: PlanState, spec: ItemSpec): string {
  const due = spec.units[0]?.due.date;
  const label = spec.kind === 'task' ? `Nhiệm vụ ${spec.itemId.slice(5)}` : `Báo cáo ${spec.itemId.slice(7)}`;
  return `${label} – ${spec.title}${due ? ` (hạn ${dmy(due)})` : ''} · ${state.plan.organisation.code} ${state.plan.plan.year}`.slice(
    0,
    200,
  );
}

/** Markdown shown on the workflow page: content, forms and units with their roles and deadlines. */
export function itemDetails(state: PlanState, spec: ItemSpec): string {
  const units = new Map(state.plan.units.map((u) => [u.code, u.name]));
  const forms = new Map(state.plan.forms.map((f) => [f.code, f.title]));
  const rows = spec.units.map(
    (u) =>
      `| ${units.get(u.unit) ?? u.unit} | ${u.role === 'lead' ? 'Chủ trì' : 'Phối hợp'} | ${dmy(u.due.date)} | ${u.due.rule} |`,
  );
  return [
    `**${spec.title}** — ${state.plan.plan.number}: ${state.plan.plan.title}`,
    '',
    spec.content,
    '',
    `Hình thức: ${spec.forms.map((f) => forms.get(f) ?? f).join(', ')}`,
    '',
    '| Đơn vị | Vai trò | Hạn | Căn cứ |',
    '|---|---|---|---|',
    ...rows,
  ]
    .join('\n')
    .slice(0, 20_000);
}

const PHASE: Record<string, string> = {
  scheduled: '⏳ chưa mở',
  running: '▶ đang chạy',
  closed: '✔ đã đóng',
  dropped: '✖ đã bỏ',
};

/** Current details of the plan workflow: each item and where it stands. */
export function planMarkdown(state: PlanState): string {
  const rows = state.items.map((i) => {
    const opens = dmy(i.spec.opens.date);
    const overdue = i.result?.units.filter((u) => u.state === 'overdue').map((u) => u.unit) ?? [];
    return `| ${i.spec.itemId} | ${i.spec.title.slice(0, 60)} | ${opens} | ${PHASE[i.phase]} | ${overdue.join(', ')} |`;
  });
  const head = `**${state.plan.plan.number}** – ${state.plan.plan.title} (phiên bản ${state.planVersion}${state.paused ? ', ⏸ tạm dừng nhắc' : ''})`;
  return [head, '', '| Mục | Nội dung | Mở ngày | Trạng thái | Quá hạn |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** `Mở task-04 lúc 08:00 01/04/2026: <title>`: the summary of the timer the plan waits on. */
export function nextSummary(state: PlanState, nextMs: number): string {
  const when = DateTime.fromMillis(nextMs, { zone: state.plan.organisation.timeZone }).toFormat('HH:mm dd/MM/yyyy');
  const opening: ItemSpec | undefined = state.items.find(
    (i) => i.phase === 'scheduled' && Date.parse(i.spec.opens.at) === nextMs,
  )?.spec;
  return (opening ? `Mở ${opening.itemId} lúc ${when}: ${opening.title}` : `Kết thúc năm kế hoạch lúc ${when}`).slice(
    0,
    200,
  );
}
