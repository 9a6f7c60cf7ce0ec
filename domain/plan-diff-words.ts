/**
 * A plan diff in the office's words, Vietnamese or English: one section per part of the plan, one line per thing
 * added, dropped or changed, naming the unit, its head, the subordinate body, its office and the duty by number, dates as dd/MM/yyyy. Pure.
 */
import { formatShortDate, type Locale } from './format-date.js';
import type {
  CalendarOverride,
  DueRule,
  Duty,
  DutyChange,
  DutyFieldChange,
  DutyKind,
  FieldChange,
  KeyedChange,
  PlanDiff,
  PlanValue,
  ReportingChange,
} from './plan-diff.js';
import type { PeriodCode, Plan, PlanTarget, PlanUnit, Subordinate } from './plan-schema.js';
import { periodName } from './reporting-periods.js';

/** What a line says happened; the page shows it as a word (Thêm / Bỏ / Sửa), never by colour alone. */
export type DiffMark = 'added' | 'dropped' | 'changed';

export interface DiffLine {
  mark: DiffMark;
  text: string;
  /** What changed in it, one sentence each (`Hạn nộp: 06/03/2026 → 13/03/2026`). */
  details: string[];
}

export type DiffSectionId =
  'header' | 'units' | 'subordinates' | 'catalogue' | 'duties' | 'reporting' | 'defaults' | 'calendar' | 'order';

export interface DiffSection {
  id: DiffSectionId;
  heading: string;
  lines: DiffLine[];
}

