/**
 * A subordinate body's draft plan derived from the plan it carries out ("Thực hiện Kế hoạch số … của …"): it cites the
 * parent, inherits its themes, forms, duties and targets, and sets its reporting regime so that its office is due at
 * least `leadWorkingDays` working days before the parent's deadline for its units, in every period. What only the
 * subordinate knows (its number, title, signing date, units, people) is left for its clerk and marked. The parent's own
 * subordinates are not the child's: the child's are the bodies below it in the directory, if any. Pure.
 */
import type { MarkedField } from '../plan-draft/draft-from-text.js';
import { formatShortDate } from './format-date.js';
import { officeDeadlines, parentNeeds, type ParentNeed } from './parent-deadlines.js';
import { periodLabel } from './plan-checks.js';
import type { Plan, PlanInput, Subordinate } from './plan-schema.js';
import { checkReportingRegime } from './reporting-periods.js';
import { buildWorkCalendar } from './work-calendar.js';

/** The subordinate as the organisations directory knows it: code and name, its office's and director's e-mail. */
export interface SubordinateBody {
  code: string;
  name: string;
  placeName?: string;
  symbol?: string;
  /** The office's e-mail. */
  office?: string;
  /** The director's e-mail. */
  director?: string;
  /** The bodies directly below it in the directory, which report to it in turn: its plan's `subordinates`. */
  below?: readonly DirectoryBody[];
}

/** A body of the organisations directory as a derived plan's subordinate starts from it. */
export interface DirectoryBody {
  code: string;
  name: string;
  /** The office's e-mail. */
  office: string;
  /** The director's e-mail. */
  director?: string;
}

/** A subordinate as the draft holds it: the directory gives the addresses, the clerk the names. */
export interface DerivedSubordinate {
  code: string;
  name: string;
  office: Partial<Subordinate['office']>;
  director?: Partial<NonNullable<Subordinate['director']>>;
}

export interface DeriveOptions {
  /** Working days the subordinate's office deadline falls before the parent's deadline for its units (default 2). */
  leadWorkingDays: number;
}

/** The draft as a plan file holds it: every list filled, the people and the document's own fields partly. */
export type DerivedPlanFile = {
  organisation: Partial<PlanInput['organisation']>;
  plan: Partial<PlanInput['plan']>;
  office: Partial<PlanInput['office']>;
  director: Partial<PlanInput['director']>;
  units: PlanInput['units'];
  themes: NonNullable<PlanInput['themes']>;
  forms: PlanInput['forms'];
  tasks: NonNullable<PlanInput['tasks']>;
  recurringTasks: NonNullable<PlanInput['recurringTasks']>;
  ongoingDuties: NonNullable<PlanInput['ongoingDuties']>;
  reporting?: NonNullable<PlanInput['reporting']>;
  /** Only when the directory lists bodies below the child. */
  subordinates?: DerivedSubordinate[];
};

/** One period as derived: what the parent needs, and the office deadline the draft sets for it. */
export interface DerivedDeadline extends ParentNeed {
  childOfficeDue: string;
}

export interface DerivedPlan {
  raw: DerivedPlanFile;
  /** Fields the subordinate's clerk fills in or confirms, with why (Vietnamese / English). */
  marked: MarkedField[];
  /** Per period the draft reports, its office deadline against the parent's; empty without a reporting regime. */
  deadlines: DerivedDeadline[];
}

/** The one unit a derived plan starts with: the subordinate's office, carrying every inherited duty. */
export const PLACEHOLDER_UNIT = 'VP';

type Reporting = NonNullable<Plan['reporting']>;

/** A deep copy of plan data (plain JSON, as workflows pass it); `structuredClone` is not in the workflow sandbox. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
type Regime = Pick<Reporting, 'officeDeadlineDay' | 'unitWorkingDaysBeforeOffice' | 'cutOffDay'>;

/**
 * The child's draft from the parent's plan, e.g. `plans/demo.yaml` (office the 20th, units 2 working days before) for
 * its school with 2 working days: office the 15th (Q1 Mon 16/03/2026, the parent's units due Wed 18/03), units 1
 * working day before, and figures cut off on the 10th so each level keeps a working day after the cut-off (ND 09/2019
 * Điều 8 k5).
 */
