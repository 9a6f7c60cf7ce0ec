import type { CalendarDayKind, EventMarker, EventTone } from '../../domain/year-calendar.js';

/**
 * The year calendar's texts (issue #17), Vietnamese first; `en` has the same keys (typed by `vi`). Kept apart from
 * `portal/texts/` so the editor's pages and this one are written side by side.
 */
export const vi = {
  /** The page's heading and the plan page's link to it. */
  heading: (year: number) => `Lịch năm ${year}`,
  link: 'Lịch năm',
  backToPlan: 'Về trang kế hoạch',
  todayIs: (day: string) => `Hôm nay (theo đồng hồ của kế hoạch): ${day}`,
  intro:
    'Mỗi ngày ghi các mốc của kế hoạch (giao việc, nhắc hạn, hạn nộp, quá hạn, báo cáo Văn phòng, Giám đốc, chốt số liệu, hạn tổng hợp) và ngày nghỉ, ngày làm bù theo lịch chính thức. Di chuột hoặc chạm vào một ngày để xem căn cứ của từng mốc; danh sách đầy đủ ở cuối trang.',
  /** Weekday column headings, Monday first, and their full names. */
  weekdays: ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'],
  weekdayNames: ['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'],
  month: (month: number, year: number) => `Tháng ${month}/${year}`,
  outsideYear: 'ngoài năm kế hoạch',
  /** The text marker of each kind of action, as a day cell shows it (the legend spells them out). */
  markers: {
    assign: 'GV',
    request: 'YC',
    reminder: 'NH',
    'due-today': 'H',
    overdue: 'QH',
    'escalate-office': 'VP',
    'escalate-director': 'GĐ',
    'cut-off': 'CS',
    'office-due': 'TH',
    'office-reminder': 'NT',
  } satisfies Record<EventMarker, string>,
  /** What each kind of day is, in the legend and for screen readers. */
  dayKinds: {
    working: 'Ngày làm việc',
    weekend: 'Nghỉ cuối tuần',
    holiday: 'Ngày nghỉ lễ, Tết, nghỉ bù, nghỉ hoán đổi',
    'working-saturday': 'Ngày làm bù (cuối tuần đi làm)',
    outside: 'Ngoài năm kế hoạch',
  } satisfies Record<CalendarDayKind, string>,
  /** The short word a day cell shows besides its colour. */
  dayTags: { holiday: 'nghỉ', 'working-saturday': 'làm bù' },
  today: 'hôm nay',
  tones: {
    done: 'Đã hoàn thành',
    late: 'Hoàn thành quá hạn',
    overdue: 'Quá hạn',
    open: 'Chưa hoàn thành, đang thực hiện',
    cancelled: 'Đã hủy',
  } satisfies Record<EventTone, string>,
  legendHeading: 'Chú giải',
  legendMarkers: 'Các mốc',
  legendDays: 'Các ngày',
  legendTones: 'Tình trạng (trên kế hoạch đang chạy)',
  legendToday: 'Ngày hôm nay (viền đậm)',
  events: (n: number) => `${n} mốc`,
  noEvents: 'không có mốc',
  rule: 'Căn cứ',
  provisional: 'lịch tạm tính, có thể thay đổi',
  listHeading: 'Danh sách các mốc',
  listEmpty: 'Kế hoạch chưa có mốc nào có ngày.',
  ongoingHeading: 'Nhiệm vụ thường xuyên',
  ongoingHint: 'Không có hạn, không nhắc hạn; kết quả được hỏi trong từng kỳ báo cáo định kỳ.',
  calendarHeading: 'Lịch nghỉ lễ, Tết áp dụng',
  calendarYear: (year: number, source: string, provisional: boolean) =>
    `Năm ${year}: ${source}${provisional ? ' (lịch tạm tính, chưa có văn bản phê duyệt)' : ''}`,
  provisionalYears: (years: string) =>
    `Lịch năm ${years} là lịch tạm tính (chưa có văn bản phê duyệt; tính theo BLLĐ 2019 Điều 112): các mốc ghi “lịch tạm tính” có thể thay đổi.`,
  dayOff: (name: string) => `Nghỉ: ${name}`,
  dayWorked: (name: string) => `Làm việc: ${name}`,
};

export type YearCalendarTexts = typeof vi;

export const en: YearCalendarTexts = {
  heading: (year) => `Year calendar ${year}`,
  link: 'Year calendar',
  backToPlan: 'Back to the plan',
  todayIs: (day) => `Today (on the plan's clock): ${day}`,
  intro:
    "Each day shows the plan's actions (assignments, reminders, deadlines, overdue notices, alerts to the office and the director, data cut-offs, consolidation deadlines) and the days off and swapped working days of the official calendar. Hover over or tap a day for the rule behind each date; the full list is at the end of the page.",
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  weekdayNames: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  month: (month, year) =>
    `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1]} ${year}`,
  outsideYear: 'outside the plan year',
  markers: {
    assign: 'AS',
    request: 'RQ',
    reminder: 'RM',
    'due-today': 'D',
    overdue: 'LT',
    'escalate-office': 'EO',
    'escalate-director': 'ED',
    'cut-off': 'CO',
    'office-due': 'OD',
    'office-reminder': 'OR',
  },
  dayKinds: {
    working: 'Working day',
    weekend: 'Weekend',
    holiday: 'Public holiday, Tết, day off in lieu or swapped day off',
    'working-saturday': 'Swapped working day (a weekend day worked)',
    outside: 'Outside the plan year',
  },
  dayTags: { holiday: 'off', 'working-saturday': 'work' },
  today: 'today',
  tones: {
    done: 'Done',
    late: 'Done late',
    overdue: 'Overdue',
    open: 'Not done yet, open',
    cancelled: 'Cancelled',
  },
  legendHeading: 'Legend',
  legendMarkers: 'Actions',
  legendDays: 'Days',
  legendTones: 'State (on a running plan)',
  legendToday: 'Today (thick border)',
  events: (n) => (n === 1 ? '1 action' : `${n} actions`),
  noEvents: 'no action',
  rule: 'Rule',
  provisional: 'provisional calendar, may change',
  listHeading: 'List of dates (Danh sách các mốc)',
  listEmpty: 'The plan has no dated action yet.',
  ongoingHeading: 'Ongoing duties',
  ongoingHint: 'No deadline and no reminder; their results are asked for in every periodic report.',
  calendarHeading: 'Official calendar of days off',
  calendarYear: (year, source, provisional) =>
    `${year}: ${source}${provisional ? ' (provisional: no approved document yet)' : ''}`,
  provisionalYears: (years) =>
    `The calendar for ${years} is provisional (computed from the Labour Code 2019 art. 112; no approved document yet): dates marked “provisional” may change.`,
  dayOff: (name) => `Day off: ${name}`,
  dayWorked: (name) => `Working day: ${name}`,
};

/** The year calendar's texts in `lang`. */
export const yearCalendarTexts = (lang: 'vi' | 'en'): YearCalendarTexts => (lang === 'vi' ? vi : en);