const vi = {
  sections: {
    header: 'Thông tin chung',
    units: 'Đơn vị',
    subordinates: 'Cơ quan cấp dưới',
    catalogue: 'Chủ đề và hình thức tuyên truyền',
    duties: 'Nhiệm vụ',
    reporting: 'Chế độ báo cáo',
    defaults: 'Giá trị chung',
    calendar: 'Lịch làm việc',
    order: 'Thứ tự',
  } satisfies Record<DiffSectionId, string>,
  /** Header, defaults, reporting and calendar fields by their path in the plan. */
  fields: {
    'organisation.code': 'Mã cơ quan',
    'organisation.name': 'Tên cơ quan',
    'organisation.parentBody': 'Cơ quan chủ quản',
    'organisation.reportsTo': 'Báo cáo lên cơ quan (mã)',
    'organisation.placeName': 'Địa danh',
    'organisation.symbol': 'Chữ viết tắt tên cơ quan',
    'organisation.timeZone': 'Múi giờ',
    'organisation.locale': 'Ngôn ngữ e-mail và báo cáo',
    'plan.number': 'Số, ký hiệu kế hoạch',
    'plan.title': 'Trích yếu',
    'plan.signedOn': 'Ngày ký',
    'plan.year': 'Năm kế hoạch',
    'plan.carriesOut.kind': 'Văn bản cấp trên: loại văn bản',
    'plan.carriesOut.number': 'Văn bản cấp trên: số, ký hiệu',
    'plan.carriesOut.signedOn': 'Văn bản cấp trên: ngày ký',
    'plan.carriesOut.issuer': 'Văn bản cấp trên: cơ quan ban hành',
    'plan.carriesOut.org': 'Văn bản cấp trên: mã cơ quan trên hệ thống',
    'plan.carriesOut.year': 'Văn bản cấp trên: năm',
    'plan.carriesOut.namespace': 'Văn bản cấp trên: không gian tên Temporal',
    'office.name': 'Văn phòng: tên',
    'office.title': 'Văn phòng: chức vụ người phụ trách',
    'office.email': 'Văn phòng: e-mail',
    'office.unit': 'Văn phòng: đơn vị',
    'director.name': 'Thủ trưởng: họ tên',
    'director.title': 'Thủ trưởng: chức vụ',
    'director.email': 'Thủ trưởng: e-mail',
    'demo.speed': 'Đồng hồ chạy thử: tốc độ',
    reminders: 'Nhắc hạn',
    escalation: 'Báo quá hạn',
    'escalation.officeAfter': 'Báo Văn phòng sau hạn',
    'escalation.directorAfter': 'Báo Giám đốc sau hạn',
    deadlinePolicy: 'Hạn rơi vào ngày nghỉ',
    sendAt: 'Giờ gửi thông báo',
    periods: 'Thứ tự kỳ báo cáo',
    units: 'Đơn vị phải báo cáo',
    officeDeadlineDay: 'Hạn của Văn phòng',
    unitWorkingDaysBeforeOffice: 'Hạn của đơn vị',
    cutOffDay: 'Ngày chốt số liệu',
    adHocAllowed: 'Báo cáo đột xuất',
    saturdaysWorking: 'Làm việc thứ Bảy',
  } as Record<string, string>,
  unitFields: {
    name: 'Tên đơn vị',
    'head.name': 'Trưởng đơn vị',
    'head.title': 'Chức vụ trưởng đơn vị',
    'head.email': 'E-mail trưởng đơn vị',
    duties: 'Nhiệm vụ của đơn vị (ghi để đối chiếu)',
  } as Record<string, string>,
  subordinateFields: {
    name: 'Tên cơ quan',
    'office.name': 'Văn phòng: tên',
    'office.title': 'Văn phòng: chức vụ người phụ trách',
    'office.email': 'Văn phòng: e-mail',
    'director.name': 'Thủ trưởng: họ tên',
    'director.title': 'Thủ trưởng: chức vụ',
    'director.email': 'Thủ trưởng: e-mail',
  } as Record<string, string>,
  catalogueFields: { title: 'Tên', target: 'Chỉ tiêu' } as Record<string, string>,
  overrideFields: { kind: 'Loại ngày', reason: 'Lý do' } as Record<string, string>,
  dutyFields: {
    title: 'Tên nhiệm vụ',
    content: 'Nội dung',
    opensOn: 'Ngày giao',
    every: 'Lặp lại',
    from: 'Từ tháng',
    to: 'Đến tháng',
    opensWorkingDaysBefore: 'Ngày giao mỗi kỳ',
    reminders: 'Nhắc hạn',
    escalation: 'Báo quá hạn',
    deadlinePolicy: 'Hạn rơi vào ngày nghỉ',
    target: 'Chỉ tiêu',
  } as Record<string, string>,
  kinds: { task: 'có hạn', recurring: 'định kỳ', ongoing: 'thường xuyên' } satisfies Record<DutyKind, string>,
  duty: (n: number, kind: string, title: string) => `Nhiệm vụ ${n} (${kind}): ${title}`,
  kind: 'Loại nhiệm vụ',
  lead: 'Chủ trì',
  support: 'Phối hợp',
  gains: { lead: 'nhận chủ trì', support: 'nhận phối hợp' },
  loses: { lead: 'thôi chủ trì', support: 'thôi phối hợp' },
  forms: 'Hình thức',
  themes: 'Chủ đề',
  theme: (name: string) => `Chủ đề: ${name}`,
  form: (name: string) => `Hình thức: ${name}`,
  added: 'thêm',
  dropped: 'bỏ',
  due: 'Hạn nộp',
  order: {
    units: 'Thứ tự đơn vị thực hiện nhiệm vụ thay đổi',
    forms: 'Thứ tự hình thức của nhiệm vụ thay đổi',
    themes: 'Thứ tự chủ đề của nhiệm vụ thay đổi',
  },
  lists: {
    units: 'Thứ tự đơn vị',
    subordinates: 'Thứ tự cơ quan cấp dưới',
    themes: 'Thứ tự chủ đề',
    forms: 'Thứ tự hình thức',
    tasks: 'Thứ tự nhiệm vụ có hạn',
    recurringTasks: 'Thứ tự nhiệm vụ định kỳ',
    ongoingDuties: 'Thứ tự nhiệm vụ thường xuyên',
    overrides: 'Thứ tự ngày làm việc, ngày nghỉ riêng',
  },
  head: (who: string) => `trưởng đơn vị ${who}`,
  headLine: 'Trưởng đơn vị',
  officeLine: 'Văn phòng',
  directorLine: 'Thủ trưởng',
  reporting: 'Chế độ báo cáo định kỳ',
  reportingDropped: (periods: string) => `Không còn báo cáo định kỳ (trước đây: ${periods})`,
  period: (name: string) => `Kỳ báo cáo ${name}`,
  periodsLine: 'Kỳ báo cáo',
  override: (date: string, kind: string, reason: string) => `${date}: ${kind} (${reason})`,
  overrideKinds: { off: 'ngày nghỉ', working: 'ngày làm việc' } as Record<string, string>,
  values: {
    empty: '(trống)',
    yes: 'có',
    no: 'không',
    byDefault: 'theo giá trị chung',
    everyUnit: 'mọi đơn vị',
    noTarget: 'không có chỉ tiêu',
    noDeadline: 'không có hạn (nhiệm vụ thường xuyên)',
    periodStart: 'ngày làm việc đầu tiên của kỳ',
    reminders: (days: string) => `${days} ngày làm việc trước hạn`,
    escalation: (office: number, director: number) =>
      `báo Văn phòng sau ${office}, báo Giám đốc sau ${director} ngày làm việc`,
    workingDays: (n: number) => `${n} ngày làm việc`,
    policies: {
      FORWARD: 'chuyển sang ngày làm việc kế tiếp',
      BACKWARD: 'đưa lên ngày làm việc trước đó',
      KEEP: 'giữ nguyên ngày hạn',
    } as Record<string, string>,
    every: { month: 'hằng tháng', quarter: 'hằng quý' } as Record<string, string>,
    per: { month: 'mỗi tháng', period: 'mỗi kỳ báo cáo', year: 'cả năm' } as Record<string, string>,
    count: (n: number, per: string) => `tối thiểu ${n} sản phẩm ${per}`,
    percent: (p: number, of: string) => `${p}% ${of}`,
    opensBefore: (n: number) => `${n} ngày làm việc trước hạn`,
    officeDay: (n: number) => `ngày ${n} của tháng cuối kỳ`,
    unitDays: (n: number) => `${n} ngày làm việc trước hạn của Văn phòng`,
    day: (n: number) => `ngày ${n}`,
    adHoc: { true: 'Văn phòng được yêu cầu', false: 'không nhận yêu cầu' } as Record<string, string>,
    locales: { vi: 'tiếng Việt', en: 'tiếng Anh' } as Record<string, string>,
    dueOn: (date: string) => date,
    endOfMonth: 'ngày cuối tháng giao nhiệm vụ',
    afterOpening: (n: number) => `${n} ngày làm việc sau ngày giao`,
    dueDay: (n: number) => `ngày ${n} trong tháng cuối của mỗi kỳ`,
    lastWorkingDay: 'ngày làm việc cuối cùng của tháng cuối mỗi kỳ',
    firstWorkingDay: 'ngày làm việc đầu tiên của tháng cuối mỗi kỳ',
  },
};

