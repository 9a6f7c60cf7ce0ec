import type { Standing } from '../subordinates-matrix.js';

/**
 * The texts of the subordinates' page (`/van-phong/:org/:year/cap-duoi`, issue #18), Vietnamese first; `en` has the
 * same keys (its type is this object's), so a text missing in English is a type error.
 */
export const vi = {
  /** The plan page's link here, and this page's title. */
  link: 'Cơ quan cấp dưới',
  heading: (year: number) => `Báo cáo của cơ quan cấp dưới năm ${year}`,
  backToPlan: 'Về trang kế hoạch',
  intro:
    'Mỗi dòng là một cơ quan cấp dưới của kế hoạch, mỗi cột một kỳ báo cáo (và mỗi yêu cầu báo cáo đột xuất gửi ' +
    'cơ quan cấp dưới). Ô ghi tình trạng, ngày nhận báo cáo và hạn; báo cáo đã được thủ trưởng cơ quan cấp dưới ' +
    'duyệt tự gửi lên.',
  none: 'Kế hoạch này không có cơ quan cấp dưới (mục subordinates của tệp kế hoạch).',
  noReports: 'Kế hoạch chưa có kỳ báo cáo định kỳ nào.',
  /** The state of a subordinate on one report, in words; `marks` is the sign shown beside it. */
  standings: {
    'on-time': 'Đúng hạn',
    late: 'Muộn',
    missing: 'Chưa báo cáo',
    'not-due': 'Chưa đến hạn',
  } satisfies Record<Standing, string>,
  notAsked: 'Không yêu cầu',
  legend: 'Chú giải',
  caption: (org: string, year: number) => `Tình hình báo cáo của các cơ quan cấp dưới ${org}, năm ${year}`,
  body: 'Cơ quan cấp dưới',
  period: (name: string, year: number) => `Báo cáo ${name} ${year}`,
  adHoc: (title: string) => `Đột xuất: ${title}`,
  notOpened: 'chưa mở',
  dueOn: (date: string) => `hạn ${date}`,
  arrivedOn: (date: string) => `nhận ${date}`,
  rolledUp: 'tự gửi lên từ báo cáo đã duyệt',
  summary: 'Tổng hợp',
  summaryCell: (onTime: number, late: number, missing: number) =>
    `${onTime} đúng hạn · ${late} muộn · ${missing} chưa báo cáo`,
  notDueCount: (n: number) => `${n} chưa đến hạn`,
  ownPlan: (year: number) => `Kế hoạch năm ${year}`,
  theirSubordinates: 'Cơ quan cấp dưới của cơ quan này',
  noPlan: (year: number) => `Chưa có kế hoạch năm ${year} trên hệ thống`,
  planUnreadable: 'Chưa đọc được kế hoạch của cơ quan này lúc này',
  adHocHeading: 'Yêu cầu cơ quan cấp dưới báo cáo đột xuất',
  adHocHint:
    'Chọn cơ quan cấp dưới cần báo cáo; Văn phòng của từng cơ quan nhận yêu cầu qua thư điện tử, được nhắc hạn và ' +
    'báo quá hạn như đơn vị.',
  adHocNotAllowed: 'Kế hoạch này không cho phép yêu cầu báo cáo đột xuất (reporting.adHocAllowed: false).',
  adHocBodies: 'Cơ quan cấp dưới được yêu cầu',
  adHocTitle: 'Tên báo cáo',
  adHocContent: 'Nội dung yêu cầu',
  adHocDue: 'Hạn báo cáo (dd/MM/yyyy)',
  adHocDueHint: 'Ví dụ 31/03/2026',
  adHocSend: 'Gửi yêu cầu',
  refusals: {
    noBody: 'Chọn ít nhất một cơ quan cấp dưới.',
    notBelow: (code: string) => `"${code}" không phải cơ quan cấp dưới của kế hoạch này.`,
    due: (typed: string) => `Hạn báo cáo "${typed}" không phải một ngày viết dd/MM/yyyy, ví dụ 31/03/2026.`,
    refused: (why: string) => `Kế hoạch không nhận yêu cầu: ${why}`,
  },
};

export type SubordinatesTexts = typeof vi;

export const en: SubordinatesTexts = {
  link: 'Subordinate bodies',
  heading: (year) => `Reports of the subordinate bodies, ${year}`,
  backToPlan: 'Back to the plan',
  intro:
    'Each row is a subordinate body of the plan, each column a report period (and each ad hoc request sent to ' +
    'subordinates). A cell gives the state, the day the report arrived and the deadline; a report its own head has ' +
    'accepted arrives by itself.',
  none: 'This plan has no subordinate bodies (the plan file’s subordinates).',
  noReports: 'The plan has no periodic report yet.',
  standings: {
    'on-time': 'On time',
    late: 'Late',
    missing: 'Not reported',
    'not-due': 'Not due yet',
  },
  notAsked: 'Not asked',
  legend: 'Legend',
  caption: (org, year) => `Reporting by the bodies below ${org}, ${year}`,
  body: 'Subordinate body',
  period: (name, year) => `Report ${name} ${year}`,
  adHoc: (title) => `Ad hoc: ${title}`,
  notOpened: 'not open yet',
  dueOn: (date) => `due ${date}`,
  arrivedOn: (date) => `received ${date}`,
  rolledUp: 'sent up from its accepted report',
  summary: 'Summary',
  summaryCell: (onTime, late, missing) => `${onTime} on time · ${late} late · ${missing} not reported`,
  notDueCount: (n) => `${n} not due yet`,
  ownPlan: (year) => `Plan ${year}`,
  theirSubordinates: 'Its subordinate bodies',
  noPlan: (year) => `No plan for ${year} here yet`,
  planUnreadable: 'Its plan cannot be read just now',
  adHocHeading: 'Ask subordinate bodies for an ad hoc report',
  adHocHint:
    'Choose the bodies that must report; each one’s office gets the request by e-mail and is reminded and escalated ' +
    'like a unit.',
  adHocNotAllowed: 'This plan does not allow ad hoc reports (reporting.adHocAllowed: false).',
  adHocBodies: 'Bodies asked',
  adHocTitle: 'Report title',
  adHocContent: 'What is asked',
  adHocDue: 'Deadline (dd/MM/yyyy)',
  adHocDueHint: 'E.g. 31/03/2026',
  adHocSend: 'Send the request',
  refusals: {
    noBody: 'Choose at least one subordinate body.',
    notBelow: (code) => `"${code}" is not a subordinate body of this plan.`,
    due: (typed) => `The deadline "${typed}" is not a date written dd/MM/yyyy, e.g. 31/03/2026.`,
    refused: (why) => `The plan refused the request: ${why}`,
  },
};

/** The subordinates' page texts in `lang`. */
export const subordinatesTexts = (lang: 'vi' | 'en'): SubordinatesTexts => (lang === 'vi' ? vi : en);