export function derivePlan(parent: Plan, child: SubordinateBody, opts: DeriveOptions): DerivedPlan {
  const marked: MarkedField[] = [];
  const mark = (field: string, vi: string, en: string) => marked.push({ field, reason: `${vi} / ${en}` });
  const p = parent.organisation;
  const year = parent.plan.year;

  if (child.symbol === undefined)
    mark(
      'organisation.symbol',
      'chữ viết tắt tên cơ quan trong số, ký hiệu văn bản (ví dụ THPT trong "Số: 05/KH-THPT"); danh sách cơ quan không ghi',
      "the body's abbreviation in document numbers (e.g. THPT in 05/KH-THPT); the directory does not give it",
    );
  if (child.placeName === undefined)
    mark(
      'organisation.placeName',
      `lấy theo cơ quan cấp trên (${p.placeName}); xác nhận địa danh của cơ quan`,
      `taken from the parent (${p.placeName}); confirm the body's own place name`,
    );
  const organisation: DerivedPlanFile['organisation'] = {
    code: child.code,
    name: child.name,
    parentBody: p.name,
    reportsTo: p.code,
    placeName: child.placeName ?? p.placeName,
    ...(child.symbol === undefined ? {} : { symbol: child.symbol }),
    timeZone: p.timeZone,
    locale: p.locale,
  };

  mark(
    'plan.number',
    `số, ký hiệu kế hoạch của cơ quan (ví dụ 05/KH-${child.symbol ?? '…'})`,
    `the plan's own number (e.g. 05/KH-${child.symbol ?? '…'})`,
  );
  mark(
    'plan.title',
    `trích yếu kế hoạch của cơ quan; kế hoạch cấp trên: "${parent.plan.title}"`,
    `the plan's own title; the parent's reads "${parent.plan.title}"`,
  );
  const firstOpening = parent.tasks.map((t) => t.opensOn).sort()[0];
  mark(
    'plan.signedOn',
    `ngày ký, từ ngày ký kế hoạch cấp trên ${formatShortDate(parent.plan.signedOn)} trở đi` +
      (firstOpening
        ? `; nhiệm vụ kế thừa giao từ ${formatShortDate(firstOpening)}: nhiệm vụ giao trước ngày ký thì sửa opensOn`
        : ''),
    `the signing date, on or after the parent's ${formatShortDate(parent.plan.signedOn)}` +
      (firstOpening
        ? `; inherited tasks open from ${formatShortDate(firstOpening)}: move the opensOn of any before it`
        : ''),
  );
  const plan: DerivedPlanFile['plan'] = {
    year,
    carriesOut: {
      kind: 'Kế hoạch',
      number: parent.plan.number,
      signedOn: parent.plan.signedOn,
      issuer: p.name,
      org: p.code,
      year,
    },
  };

  mark('office.name', 'tên Văn phòng của cơ quan; xác nhận', "the name of the body's office; confirm");
  if (child.office === undefined)
    mark(
      'office.email',
      'e-mail của Văn phòng; danh sách cơ quan không ghi',
      "the office's e-mail; not in the directory",
    );
  const office: DerivedPlanFile['office'] = {
    name: 'Văn phòng',
    ...(child.office === undefined ? {} : { email: child.office }),
    unit: PLACEHOLDER_UNIT,
  };
  mark('director.name', 'họ tên thủ trưởng cơ quan', "the director's name");
  if (child.director === undefined)
    mark(
      'director.email',
      'e-mail của thủ trưởng; danh sách cơ quan không ghi',
      "the director's e-mail; not in the directory",
    );
  const director: DerivedPlanFile['director'] = child.director === undefined ? {} : { email: child.director };

  mark(
    'units',
    `một đơn vị tạm (${PLACEHOLDER_UNIT}, Văn phòng) giữ mọi nhiệm vụ kế thừa: thêm các đơn vị của cơ quan (tổ, phòng…) với trưởng đơn vị và e-mail, rồi giao lại units của từng nhiệm vụ`,
    `one placeholder unit (${PLACEHOLDER_UNIT}, the office) carries every inherited duty: add the body's own units with their heads and e-mails, then reassign each duty's units`,
  );
  // The heads' e-mails are the office's until the clerk names the units: every duty then reaches someone.
  const units: DerivedPlanFile['units'] = [
    { code: PLACEHOLDER_UNIT, name: 'Văn phòng', head: { name: 'Văn phòng', email: child.office ?? '' } },
  ];
  if (child.office === undefined) mark('units[0].head.email', 'e-mail của Văn phòng', "the office's e-mail");

  // Fresh objects per duty: one object met twice would be written as a YAML anchor and aliases.
  const duty = <T extends { units: unknown; themes: string[] }>(d: T) => {
    const { themes, ...rest } = copy(d);
    return {
      ...rest,
      ...(themes.length ? { themes: [...themes] } : {}),
      units: [{ unit: PLACEHOLDER_UNIT, role: 'lead' as const }],
    };
  };

  const subordinates = (child.below ?? []).map((b, i) => subordinateOf(b, i, mark));

  const { reporting, deadlines } = reportingFor(parent, opts.leadWorkingDays, mark);
  return {
    raw: {
      organisation,
      plan,
      office,
      director,
      units,
      themes: copy(parent.themes),
      forms: copy(parent.forms),
      tasks: parent.tasks.map(duty),
      recurringTasks: parent.recurringTasks.map(duty),
      ongoingDuties: parent.ongoingDuties.map(duty),
      ...(reporting ? { reporting } : {}),
      ...(subordinates.length ? { subordinates } : {}),
    },
    marked,
    deadlines,
  };
}