type DiffTexts = typeof vi;

const en: DiffTexts = {
  sections: {
    header: 'General information',
    units: 'Units',
    subordinates: 'Subordinate bodies',
    catalogue: 'Themes and forms',
    duties: 'Duties',
    reporting: 'Reporting',
    defaults: 'Defaults',
    calendar: 'Working calendar',
    order: 'Order',
  },
  fields: {
    'organisation.code': 'Organisation code',
    'organisation.name': 'Organisation name',
    'organisation.parentBody': 'Parent body',
    'organisation.reportsTo': 'Reports to (code)',
    'organisation.placeName': 'Place name',
    'organisation.symbol': 'Abbreviation of the organisation',
    'organisation.timeZone': 'Time zone',
    'organisation.locale': 'Language of e-mails and reports',
    'plan.number': 'Plan number and symbol',
    'plan.title': 'Summary line (trích yếu)',
    'plan.signedOn': 'Date signed',
    'plan.year': 'Plan year',
    'plan.carriesOut.kind': 'Document carried out: kind',
    'plan.carriesOut.number': 'Document carried out: number',
    'plan.carriesOut.signedOn': 'Document carried out: date signed',
    'plan.carriesOut.issuer': 'Document carried out: issuer',
    'plan.carriesOut.org': 'Document carried out: organisation code here',
    'plan.carriesOut.year': 'Document carried out: year',
    'plan.carriesOut.namespace': 'Document carried out: Temporal namespace',
    'office.name': 'Office: name',
    'office.title': 'Office: position of the person in charge',
    'office.email': 'Office: e-mail',
    'office.unit': 'Office: unit',
    'director.name': 'Director: name',
    'director.title': 'Director: position',
    'director.email': 'Director: e-mail',
    'demo.speed': 'Demo clock: speed',
    reminders: 'Reminders',
    escalation: 'Escalation',
    'escalation.officeAfter': 'Office told after the deadline',
    'escalation.directorAfter': 'Director told after the deadline',
    deadlinePolicy: 'Deadline on a day off',
    sendAt: 'Time notices go out',
    periods: 'Order of report periods',
    units: 'Units that report',
    officeDeadlineDay: "Office's deadline",
    unitWorkingDaysBeforeOffice: "Units' deadline",
    cutOffDay: 'Cut-off day of figures',
    adHocAllowed: 'Ad hoc reports',
    saturdaysWorking: 'Saturdays working',
  },
  unitFields: {
    name: 'Unit name',
    'head.name': 'Head of unit',
    'head.title': "Head's position",
    'head.email': "Head's e-mail",
    duties: "Unit's responsibilities (for reference)",
  },
  subordinateFields: {
    name: 'Name of the body',
    'office.name': 'Office: name',
    'office.title': 'Office: position of the person in charge',
    'office.email': 'Office: e-mail',
    'director.name': 'Director: name',
    'director.title': 'Director: position',
    'director.email': 'Director: e-mail',
  },
  catalogueFields: { title: 'Title', target: 'Target' },
  overrideFields: { kind: 'Kind of day', reason: 'Reason' },
  dutyFields: {
    title: 'Title',
    content: 'Content',
    opensOn: 'Opens on',
    every: 'Recurs',
    from: 'From month',
    to: 'To month',
    opensWorkingDaysBefore: 'Each occurrence opens',
    reminders: 'Reminders',
    escalation: 'Escalation',
    deadlinePolicy: 'Deadline on a day off',
    target: 'Target',
  },
  kinds: { task: 'dated task', recurring: 'recurring task', ongoing: 'ongoing duty' },
  duty: (n, kind, title) => `Duty ${n} (${kind}): ${title}`,
  kind: 'Kind of duty',
  lead: 'Lead',
  support: 'Support',
  gains: { lead: 'now leads', support: 'now supports' },
  loses: { lead: 'no longer leads', support: 'no longer supports' },
  forms: 'Forms',
  themes: 'Themes',
  theme: (name) => `Theme: ${name}`,
  form: (name) => `Form: ${name}`,
  added: 'added',
  dropped: 'dropped',
  due: 'Deadline',
  order: {
    units: "Order of the duty's units changed",
    forms: "Order of the duty's forms changed",
    themes: "Order of the duty's themes changed",
  },
  lists: {
    units: 'Order of units',
    subordinates: 'Order of subordinate bodies',
    themes: 'Order of themes',
    forms: 'Order of forms',
    tasks: 'Order of dated tasks',
    recurringTasks: 'Order of recurring tasks',
    ongoingDuties: 'Order of ongoing duties',
    overrides: "Order of the organisation's own days",
  },
  head: (who) => `head ${who}`,
  headLine: 'Head of unit',
  officeLine: 'Office',
  directorLine: 'Director',
  reporting: 'Periodic reporting',
  reportingDropped: (periods) => `No more periodic reports (before: ${periods})`,
  period: (name) => `Report period ${name}`,
  periodsLine: 'Report periods',
  override: (date, kind, reason) => `${date}: ${kind} (${reason})`,
  overrideKinds: { off: 'day off', working: 'working day' },
  values: {
    empty: '(not set)',
    yes: 'yes',
    no: 'no',
    byDefault: 'as the defaults',
    everyUnit: 'every unit',
    noTarget: 'no target',
    noDeadline: 'no deadline (ongoing duty)',
    periodStart: "the period's first working day",
    reminders: (days) => `${days} working days before the deadline`,
    escalation: (office, director) => `office told after ${office}, director after ${director} working days`,
    workingDays: (n) => `${n} working day${n === 1 ? '' : 's'}`,
    policies: {
      FORWARD: 'moved to the next working day',
      BACKWARD: 'moved to the working day before',
      KEEP: 'kept on the day',
    },
    every: { month: 'monthly', quarter: 'quarterly' },
    per: { month: 'per month', period: 'per report period', year: 'per year' },
    count: (n, per) => `at least ${n} outputs ${per}`,
    percent: (p, of) => `${p}% ${of}`,
    opensBefore: (n) => `${n} working days before the deadline`,
    officeDay: (n) => `day ${n} of the period's last month`,
    unitDays: (n) => `${n} working days before the office's deadline`,
    day: (n) => `day ${n}`,
    adHoc: { true: 'the office may request them', false: 'not accepted' },
    locales: { vi: 'Vietnamese', en: 'English' },
    dueOn: (date) => date,
    endOfMonth: 'the last day of the month it opens',
    afterOpening: (n) => `${n} working days after it opens`,
    dueDay: (n) => `day ${n} of each occurrence's last month`,
    lastWorkingDay: "the last working day of each occurrence's last month",
    firstWorkingDay: "the first working day of each occurrence's last month",
  },
};

