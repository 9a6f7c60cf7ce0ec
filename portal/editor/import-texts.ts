import type { Lang } from '../i18n.js';
import type { DraftSource } from './draft-store.js';

/**
 * The texts of the editor's Excel and signed-document imports, in Vietnamese: the office's words first. `en` below
 * has the same keys (its type is this object's), so a text missing in English is a type error.
 */
export const vi = {
  section: {
    heading: 'Excel và văn bản đã ký',
    replaces: 'Tệp tải lên thay cho bản nháp hiện tại của cơ quan.',
    download: 'Tải bản nháp dạng Excel (.xlsx)',
    downloadHint:
      'Tải được khi bản nháp hợp lệ. Mỗi danh sách một trang tính, có danh sách chọn cho mã đơn vị, vai trò và loại nhiệm vụ.',
    workbookLabel: 'Tệp Excel của kế hoạch (.xlsx)',
    workbookHint: 'Lỗi trong tệp được chỉ rõ theo trang tính, dòng và cột; bản nháp chỉ thay khi tệp không còn lỗi.',
    workbookSubmit: 'Nhập từ Excel',
    documentLabel: 'Văn bản kế hoạch đã ký (.docx hoặc .pdf)',
    documentHint:
      'Hệ thống đọc số, ngày ký, trích yếu, văn bản cấp trên, đơn vị, nội dung, hình thức và chế độ báo cáo; mục nào không đọc được được đánh dấu để Văn phòng điền.',
    documentSubmit: 'Dựng bản nháp từ văn bản',
  },
  problems: {
    title: 'Tệp Excel có lỗi',
    heading: (file: string, count: number) => `Tệp ${file} có ${count} lỗi`,
    unchanged: 'Bản nháp chưa thay đổi. Sửa các ô dưới đây trong Excel rồi tải tệp lên lại.',
    caption: (file: string) => `Các lỗi trong tệp ${file}, theo thứ tự trang tính, dòng, cột`,
    sheet: 'Trang tính',
    where: 'Vị trí',
    column: 'Cột hoặc mục',
    message: 'Lỗi',
    at: (row: number, column: string) => `dòng ${row}, cột ${column}`,
    wholeFile: 'cả tệp',
  },
  refusals: {
    noDraft: {
      title: 'Chưa có bản nháp',
      text: (org: string) =>
        `Cơ quan ${org} chưa có bản nháp kế hoạch để tải về. Hãy soạn kế hoạch hoặc tải lên tệp Excel, văn bản đã ký.`,
    },
    invalidDraft: {
      title: 'Bản nháp chưa hợp lệ',
      text: (count: number) =>
        `Tệp Excel được lập từ một kế hoạch hợp lệ, nhưng bản nháp còn ${count} lỗi. Hãy sửa trong trình soạn thảo rồi tải lại.`,
    },
    noFile: { title: 'Chưa chọn tệp', text: 'Chưa có tệp nào được gửi lên. Hãy chọn tệp rồi gửi lại.' },
    tooLarge: { title: 'Tệp quá lớn', text: (mb: number) => `Tệp tải lên vượt quá ${mb} MB.` },
    notWorkbook: {
      title: 'Không phải tệp Excel',
      text: (file: string, what: string) =>
        `Tệp "${file}" không phải sổ làm việc Excel (.xlsx) mà là ${what}. Hãy lưu tệp dạng Sổ làm việc Excel (.xlsx) rồi tải lên lại.`,
    },
    notDocument: {
      title: 'Không phải văn bản DOCX hay PDF',
      text: (file: string, what: string) =>
        `Tệp "${file}" không phải văn bản DOCX hay PDF mà là ${what}. Hãy lưu kế hoạch đã ký dạng .docx hoặc .pdf rồi tải lên lại.`,
    },
    unknownType: 'tệp không rõ loại',
    foreignWorkbook: {
      title: 'Kế hoạch của cơ quan khác',
      text: (file: string, theirs: string, ours: string) =>
        `Tệp ${file} là kế hoạch của cơ quan có mã ${theirs}, không phải của ${ours}. Bản nháp của ${ours} chưa thay đổi; hãy tải lên kế hoạch của ${ours}, hoặc sửa mã cơ quan ở trang "Thông tin chung".`,
    },
    unreadableDocument: {
      title: 'Không đọc được văn bản',
      text: (file: string, why: string) => `Không đọc được văn bản ${file}: ${why}. Bản nháp chưa thay đổi.`,
    },
    toEditor: 'Về trang soạn kế hoạch',
  },
  documentPage: {
    title: 'Bản nháp từ văn bản đã ký',
    intro: 'Những gì hệ thống đọc được từ bản nháp hiện tại; mục được đánh dấu cần Văn phòng điền hoặc xác nhận.',
    none: 'Cơ quan chưa có bản nháp kế hoạch.',
    source: {
      blank: 'soạn mới',
      running: 'kế hoạch đang chạy',
      xlsx: 'tệp Excel',
      document: 'văn bản đã ký',
      yaml: 'tệp kế hoạch',
      derived: 'kế hoạch khác',
    } satisfies Record<DraftSource, string>,
    savedFrom: (source: string, by: string, at: string) => `Dựng từ ${source}; lưu lần cuối bởi ${by} lúc ${at}.`,
    header: 'Thông tin chung',
    number: 'Số, ký hiệu',
    signedOn: 'Ngày ký',
    planTitle: 'Trích yếu',
    year: 'Năm kế hoạch',
    orgName: 'Cơ quan ban hành',
    orgCode: 'Mã cơ quan',
    carriesOut: 'Thực hiện văn bản',
    carriesOutText: (kind: string, number: string, date: string, issuer: string) =>
      `${kind} số ${number}${date ? ` ngày ${date}` : ''}${issuer ? ` của ${issuer}` : ''}`,
    missing: 'chưa có',
    marked: (count: number) => `Cần Văn phòng điền hoặc xác nhận (${count} mục)`,
    field: 'Mục',
    reason: 'Lý do',
    noneMarked: 'Không có mục nào cần điền thêm.',
    toEditor: 'Mở trang soạn kế hoạch',
  },
};

