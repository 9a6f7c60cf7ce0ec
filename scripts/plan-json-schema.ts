// Writes docs/plan.schema.json, the JSON Schema of a plan file, from the zod schema: `npm run plan-schema:write`.
// Editors read it through the `# yaml-language-server: $schema=…` line at the top of a plan file and then complete
// keys, show each field's meaning on hover and underline mistakes as they are typed. It checks what JSON Schema can
// say (keys, types, enums, ranges, patterns); the checks across fields (a unit code that exists, a deadline after the
// opening date, ND 09/2019 Điều 8 k5) stay with `kehoach plan validate`.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { buildPlanSchema } from '../domain/plan-schema.js';

/** Where the JSON Schema is kept, beside docs/plan-format.md which explains it. */
export const PLAN_JSON_SCHEMA_FILE = fileURLToPath(new URL('../docs/plan.schema.json', import.meta.url));

/** A field's meaning, Vietnamese first: shown by the editor on hover and in completion. */
interface Described {
  vi: string;
  en: string;
}

type JsonSchema = {
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  [key: string]: unknown;
};

/** What every kind of duty has: number, title, content, themes, forms and units (chủ trì / phối hợp). */
function dutyFields(prefix: string, what: Described): Record<string, Described> {
  return {
    [prefix]: what,
    [`${prefix}[].number`]: {
      vi: 'Số thứ tự nhiệm vụ (1–99), duy nhất trong cả tasks, recurringTasks và ongoingDuties; dùng trong mã task-05.',
      en: 'Task number (1–99), unique across tasks, recurringTasks and ongoingDuties; used in the id task-05.',
    },
    [`${prefix}[].title`]: {
      vi: 'Tên nhiệm vụ (tối đa 200 ký tự).',
      en: 'Title of the task (at most 200 characters).',
    },
    [`${prefix}[].content`]: {
      vi: 'Nội dung nhiệm vụ như ghi trong kế hoạch (tối đa 4000 ký tự); gửi cho đơn vị trong e-mail giao việc.',
      en: "The task's content as the plan writes it (at most 4,000 characters); sent to the units when it opens.",
    },
    [`${prefix}[].themes`]: {
      vi: 'Mã các nội dung tuyên truyền (trong themes) mà nhiệm vụ thuộc về.',
      en: 'Codes of the themes (from themes) the task belongs to.',
    },
    [`${prefix}[].forms`]: {
      vi: 'Mã các hình thức tuyên truyền (trong forms) dùng cho nhiệm vụ; ít nhất một.',
      en: 'Codes of the forms of communication (from forms) the task uses; at least one.',
    },
    [`${prefix}[].units`]: {
      vi: 'Đơn vị thực hiện: đơn vị chủ trì và đơn vị phối hợp; ít nhất một.',
      en: 'Units that carry the task: lead (chủ trì) and supporting (phối hợp); at least one.',
    },
    [`${prefix}[].units[].unit`]: { vi: 'Mã đơn vị (trong units).', en: 'Unit code (from units).' },
    [`${prefix}[].units[].role`]: {
      vi: 'lead = đơn vị chủ trì, support = đơn vị phối hợp. Cả hai đều phải nộp; báo cáo của đơn vị chủ trì được tổng hợp trước.',
      en: "lead = chủ trì, support = phối hợp. Both must submit; the lead's report is consolidated first.",
    },
  };
}

/** Reminders, escalation and deadline policy, which a task, a recurring task or the reporting regime may set. */
function deadlineFields(prefix: string, defaultsFrom: string): Record<string, Described> {
  return {
    [`${prefix}.reminders`]: {
      vi: `Nhắc hạn: số ngày làm việc trước hạn, ví dụ [3, 1]. Mặc định: ${defaultsFrom}.`,
      en: `Reminders: working days before the deadline, e.g. [3, 1]. Default: ${defaultsFrom}.`,
    },
    ...escalationFields(`${prefix}.escalation`, `Mặc định: defaults.escalation.`, 'Default: defaults.escalation.'),
  };
}