/** The words for a locale. */
function wordsFor(locale: Locale): DiffTexts {
  return locale === 'vi' ? vi : en;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

/** What a diff needs to name things: both plans (a dropped unit is only in the old one), the words, the locale. */
interface Context {
  w: DiffTexts;
  locale: Locale;
  before: Plan;
  after: Plan;
}

/** The diff as sections of lines; a section with nothing in it is left out (no sections: no change). */
export function planDiffWords(diff: PlanDiff, before: Plan, after: Plan, locale: Locale): DiffSection[] {
  const ctx: Context = { w: wordsFor(locale), locale, before, after };
  const sections: [DiffSectionId, DiffLine[]][] = [
    ['header', diff.header.map((f) => fieldLine(ctx, f, labelOf(ctx.w.fields, f.field)))],
    ['units', diff.units.map((u) => unitLine(ctx, u))],
    ['subordinates', diff.subordinates.map((s) => subordinateLine(ctx, s))],
    [
      'catalogue',
      [
        ...diff.themes.map((t) => catalogueLine(ctx, t, ctx.w.theme)),
        ...diff.forms.map((f) => catalogueLine(ctx, f, ctx.w.form)),
      ],
    ],
    ['duties', diff.duties.map((d) => dutyLine(ctx, d))],
    ['reporting', diff.reporting ? reportingLines(ctx, diff.reporting) : []],
    ['defaults', diff.defaults.map((f) => fieldLine(ctx, f, labelOf(ctx.w.fields, f.field)))],
    [
      'calendar',
      [
        ...diff.calendar.map((f) => fieldLine(ctx, f, labelOf(ctx.w.fields, f.field))),
        ...diff.overrides.map((o) => overrideLine(ctx, o)),
      ],
    ],
    [
      'order',
      diff.reordered.map((r) => ({
        mark: 'changed' as const,
        text: `${ctx.w.lists[r.list]}: ${r.from.join(', ')} → ${r.to.join(', ')}`,
        details: [],
      })),
    ],
  ];
  return sections
    .filter(([, lines]) => lines.length > 0)
    .map(([id, lines]) => ({ id, heading: ctx.w.sections[id], lines }));
}

function labelOf(labels: Record<string, string>, field: string): string {
  return labels[field] ?? field;
}

/** A field set for the first time is "added", one removed is "dropped", otherwise "changed": old → new. */
function fieldLine(ctx: Context, f: FieldChange, label: string): DiffLine {
  const mark: DiffMark = f.from === undefined ? 'added' : f.to === undefined ? 'dropped' : 'changed';
  return { mark, text: fieldSentence(ctx, f, label), details: [] };
}

function fieldSentence(ctx: Context, f: FieldChange, label: string): string {
  return `${label}: ${valueWords(ctx, f.field, f.from, 'before')} → ${valueWords(ctx, f.field, f.to, 'after')}`;
}

/** A unit as the office knows it: `Phòng Kế hoạch - Tài chính (KHTC)`; a code no plan has stays the code. */
function unitName(ctx: Context, code: string): string {
  const unit = ctx.after.units.find((u) => u.code === code) ?? ctx.before.units.find((u) => u.code === code);
  return unit ? `${unit.name} (${code})` : code;
}

function person(p: PlanUnit['head']): string {
  return `${p.name}${p.title ? `, ${p.title}` : ''} <${p.email}>`;
}

/** A field's value in words; `side` says which plan names the codes and defaults it refers to. */
function valueWords(ctx: Context, field: string, v: PlanValue, side: 'before' | 'after'): string {
  const { w, locale } = ctx;
  const key = field.slice(field.lastIndexOf('.') + 1);
  const plan = ctx[side];
  if (v === undefined) {
    // A duty or the regime without its own value follows the plan's defaults: say what they are.
    if (key === 'reminders' || key === 'escalation' || key === 'deadlinePolicy')
      return `${w.values.byDefault} (${valueWords(ctx, key, plan.defaults[key], side)})`;
    if (key === 'units') return w.values.everyUnit;
    if (key === 'target') return w.values.noTarget;
    if (key === 'opensWorkingDaysBefore') return w.values.periodStart;
    return w.values.empty;
  }
  switch (key) {
    case 'reminders':
      return w.values.reminders((v as number[]).join(', '));
    case 'escalation': {
      const e = v as { officeAfter: number; directorAfter: number };
      return w.values.escalation(e.officeAfter, e.directorAfter);
    }
    case 'officeAfter':
    case 'directorAfter':
      return w.values.workingDays(v as number);
    case 'deadlinePolicy':
      return w.values.policies[String(v)] ?? String(v);
    case 'every':
      return w.values.every[String(v)] ?? String(v);
    case 'target':
      return targetWords(ctx, v as PlanTarget);
    case 'opensWorkingDaysBefore':
      return w.values.opensBefore(v as number);
    case 'officeDeadlineDay':
      return w.values.officeDay(v as number);
    case 'unitWorkingDaysBeforeOffice':
      return w.values.unitDays(v as number);
    case 'cutOffDay':
      return w.values.day(v as number);
    case 'adHocAllowed':
      return w.values.adHoc[String(v)] ?? String(v);
    case 'periods':
      return (v as PeriodCode[]).map((p) => periodName(p, locale)).join(', ');
    case 'units':
      return (v as string[]).map((u) => unitName(ctx, u)).join(', ');
    case 'locale':
      return w.values.locales[String(v)] ?? String(v);
    case 'kind':
      return field === 'kind' ? (w.overrideKinds[String(v)] ?? String(v)) : String(v);
    case 'unit':
      return plan.units.some((u) => u.code === v) ? unitName(ctx, String(v)) : String(v);
  }
  return plainValue(ctx, v);
}

function plainValue(ctx: Context, v: PlanValue): string {
  if (v === undefined) return ctx.w.values.empty;
  if (typeof v === 'boolean') return v ? ctx.w.values.yes : ctx.w.values.no;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (ISO_DATE.test(v)) return formatShortDate(v);
    const ym = YEAR_MONTH.exec(v);
    return ym ? `${ym[2]}/${ym[1]}` : v;
  }
  if (Array.isArray(v)) return v.map((x) => plainValue(ctx, x)).join(', ');
  return Object.entries(v)
    .map(([k, x]) => `${k}: ${plainValue(ctx, x)}`)
    .join('; ');
}

