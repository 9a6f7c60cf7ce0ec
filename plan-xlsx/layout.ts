/**
 * The workbook's layout, shared by the export and the import: its sheets in order, each sheet's columns (header,
 * width, what a cell holds, which plan field it fills) and the key/value rows of "Thông tin chung".
 */
import {
  BOOLEAN_LABELS,
  CALENDAR_KIND_LABELS,
  DUTY_KIND_LABELS,
  EVERY_LABELS,
  PER_LABELS,
  POLICY_LABELS,
  RECURRING_DUE_LABELS,
  ROLE_LABELS,
  TASK_DUE_LABELS,
} from './labels.js';
import type { DutyKind, LabelTable } from './labels.js';

/** What a cell holds, and so how it is written and read back. */
export type CellKind =
  | { type: 'text' }
  | { type: 'code' }
  | { type: 'number' }
  | { type: 'date' }
  | { type: 'month' }
  | { type: 'time' }
  | { type: 'numbers' }
  | { type: 'codes' }
  | { type: 'label'; table: LabelTable<string | boolean> };

const text = { type: 'text' } as const;
const code = { type: 'code' } as const;
const number = { type: 'number' } as const;
const date = { type: 'date' } as const;
const label = (table: LabelTable<string | boolean>): CellKind => ({ type: 'label', table });

export const SHEETS = {
  general: 'Thông tin chung',
  units: 'Đơn vị',
  subordinates: 'Cơ quan cấp dưới',
  themes: 'Chủ đề',
  forms: 'Hình thức',
  formTargets: 'Chỉ tiêu',
  duties: 'Nhiệm vụ',
  assignments: 'Phân công',
  periods: 'Kỳ báo cáo',
  calendar: 'Lịch làm việc',
} as const;
export type SheetKey = keyof typeof SHEETS;
export type SheetName = (typeof SHEETS)[SheetKey];

/** Sheets the plan cannot do without; any other may be left out of a workbook and reads as empty. */
export const REQUIRED_SHEETS: readonly SheetKey[] = ['general', 'units', 'forms', 'duties'];

/** Rows kept under the data for adding lines by hand: validation lists reach this far. */
export const SPARE_ROWS = 200;

/** A column of a list sheet: one plan field per row (`field` below the row's item), or one the import works out. */
export interface Column<Key extends string = string> {
  key: Key;
  header: string;
  width: number;
  kind: CellKind;
  /** The field below the row's item, e.g. `['head', 'email']`. */
  field: readonly string[];
  /** Data validation: a list of the cells of another sheet's first column, or of this kind's labels. */
  list?: 'units' | 'forms' | 'labels' | 'periods';
  /** Duty kinds the column applies to (the "Nhiệm vụ" sheet only). */
  kinds?: readonly DutyKind[];
  /** Written for people to read, never read back (a period's name, a row's label). */
  readOnly?: boolean;
}

const col = <Key extends string>(c: Column<Key>): Column<Key> => c;

export const UNIT_COLUMNS = [
  col({ key: 'code', header: 'Mã đơn vị', width: 12, kind: code, field: ['code'] }),
  col({ key: 'name', header: 'Tên đơn vị', width: 40, kind: text, field: ['name'] }),
  col({ key: 'headName', header: 'Họ tên trưởng đơn vị', width: 30, kind: text, field: ['head', 'name'] }),
  col({ key: 'headTitle', header: 'Chức vụ', width: 20, kind: text, field: ['head', 'title'] }),
  col({ key: 'headEmail', header: 'E-mail', width: 30, kind: text, field: ['head', 'email'] }),
  col({ key: 'duties', header: 'Nhiệm vụ của đơn vị', width: 60, kind: text, field: ['duties'] }),
] as const;

/**
 * The bodies that report to this one (`subordinates[]`): each a unit of every periodic report, asked through its
 * office; the director is optional, and left out when all its cells are empty.
 */
