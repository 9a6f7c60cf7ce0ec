import type { EmailKind, EmailRequest } from '../../workflows/email-request.js';

/** What a template needs beyond the request: dates already in words. */
export interface KindContext {
  req: EmailRequest;
  /** `thứ Sáu, 20/03/2026` / `Friday, 20/03/2026`. */
  deadline: string;
}

/** The words that differ between kinds; the layout around them is shared. */
export interface KindCopy {
  /** Subject label after the organisation, e.g. `Nhắc hạn`. */
  label: string;
  /** Tail of the subject after the item title. */
  subjectTail(c: KindContext): string;
  /** First paragraph: what happened and what is asked. */
  intro(c: KindContext): string;
  /** Label of the deadline row (`Hạn nộp`, `Hạn mới`). */
  deadlineLabel: string;
  /** Label before `req.comment` when present. */
  commentLabel: string;
}

const viDue = (c: KindContext) => `hạn ${c.deadline}`;
const enDue = (c: KindContext) => `due ${c.deadline}`;

/** Vietnamese copy, the default: administrative tone ("Đề nghị", "Kính gửi"). */
const vi: Record<EmailKind, KindCopy> = {
  assignment: {
    label: 'Giao nhiệm vụ',
    subjectTail: viDue,
    intro: ({ req, deadline }) =>
      `Thực hiện Kế hoạch số ${req.plan.number} (${req.plan.title}), ${req.unit.name} được giao thực hiện nội dung dưới đây. Đề nghị đơn vị triển khai và nộp kết quả trước hạn ${deadline}.`,
    deadlineLabel: 'Hạn nộp',
    commentLabel: 'Ghi chú',
  },
  reminder: {
    label: 'Nhắc hạn',
    subjectTail: viDue,
    intro: ({ req, deadline }) =>
      `Hệ thống chưa nhận được kết quả của ${req.unit.name}. Hạn nộp là ${deadline}; đề nghị đơn vị hoàn thành và nộp đúng hạn.`,
    deadlineLabel: 'Hạn nộp',
    commentLabel: 'Ghi chú',
  },
  'due-today': {
    label: 'Đến hạn hôm nay',
    subjectTail: viDue,
    intro: ({ req, deadline }) =>
      `Hôm nay, ${deadline}, là hạn nộp kết quả. Hệ thống chưa nhận được kết quả của ${req.unit.name}; đề nghị đơn vị nộp trong ngày.`,
    deadlineLabel: 'Hạn nộp',
    commentLabel: 'Ghi chú',
  },
  overdue: {
    label: 'Quá hạn',
    subjectTail: (c) => `quá hạn ${c.deadline}`,
    intro: ({ req, deadline }) =>
      `Đã quá hạn ${deadline} nhưng ${req.unit.name} chưa nộp kết quả. Đề nghị đơn vị nộp ngay và nêu rõ lý do chậm.`,
    deadlineLabel: 'Hạn nộp',
    commentLabel: 'Ghi chú',
  },
  'escalation-office': {
    label: 'Đôn đốc đơn vị chậm nộp',
    subjectTail: (c) => `${c.req.unit.name} quá hạn ${c.deadline}`,
    intro: ({ req, deadline }) =>
      `${req.unit.name} chưa nộp kết quả dù đã quá hạn ${deadline}. Đề nghị Văn phòng đôn đốc đơn vị.`,
    deadlineLabel: 'Hạn nộp',
    commentLabel: 'Ghi chú',
  },
  'escalation-director': {
    label: 'Báo cáo Lãnh đạo: đơn vị chậm nộp',
    subjectTail: (c) => `${c.req.unit.name} quá hạn ${c.deadline}`,
    intro: ({ req, deadline }) =>
      `Kính báo cáo Lãnh đạo: ${req.unit.name} vẫn chưa nộp kết quả dù đã quá hạn ${deadline} và đã được Văn phòng đôn đốc.`,
    deadlineLabel: 'Hạn nộp',
    commentLabel: 'Ghi chú',
  },
  'report-request': {
    label: 'Yêu cầu báo cáo',
    subjectTail: viDue,
    intro: ({ req, deadline }) =>
      `Thực hiện chế độ báo cáo (Nghị định 09/2019/NĐ-CP), đề nghị ${req.unit.name} gửi báo cáo theo đề cương: kết quả đạt được; tồn tại, hạn chế và nguyên nhân; nhiệm vụ kỳ tới; đề xuất, kiến nghị. Hạn gửi: ${deadline}.`,
    deadlineLabel: 'Hạn gửi',
    commentLabel: 'Ghi chú',
  },
  receipt: {
    label: 'Đã nhận kết quả',
    subjectTail: () => 'đã nhận',
    intro: ({ req }) =>
      `Hệ thống đã nhận kết quả của ${req.unit.name}. Văn phòng sẽ xem xét và phản hồi nếu cần bổ sung.`,
    deadlineLabel: 'Hạn nộp',
    commentLabel: 'Ghi chú',
  },
  accepted: {
    label: 'Kết quả đã được duyệt',
    subjectTail: () => 'đã duyệt',
    intro: ({ req }) =>
      `Văn phòng đã duyệt kết quả của ${req.unit.name}. Nhiệm vụ được ghi nhận là hoàn thành; cảm ơn đơn vị.`,
    deadlineLabel: 'Hạn nộp',
    commentLabel: 'Ý kiến của Văn phòng',
  },
  returned: {
    label: 'Trả lại để bổ sung',
    subjectTail: viDue,
    intro: ({ req, deadline }) =>
      `Văn phòng trả lại kết quả của ${req.unit.name} để chỉnh sửa, bổ sung theo ý kiến dưới đây. Đề nghị đơn vị nộp lại trước hạn ${deadline}.`,
    deadlineLabel: 'Hạn nộp lại',
    commentLabel: 'Ý kiến của Văn phòng',
  },
  extended: {
    label: 'Gia hạn',
    subjectTail: (c) => `hạn mới ${c.deadline}`,
    intro: ({ req, deadline }) => `Hạn nộp kết quả của ${req.unit.name} được gia hạn đến ${deadline}.`,
    deadlineLabel: 'Hạn mới',
    commentLabel: 'Lý do gia hạn',
  },
  'report-delivered': {
    label: 'Báo cáo tổng hợp',
    subjectTail: () => 'đã ban hành',
    intro: ({ req }) =>
      `Văn phòng gửi báo cáo tổng hợp "${req.item.title}" thuộc Kế hoạch số ${req.plan.number}. Tệp báo cáo đính kèm thư này. Đề nghị Giám đốc xem xét, duyệt hoặc trả lại (kèm ý kiến) tại trang của báo cáo trên cổng Văn phòng.`,
    deadlineLabel: 'Hạn báo cáo',
    commentLabel: 'Ghi chú',
  },
  'catch-up': {
    label: 'Thông báo tổng hợp',
    subjectTail: viDue,
    intro: ({ req, deadline }) =>
      `Do hệ thống tạm ngừng, các thông báo dưới đây chưa được gửi kịp thời và được gộp trong thư này. ${req.unit.name} lưu ý hạn nộp ${deadline}.`,
    deadlineLabel: 'Hạn nộp',
    commentLabel: 'Ghi chú',
  },
  'office-reminder': {
    label: 'Nhắc hạn tổng hợp báo cáo',
    subjectTail: viDue,
    intro: ({ req, deadline }) =>
      `Hạn Văn phòng tổng hợp "${req.item.title}" báo cáo Lãnh đạo là ${deadline}; báo cáo được lập tự động vào ngày đó từ các báo cáo đã nhận. Đề nghị Văn phòng đôn đốc đơn vị chưa nộp và duyệt các báo cáo đang chờ.`,
    deadlineLabel: 'Hạn tổng hợp',
    commentLabel: 'Tình hình nộp báo cáo',
  },
  incident: {
    label: 'Sự cố cần Văn phòng xử lý',
    subjectTail: () => 'chưa thực hiện được',
    intro: ({ req }) =>
      `Hệ thống không thực hiện được một bước của "${req.item.title}" (${req.unit.name}) sau nhiều lần thử. Các bước khác vẫn tiếp tục. Khi đã khắc phục nguyên nhân, đề nghị Văn phòng bấm "Thử lại" tại trang của nội dung này trên cổng Văn phòng.`,
    deadlineLabel: 'Hạn liên quan',
    commentLabel: 'Bước và lỗi',
  },
  'report-accepted': {
    label: 'Giám đốc đã duyệt báo cáo',
    subjectTail: () => 'đã duyệt',
    intro: ({ req }) =>
      `Giám đốc đã duyệt báo cáo tổng hợp "${req.item.title}" thuộc Kế hoạch số ${req.plan.number}. Văn phòng hoàn thiện thủ tục ban hành và gửi báo cáo theo quy định.`,
    deadlineLabel: 'Hạn báo cáo',
    commentLabel: 'Ý kiến của Giám đốc',
  },
  'report-returned': {
    label: 'Giám đốc trả lại báo cáo',
    subjectTail: () => 'cần chỉnh sửa',
    intro: ({ req }) =>
      `Giám đốc trả lại dự thảo báo cáo tổng hợp "${req.item.title}" thuộc Kế hoạch số ${req.plan.number} theo ý kiến dưới đây. Văn phòng chỉnh sửa (có thể trả lại báo cáo của đơn vị để bổ sung), rồi bấm "Tổng hợp lại" tại trang của báo cáo trên cổng Văn phòng.`,
    deadlineLabel: 'Hạn báo cáo',
    commentLabel: 'Ý kiến của Giám đốc',
  },
};