function targetWords(ctx: Context, t: PlanTarget): string {
  const { values } = ctx.w;
  return 'count' in t ? values.count(t.count, values.per[t.per] ?? t.per) : values.percent(t.percent, t.of);
}

function unitLine(ctx: Context, c: KeyedChange<PlanUnit>): DiffLine {
  const { w } = ctx;
  if (c.change !== 'changed')
    return { mark: c.change, text: unitName(ctx, c.entry.code), details: [`${w.headLine}: ${person(c.entry.head)}`] };
  // Named as it was, so the office recognises which unit (and whose head) a rename or a new head is about.
  const text = `${c.before.name} (${c.before.code}), ${w.head(c.before.head.name)}`;
  const details = c.fields.map(
    (f) => `${labelOf(w.unitFields, f.field)}: ${plainValue(ctx, f.from)} → ${plainValue(ctx, f.to)}`,
  );
  return { mark: 'changed', text, details };
}

/**
 * A subordinate body by its name and code, with its office and director when it comes or goes; changed, named as it
 * was, field by field (a director set for the first time gives its name and e-mail).
 */
function subordinateLine(ctx: Context, c: KeyedChange<Subordinate>): DiffLine {
  const { w } = ctx;
  const name = (s: Subordinate) => `${s.name} (${s.code})`;
  if (c.change !== 'changed') {
    const { office, director } = c.entry;
    const details = [
      `${w.officeLine}: ${person(office)}`,
      ...(director ? [`${w.directorLine}: ${person(director)}`] : []),
    ];
    return { mark: c.change, text: name(c.entry), details };
  }
  const details = c.fields.map(
    (f) => `${labelOf(w.subordinateFields, f.field)}: ${plainValue(ctx, f.from)} → ${plainValue(ctx, f.to)}`,
  );
  return { mark: 'changed', text: name(c.before), details };
}