function escalationFields(path: string, defaultVi: string, defaultEn: string): Record<string, Described> {
  return {
    [path]: {
      vi: `Báo Văn phòng, rồi báo Giám đốc khi đơn vị chưa nộp sau hạn. ${defaultVi}`.trim(),
      en: `Escalation to the office, then the director, when a unit has not submitted after the deadline. ${defaultEn}`.trim(),
    },
    [`${path}.officeAfter`]: {
      vi: 'Báo Văn phòng sau hạn bao nhiêu ngày làm việc (0 = ngay khi quá hạn).',
      en: 'Working days after the deadline at which the office is told (0 = as soon as it is overdue).',
    },
    [`${path}.directorAfter`]: {
      vi: 'Báo Giám đốc sau hạn bao nhiêu ngày làm việc; phải lớn hơn officeAfter.',
      en: 'Working days after the deadline at which the director is told; more than officeAfter.',
    },
  };
}

const POLICY: Described = {
  vi: 'Khi hạn rơi vào ngày nghỉ: FORWARD = chuyển sang ngày làm việc kế tiếp (BLDS 2015 Điều 148 k5), BACKWARD = đưa lên ngày làm việc trước đó, KEEP = giữ nguyên.',
  en: 'When a deadline falls on a day off: FORWARD = the next working day (Civil Code 2015 art. 148(5)), BACKWARD = the working day before, KEEP = keep it.',
};

/** The deadline policy of one task, which falls back on the plan's. */
const TASK_POLICY: Described = {
  vi: `${POLICY.vi} Mặc định: defaults.deadlinePolicy.`,
  en: `${POLICY.en} Default: defaults.deadlinePolicy.`,
};

const person = (prefix: string, who: Described): Record<string, Described> => ({
  [prefix]: who,
  [`${prefix}.name`]: { vi: 'Họ tên hoặc tên chức danh.', en: 'Name, or the name of the post.' },
  [`${prefix}.title`]: { vi: 'Chức vụ (không bắt buộc).', en: 'Position (optional).' },
  [`${prefix}.email`]: { vi: 'Địa chỉ e-mail nhận thông báo.', en: 'E-mail address that receives the notices.' },
});

const countTarget = (prefix: string, whose: Described): Record<string, Described> => ({
  [`${prefix}.count`]: {
    vi: `Chỉ tiêu tối thiểu: số sản phẩm ${whose.vi} (1–1.000.000).`,
    en: `Minimum target: number of outputs ${whose.en} (1–1,000,000).`,
  },
  [`${prefix}.per`]: {
    vi: 'Chỉ tiêu tính cho mỗi: month = tháng, period = kỳ báo cáo, year = năm.',
    en: 'The target is per: month, period (report period) or year.',
  },
});

/**
 * Each field's meaning, by its path in the plan file (`tasks[].due.on`: `[]` stands for every item of a list).
 * The test fails on a path the schema no longer has and on a field the map does not describe.
 */
