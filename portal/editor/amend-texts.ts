/**
 * The words of the amendment page (`/van-phong/:org/soan-thao/thay-doi`): see what the draft changes in the running
 * plan, then confirm with a note. Vietnamese first; `en` has the same keys (its type is `vi`'s).
 */
export const vi = {
  title: 'Điều chỉnh kế hoạch đang chạy',
  heading: (org: string, year: number) => `Điều chỉnh kế hoạch ${org} năm ${year}: những gì thay đổi`,
  intro: (number: string, by: string, at: string) =>
    `So sánh kế hoạch đang chạy (số ${number}) với bản nháp do ${by} lưu lúc ${at}.`,
  marks: { added: 'Thêm', dropped: 'Bỏ', changed: 'Sửa' },
  noChange: 'Không có thay đổi: bản nháp giống hệt kế hoạch đang chạy.',
  whatHappens:
    'Khi xác nhận: nhiệm vụ mới được lên lịch, nhiệm vụ bị bỏ được đóng, nhiệm vụ đang chạy nhận nội dung mới; ' +
    'bản nháp được xoá. Lần điều chỉnh được ghi vào nhật ký thao tác cùng ghi chú và người xác nhận.',
  confirmHeading: 'Xác nhận điều chỉnh',
  note: 'Ghi chú điều chỉnh (bắt buộc)',
  noteHint: 'Lý do điều chỉnh, ví dụ: “Bổ sung đơn vị, lùi hạn nhiệm vụ 3 theo chỉ đạo của Giám đốc”.',
  confirm: 'Xác nhận điều chỉnh',
  backToEditor: 'Quay lại bản nháp để sửa tiếp',
  toPlan: 'Về trang kế hoạch đang chạy',
  nothingHeading: 'Không có kế hoạch đang chạy để so sánh',
  noDraft: 'Văn phòng chưa có bản nháp kế hoạch nào.',
  notAmending:
    'Bản nháp này là một kế hoạch mới, không phải bản điều chỉnh của kế hoạch đang chạy: không có gì để so sánh. ' +
    'Khi bản nháp hợp lệ, khởi động kế hoạch từ trình soạn thảo.',
  notRunning: (org: string, year: number) =>
    `Kế hoạch ${org} năm ${year} không còn chạy: không có gì để so sánh và điều chỉnh.`,
  invalidHeading: 'Bản nháp chưa hợp lệ',
  invalid: 'Chưa so sánh được: sửa các lỗi dưới đây trong bản nháp rồi quay lại trang này.',
  problemField: 'Trường',
  problemMessage: 'Lỗi',
  wholeFile: '(cả tệp)',
  stale:
    'Kế hoạch đang chạy hoặc bản nháp đã thay đổi từ khi trang này được mở (có thể do người khác điều chỉnh). ' +
    'Chưa điều chỉnh gì: xem lại những thay đổi mới dưới đây rồi xác nhận lại.',
  noteMissing: 'Hãy ghi chú lý do điều chỉnh.',
  noteTooLong: (length: number, max: number) => `Ghi chú dài ${length} ký tự; tối đa ${max} ký tự.`,
  nothingToAmend: 'Không có thay đổi nào để điều chỉnh.',
  refused: (why: string) => `Kế hoạch không nhận điều chỉnh này: ${why}`,
  identity: (org: string, year: number, draftOrg: string, draftYear: number) =>
    `Điều chỉnh phải giữ mã cơ quan ${org} và năm ${year}; bản nháp ghi mã ${draftOrg}, năm ${draftYear}. ` +
    'Sửa lại trong bản nháp.',
};

export type AmendTexts = typeof vi;

export const en: AmendTexts = {
  title: 'Amend the running plan',
  heading: (org, year) => `Amend the plan of ${org} for ${year}: what changes`,
  intro: (number, by, at) => `The running plan (no. ${number}) compared with the draft ${by} saved at ${at}.`,
  marks: { added: 'Added', dropped: 'Dropped', changed: 'Changed' },
  noChange: 'No change: the draft is the running plan.',
  whatHappens:
    'On confirming: new duties are scheduled, dropped ones are closed, running ones take their new content; the ' +
    'draft is cleared. The amendment goes into the audit trail with its note and who confirmed it.',
  confirmHeading: 'Confirm the amendment',
  note: 'Note on the amendment (required)',
  noteHint: 'Why the plan changes, e.g. “Unit added, duty 3 due later as the director asked”.',
  confirm: 'Confirm the amendment',
  backToEditor: 'Back to the draft to edit it',
  toPlan: 'To the running plan',
  nothingHeading: 'No running plan to compare with',
  noDraft: 'The office has no draft plan.',
  notAmending:
    'This draft is a new plan, not an amendment of a running one: there is nothing to compare it with. Once it ' +
    'validates, start it from the editor.',
  notRunning: (org, year) => `The plan of ${org} for ${year} is not running: there is nothing to compare or amend.`,
  invalidHeading: 'The draft is not valid yet',
  invalid: 'Nothing compared yet: fix these problems in the draft, then come back to this page.',
  problemField: 'Field',
  problemMessage: 'Problem',
  wholeFile: '(whole file)',
  stale:
    'The running plan or the draft changed since this page was opened (someone else may have amended it). ' +
    'Nothing was amended: review the new changes below and confirm again.',
  noteMissing: 'Say why the plan changes in the note.',
  noteTooLong: (length, max) => `The note has ${length} characters; at most ${max}.`,
  nothingToAmend: 'There is no change to amend.',
  refused: (why) => `The plan did not take this amendment: ${why}`,
  identity: (org, year, draftOrg, draftYear) =>
    `An amendment keeps the organisation code ${org} and the year ${year}; the draft says ${draftOrg}, ` +
    `${draftYear}. Fix it in the draft.`,
};

/** The amendment page's words in `lang`. */
export const amendTexts = (lang: 'vi' | 'en'): AmendTexts => (lang === 'vi' ? vi : en);