function catalogueLine<T extends { code: string; title: string; target?: PlanTarget }>(
  ctx: Context,
  c: KeyedChange<T>,
  name: (s: string) => string,
): DiffLine {
  const { w } = ctx;
  const label = (t: T) => name(`${t.title} (${t.code})`);
  if (c.change !== 'changed') {
    const target = c.entry.target ? [`${w.catalogueFields.target}: ${targetWords(ctx, c.entry.target)}`] : [];
    return { mark: c.change, text: label(c.entry), details: target };
  }
  const details = c.fields.map((f) => fieldSentence(ctx, f, labelOf(w.catalogueFields, f.field)));
  return { mark: 'changed', text: label(c.before), details };
}

function overrideLine(ctx: Context, c: KeyedChange<CalendarOverride>): DiffLine {
  const { w } = ctx;
  const say = (o: CalendarOverride) => w.override(formatShortDate(o.date), w.overrideKinds[o.kind] ?? o.kind, o.reason);
  if (c.change !== 'changed') return { mark: c.change, text: say(c.entry), details: [] };
  const details = c.fields.map((f) => fieldSentence(ctx, f, labelOf(w.overrideFields, f.field)));
  return { mark: 'changed', text: say(c.before), details };
}

function dutyTitle(ctx: Context, d: Duty): string {
  return ctx.w.duty(d.duty.number, ctx.w.kinds[d.kind], d.duty.title);
}