export const SUBORDINATE_COLUMNS = [
  col({ key: 'code', header: 'Mã cơ quan', width: 16, kind: code, field: ['code'] }),
  col({ key: 'name', header: 'Tên cơ quan cấp dưới', width: 40, kind: text, field: ['name'] }),
  col({ key: 'officeName', header: 'Tên Văn phòng', width: 30, kind: text, field: ['office', 'name'] }),
  col({ key: 'officeTitle', header: 'Chức vụ (Văn phòng)', width: 20, kind: text, field: ['office', 'title'] }),
  col({ key: 'officeEmail', header: 'E-mail Văn phòng', width: 30, kind: text, field: ['office', 'email'] }),
  col({ key: 'directorName', header: 'Họ tên thủ trưởng', width: 30, kind: text, field: ['director', 'name'] }),
  col({ key: 'directorTitle', header: 'Chức vụ (thủ trưởng)', width: 20, kind: text, field: ['director', 'title'] }),
  col({ key: 'directorEmail', header: 'E-mail thủ trưởng', width: 30, kind: text, field: ['director', 'email'] }),
] as const;

export const THEME_COLUMNS = [
  col({ key: 'code', header: 'Mã chủ đề', width: 14, kind: code, field: ['code'] }),
  col({ key: 'title', header: 'Tên chủ đề', width: 60, kind: text, field: ['title'] }),
] as const;

export const FORM_COLUMNS = [
  col({ key: 'code', header: 'Mã hình thức', width: 14, kind: code, field: ['code'] }),
  col({ key: 'title', header: 'Tên hình thức', width: 60, kind: text, field: ['title'] }),
] as const;

/** A form's target (`forms[].target`), all units together. */
export const FORM_TARGET_COLUMNS = [
  col({ key: 'form', header: 'Mã hình thức', width: 14, kind: code, field: [], list: 'forms' }),
  col({ key: 'count', header: 'Số lượng tối thiểu', width: 18, kind: number, field: ['target', 'count'] }),
  col({
    key: 'per',
    header: 'Tính theo',
    width: 14,
    kind: label(PER_LABELS),
    field: ['target', 'per'],
    list: 'labels',
  }),
] as const;

const DATED = ['tasks'] as const;
const RECURRING = ['recurringTasks'] as const;
const SCHEDULED = ['tasks', 'recurringTasks'] as const;
const ONGOING = ['ongoingDuties'] as const;

/** One duty per row, whatever its kind; the columns of another kind stay empty. */
export const DUTY_COLUMNS = [
  col({ key: 'kind', header: 'Loại', width: 13, kind: label(DUTY_KIND_LABELS), field: [], list: 'labels' }),
  col({ key: 'number', header: 'Số', width: 6, kind: number, field: ['number'] }),
  col({ key: 'title', header: 'Tên nhiệm vụ', width: 40, kind: text, field: ['title'] }),
  col({ key: 'content', header: 'Nội dung', width: 60, kind: text, field: ['content'] }),
  col({ key: 'themes', header: 'Chủ đề', width: 14, kind: { type: 'codes' }, field: ['themes'] }),
  col({ key: 'forms', header: 'Hình thức', width: 18, kind: { type: 'codes' }, field: ['forms'] }),
  col({ key: 'opensOn', header: 'Ngày giao', width: 12, kind: date, field: ['opensOn'], kinds: DATED }),
  col({
    key: 'dueRule',
    header: 'Cách tính hạn',
    width: 30,
    kind: label([...TASK_DUE_LABELS, ...RECURRING_DUE_LABELS]),
    field: ['due'],
    list: 'labels',
    kinds: SCHEDULED,
  }),
  col({ key: 'dueOn', header: 'Hạn (ngày)', width: 12, kind: date, field: ['due', 'on'], kinds: DATED }),
  col({ key: 'dueDays', header: 'Hạn (số ngày)', width: 13, kind: number, field: ['due'], kinds: SCHEDULED }),
  col({
    key: 'every',
    header: 'Lặp lại',
    width: 12,
    kind: label(EVERY_LABELS),
    field: ['every'],
    list: 'labels',
    kinds: RECURRING,
  }),
  col({ key: 'from', header: 'Từ tháng', width: 10, kind: { type: 'month' }, field: ['from'], kinds: RECURRING }),
  col({ key: 'to', header: 'Đến tháng', width: 10, kind: { type: 'month' }, field: ['to'], kinds: RECURRING }),
  col({
    key: 'opensBefore',
    header: 'Giao trước hạn (ngày làm việc)',
    width: 16,
    kind: number,
    field: ['opensWorkingDaysBefore'],
    kinds: RECURRING,
  }),
  col({
    key: 'reminders',
    header: 'Nhắc trước hạn (ngày làm việc)',
    width: 16,
    kind: { type: 'numbers' },
    field: ['reminders'],
    kinds: SCHEDULED,
  }),
  col({
    key: 'officeAfter',
    header: 'Báo Văn phòng sau hạn (ngày làm việc)',
    width: 16,
    kind: number,
    field: ['escalation', 'officeAfter'],
    kinds: SCHEDULED,
  }),
  col({
    key: 'directorAfter',
    header: 'Báo Giám đốc sau hạn (ngày làm việc)',
    width: 16,
    kind: number,
    field: ['escalation', 'directorAfter'],
    kinds: SCHEDULED,
  }),
  col({
    key: 'policy',
    header: 'Hạn rơi vào ngày nghỉ',
    width: 26,
    kind: label(POLICY_LABELS),
    field: ['deadlinePolicy'],
    list: 'labels',
    kinds: SCHEDULED,
  }),
  col({
    key: 'targetCount',
    header: 'Chỉ tiêu: số lượng',
    width: 12,
    kind: number,
    field: ['target', 'count'],
    kinds: ONGOING,
  }),
  col({
    key: 'targetPer',
    header: 'Chỉ tiêu: tính theo',
    width: 12,
    kind: label(PER_LABELS),
    field: ['target', 'per'],
    list: 'labels',
    kinds: ONGOING,
  }),
  col({
    key: 'targetPercent',
    header: 'Chỉ tiêu: tỷ lệ (%)',
    width: 12,
    kind: number,
    field: ['target', 'percent'],
    kinds: ONGOING,
  }),
  col({
    key: 'targetOf',
    header: 'Chỉ tiêu: tỷ lệ của',
    width: 30,
    kind: text,
    field: ['target', 'of'],
    kinds: ONGOING,
  }),
] as const;

