import type { Lang } from '../i18n.js';

/**
 * The texts of "giao kế hoạch cho cơ quan cấp dưới" (a parent's office derives a subordinate's draft plan), in
 * Vietnamese first. `en` below has the same keys (its type is this object's), so a text missing in English is a type
 * error.
 */
export const vi = {
  section: {
    heading: 'Giao kế hoạch cho cơ quan cấp dưới',
    hint:
      'Dựng bản nháp kế hoạch của một cơ quan cấp dưới thực hiện kế hoạch này: kế thừa chủ đề, hình thức, nhiệm vụ và ' +
      'chỉ tiêu; hạn báo cáo của Văn phòng cơ quan cấp dưới sớm hơn hạn kế hoạch này giao cho đơn vị. Văn phòng cơ ' +
      'quan cấp dưới điền tiếp trong trình soạn thảo của mình.',
    child: 'Cơ quan cấp dưới',
    leadDays: 'Văn phòng cấp dưới gửi trước hạn giao cho đơn vị (ngày làm việc)',
    send: 'Dựng bản nháp cho cơ quan cấp dưới',
    noneBelow: (org: string) => `Danh sách cơ quan chưa có cơ quan nào báo cáo ${org}.`,
  },
  done: {
    title: 'Đã giao bản nháp kế hoạch',
    saved: (child: string, number: string) =>
      `Bản nháp kế hoạch của ${child} thực hiện Kế hoạch số ${number} đã được lưu.`,
    openEditor: (code: string) => `Văn phòng ${code} có thể mở trình soạn thảo tại`,
    deadlinesHeading: 'Hạn báo cáo của cơ quan cấp dưới',
    deadlinesCaption: (lead: number) =>
      `Hạn của Văn phòng cơ quan cấp dưới trước hạn giao cho đơn vị ít nhất ${lead} ngày làm việc`,
    period: 'Kỳ',
    childDue: 'Hạn của Văn phòng cấp dưới',
    latest: 'Muộn nhất',
    parentDue: 'Hạn giao cho đơn vị',
    markedHeading: (n: number) => `${n} mục Văn phòng cấp dưới cần điền hoặc xác nhận`,
    back: 'Về kế hoạch',
  },
  exists: {
    title: 'Cơ quan cấp dưới đang soạn kế hoạch',
    text: (child: string, by: string, at: string) =>
      `${child} đã có bản nháp kế hoạch, lưu lần cuối bởi ${by} lúc ${at}. Bản dựng mới sẽ thay bản nháp đó.`,
    replace: 'Thay bản nháp đang soạn',
    back: 'Giữ bản nháp, về kế hoạch',
  },
  refusals: {
    notBelow: (child: string, org: string, below: string[]) =>
      `"${child}" không phải cơ quan cấp dưới trực tiếp của ${org} trong danh sách cơ quan (${
        below.length ? `các cơ quan cấp dưới: ${below.join(', ')}` : `${org} chưa có cơ quan cấp dưới nào`
      }).`,
    leadDays: 'Số ngày làm việc gửi trước phải là số nguyên từ 1 đến 20.',
  },
};

export type DeriveTexts = typeof vi;

export const en: DeriveTexts = {
  section: {
    heading: 'Hand the plan down to a subordinate body',
    hint:
      'Build the draft plan of a body below this one that carries this plan out: its themes, forms, duties and ' +
      "targets are inherited; the subordinate office's report deadlines fall before this plan's deadline for its " +
      "units. The subordinate's office goes on in its own editor.",
    child: 'Subordinate body',
    leadDays: "Subordinate office reports before this plan's deadline for its units (working days)",
    send: 'Build the draft for the subordinate',
    noneBelow: (org: string) => `The organisations directory has no body reporting to ${org}.`,
  },
  done: {
    title: 'Draft plan handed down',
    saved: (child: string, number: string) => `The draft plan of ${child} carrying out plan ${number} is saved.`,
    openEditor: (code: string) => `The office of ${code} can open its editor at`,
    deadlinesHeading: "The subordinate's report deadlines",
    deadlinesCaption: (lead: number) =>
      `The subordinate office's deadline, at least ${lead} working day${lead === 1 ? '' : 's'} before the deadline for units`,
    period: 'Period',
    childDue: "Subordinate office's deadline",
    latest: 'Latest',
    parentDue: 'Deadline for units',
    markedHeading: (n: number) => `${n} fields for the subordinate's office to fill in or confirm`,
    back: 'Back to the plan',
  },
  exists: {
    title: 'The subordinate is writing its plan',
    text: (child: string, by: string, at: string) =>
      `${child} already has a draft plan, last saved by ${by} at ${at}. A new one would replace it.`,
    replace: 'Replace the draft being written',
    back: 'Keep the draft, back to the plan',
  },
  refusals: {
    notBelow: (child: string, org: string, below: string[]) =>
      `"${child}" is not directly below ${org} in the organisations directory (${
        below.length ? `the bodies below it: ${below.join(', ')}` : `${org} has no body below it`
      }).`,
    leadDays: 'The working days ahead must be a whole number from 1 to 20.',
  },
};

/** The texts in the page's language. */
export function deriveTexts(lang: Lang): DeriveTexts {
  return lang === 'vi' ? vi : en;
}