export const DESCRIPTIONS: Record<string, Described> = {
  '': {
    vi: 'Tệp kế hoạch tuyên truyền (kehoach). Hướng dẫn: docs/plan-format.md. Kiểm tra: npx kehoach plan validate <tệp>.',
    en: 'A kehoach communication plan file. Guide: docs/plan-format.md. Check it with: npx kehoach plan validate <file>.',
  },
  organisation: { vi: 'Cơ quan ban hành kế hoạch.', en: 'The organisation that issues the plan.' },
  'organisation.code': {
    vi: 'Mã viết tắt của cơ quan, chữ in hoa, số và "-": dùng trong mã workflow plan-<mã>-<năm>.',
    en: 'Short uppercase code of the organisation (letters, digits, "-"): used in the workflow id plan-<code>-<year>.',
  },
  'organisation.name': { vi: 'Tên cơ quan, ví dụ Sở Giáo dục và Đào tạo.', en: 'Name of the organisation.' },
  'organisation.parentBody': {
    vi: 'Cơ quan chủ quản (dòng trên tên cơ quan ở đầu văn bản, NĐ 30/2020). Không bắt buộc.',
    en: "Parent body (the line above the organisation's name in a document header, Decree 30/2020). Optional.",
  },
  'organisation.reportsTo': {
    vi: 'Mã cơ quan cấp trên mà cơ quan này báo cáo, khi cơ quan đó cũng dùng hệ thống này. Không bắt buộc.',
    en: 'Code of the body this one reports to, when that body uses this deployment too. Optional.',
  },
  'organisation.placeName': {
    vi: 'Địa danh ghi trên văn bản: "<địa danh>, ngày … tháng … năm …".',
    en: 'Place name written on documents: "<place>, ngày … tháng … năm …".',
  },
  'organisation.symbol': {
    vi: 'Chữ viết tắt tên cơ quan trong số, ký hiệu văn bản, ví dụ SGDĐT trong "Số: 05/BC-SGDĐT".',
    en: 'Abbreviation used in document numbers, e.g. SGDĐT in "Số: 05/BC-SGDĐT".',
  },
  'organisation.timeZone': {
    vi: 'Múi giờ IANA để đọc mọi ngày, giờ của kế hoạch.',
    en: "IANA time zone in which the plan's dates and times are read.",
  },
  'organisation.locale': {
    vi: 'Ngôn ngữ của e-mail và báo cáo: vi hoặc en.',
    en: 'Language of e-mails and reports: vi or en.',
  },
  plan: { vi: 'Văn bản kế hoạch đã ký.', en: 'The signed plan document.' },
  'plan.number': { vi: 'Số, ký hiệu kế hoạch, ví dụ 290/KH-SGDĐT.', en: 'Number and symbol, e.g. 290/KH-SGDĐT.' },
  'plan.title': { vi: 'Trích yếu (tối đa 200 ký tự).', en: 'Summary line (at most 200 characters).' },
  'plan.signedOn': { vi: 'Ngày ký, yyyy-MM-dd.', en: 'Date signed, yyyy-MM-dd.' },
  'plan.year': { vi: 'Năm của kế hoạch (2000–2100).', en: 'The plan year (2000–2100).' },
  'plan.carriesOut': {
    vi: 'Văn bản cấp trên mà kế hoạch thực hiện ("Thực hiện Kế hoạch số … ngày … của …"). Không bắt buộc.',
    en: 'The document above that this plan carries out ("Thực hiện Kế hoạch số … ngày … của …"). Optional.',
  },
  'plan.carriesOut.kind': {
    vi: 'Loại văn bản: Kế hoạch, Quyết định, Công văn…; mặc định Kế hoạch.',
    en: 'Kind of document: Kế hoạch (plan), Quyết định (decision), Công văn (letter)…; default Kế hoạch.',
  },
  'plan.carriesOut.number': {
    vi: 'Số, ký hiệu văn bản, ví dụ 216/KH-UBND.',
    en: 'Its number and symbol, e.g. 216/KH-UBND.',
  },
  'plan.carriesOut.signedOn': { vi: 'Ngày ký văn bản, yyyy-MM-dd.', en: 'The date it was signed, yyyy-MM-dd.' },
  'plan.carriesOut.issuer': { vi: 'Cơ quan ban hành văn bản.', en: 'The body that issued it.' },
  'plan.carriesOut.org': {
    vi: 'Mã cơ quan ban hành trong hệ thống này, khi kế hoạch đó cũng chạy ở đây (để tổng hợp báo cáo lên cấp trên).',
    en: "The issuer's code in this deployment, when that plan runs here too (so reports roll up to it).",
  },
  'plan.carriesOut.year': {
    vi: 'Năm của kế hoạch cấp trên trong hệ thống; mặc định bằng năm kế hoạch này.',
    en: "The year of the parent's plan in this deployment; defaults to this plan's year.",
  },
  'plan.carriesOut.namespace': {
    vi: 'Không gian tên (namespace) Temporal nơi kế hoạch cấp trên chạy, khi khác nơi kế hoạch này chạy (ví dụ bo): báo cáo được gửi lên qua Temporal Nexus. Không ghi = cùng nơi.',
    en: "The Temporal namespace the parent's plan runs in, when not this plan's (e.g. bo): reports go up through Temporal Nexus. Omitted = the same one.",
  },
  ...person('office', {
    vi: 'Văn phòng: đầu mối theo dõi, tổng hợp; nhận báo cáo quá hạn.',
    en: 'The office (Văn phòng): follows up and consolidates; told when units are overdue.',
  }),
  'office.unit': {
    vi: 'Mã đơn vị của Văn phòng trong units; đơn vị này quá hạn thì chỉ báo Giám đốc, không báo Văn phòng về chính mình.',
    en: "The office's unit code in units; when that unit is late only the director is told, not the office itself.",
  },
  ...person('director', {
    vi: 'Thủ trưởng cơ quan (Giám đốc, Hiệu trưởng): nhận báo cáo quá hạn ở bước cuối.',
    en: 'Head of the organisation (director, principal): told last when units are overdue.',
  }),
  units: {
    vi: 'Các đơn vị (phòng, tổ) thực hiện kế hoạch; ít nhất một.',
    en: 'The units (departments, teams) that carry out the plan; at least one.',
  },
  'units[].code': { vi: 'Mã đơn vị, ví dụ KHTC; không trùng.', en: 'Unit code, e.g. KHTC; unique.' },
  'units[].name': { vi: 'Tên đơn vị.', en: 'Name of the unit.' },
  ...person('units[].head', {
    vi: 'Trưởng đơn vị: nhận e-mail giao việc, nhắc hạn và đường dẫn nộp báo cáo.',
    en: 'Head of the unit: receives assignments, reminders and the link to submit.',
  }),
  'units[].duties': {
    vi: 'Nhiệm vụ của đơn vị theo mục Tổ chức thực hiện của kế hoạch (không bắt buộc).',
    en: "The unit's responsibilities as the plan's implementation section states them (optional).",
  },
  subordinates: {
    vi: 'Các cơ quan, đơn vị cấp dưới báo cáo cơ quan này (các trường của Sở): mỗi cơ quan được đề nghị báo cáo định kỳ như một đơn vị, qua Văn phòng của mình; báo cáo tổng hợp đã được thủ trưởng duyệt tự gửi lên khi cơ quan đó cũng dùng hệ thống này.',
    en: "The bodies that report to this one (a department's schools): each is asked for every periodic report like a unit, through its office; its director-accepted consolidated report arrives by itself when it uses this deployment too.",
  },
  'subordinates[].code': {
    vi: 'Mã cơ quan cấp dưới (như organisation.code trong kế hoạch của cơ quan đó); không trùng mã đơn vị.',
    en: "The subordinate's code (its plan's organisation.code); not a unit's code.",
  },
  'subordinates[].name': { vi: 'Tên cơ quan cấp dưới.', en: 'Name of the subordinate body.' },
  ...person('subordinates[].office', {
    vi: 'Văn phòng của cơ quan cấp dưới: nhận đề nghị báo cáo, nhắc hạn và đường dẫn nộp.',
    en: "The subordinate's office: receives the report requests, reminders and the link to submit.",
  }),
  ...person('subordinates[].director', {
    vi: 'Thủ trưởng cơ quan cấp dưới: được báo khi cơ quan mình chậm báo cáo (không bắt buộc).',
    en: "The subordinate's head: told when the body is late to report (optional).",
  }),
  themes: {
    vi: 'Nội dung (chủ đề) tuyên truyền.',
    en: 'Themes of the communication.',
  },
  'themes[].code': { vi: 'Mã chủ đề, ví dụ TTHC.', en: 'Theme code, e.g. TTHC.' },
  'themes[].title': { vi: 'Tên chủ đề.', en: 'Title of the theme.' },
  forms: {
    vi: 'Hình thức tuyên truyền (website, hội nghị, pano…); số liệu báo cáo tính theo từng hình thức. Ít nhất một.',
    en: 'Forms of communication (website, meetings, posters…); reported figures are counted per form. At least one.',
  },
  'forms[].code': { vi: 'Mã hình thức, ví dụ WEBSITE.', en: 'Form code, e.g. WEBSITE.' },
  'forms[].title': { vi: 'Tên hình thức.', en: 'Title of the form.' },
  'forms[].target': {
    vi: 'Chỉ tiêu của hình thức này cho cả cơ quan, ví dụ tối thiểu 01 tin mỗi tháng (không bắt buộc).',
    en: 'The target for this form, all units together, e.g. at least one news item a month (optional).',
  },
  ...countTarget('forms[].target', {
    vi: 'của hình thức này, mọi đơn vị cộng lại',
    en: 'of this form, all units together',
  }),
  ...dutyFields('tasks', {
    vi: 'Nhiệm vụ có hạn: giao ngày opensOn, hạn theo due; có nhắc hạn, báo quá hạn.',
    en: 'Dated tasks: open on opensOn, due by the due rule; reminded and escalated.',
  }),
  'tasks[].opensOn': {
    vi: 'Ngày giao nhiệm vụ, yyyy-MM-dd; ngày nghỉ thì giao vào ngày làm việc kế tiếp.',
    en: 'Date the task opens, yyyy-MM-dd; on a day off it opens on the next working day.',
  },
  'tasks[].due': {
    vi: 'Hạn: { on: yyyy-MM-dd } ngày cố định, { endOfMonth: true } cuối tháng giao, hoặc { workingDaysAfterOpening: n }.',
    en: 'Deadline: { on: yyyy-MM-dd } a fixed date, { endOfMonth: true } the end of the opening month, or { workingDaysAfterOpening: n }.',
  },
  'tasks[].due.on': {
    vi: 'Hạn là ngày cố định, yyyy-MM-dd, sau ngày giao.',
    en: 'The deadline is this date, yyyy-MM-dd, after the opening date.',
  },
  'tasks[].due.endOfMonth': {
    vi: 'Hạn là ngày cuối của tháng giao nhiệm vụ; ngày nghỉ thì là ngày làm việc cuối cùng của tháng, trừ khi nhiệm vụ tự đặt deadlinePolicy (chỉ nhận true).',
    en: "The deadline is the last day of the month the task opens in; on a day off, the month's last working day unless the task sets its own deadlinePolicy (true only).",
  },
  'tasks[].due.workingDaysAfterOpening': {
    vi: 'Hạn là n ngày làm việc sau ngày giao (1–250).',
    en: 'The deadline is n working days after the task opens (1–250).',
  },
  ...deadlineFields('tasks[]', 'defaults.reminders'),
  'tasks[].deadlinePolicy': TASK_POLICY,
  ...dutyFields('recurringTasks', {
    vi: 'Nhiệm vụ định kỳ (hằng tháng, hằng quý): mỗi kỳ là một nhiệm vụ có hạn riêng.',
    en: 'Recurring tasks (monthly, quarterly): each occurrence is a task with its own deadline.',
  }),
  'recurringTasks[].every': {
    vi: 'Lặp lại: month = hằng tháng, quarter = hằng quý.',
    en: 'How often: month or quarter.',
  },
  'recurringTasks[].from': {
    vi: 'Tháng đầu, yyyy-MM, trong năm kế hoạch.',
    en: 'First month, yyyy-MM, in the plan year.',
  },
  'recurringTasks[].to': {
    vi: 'Tháng cuối, yyyy-MM, trong năm kế hoạch; một quý được tính khi tháng cuối quý nằm trong khoảng.',
    en: 'Last month, yyyy-MM, in the plan year; a quarter counts when its last month is in range.',
  },
  'recurringTasks[].due': {
    vi: 'Hạn mỗi kỳ, trong tháng cuối của kỳ: { day: n }, { lastWorkingDay: true } hoặc { firstWorkingDay: true }.',
    en: "Each occurrence's deadline, in its last month: { day: n }, { lastWorkingDay: true } or { firstWorkingDay: true }.",
  },
  'recurringTasks[].due.day': {
    vi: 'Ngày n của tháng (1–31; tháng ngắn hơn thì ngày cuối tháng); hạn không ra khỏi tháng.',
    en: 'Day n of the month (1–31; the last day in a shorter month); the deadline never leaves the month.',
  },
  'recurringTasks[].due.lastWorkingDay': {
    vi: 'Hạn là ngày làm việc cuối cùng của tháng (chỉ nhận true).',
    en: 'The deadline is the last working day of the month (true only).',
  },
  'recurringTasks[].due.firstWorkingDay': {
    vi: 'Hạn là ngày làm việc đầu tiên của tháng (chỉ nhận true).',
    en: 'The deadline is the first working day of the month (true only).',
  },
  'recurringTasks[].opensWorkingDaysBefore': {
    vi: 'Mỗi kỳ giao trước hạn bao nhiêu ngày làm việc (1–60). Mặc định: ngày làm việc đầu tiên của kỳ.',
    en: 'Each occurrence opens this many working days before its deadline (1–60). Default: the first working day of its period.',
  },
  ...deadlineFields('recurringTasks[]', 'defaults.reminders'),
  'recurringTasks[].deadlinePolicy': TASK_POLICY,
  ...dutyFields('ongoingDuties', {
    vi: 'Nhiệm vụ thường xuyên: không có hạn, không nhắc hạn; kết quả được hỏi trong mỗi báo cáo định kỳ.',
    en: 'Ongoing duties (thường xuyên): no deadline, no reminder; their results are asked for in every periodic report.',
  }),
  'ongoingDuties[].target': {
    vi: 'Chỉ tiêu mỗi đơn vị phải đạt, báo cáo mỗi kỳ: { count, per } số sản phẩm, hoặc { percent, of } tỷ lệ (không bắt buộc).',
    en: 'What each unit must reach, reported every period: { count, per } outputs, or { percent, of } a share (optional).',
  },
  ...countTarget('ongoingDuties[].target', {
    vi: 'của mỗi đơn vị, mọi hình thức cộng lại',
    en: 'of each unit, all forms together',
  }),
  'ongoingDuties[].target.percent': {
    vi: 'Tỷ lệ phải đạt, phần trăm (lớn hơn 0, tối đa 100).',
    en: 'The share to reach, in percent (more than 0, at most 100).',
  },
  'ongoingDuties[].target.of': {
    vi: 'Tỷ lệ của cái gì, ví dụ "TTHC được niêm yết công khai".',
    en: 'What the share is of, e.g. "administrative procedures published".',
  },
  reporting: {
    vi: 'Chế độ báo cáo định kỳ (NĐ 09/2019) và báo cáo đột xuất. Không có mục này thì không có báo cáo định kỳ.',
    en: 'The periodic reporting regime (Decree 09/2019) and ad hoc reports. Without it there are no periodic reports.',
  },
  'reporting.periods': {
    vi: 'Các kỳ báo cáo: M01–M12 tháng, Q1–Q4 quý, H1/H2 6 tháng, M9 9 tháng, Y năm; chốt số liệu từ ngày 15 đến ngày 14 (NĐ 09/2019 Điều 12).',
    en: 'Report periods: M01–M12 months, Q1–Q4 quarters, H1/H2 half-years, M9 nine months, Y the year; cut-off 15th to 14th (Decree 09/2019 art. 12).',
  },
  'reporting.units': {
    vi: 'Mã các đơn vị phải báo cáo. Mặc định: mọi đơn vị.',
    en: 'Codes of the units that report. Default: every unit.',
  },
  'reporting.officeDeadlineDay': {
    vi: 'Hạn của Văn phòng: ngày n của tháng cuối kỳ (1–31), ví dụ 20 (BNV 581/BNV-CCHC).',
    en: "The office's deadline: day n of the period's last month (1–31), e.g. 20 (BNV 581/BNV-CCHC).",
  },
  'reporting.unitWorkingDaysBeforeOffice': {
    vi: 'Hạn của đơn vị: trước hạn của Văn phòng bao nhiêu ngày làm việc (1–20).',
    en: "The units' deadline: this many working days before the office's (1–20).",
  },
  'reporting.cutOffDay': {
    vi: 'Ngày chốt số liệu trong tháng cuối kỳ (1–28); mặc định 14 theo NĐ 09/2019 Điều 12; ngành có chế độ riêng, ví dụ 15.',
    en: "The period's last day of figures in its last month (1–28); default 14, Decree 09/2019 art. 12; a sector's own regime, e.g. 15.",
  },
  'reporting.deadlinePolicy': POLICY,
  'reporting.adHocAllowed': {
    vi: 'Văn phòng được yêu cầu báo cáo đột xuất.',
    en: 'Whether the office may request ad hoc reports.',
  },
  'reporting.reminders': {
    vi: 'Nhắc hạn báo cáo: số ngày làm việc trước hạn của đơn vị (Văn phòng: trước hạn của Văn phòng). Mặc định: defaults.reminders.',
    en: "Report reminders: working days before the units' deadline (the office: before its own). Default: defaults.reminders.",
  },
  ...escalationFields('reporting.escalation', 'Mặc định: defaults.escalation.', 'Default: defaults.escalation.'),
  defaults: {
    vi: 'Giá trị chung cho mọi nhiệm vụ và báo cáo không tự đặt.',
    en: 'Values for every task and report that does not set its own.',
  },
  'defaults.reminders': {
    vi: 'Nhắc hạn: số ngày làm việc trước hạn.',
    en: 'Reminders: working days before the deadline.',
  },
  ...escalationFields('defaults.escalation', '', ''),
  'defaults.deadlinePolicy': POLICY,
  'defaults.sendAt': {
    vi: 'Giờ gửi thông báo trong ngày, HH:mm, giờ địa phương.',
    en: 'Time of day notices go out, HH:mm, local time.',
  },
  calendar: {
    vi: 'Lịch làm việc riêng của cơ quan, thêm vào lịch nghỉ chính thức.',
    en: "The organisation's own working calendar, on top of the official days off.",
  },
  'calendar.saturdaysWorking': {
    vi: 'Làm việc thứ Bảy (trường học, bộ phận một cửa).',
    en: 'Whether Saturdays are working days (schools, one-stop desks).',
  },
  'calendar.overrides': {
    vi: 'Ngày nghỉ hoặc ngày làm việc riêng, ưu tiên hơn lịch chính thức.',
    en: 'Days off or working days of the organisation, overriding the official calendar.',
  },
  'calendar.overrides[].date': { vi: 'Ngày, yyyy-MM-dd.', en: 'Date, yyyy-MM-dd.' },
  'calendar.overrides[].kind': { vi: 'off = nghỉ, working = làm việc.', en: 'off or working.' },
  'calendar.overrides[].reason': {
    vi: 'Lý do, ghi bên cạnh mọi ngày tính theo nó.',
    en: 'Why; shown beside every date computed from it.',
  },
  demo: {
    vi: 'Chạy thử (npm start): thời gian kế hoạch chạy nhanh hơn thời gian thực. Không dùng cho kế hoạch thật.',
    en: 'Demo clock (npm start): plan time runs faster than real time. Not for real plans.',
  },
  'demo.speed': {
    vi: 'Hệ số tăng tốc (1–1.000.000), ví dụ 4320 = ba ngày kế hoạch mỗi phút.',
    en: 'Speed-up factor (1–1,000,000), e.g. 4320 = three plan days per real minute.',
  },
};