/** One unit of one duty per row, in the duty's order (`units[]` of a task, recurring task or ongoing duty). */
export const ASSIGNMENT_COLUMNS = [
  col({ key: 'number', header: 'Số nhiệm vụ', width: 12, kind: number, field: [] }),
  col({ key: 'unit', header: 'Mã đơn vị', width: 12, kind: code, field: ['unit'], list: 'units' }),
  col({ key: 'role', header: 'Vai trò', width: 12, kind: label(ROLE_LABELS), field: ['role'], list: 'labels' }),
] as const;

export const PERIOD_COLUMNS = [
  col({ key: 'code', header: 'Mã kỳ', width: 10, kind: code, field: [], list: 'periods' }),
  col({ key: 'name', header: 'Tên kỳ (chỉ để đọc)', width: 24, kind: text, field: [], readOnly: true }),
] as const;

export const CALENDAR_COLUMNS = [
  col({ key: 'date', header: 'Ngày', width: 12, kind: date, field: ['date'] }),
  col({
    key: 'kind',
    header: 'Loại ngày',
    width: 12,
    kind: label(CALENDAR_KIND_LABELS),
    field: ['kind'],
    list: 'labels',
  }),
  col({ key: 'reason', header: 'Lý do', width: 50, kind: text, field: ['reason'] }),
] as const;

/** One key/value row of "Thông tin chung": the plan field it fills, named for people and by its path. */
export interface GeneralRow {
  group: string;
  label: string;
  path: readonly string[];
  kind: CellKind;
  list?: 'units';
}

const row = (group: string, label: string, path: string, kind: CellKind, list?: 'units'): GeneralRow => ({
  group,
  label,
  path: path.split('.'),
  kind,
  ...(list ? { list } : {}),
});

const ORG = 'Cơ quan';
const PLAN = 'Kế hoạch';
/** "Thực hiện Kế hoạch số … ngày … của …": the document above that the plan carries out. */
const CARRIES_OUT = 'Thực hiện văn bản cấp trên';
const OFFICE = 'Văn phòng';
const DIRECTOR = 'Giám đốc';
const REPORTING = 'Chế độ báo cáo';
const DEFAULTS = 'Mặc định của nhiệm vụ';

