import type { EmailKind } from '../../workflows/email-request.js';
import type { OfficialState, UnitPhase } from '../../workflows/item-types.js';
import type { PlanState } from '../lists/plan-query.js';

/**
 * Every text the portal shows, in Vietnamese: the language the portal writes first. `en.ts` has the same keys
 * (its type is this object's), so a text missing in English is a type error. Texts with parameters are functions.
 */
export const vi = {
  layout: {
    defaultOrg: 'Kế hoạch tuyên truyền',
    /** The language switch names the other language, in that language. */
    otherLanguage: 'English',
  },
  /** The four official completion states, as offices name them on their tracking sheets. */
  states: {
    'done-on-time': 'Hoàn thành đúng hạn',
    'done-late': 'Hoàn thành quá hạn',
    'pending-in-time': 'Chưa hoàn thành, trong hạn',
    overdue: 'Quá hạn',
  } satisfies Record<OfficialState, string>,
  phases: {
    open: 'Chưa nộp',
    submitted: 'Đã nộp, chờ duyệt',
    returned: 'Trả lại để bổ sung',
    accepted: 'Đã duyệt',
    dropped: 'Đã chuyển đơn vị khác',
  } satisfies Record<UnitPhase, string>,
  /** One submitted version, as both the unit and the office see it. */
  version: {
    number: 'Lần nộp',
    onTime: 'đúng hạn',
    late: 'quá hạn',
    results: 'Kết quả',
    shortcomings: 'Tồn tại, hạn chế',
    nextTasks: 'Nhiệm vụ tiếp theo',
    figures: 'Số liệu',
    evidence: 'Minh chứng',
    accepted: 'Đã duyệt',
  },
  office: {
    orgBar: 'Văn phòng – Kế hoạch tuyên truyền',
    plans: 'Các kế hoạch',
    logOut: 'Đăng xuất',
  },
  dashboard: {
    title: 'Văn phòng',
    heading: 'Các kế hoạch',
    number: 'Số',
    noPlans: 'Chưa có kế hoạch nào.',
    searchUnavailable:
      'Máy chủ Temporal không hỗ trợ tìm kiếm nên không liệt kê được các kế hoạch. ' +
      'Mở kế hoạch theo mã cơ quan và năm:',
    orgCode: 'Mã cơ quan',
    year: 'Năm',
    open: 'Mở',
    startNew: 'Khởi động kế hoạch mới',
    invalidPlan: 'Tệp kế hoạch chưa hợp lệ; chưa khởi động gì.',
    planFile: 'Tệp kế hoạch (YAML hoặc JSON)',
    orPaste: 'hoặc dán nội dung',
    amendNote: 'Ghi chú điều chỉnh (khi kế hoạch đã chạy: lý do điều chỉnh)',
    submit: 'Kiểm tra và khởi động hoặc điều chỉnh',
    /** The file name problems are reported under when the plan was pasted, not uploaded. */
    pastedFileName: 'nội-dung-dán.yaml',
    /** After a plan-year listed from its archive (its workflow deleted after retention). */
    archived: 'lưu trữ',
  },
  /** The organisations directory as a tree: each body under the one it reports to (ORGANISATIONS_FILE). */
  organisations: {
    title: 'Các cơ quan, đơn vị',
    intro: 'Mỗi cơ quan nằm dưới cơ quan cấp trên của mình. Chọn một cơ quan để mở các kế hoạch của cơ quan đó.',
    office: 'Văn phòng',
    none: 'Danh sách chưa có cơ quan nào.',
  },
  /** The dashboard's lists, read from Temporal's visibility alone (portal/lists/). */
  lists: {
    filters: 'Lọc danh sách kế hoạch',
    org: 'Cơ quan',
    allOrgs: 'Tất cả cơ quan',
    orgHint: 'Mã cơ quan; để trống: tất cả',
    year: 'Năm',
    state: 'Trạng thái',
    allStates: 'Tất cả trạng thái',
    planStates: {
      running: 'Đang thực hiện',
      done: 'Đã kết thúc',
      cancelled: 'Đã hủy',
      failed: 'Dừng bất thường',
      other: 'Khác',
    } satisfies Record<PlanState | 'other', string>,
    apply: 'Lọc',
    total: (n: number) => `Tổng số: ${n.toLocaleString('vi-VN')} kế hoạch`,
    pageNumber: (n: number) => `Trang ${n}`,
    first: 'Trang đầu',
    previous: 'Trang trước',
    next: 'Trang sau',
    noMatch: 'Không có kế hoạch nào khớp bộ lọc.',
    plan: 'Kế hoạch',
    document: 'Số, tên kế hoạch',
    started: 'Bắt đầu',
    closed: 'Kết thúc',
    noMemo: 'chưa ghi số, tên (kế hoạch khởi động trước khi danh sách lưu số, tên)',
    attention: 'Nhiệm vụ cần chú ý',
    attentionNone: 'Không có nhiệm vụ nào quá hạn hoặc gặp sự cố.',
    attentionShown: (shown: number, more: boolean) =>
      more
        ? `${shown} nhiệm vụ quá hạn hoặc gặp sự cố đầu tiên; còn nhiệm vụ khác (lọc theo cơ quan để xem).`
        : `${shown} nhiệm vụ quá hạn hoặc gặp sự cố.`,
    item: 'Nhiệm vụ',
    overdueUnits: 'Đơn vị quá hạn',
    nextDeadline: 'Hạn gần nhất',
    incident: 'Sự cố',
    hasIncident: 'có sự cố',
  },
  plan: {
    heading: 'Kế hoạch',
    version: 'Phiên bản',
    remindersPaused: 'đang tạm dừng nhắc hạn',
    pause: 'Tạm dừng nhắc hạn',
    resume: 'Tiếp tục nhắc hạn',
    unit: 'Đơn vị',
    notOpenedHint: 'Cột chưa có màu: nhiệm vụ chưa đến ngày mở.',
    overdueUnits: 'Đơn vị quá hạn',
    due: 'hạn',
    escalatedTo: 'đã báo',
    escalatedOffice: 'Văn phòng',
    escalatedDirector: 'Lãnh đạo',
    noOverdue: 'Không có đơn vị quá hạn.',
    targetsHeading: 'Chỉ tiêu và kết quả theo kỳ báo cáo',
    targetName: 'Nhiệm vụ, hình thức',
    targetColumn: 'Chỉ tiêu',
    targetNotReported: 'chưa báo cáo',
    targetGap: (gap: number, unit: string) => `chưa đạt, thiếu ${gap.toLocaleString('vi-VN')}${unit}`,
    adHocHeading: 'Yêu cầu báo cáo đột xuất',
    adHocTitle: 'Tiêu đề',
    adHocContent: 'Nội dung yêu cầu',
    adHocDue: 'Hạn nộp',
    adHocUnits: 'Đơn vị',
    adHocSend: 'Gửi yêu cầu',
    calendarHeading: 'Lịch nghỉ chính thức',
    calendarHint:
      'Khi lịch nghỉ của năm được phê duyệt, tải tệp lịch (YAML: years → year, source, days) để kế hoạch áp dụng.',
    calendarFile: 'Tệp lịch nghỉ (YAML)',
    calendarSend: 'Áp dụng lịch',
    /** Next to the upload form while the plan's year has only the computed calendar. */
    calendarProvisional: (year: number) =>
      `Lịch nghỉ lễ năm ${year} là lịch tính trước, chưa có văn bản phê duyệt: ngày có thể thay đổi; ` +
      'cập nhật lịch chính thức khi được công bố.',
  },
  /** A closed plan-year read from its archive once Temporal deleted it (storage/plan-archive.ts): read only. */
  archive: {
    banner: 'Năm kế hoạch đã đóng, xem từ lưu trữ',
    bannerHint: (day: string) =>
      `Hồ sơ được lưu trữ ngày ${day}, khi năm kế hoạch đóng. Trang chỉ để xem; không thao tác được nữa.`,
    planData: 'Dữ liệu kế hoạch (JSON)',
    itemData: 'Dữ liệu (JSON)',
    index: 'Trang mục lục lưu trữ (HTML)',
    amendments: 'Điều chỉnh kế hoạch',
    noAmendments: 'Không có điều chỉnh.',
    amendment: (version: number, day: string, by: string) => `Phiên bản ${version}, ${day}, ${by}`,
    itemsHeading: 'Hồ sơ từng nhiệm vụ, báo cáo',
    documents: 'Văn bản báo cáo',
    documentMissing: (kind: string) => `${kind}: không lưu được`,
    accepted: (by: string, day: string) => `Đã duyệt – ${by}, ${day}`,
    returned: (by: string, day: string) => `Trả lại – ${by}, ${day}`,
    extension: (from: string, to: string, by: string) => `Gia hạn từ ${from} đến ${to} (${by})`,
    reassigned: (to: string) => `Đã giao lại cho ${to}`,
    emails: (n: number) => `E-mail đã gửi (${n})`,
    officeEmails: (n: number) => `E-mail gửi Văn phòng, Lãnh đạo về nội dung này (${n})`,
    emailFailed: 'không gửi được',
    noVersions: 'Chưa nộp lần nào.',
    missing: 'Hồ sơ còn thiếu',
    unanswered: 'Chưa trả lời',
    itemUnreadable: 'Không đọc được hồ sơ của nội dung này.',
    /** On the plan page while the workflow is still there: what became of its archive. */
    done: (day: string) => `Đã lưu trữ hồ sơ năm kế hoạch ngày ${day}.`,
    failed: (error: string) => `Lưu trữ hồ sơ năm kế hoạch không thành công: ${error}`,
    retryHint: (command: string) => `Khắc phục nguyên nhân rồi lưu trữ lại bằng lệnh: ${command}`,
    redone: (day: string) => `Lưu trữ khi đóng năm không thành công; hồ sơ đã được lưu trữ lại ngày ${day}.`,
  },
  /** Difficulties and proposals units raise with the office (kiến nghị, vướng mắc): the unit's page and the office's. */
  difficulties: {
    unitHeading: 'Phản ánh khó khăn, vướng mắc, kiến nghị với Văn phòng',
    unitHint:
      'Gửi bất cứ lúc nào trong năm. Văn phòng trả lời trên trang này; kiến nghị được tổng hợp vào báo cáo định kỳ gần nhất.',
    text: 'Nội dung khó khăn, vướng mắc, kiến nghị',
    raisedBy: 'Người gửi',
    send: 'Gửi kiến nghị',
    sent: (n: number) => `Đã gửi kiến nghị số ${n}.`,
    own: 'Kiến nghị đơn vị đã gửi',
    number: (n: number) => `Kiến nghị số ${n}`,
    pending: 'Văn phòng đang xem xét',
    answerOf: 'Trả lời của Văn phòng',
    textMissing: 'Vui lòng nêu nội dung khó khăn, vướng mắc hoặc kiến nghị.',
    nameMissing: 'Vui lòng ghi họ tên người gửi.',
    tooLong: (field: string, length: number, max: number) =>
      `Mục "${field}" dài ${length.toLocaleString('vi-VN')} ký tự, vượt quá ${max.toLocaleString('vi-VN')} ký tự.`,
    refused: (reason: string) => `Hệ thống không nhận kiến nghị: ${reason}`,
    officeHeading: 'Kiến nghị, vướng mắc của đơn vị',
    officeNone: 'Chưa có đơn vị nào gửi kiến nghị.',
    colNumber: 'Số',
    colUnit: 'Đơn vị',
    colRaisedBy: 'Người gửi',
    colDate: 'Ngày',
    colText: 'Nội dung',
    colItem: 'Gửi từ nhiệm vụ',
    colReport: 'Tổng hợp vào báo cáo',
    colAnswer: 'Trả lời',
    afterLastReport: 'sau báo cáo cuối năm',
    answer: 'Nội dung trả lời',
    sendAnswer: 'Trả lời',
    answeredBy: (by: string, day: string) => `${by}, ${day}`,
    answerMissing: (n: number) => `Vui lòng nhập nội dung trả lời kiến nghị số ${n}.`,
    alreadyAnswered: (n: number, by: string, day: string) =>
      `Kiến nghị số ${n} đã được trả lời (${by}, ${day}); mỗi kiến nghị chỉ trả lời một lần.`,
    answerRefused: (reason: string) => `Hệ thống không nhận câu trả lời: ${reason}`,
  },
  item: {
    content: 'Nội dung',
    opens: 'Mở',
    report: 'Báo cáo',
    due: 'hạn',
    extended: 'gia hạn',
    proposals: 'Đề xuất',
    returned: 'Đã trả lại',
    comment: 'Ý kiến (bắt buộc khi trả lại)',
    accept: 'Duyệt',
    return: 'Trả lại',
    extendSummary: 'Gia hạn',
    newDeadline: 'Hạn mới',
    reason: 'Lý do',
    extend: 'Gia hạn',
  },
  /** Steps that failed for good (an e-mail not sent, a report not compiled), on the item and plan pages. */
  incidents: {
    heading: 'Sự cố',
    hint: 'Các bước hệ thống không thực hiện được sau nhiều lần thử. Khi đã khắc phục nguyên nhân, bấm "Thử lại".',
    number: 'Số',
    step: 'Bước',
    at: 'Thời điểm',
    error: 'Lỗi',
    action: 'Xử lý',
    report: 'Tổng hợp báo cáo',
    rollUp: 'Gửi báo cáo lên cơ quan cấp trên',
    email: (kind: string, unit: string) => (unit ? `Gửi e-mail ${kind} cho ${unit}` : `Gửi e-mail ${kind}`),
    /** The e-mail kinds, as the step names them ("Gửi e-mail nhắc hạn cho …"). */
    emailKinds: {
      assignment: 'giao nhiệm vụ',
      reminder: 'nhắc hạn',
      'due-today': 'báo đến hạn',
      overdue: 'báo quá hạn',
      'escalation-office': 'báo Văn phòng đơn vị quá hạn',
      'escalation-director': 'báo Lãnh đạo đơn vị quá hạn',
      'report-request': 'đề nghị báo cáo',
      receipt: 'xác nhận đã nhận báo cáo',
      returned: 'trả lại báo cáo',
      accepted: 'báo đã duyệt',
      extended: 'báo gia hạn',
      'report-delivered': 'gửi báo cáo tổng hợp',
      'catch-up': 'nhắc bù',
      'office-reminder': 'nhắc Văn phòng',
      incident: 'báo sự cố',
      'report-accepted': 'báo Giám đốc đã duyệt',
      'report-returned': 'báo Giám đốc trả lại',
    } satisfies Record<EmailKind, string>,
    retry: 'Thử lại',
    retriedBy: (by: string, at: string) => `Đã thử lại bởi ${by} lúc ${at}`,
    retriedNotice: (n: number) => `Đã cho thử lại sự cố số ${n}.`,
    alreadyRetried: (n: number, by: string, at: string) =>
      `Sự cố số ${n} đã được thử lại bởi ${by} lúc ${at}; mỗi sự cố chỉ thử lại một lần.`,
    unknown: (n: number) => `Nội dung này không có sự cố số ${n}.`,
    retryRefused: (reason: string) => `Hệ thống không nhận yêu cầu thử lại: ${reason}`,
    itemEnded: 'Quy trình của nội dung này đã kết thúc nên không thử lại được.',
    /** On the plan page: open incidents of an item, and an item workflow that stopped abnormally. */
    openCount: (n: number) => `⚠ ${n} sự cố`,
    failure: (reason: string) => `Quy trình dừng bất thường: ${reason}`,
    planHeading: 'Sự cố cần Văn phòng xử lý',
  },
  submit: {
    received: 'Đã nhận báo cáo',
    receivedVersion: 'lần nộp',
    organisation: 'Cơ quan',
    plan: 'Kế hoạch',
    number: 'Số',
    unit: 'Đơn vị',
    lead: 'chủ trì',
    support: 'phối hợp',
    deadline: 'Hạn nộp',
    status: 'Tình trạng',
    content: 'Nội dung',
    officeComment: 'Ý kiến của Văn phòng',
    reviseAgain: 'Vui lòng bổ sung và nộp lại.',
    updateSummary: 'Nộp bản cập nhật',
    closed: 'Nhiệm vụ đã kết thúc.',
    accepted: 'Báo cáo đã được duyệt.',
    submissions: 'Các lần nộp',
    returnedBy: 'Văn phòng trả lại',
    proposals: 'Đề xuất, kiến nghị',
  },
  /** The unit's form on `/nop/:token`. */
  form: {
    submittedBy: 'Người nộp',
    results: 'Kết quả thực hiện',
    shortcomings: 'Tồn tại, hạn chế và nguyên nhân',
    nextTasks: 'Nhiệm vụ thời gian tới',
    proposals: 'Đề xuất, kiến nghị',
    figures: 'Số liệu theo hình thức tuyên truyền',
    evidence: 'Minh chứng',
    linkTitle: 'Tên liên kết',
    linkUrl: 'Địa chỉ (https://…)',
    uploaded: 'Đã tải lên',
    files: 'Tệp minh chứng',
    filesHint: (files: number) => `PDF, DOCX, XLSX, JPG, PNG; tối đa ${files} tệp, mỗi tệp không quá 5 MB.`,
    submit: 'Nộp báo cáo',
    submitNew: 'Nộp bản mới',
    /** One section per ongoing duty the unit carries, in a periodic report. */
    duties: 'Kết quả các nhiệm vụ thường xuyên trong kỳ',
    duty: (n: number, title: string) => `Nhiệm vụ thường xuyên ${n}: ${title}`,
    dutyResults: 'Kết quả thực hiện',
    dutyPercent: (of: string) => `Tỷ lệ đạt (%): ${of}`,
    target: (text: string) => `Chỉ tiêu: ${text}`,
  },
  /** Why a unit's form came back: shown above the form, which keeps what was typed. */
  formErrors: {
    keptNotOwn: 'Có tệp minh chứng không thuộc các lần nộp của đơn vị qua liên kết này; vui lòng chọn lại tệp.',
    alreadyAccepted:
      'Báo cáo của đơn vị đã được Văn phòng duyệt nên không nộp lại được. Nếu cần sửa, vui lòng liên hệ Văn phòng.',
    tooManyFiles: (files: number) => `Tối đa ${files} tệp minh chứng.`,
    /** `message` is the upload store's own (English) reason. */
    fileTooLarge: (name: string, _message: string) => `Tệp "${name}" vượt quá 5 MB.`,
    fileWrongType: (name: string, _message: string) =>
      `Tệp "${name}" không đúng định dạng (chỉ nhận PDF, DOCX, XLSX, JPG, PNG).`,
    reportRefused: (reason: string) => `Hệ thống không nhận báo cáo: ${reason}`,
    nameMissing: 'Vui lòng ghi họ tên người nộp.',
    nameTooLong: (max: number) => `Họ tên người nộp dài quá ${max} ký tự.`,
    resultsMissing: 'Vui lòng nhập kết quả thực hiện.',
    /** The fields' names as the length message gives them. */
    fields: {
      results: 'Kết quả thực hiện',
      shortcomings: 'Tồn tại, hạn chế',
      nextTasks: 'Nhiệm vụ kỳ tới',
      proposals: 'Đề xuất, kiến nghị',
    },
    textTooLong: (field: string, length: number, max: number) =>
      `Mục "${field}" dài ${length.toLocaleString('vi-VN')} ký tự, ` + `vượt quá ${max.toLocaleString('vi-VN')} ký tự.`,
    dutyResults: (n: string) => `Kết quả nhiệm vụ thường xuyên số ${n}`,
    percentInvalid: (n: string, given: string) =>
      `Tỷ lệ đạt của nhiệm vụ thường xuyên số ${n} phải là số từ 0 đến 100 (đã nhập "${given}").`,
    figureInvalid: (code: string, max: number) =>
      `Số liệu "${code}" phải là số nguyên từ 0 đến ${max.toLocaleString('vi-VN')}.`,
    linkInvalid: (url: string, max: number) =>
      `Liên kết "${url}" phải bắt đầu bằng http:// hoặc https://, ` +
      `không có dấu cách và dài không quá ${max} ký tự.`,
    tooManyEvidence: (max: number) => `Tối đa ${max} minh chứng (liên kết và tệp).`,
  },
  login: {
    title: 'Đăng nhập',
    heading: 'Đăng nhập hệ thống kế hoạch tuyên truyền',
    /** The main way: cán bộ Văn phòng, lãnh đạo, trưởng đơn vị, văn phòng cơ quan cấp trên, without a password. */
    emailHeading: 'Nhận liên kết đăng nhập qua e-mail',
    emailHint: (minutes: number) =>
      `Nhập địa chỉ e-mail công vụ của bạn trong kế hoạch. Hệ thống gửi một liên kết đăng nhập dùng một lần, ` +
      `có hiệu lực ${minutes} phút, mở trên chính trình duyệt này.`,
    email: 'Địa chỉ e-mail',
    emailSubmit: 'Gửi liên kết đăng nhập',
    emailInvalid: 'Địa chỉ e-mail không hợp lệ. Vui lòng nhập đúng dạng ten@co-quan.gov.vn.',
    sso: 'Đăng nhập bằng tài khoản của tỉnh (SSO)',
    adminHeading: 'Quản trị viên',
    adminHint: 'Đăng nhập bằng tên đăng nhập và mật khẩu, chỉ dành cho quản trị viên hệ thống.',
    user: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    wrong: 'Sai tên đăng nhập hoặc mật khẩu.',
    throttled: (minutes: number) => `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
  },
  /** The pages of the e-mailed sign-in link: the answer to the request (the same for every address) and the confirmation. */
  emailLink: {
    sentTitle: 'Kiểm tra hộp thư',
    sent: (email: string, minutes: number) =>
      `Nếu địa chỉ ${email} có trong hệ thống, một liên kết đăng nhập vừa được gửi đến địa chỉ này. ` +
      `Liên kết có hiệu lực ${minutes} phút, chỉ dùng được một lần và chỉ mở được trên trình duyệt này.`,
    notArrived:
      'Không nhận được thư sau vài phút? Kiểm tra thư mục thư rác, kiểm tra lại địa chỉ, ' +
      'hoặc liên hệ Văn phòng để được bổ sung địa chỉ vào kế hoạch.',
    again: 'Yêu cầu liên kết khác',
    confirmTitle: 'Xác nhận đăng nhập',
    confirm: (email: string) => `Đăng nhập với địa chỉ ${email}.`,
    confirmHint: 'Bấm nút dưới đây để hoàn tất đăng nhập. Liên kết chỉ dùng được một lần.',
    confirmSubmit: 'Đăng nhập',
  },
  /** The sign-in e-mail, Vietnamese part (the English part follows it in the same message). */
  signInMail: {
    subject: 'Liên kết đăng nhập — Hệ thống kế hoạch tuyên truyền',
    intro:
      'Có yêu cầu đăng nhập Hệ thống kế hoạch tuyên truyền bằng địa chỉ e-mail này. Mở liên kết dưới đây để đăng nhập:',
    action: 'Đăng nhập',
    validity: (minutes: number) =>
      `Liên kết có hiệu lực ${minutes} phút, chỉ dùng được một lần và phải mở trên trình duyệt đã yêu cầu gửi liên kết.`,
    ignore: 'Nếu bạn không yêu cầu đăng nhập, vui lòng bỏ qua thư này: không mở liên kết thì không ai đăng nhập được.',
    footer: 'Thư gửi tự động từ hệ thống theo dõi kế hoạch; vui lòng không trả lời thư này.',
  },
  /** What an office action did, shown on the page it redirects to (`?ok=<key>`). */
  notices: {
    started: 'Đã khởi động kế hoạch.',
    running: 'Kế hoạch này đã đang chạy; không khởi động lại. Để điều chỉnh, nộp lại tệp kèm ghi chú điều chỉnh.',
    amended:
      'Đã điều chỉnh kế hoạch (phiên bản mới): nhiệm vụ mới được lên lịch, nhiệm vụ bỏ được đóng, ' +
      'nhiệm vụ đang chạy được cập nhật.',
    accepted: 'Đã duyệt báo cáo.',
    returned: 'Đã trả lại báo cáo kèm ý kiến; đơn vị đã được báo qua e-mail.',
    extended: 'Đã gia hạn; đơn vị đã được báo qua e-mail.',
    adhoc: 'Đã gửi yêu cầu báo cáo đột xuất.',
    paused: 'Đã tạm dừng nhắc hạn: các đơn vị không nhận e-mail nhắc cho đến khi tiếp tục; báo quá hạn vẫn gửi.',
    resumed: 'Đã tiếp tục nhắc hạn.',
    calendar:
      'Đã áp dụng lịch nghỉ chính thức: nhiệm vụ chưa mở được xếp lại, nhiệm vụ đang chạy áp dụng cho các bước còn lại.',
    answered: 'Đã trả lời kiến nghị; đơn vị xem câu trả lời trên trang nộp báo cáo của mình.',
    /** Shown with the incident's number when the redirect names it (`&su-co=N`). */
    retried: 'Đã cho thử lại sự cố.',
    reportAccepted: 'Đã duyệt báo cáo tổng hợp; Văn phòng đã được báo qua e-mail.',
    reportReturned: 'Đã trả lại dự thảo báo cáo tổng hợp kèm ý kiến; Văn phòng đã được báo qua e-mail.',
    recompiled: 'Đã yêu cầu tổng hợp lại báo cáo; dự thảo mới sẽ được gửi Giám đốc.',
  },
  /** The director's review of a consolidated report (portal/pages/report-review-section.ts). */
  reportReview: {
    heading: 'Giám đốc duyệt báo cáo tổng hợp',
    draft: (n: number) => `Dự thảo lần ${n}`,
    awaiting: 'Đang chờ Giám đốc duyệt.',
    accepted: (by: string, at: string) => `Giám đốc đã duyệt – ${by}, ${at}.`,
    returned: (by: string, at: string) => `Giám đốc trả lại – ${by}, ${at}.`,
    returnedHint:
      'Văn phòng chỉnh sửa theo ý kiến (có thể trả lại báo cáo của đơn vị để bổ sung), rồi tổng hợp lại: dự thảo mới được gửi Giám đốc.',
    comment: 'Ý kiến của Giám đốc (bắt buộc khi trả lại)',
    accept: 'Duyệt báo cáo',
    return: 'Trả lại Văn phòng',
    recompileNote: 'Ghi chú của Văn phòng (không bắt buộc)',
    recompile: 'Tổng hợp lại',
    reopen: 'Trả lại đơn vị để bổ sung',
    earlier: 'Các dự thảo đã trả lại',
  },
  /** Sign-in through the province's SSO (OpenID Connect, portal/auth/oidc-routes.ts). */
  sso: {
    backToLogin: 'Quay lại trang đăng nhập',
  },
  /** Who may see and do what (portal/access/): the ways on from a refusal, the person's own page. */
  access: {
    myPlans: 'Về danh sách kế hoạch của tôi',
    myDuties: 'Xem việc của đơn vị tôi',
  },
  /** Who did what and when on a plan-year (the audit trail). */
  audit: {
    heading: (org: string, year: number) => `Nhật ký thao tác: kế hoạch ${org} năm ${year}`,
    back: 'Về trang kế hoạch',
    link: 'Nhật ký thao tác',
    none: 'Chưa có thao tác nào.',
    plan: 'Kế hoạch',
    colAt: 'Thời điểm',
    colOn: 'Nhiệm vụ / báo cáo',
    colAction: 'Thao tác',
    colBy: 'Người thực hiện',
    actions: {
      amendPlan: 'Điều chỉnh kế hoạch',
      answerDifficulty: 'Trả lời kiến nghị',
      submitReport: 'Đơn vị nộp báo cáo',
      reviewSubmission: 'Duyệt hoặc trả lại báo cáo',
      extendDeadline: 'Gia hạn',
      reassignItem: 'Giao lại cho đơn vị khác',
      retryIncident: 'Thử lại bước bị sự cố',
      pauseReminders: 'Tạm dừng nhắc hạn',
      resumeReminders: 'Tiếp tục nhắc hạn',
      closeItem: 'Đóng nhiệm vụ',
      itemAmended: 'Áp dụng điều chỉnh kế hoạch',
      calendarChanged: 'Cập nhật lịch nghỉ chính thức',
    } as Record<string, string>,
  },
  /** A unit head's own page: every open duty of their units across plans and years. */
  myDuties: {
    heading: 'Việc của đơn vị tôi',
    units: (list: string) => `Đơn vị bạn phụ trách: ${list}.`,
    noUnits: 'Bạn không phụ trách đơn vị nào trong các kế hoạch đang thực hiện.',
    none: 'Không có nhiệm vụ hay báo cáo nào đang chờ đơn vị của bạn.',
    colPlan: 'Kế hoạch',
    colUnit: 'Đơn vị',
    colItem: 'Nhiệm vụ / báo cáo',
    colDue: 'Hạn',
    colState: 'Tình trạng',
    submit: 'Nộp báo cáo',
    resubmit: 'Xem, nộp lại',
  },
  /** Every page that says why a request was refused: a title and a sentence (`refuse` in refusals.ts). */
  refusals: {
    badForm: {
      title: 'Yêu cầu bị từ chối',
      text: 'Biểu mẫu không hợp lệ hoặc đã hết hạn. Vui lòng tải lại trang rồi thực hiện lại.',
    },
    loginFirst: {
      title: 'Cần đăng nhập',
      text: 'Phiên đăng nhập đã kết thúc hoặc chưa đăng nhập. Vui lòng đăng nhập lại rồi thực hiện lại.',
    },
    invalidLink: {
      title: 'Liên kết không hợp lệ',
      text: 'Liên kết nộp báo cáo không hợp lệ. Vui lòng mở đúng liên kết trong e-mail giao nhiệm vụ.',
    },
    expiredLink: {
      title: 'Liên kết đã hết hạn',
      text: 'Liên kết nộp báo cáo này đã hết hạn. Vui lòng liên hệ Văn phòng để được cấp liên kết mới.',
    },
    notAssigned: {
      title: 'Không còn được giao',
      text: 'Nhiệm vụ này không còn giao cho đơn vị của bạn.',
    },
    itemNotFound: {
      title: 'Không tìm thấy',
      text: 'Không tìm thấy nhiệm vụ của liên kết này.',
    },
    planNotFound: {
      title: 'Không tìm thấy',
      text: 'Không tìm thấy kế hoạch hoặc nhiệm vụ này.',
    },
    itemClosed: {
      title: 'Nhiệm vụ đã kết thúc',
      text: 'Nhiệm vụ này đã kết thúc nên không nhận báo cáo nữa. Nếu cần bổ sung, vui lòng liên hệ Văn phòng.',
    },
    malformedBody: {
      title: 'Không đọc được dữ liệu gửi lên',
      text: 'Dữ liệu biểu mẫu gửi lên bị hỏng hoặc không đúng định dạng. Vui lòng tải lại trang rồi gửi lại.',
    },
    tooLarge: {
      title: 'Dữ liệu quá lớn',
      text: 'Dữ liệu gửi lên vượt quá 1 MB.',
    },
    pageNotFound: {
      title: 'Không tìm thấy trang',
      text: 'Địa chỉ này không có trên hệ thống.',
    },
    forbidden: {
      title: 'Không có quyền',
      text: 'Tài khoản của bạn không có quyền với trang hoặc thao tác này.',
    },
    planClosed: {
      title: 'Kế hoạch đã kết thúc',
      text: 'Kế hoạch đã kết thúc nên không nhận kiến nghị qua trang này nữa. Vui lòng liên hệ trực tiếp Văn phòng.',
    },
    ssoUnavailable: {
      title: 'Chưa đăng nhập được qua SSO',
      text:
        'Hệ thống đăng nhập một lần (SSO) của tỉnh tạm thời không kết nối được. Vui lòng thử lại sau ít phút, ' +
        'hoặc nhận liên kết đăng nhập qua e-mail tại trang đăng nhập.',
    },
    ssoExpired: {
      title: 'Lượt đăng nhập đã hết hạn',
      text:
        'Lượt đăng nhập qua SSO này đã hết hạn, đã được dùng, hoặc được bắt đầu trên một trình duyệt khác. ' +
        'Vui lòng đăng nhập lại từ đầu.',
    },
    ssoStateMismatch: {
      title: 'Phản hồi đăng nhập không khớp',
      text:
        'Phản hồi từ hệ thống SSO không khớp với lượt đăng nhập của trình duyệt này nên đã bị từ chối. ' +
        'Vui lòng đăng nhập lại từ đầu.',
    },
    ssoDenied: {
      title: 'Chưa đăng nhập',
      text:
        'Bạn đã hủy đăng nhập hoặc hệ thống SSO không cho phép đăng nhập. Bạn có thể đăng nhập lại, ' +
        'hoặc nhận liên kết đăng nhập qua e-mail.',
    },
    ssoFailed: {
      title: 'Đăng nhập qua SSO không thành công',
      text: 'Hệ thống SSO không xác nhận được lượt đăng nhập này. Vui lòng đăng nhập lại từ đầu.',
    },
    ssoNoEmail: {
      title: 'Tài khoản chưa có địa chỉ e-mail',
      text:
        'Tài khoản SSO này không cung cấp địa chỉ e-mail nên hệ thống không xác định được người đăng nhập. ' +
        'Vui lòng đề nghị quản trị viên SSO bổ sung e-mail cho tài khoản, hoặc nhận liên kết đăng nhập qua e-mail.',
    },
    ssoEmailUnverified: {
      title: 'Địa chỉ e-mail chưa được xác minh',
      text:
        'Hệ thống SSO cho biết địa chỉ e-mail của tài khoản này chưa được xác minh. ' +
        'Vui lòng xác minh e-mail với quản trị viên SSO rồi đăng nhập lại.',
    },
    signInLinkSpent: {
      title: 'Liên kết đăng nhập không còn hiệu lực',
      text:
        'Liên kết đăng nhập này đã được dùng hoặc đã hết hạn: mỗi liên kết chỉ dùng được một lần, trong ít phút. ' +
        'Vui lòng yêu cầu liên kết mới tại trang đăng nhập.',
    },
    signInLinkOtherBrowser: {
      title: 'Mở liên kết trên trình duyệt đã yêu cầu',
      text:
        'Liên kết đăng nhập chỉ mở được trên trình duyệt đã yêu cầu gửi liên kết. Vui lòng mở liên kết trên ' +
        'trình duyệt đó, hoặc yêu cầu liên kết mới từ trình duyệt này.',
    },
    signInThrottled: {
      title: 'Quá nhiều yêu cầu',
      text: 'Đã có quá nhiều yêu cầu gửi liên kết đăng nhập.',
    },
    badListQuery: {
      title: 'Bộ lọc không hợp lệ',
      text: 'Bộ lọc hoặc liên kết trang của danh sách không hợp lệ hoặc đã cũ. Vui lòng mở lại danh sách từ trang đầu.',
    },
    systemError: {
      title: 'Lỗi hệ thống',
      text: 'Hệ thống tạm thời không xử lý được yêu cầu. Vui lòng thử lại sau ít phút.',
    },
  },
  /** A sentence a refusal adds about the request itself. */
  refusalDetails: {
    /** What a refused person may do instead, by what they asked for. */
    forbiddenRead: (org: string) => `Trang này thuộc ${org}; bạn chỉ xem được kế hoạch của cơ quan, đơn vị mình.`,
    forbiddenSteer: (org: string) =>
      `Chỉ Văn phòng của ${org} (hoặc quản trị viên) mới thực hiện được thao tác này; bạn vẫn xem được những gì vai trò của mình cho phép.`,
    forbiddenAdmin: 'Chỉ quản trị viên của hệ thống mới mở được trang này.',
    forbiddenReviewReport: (org: string) =>
      `Chỉ Giám đốc (Thủ trưởng) của ${org} mới duyệt hoặc trả lại báo cáo tổng hợp; bạn vẫn xem được báo cáo nếu vai trò của mình cho phép.`,
    noRole: 'Địa chỉ e-mail này hiện không giữ vai trò nào trong kế hoạch nào.',
    fieldTwice: (name: string) => `Trường "${name}" được gửi nhiều lần; mỗi trường này chỉ nhận một giá trị.`,
    reminderAction: 'Thao tác phải là tạm dừng hoặc tiếp tục.',
    uploadLimits: (files: number) => `Tối đa ${files} tệp, mỗi tệp 5 MB.`,
    difficultyId: 'Số kiến nghị không hợp lệ.',
    incidentId: 'Số sự cố không hợp lệ.',
    retryIn: (minutes: number) => `Vui lòng thử lại sau ${minutes} phút.`,
    ssoError: (code: string) => `Mã lỗi từ hệ thống SSO: ${code}.`,
  },
};

export type Texts = typeof vi;