/**
 * One body below the child, as its subordinate: code, name and the addresses from the directory; the names of its
 * office and director (the directory has none) marked for the clerk.
 */
function subordinateOf(
  body: DirectoryBody,
  i: number,
  mark: (field: string, vi: string, en: string) => void,
): DerivedSubordinate {
  const who = `${body.name} (${body.code})`;
  mark(
    `subordinates[${i}].office.name`,
    `tên Văn phòng (hoặc người phụ trách) của ${who}, nơi nhận đề nghị báo cáo; danh sách cơ quan chỉ ghi e-mail`,
    `the name of the office (or the person in charge) of ${who}, who gets the report requests; the directory gives only the e-mail`,
  );
  if (body.director !== undefined)
    mark(
      `subordinates[${i}].director.name`,
      `họ tên thủ trưởng của ${who}, được đồng gửi thư báo quá hạn; danh sách cơ quan chỉ ghi e-mail`,
      `the name of the director of ${who}, copied on its escalations; the directory gives only the e-mail`,
    );
  return {
    code: body.code,
    name: body.name,
    office: { email: body.office },
    ...(body.director === undefined ? {} : { director: { email: body.director } }),
  };
}

/**
 * The child's regime: the parent's periods (those it can still report after the parent was signed), the latest office
 * day that is early enough in every period, then the cut-off day and units' lead time nearest the parent's that keep
 * ND 09/2019 Điều 8 k5 at each level (`checkReportingRegime`), each change marked with its reason.
 */