export type ImportTexts = typeof vi;

export const en: ImportTexts = {
  section: {
    heading: 'Excel and the signed document',
    replaces: "An uploaded file replaces the organisation's current draft.",
    download: 'Download the draft as an Excel workbook (.xlsx)',
    downloadHint:
      'Available once the draft is valid. One sheet per list, with drop-down lists for unit codes, roles and duty kinds.',
    workbookLabel: 'Plan workbook (.xlsx)',
    workbookHint:
      'Mistakes in the file are shown by sheet, row and column; the draft is replaced only when the file has none.',
    workbookSubmit: 'Import from Excel',
    documentLabel: 'Signed plan document (.docx or .pdf)',
    documentHint:
      'The number, signing date, title, the document above, units, themes, forms and reporting regime are read; whatever cannot be read is marked for the office to fill in.',
    documentSubmit: 'Make a draft from the document',
  },
  problems: {
    title: 'The workbook has mistakes',
    heading: (file, count) => `${file} has ${count} ${count === 1 ? 'mistake' : 'mistakes'}`,
    unchanged: 'The draft is unchanged. Correct the cells below in Excel, then upload the file again.',
    caption: (file) => `Mistakes in ${file}, by sheet, row and column`,
    sheet: 'Sheet',
    where: 'Where',
    column: 'Column or entry',
    message: 'Mistake',
    at: (row, column) => `row ${row}, column ${column}`,
    wholeFile: 'the whole file',
  },
  refusals: {
    noDraft: {
      title: 'No draft yet',
      text: (org) =>
        `${org} has no draft plan to download yet. Write the plan, or upload a workbook or the signed document.`,
    },
    invalidDraft: {
      title: 'The draft is not valid yet',
      text: (count) =>
        `A workbook is made from a valid plan, and the draft still has ${count} ${count === 1 ? 'problem' : 'problems'}. Correct ${count === 1 ? 'it' : 'them'} in the editor, then download again.`,
    },
    noFile: { title: 'No file chosen', text: 'No file was sent. Choose a file and send it again.' },
    tooLarge: { title: 'File too large', text: (mb) => `The uploaded file is larger than ${mb} MB.` },
    notWorkbook: {
      title: 'Not an Excel workbook',
      text: (file, what) =>
        `"${file}" is not an Excel workbook (.xlsx) but ${what}. Save it as an Excel Workbook (.xlsx) and upload it again.`,
    },
    notDocument: {
      title: 'Not a DOCX or PDF document',
      text: (file, what) =>
        `"${file}" is not a DOCX or PDF document but ${what}. Save the signed plan as .docx or .pdf and upload it again.`,
    },
    unknownType: 'a file of unknown type',
    foreignWorkbook: {
      title: "Another organisation's plan",
      text: (file, theirs, ours) =>
        `${file} is the plan of the organisation ${theirs}, not of ${ours}. The draft of ${ours} is unchanged; upload the plan of ${ours}, or correct the organisation code on the "Thông tin chung" sheet.`,
    },
    unreadableDocument: {
      title: 'The document cannot be read',
      text: (file, why) => `${file} cannot be read: ${why}. The draft is unchanged.`,
    },
    toEditor: 'Back to the plan editor',
  },
  documentPage: {
    title: 'Draft from the signed document',
    intro: 'What was read into the current draft; the marked entries are for the office to fill in or confirm.',
    none: 'The organisation has no draft plan.',
    source: {
      blank: 'a blank form',
      running: 'the running plan',
      xlsx: 'a workbook',
      document: 'the signed document',
      yaml: 'a plan file',
      derived: 'another plan',
    },
    savedFrom: (source, by, at) => `Made from ${source}; last saved by ${by} at ${at}.`,
    header: 'Header',
    number: 'Number',
    signedOn: 'Signed on',
    planTitle: 'Title',
    year: 'Plan year',
    orgName: 'Issued by',
    orgCode: 'Organisation code',
    carriesOut: 'Carries out',
    carriesOutText: (kind, number, date, issuer) =>
      `${kind} ${number}${date ? ` of ${date}` : ''}${issuer ? `, ${issuer}` : ''}`,
    missing: 'not yet',
    marked: (count) => `For the office to fill in or confirm (${count})`,
    field: 'Entry',
    reason: 'Why',
    noneMarked: 'Nothing is left to fill in.',
    toEditor: 'Open the plan editor',
  },
};

/** The import texts in the page's language. */
export function importTexts(lang: Lang): ImportTexts {
  return lang === 'vi' ? vi : en;
}