function dueWords(ctx: Context, due: DueRule | undefined): string {
  const v = ctx.w.values;
  if (!due) return v.noDeadline;
  if ('on' in due) return v.dueOn(formatShortDate(due.on));
  if ('endOfMonth' in due) return v.endOfMonth;
  if ('workingDaysAfterOpening' in due) return v.afterOpening(due.workingDaysAfterOpening);
  if ('day' in due) return v.dueDay(due.day);
  return 'lastWorkingDay' in due ? v.lastWorkingDay : v.firstWorkingDay;
}

/** Who carries the duty, by role: `Chủ trì: Phòng KHTC (KHTC)`, `Phối hợp: …`. */
function dutyUnits(ctx: Context, d: Duty): string[] {
  return (['lead', 'support'] as const).flatMap((role) => {
    const units = d.duty.units.filter((u) => u.role === role).map((u) => unitName(ctx, u.unit));
    return units.length ? [`${ctx.w[role]}: ${units.join(', ')}`] : [];
  });
}

/** What an added or dropped duty is: its units, its schedule, its deadline. */
function dutySummary(ctx: Context, d: Duty): string[] {
  const { w } = ctx;
  const f = w.dutyFields;
  const lines = dutyUnits(ctx, d);
  const field = (name: string, v: PlanValue) => `${labelOf(f, name)}: ${valueWords(ctx, name, v, 'after')}`;
  if (d.kind === 'task') lines.push(field('opensOn', d.duty.opensOn));
  if (d.kind === 'recurring')
    lines.push(
      `${f.every}: ${valueWords(ctx, 'every', d.duty.every, 'after')}, ${plainValue(ctx, d.duty.from)} – ${plainValue(ctx, d.duty.to)}`,
    );
  if (d.kind !== 'ongoing') lines.push(`${w.due}: ${dueWords(ctx, d.duty.due)}`);
  if (d.kind === 'ongoing' && d.duty.target) lines.push(field('target', d.duty.target));
  return lines;
}