/** English copy for organisations whose plan sets `locale: en`. */
const en: Record<EmailKind, KindCopy> = {
  assignment: {
    label: 'New assignment',
    subjectTail: enDue,
    intro: ({ req, deadline }) =>
      `Under plan No. ${req.plan.number} (${req.plan.title}), ${req.unit.name} is assigned the item below. Please carry it out and submit the result by ${deadline}.`,
    deadlineLabel: 'Deadline',
    commentLabel: 'Note',
  },
  reminder: {
    label: 'Reminder',
    subjectTail: enDue,
    intro: ({ req, deadline }) =>
      `Nothing has been received yet from ${req.unit.name}. The deadline is ${deadline}; please submit on time.`,
    deadlineLabel: 'Deadline',
    commentLabel: 'Note',
  },
  'due-today': {
    label: 'Due today',
    subjectTail: enDue,
    intro: ({ req, deadline }) =>
      `Today, ${deadline}, is the deadline. Nothing has been received yet from ${req.unit.name}; please submit today.`,
    deadlineLabel: 'Deadline',
    commentLabel: 'Note',
  },
  overdue: {
    label: 'Overdue',
    subjectTail: (c) => `overdue since ${c.deadline}`,
    intro: ({ req, deadline }) =>
      `The deadline of ${deadline} has passed and ${req.unit.name} has not submitted. Please submit now and state the reason for the delay.`,
    deadlineLabel: 'Deadline',
    commentLabel: 'Note',
  },
  'escalation-office': {
    label: 'Late unit, please follow up',
    subjectTail: (c) => `${c.req.unit.name} overdue since ${c.deadline}`,
    intro: ({ req, deadline }) =>
      `${req.unit.name} has not submitted although the deadline of ${deadline} has passed. Please follow up with the unit.`,
    deadlineLabel: 'Deadline',
    commentLabel: 'Note',
  },
  'escalation-director': {
    label: 'For the director: late unit',
    subjectTail: (c) => `${c.req.unit.name} overdue since ${c.deadline}`,
    intro: ({ req, deadline }) =>
      `${req.unit.name} has still not submitted although the deadline of ${deadline} has passed and the office has followed up.`,
    deadlineLabel: 'Deadline',
    commentLabel: 'Note',
  },
  'report-request': {
    label: 'Report request',
    subjectTail: enDue,
    intro: ({ req, deadline }) =>
      `Under the reporting regime (Decree 09/2019/ND-CP), ${req.unit.name} is asked to send its report following the usual outline: results; shortcomings and causes; next tasks; proposals. Due ${deadline}.`,
    deadlineLabel: 'Due',
    commentLabel: 'Note',
  },
  receipt: {
    label: 'Received',
    subjectTail: () => 'received',
    intro: ({ req }) =>
      `The submission of ${req.unit.name} has been received. The office will review it and ask for changes if needed.`,
    deadlineLabel: 'Deadline',
    commentLabel: 'Note',
  },
  accepted: {
    label: 'Accepted',
    subjectTail: () => 'accepted',
    intro: ({ req }) =>
      `The office has accepted the submission of ${req.unit.name}. The task is recorded as done; thank you.`,
    deadlineLabel: 'Deadline',
    commentLabel: "Office's comments",
  },
  returned: {
    label: 'Returned for revision',
    subjectTail: enDue,
    intro: ({ req, deadline }) =>
      `The office has returned the submission of ${req.unit.name} for revision, with the comments below. Please resubmit by ${deadline}.`,
    deadlineLabel: 'Resubmit by',
    commentLabel: "Office's comments",
  },
  extended: {
    label: 'Deadline extended',
    subjectTail: (c) => `new deadline ${c.deadline}`,
    intro: ({ req, deadline }) => `The deadline for ${req.unit.name} has been extended to ${deadline}.`,
    deadlineLabel: 'New deadline',
    commentLabel: 'Reason',
  },
  'report-delivered': {
    label: 'Consolidated report',
    subjectTail: () => 'issued',
    intro: ({ req }) =>
      `The office sends the consolidated report "${req.item.title}" of plan No. ${req.plan.number}. The files are attached. Please accept it, or return it with comments, on the report's page in the office portal.`,
    deadlineLabel: 'Report due',
    commentLabel: 'Note',
  },
  'catch-up': {
    label: 'Catch-up notice',
    subjectTail: enDue,
    intro: ({ req, deadline }) =>
      `The system was paused, so the notices below were not sent on time and are folded into this one. ${req.unit.name}: the deadline is ${deadline}.`,
    deadlineLabel: 'Deadline',
    commentLabel: 'Note',
  },
  'office-reminder': {
    label: 'Consolidation reminder',
    subjectTail: enDue,
    intro: ({ req, deadline }) =>
      `The office's deadline to report "${req.item.title}" to the director is ${deadline}; the report is compiled that day from the reports received. Please chase the units that have not submitted and review the reports waiting.`,
    deadlineLabel: 'Consolidation deadline',
    commentLabel: 'Where the units stand',
  },
  incident: {
    label: 'Incident for the office',
    subjectTail: () => 'could not be done',
    intro: ({ req }) =>
      `A step of "${req.item.title}" (${req.unit.name}) failed after repeated attempts. The other steps go on. Once the cause is fixed, please press "Retry" on this item's page in the office portal.`,
    deadlineLabel: 'Related deadline',
    commentLabel: 'Step and error',
  },
  'report-accepted': {
    label: 'Report accepted by the director',
    subjectTail: () => 'accepted',
    intro: ({ req }) =>
      `The director has accepted the consolidated report "${req.item.title}" of plan No. ${req.plan.number}. The office completes its issuing and sends it on as required.`,
    deadlineLabel: 'Report due',
    commentLabel: "Director's comments",
  },
  'report-returned': {
    label: 'Report returned by the director',
    subjectTail: () => 'needs changes',
    intro: ({ req }) =>
      `The director has returned the draft consolidated report "${req.item.title}" of plan No. ${req.plan.number} with the comments below. Please correct it (a unit's report can be returned for changes), then press "Compile again" on the report's page in the office portal.`,
    deadlineLabel: 'Report due',
    commentLabel: "Director's comments",
  },
};

export const KIND_COPY: Record<'vi' | 'en', Record<EmailKind, KindCopy>> = { vi, en };