/** Every node of `schema` reached through properties or list items, by path (`tasks[].due.on`); union branches are walked through. */
function fieldNodes(schema: JsonSchema): Map<string, JsonSchema[]> {
  const out = new Map<string, JsonSchema[]>();
  const walk = (node: JsonSchema, path: string) => {
    for (const branch of node.anyOf ?? []) walk(branch, path);
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const at = path ? `${path}.${key}` : key;
      out.set(at, [...(out.get(at) ?? []), child]);
      walk(child, at);
    }
    if (node.items) walk(node.items, `${path}[]`);
  };
  walk(schema, '');
  return out;
}

/** The zod schema as JSON Schema (draft-07, the input shape: fields with defaults are optional), without descriptions. */
function bareJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(buildPlanSchema(), { io: 'input', target: 'draft-07' });
  // A zod schema used twice may come out as one shared object; descriptions differ per path, so copy first.
  return JSON.parse(JSON.stringify(generated)) as JsonSchema;
}

/** Paths of the description map that the schema does not have, and fields of the schema the map does not describe. */
export function descriptionGaps(): { stale: string[]; undescribed: string[] } {
  const fields = fieldNodes(bareJsonSchema());
  return {
    stale: Object.keys(DESCRIPTIONS).filter((p) => p !== '' && !fields.has(p)),
    undescribed: [...fields.keys()].filter((p) => !DESCRIPTIONS[p]),
  };
}