function reportingFor(
  parent: Plan,
  lead: number,
  mark: (field: string, vi: string, en: string) => void,
): { reporting?: DerivedPlanFile['reporting']; deadlines: DerivedDeadline[] } {
  const base = parent.reporting;
  if (!base) {
    mark(
      'reporting',
      'kế hoạch cấp trên không yêu cầu báo cáo định kỳ; thêm chế độ báo cáo của cơ quan nếu cần',
      'the parent asks for no periodic report; add a reporting regime if the body needs one',
    );
    return { deadlines: [] };
  }
  const all = parentNeeds(parent, lead);
  const needs = all.filter((n) => n.latest >= parent.plan.signedOn);
  const dropped = all.filter((n) => !needs.includes(n));
  if (dropped.length)
    mark(
      'reporting.periods',
      `bỏ ${dropped.map((n) => n.period).join(', ')}: hạn cấp trên cần (${dropped.map((n) => formatShortDate(n.latest)).join(', ')}) trước ngày ký kế hoạch cấp trên`,
      `left out ${dropped.map((n) => n.period).join(', ')}: the parent would need them (${dropped.map((n) => formatShortDate(n.latest)).join(', ')}) before it was signed`,
    );
  const periods = needs.map((n) => n.period);
  if (!periods.length) return { deadlines: [] };

  // The child's own calendar: the official one in the parent's zone, without the parent's own overrides.
  const probe = (r: Regime): Plan => ({
    ...parent,
    // No period is left out for the signing date here: the child's date is the clerk's, and periods are chosen above.
    plan: { ...parent.plan, signedOn: `${parent.plan.year - 1}-01-01` },
    calendar: { saturdaysWorking: false, overrides: [] },
    // Every unit of the child reports (the parent's `reporting.units` name the parent's units).
    reporting: {
      ...base,
      units: undefined,
      periods,
      officeDeadlineDay: r.officeDeadlineDay,
      unitWorkingDaysBeforeOffice: r.unitWorkingDaysBeforeOffice,
      cutOffDay: r.cutOffDay,
    },
  });
  const cal = buildWorkCalendar(probe(base));
  const earlyEnough = (day: number) => {
    const due = officeDeadlines(probe({ ...base, officeDeadlineDay: day }), cal);
    return needs.every((n) => (due.get(n.period) ?? '9999') <= n.latest);
  };
  // A later day never brings a deadline earlier, so the first day from the end that passes is the latest one.
  let day: number | undefined;
  for (let d = 31; d >= 1 && day === undefined; d--) if (earlyEnough(d)) day = d;

  let regime: Regime | undefined;
  if (day !== undefined)
    for (let cut = base.cutOffDay; cut >= 1 && !regime; cut--)
      for (let n = base.unitWorkingDaysBeforeOffice; n >= 1 && !regime; n--) {
        const r = { officeDeadlineDay: day, unitWorkingDaysBeforeOffice: n, cutOffDay: cut };
        if (checkReportingRegime(probe(r), cal).length === 0) regime = r;
      }
  const chosen = regime ?? {
    officeDeadlineDay: day ?? 1,
    unitWorkingDaysBeforeOffice: 1,
    cutOffDay: base.cutOffDay,
  };
  const due = officeDeadlines(probe(chosen), cal);
  const deadlines = needs.map((n) => ({ ...n, childOfficeDue: due.get(n.period) ?? n.latest }));

  const parentName = parent.organisation.name;
  const perPeriod = (lang: 'vi' | 'en') =>
    deadlines
      .map((d) =>
        lang === 'vi'
          ? `${periodLabel(d.period, 'vi')}: ${formatShortDate(d.childOfficeDue)}, hạn cấp trên giao cho đơn vị ${formatShortDate(d.parentUnitDue)}`
          : `${periodLabel(d.period, 'en')}: ${formatShortDate(d.childOfficeDue)}, the parent's units are due ${formatShortDate(d.parentUnitDue)}`,
      )
      .join('; ');
  if (day === undefined)
    mark(
      'reporting.officeDeadlineDay',
      `không ngày nào của tháng cuối kỳ đủ sớm trước hạn ${parentName} giao cho đơn vị ${lead} ngày làm việc (${perPeriod('vi')}); thống nhất với cấp trên`,
      `no day of the period's last month is ${lead} working days before the parent's deadline for its units (${perPeriod('en')}); agree one with the parent`,
    );
  else
    mark(
      'reporting.officeDeadlineDay',
      `ngày ${day}: hạn của Văn phòng trước hạn ${parentName} giao cho đơn vị ít nhất ${lead} ngày làm việc ở mọi kỳ (${perPeriod('vi')}); xác nhận`,
      `day ${day}: the office is due at least ${lead} working days before the parent's deadline for its units in every period (${perPeriod('en')}); confirm`,
    );
  if (day !== undefined && !regime)
    mark(
      'reporting.cutOffDay',
      `không có ngày chốt số liệu nào để mỗi cấp còn 1 ngày làm việc sau ngày chốt (NĐ 09/2019 Điều 8 k5) với hạn này; thống nhất với cấp trên hoặc giảm số ngày gửi trước`,
      `no cut-off day leaves each level a working day after it (Decree 09/2019 art. 8(5)) with this deadline; agree with the parent or lower the lead days`,
    );
  if (regime && regime.cutOffDay !== base.cutOffDay)
    mark(
      'reporting.cutOffDay',
      `chốt số liệu ngày ${regime.cutOffDay} thay cho ngày ${base.cutOffDay} của cấp trên, để giữa ngày chốt và hạn của từng cấp còn ít nhất 1 ngày làm việc (NĐ 09/2019 Điều 8 k5) mà vẫn kịp hạn cấp trên; thống nhất với cấp trên, hoặc giảm số ngày gửi trước`,
      `figures cut off on day ${regime.cutOffDay} instead of the parent's ${base.cutOffDay}, so each level keeps a working day after the cut-off (Decree 09/2019 art. 8(5)) and the parent's deadline is still met; agree it with the parent, or lower the lead days`,
    );
  if (regime && regime.unitWorkingDaysBeforeOffice !== base.unitWorkingDaysBeforeOffice)
    mark(
      'reporting.unitWorkingDaysBeforeOffice',
      `${regime.unitWorkingDaysBeforeOffice} thay cho ${base.unitWorkingDaysBeforeOffice} của cấp trên, để hạn của đơn vị còn sau ngày chốt số liệu ít nhất 1 ngày làm việc`,
      `${regime.unitWorkingDaysBeforeOffice} instead of the parent's ${base.unitWorkingDaysBeforeOffice}, so the units' deadline stays a working day after the cut-off`,
    );

  const reporting: DerivedPlanFile['reporting'] = {
    periods,
    officeDeadlineDay: chosen.officeDeadlineDay,
    unitWorkingDaysBeforeOffice: chosen.unitWorkingDaysBeforeOffice,
    cutOffDay: chosen.cutOffDay,
    deadlinePolicy: base.deadlinePolicy,
    adHocAllowed: base.adHocAllowed,
    ...(base.reminders ? { reminders: [...base.reminders] } : {}),
    ...(base.escalation ? { escalation: { ...base.escalation } } : {}),
  };
  return { reporting, deadlines };
}