export const GENERAL_ROWS: readonly GeneralRow[] = [
  row(ORG, 'Mã cơ quan', 'organisation.code', code),
  row(ORG, 'Tên cơ quan', 'organisation.name', text),
  row(ORG, 'Cơ quan chủ quản', 'organisation.parentBody', text),
  row(ORG, 'Mã cơ quan cấp trên nhận báo cáo (nếu dùng hệ thống này)', 'organisation.reportsTo', code),
  row(ORG, 'Địa danh', 'organisation.placeName', text),
  row(ORG, 'Ký hiệu viết tắt', 'organisation.symbol', text),
  row(ORG, 'Múi giờ', 'organisation.timeZone', text),
  row(ORG, 'Ngôn ngữ (vi, en)', 'organisation.locale', text),
  row(PLAN, 'Số kế hoạch', 'plan.number', text),
  row(PLAN, 'Tên kế hoạch', 'plan.title', text),
  row(PLAN, 'Ngày ký', 'plan.signedOn', date),
  row(PLAN, 'Năm kế hoạch', 'plan.year', number),
  row(CARRIES_OUT, 'Loại văn bản (Kế hoạch, Quyết định, Công văn…)', 'plan.carriesOut.kind', text),
  row(CARRIES_OUT, 'Số, ký hiệu', 'plan.carriesOut.number', text),
  row(CARRIES_OUT, 'Ngày ký', 'plan.carriesOut.signedOn', date),
  row(CARRIES_OUT, 'Cơ quan ban hành', 'plan.carriesOut.issuer', text),
  row(CARRIES_OUT, 'Mã cơ quan ban hành (nếu dùng hệ thống này)', 'plan.carriesOut.org', code),
  row(CARRIES_OUT, 'Năm của kế hoạch đó (nếu dùng hệ thống này)', 'plan.carriesOut.year', number),
  row(OFFICE, 'Tên', 'office.name', text),
  row(OFFICE, 'Chức vụ', 'office.title', text),
  row(OFFICE, 'E-mail', 'office.email', text),
  row(OFFICE, 'Mã đơn vị của Văn phòng', 'office.unit', code, 'units'),
  row(DIRECTOR, 'Họ tên', 'director.name', text),
  row(DIRECTOR, 'Chức vụ', 'director.title', text),
  row(DIRECTOR, 'E-mail', 'director.email', text),
  row(REPORTING, 'Đơn vị báo cáo (để trống: mọi đơn vị)', 'reporting.units', { type: 'codes' }),
  row(REPORTING, 'Hạn của Văn phòng (ngày trong tháng cuối kỳ)', 'reporting.officeDeadlineDay', number),
  row(REPORTING, 'Đơn vị báo cáo trước hạn Văn phòng (ngày làm việc)', 'reporting.unitWorkingDaysBeforeOffice', number),
  row(REPORTING, 'Ngày chốt số liệu', 'reporting.cutOffDay', number),
  row(REPORTING, 'Hạn rơi vào ngày nghỉ', 'reporting.deadlinePolicy', label(POLICY_LABELS)),
  row(REPORTING, 'Cho phép báo cáo đột xuất', 'reporting.adHocAllowed', label(BOOLEAN_LABELS)),
  row(REPORTING, 'Nhắc trước hạn (ngày làm việc)', 'reporting.reminders', { type: 'numbers' }),
  row(REPORTING, 'Báo Văn phòng sau hạn (ngày làm việc)', 'reporting.escalation.officeAfter', number),
  row(REPORTING, 'Báo Giám đốc sau hạn (ngày làm việc)', 'reporting.escalation.directorAfter', number),
  row(DEFAULTS, 'Nhắc trước hạn (ngày làm việc)', 'defaults.reminders', { type: 'numbers' }),
  row(DEFAULTS, 'Báo Văn phòng sau hạn (ngày làm việc)', 'defaults.escalation.officeAfter', number),
  row(DEFAULTS, 'Báo Giám đốc sau hạn (ngày làm việc)', 'defaults.escalation.directorAfter', number),
  row(DEFAULTS, 'Hạn rơi vào ngày nghỉ', 'defaults.deadlinePolicy', label(POLICY_LABELS)),
  row(DEFAULTS, 'Giờ gửi thông báo (HH:mm)', 'defaults.sendAt', { type: 'time' }),
  row('Lịch làm việc', 'Làm việc thứ Bảy', 'calendar.saturdaysWorking', label(BOOLEAN_LABELS)),
  row('Chạy thử', 'Tốc độ đồng hồ chạy thử', 'demo.speed', number),
];

export const GENERAL_COLUMNS = [
  col({ key: 'group', header: 'Nhóm', width: 24, kind: text, field: [], readOnly: true }),
  col({ key: 'label', header: 'Mục', width: 50, kind: text, field: [], readOnly: true }),
  col({ key: 'path', header: 'Khoá', width: 36, kind: text, field: [] }),
  col({ key: 'value', header: 'Giá trị', width: 60, kind: text, field: [] }),
] as const;