function dutyLine(ctx: Context, c: DutyChange): DiffLine {
  if (c.change !== 'changed')
    return { mark: c.change, text: dutyTitle(ctx, c.duty), details: dutySummary(ctx, c.duty) };
  return { mark: 'changed', text: dutyTitle(ctx, c.before), details: c.fields.map((f) => dutyDetail(ctx, f)) };
}

function dutyDetail(ctx: Context, f: DutyFieldChange): string {
  const { w } = ctx;
  const names = (codes: string[]) => codes.map((u) => unitName(ctx, u)).join(', ');
  switch (f.what) {
    case 'kind':
      return `${w.kind}: ${w.kinds[f.from]} → ${w.kinds[f.to]}`;
    case 'units': {
      const parts = [
        ...(f.gained.length ? [`${names(f.gained)} ${w.gains[f.role]}`] : []),
        ...(f.lost.length ? [`${names(f.lost)} ${w.loses[f.role]}`] : []),
      ];
      return `${w[f.role]}: ${parts.join('; ')}`;
    }
    case 'codes': {
      const list =
        f.field === 'forms' ? ctx.after.forms.concat(ctx.before.forms) : ctx.after.themes.concat(ctx.before.themes);
      const title = (code: string) => {
        const found = list.find((x) => x.code === code);
        return found ? `${found.title} (${code})` : code;
      };
      const parts = [
        ...(f.added.length ? [`${w.added} ${f.added.map(title).join(', ')}`] : []),
        ...(f.dropped.length ? [`${w.dropped} ${f.dropped.map(title).join(', ')}`] : []),
      ];
      return `${w[f.field]}: ${parts.join('; ')}`;
    }
    case 'due':
      return `${w.due}: ${dueWords(ctx, f.from)} → ${dueWords(ctx, f.to)}`;
    case 'order':
      return w.order[f.field];
    case 'field':
      return `${labelOf(w.dutyFields, f.field)}: ${valueWords(ctx, f.field, f.from, 'before')} → ${valueWords(ctx, f.field, f.to, 'after')}`;
  }
}

function reportingLines(ctx: Context, r: ReportingChange): DiffLine[] {
  const { w, locale } = ctx;
  const periods = (codes: readonly PeriodCode[]) => codes.map((p) => periodName(p, locale)).join(', ');
  if (r.change === 'added') {
    const details = [
      `${w.periodsLine}: ${periods(r.after.periods)}`,
      fieldSentenceOne(ctx, 'officeDeadlineDay', r.after.officeDeadlineDay),
      fieldSentenceOne(ctx, 'unitWorkingDaysBeforeOffice', r.after.unitWorkingDaysBeforeOffice),
    ];
    return [{ mark: 'added', text: w.reporting, details }];
  }
  if (r.change === 'dropped')
    return [{ mark: 'dropped', text: w.reportingDropped(periods(r.before.periods)), details: [] }];
  return [
    ...r.periodsAdded.map((p) => ({ mark: 'added' as const, text: w.period(periodName(p, locale)), details: [] })),
    ...r.periodsDropped.map((p) => ({ mark: 'dropped' as const, text: w.period(periodName(p, locale)), details: [] })),
    ...r.fields.map((f) => ({
      mark: 'changed' as const,
      text: fieldSentence(ctx, f, labelOf(w.fields, f.field)),
      details: [],
    })),
  ];
}

function fieldSentenceOne(ctx: Context, field: string, v: PlanValue): string {
  return `${labelOf(ctx.w.fields, field)}: ${valueWords(ctx, field, v, 'after')}`;
}