/**
 * A default as the description says it, read from the schema so it cannot drift: `[3, 1]`, `FORWARD`, `none` for an
 * empty list, `officeAfter: 1, directorAfter: 3`; undefined for a nested object (its fields say their own).
 */
function defaultText(value: unknown): Described | undefined {
  const scalar = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  if (Array.isArray(value)) {
    if (value.length === 0) return { vi: 'không có', en: 'none' };
    const list = `[${value.map(scalar).join(', ')}]`;
    return { vi: list, en: list };
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.some(([, v]) => typeof v === 'object' && v !== null)) return undefined;
    const flat = entries.map(([k, v]) => `${k}: ${scalar(v)}`).join(', ');
    return { vi: flat, en: flat };
  }
  return value === undefined ? undefined : { vi: scalar(value), en: scalar(value) };
}

/** The JSON Schema of a plan file, with a title and each field's meaning (Vietnamese, then English). */
export function planJsonSchema(): JsonSchema {
  const bare = bareJsonSchema();
  const text = (d: Described, node?: JsonSchema) => {
    const def = node && 'default' in node ? defaultText(node.default) : undefined;
    return def ? `${d.vi} Mặc định: ${def.vi}.\n\n${d.en} Default: ${def.en}.` : `${d.vi}\n\n${d.en}`;
  };
  const root = DESCRIPTIONS[''];
  const { $schema, ...rest } = bare;
  const schema: JsonSchema = {
    $schema,
    title: 'Kế hoạch tuyên truyền (kehoach plan file)',
    ...(root ? { description: text(root) } : {}),
    ...rest,
  };
  for (const [path, nodes] of fieldNodes(schema)) {
    const d = DESCRIPTIONS[path];
    if (!d) continue;
    // `description` first, so a reader of the file sees the meaning before the constraints.
    for (const node of nodes) {
      const description = text(d, node);
      const constraints = Object.entries(node).filter(([key]) => key !== 'description');
      for (const [key] of constraints) delete node[key];
      node.description = description;
      for (const [key, value] of constraints) node[key] = value;
    }
  }
  return schema;
}

/** The file's text, formatted as Prettier formats it so `npm run format:check` passes. */
export async function planJsonSchemaText(): Promise<string> {
  const options = (await resolveConfig(PLAN_JSON_SCHEMA_FILE)) ?? {};
  return format(JSON.stringify(planJsonSchema()), { ...options, filepath: PLAN_JSON_SCHEMA_FILE });
}

async function main(): Promise<void> {
  const { stale, undescribed } = descriptionGaps();
  if (stale.length > 0) throw new Error(`DESCRIPTIONS names fields the plan schema no longer has: ${stale.join(', ')}`);
  await writeFile(PLAN_JSON_SCHEMA_FILE, await planJsonSchemaText());
  process.stdout.write(`wrote ${PLAN_JSON_SCHEMA_FILE}\n`);
  if (undescribed.length > 0)
    process.stderr.write(
      `no description yet (add them to DESCRIPTIONS in scripts/plan-json-schema.ts and to docs/plan-format.md): ${undescribed.join(', ')}\n`,
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
