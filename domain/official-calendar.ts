import { lunarToSolar } from './lunar.js';
import { plusDays, weekdayOf, ymd } from './local-date.js';
import type { CalendarDay, OfficialYear } from './schedule-types.js';

/**
 * The civil-service calendar (Monday–Friday week) per year. Approved years (2021–2026) are data, with the documents that
 * set them; other years are computed from the statutory holidays (`STATUTORY_HOLIDAYS`, Bộ luật Lao động 2019 Điều 112)
 * with nghỉ bù (Điều 111 k3) and marked provisional until the government approves them.
 */

const off = (date: string, name: string): CalendarDay => ({ date, kind: 'off', name });
const working = (date: string, name: string): CalendarDay => ({ date, kind: 'working', name });

/** Every date from `from` to `to` inclusive as days off with one name. */
function offRange(from: string, to: string, name: string): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let d = from; d <= to; d = plusDays(d, 1)) days.push(off(d, name));
  return days;
}

/**
 * Approved calendars, as published for civil servants (cơ quan hành chính, sự nghiệp, tổ chức chính trị, tổ chức chính
 * trị - xã hội; Monday–Friday week), one entry per year with the documents that set it (`source`). A holiday the
 * documents leave to the Labour Code (a single day, or its nghỉ bù under BLLĐ 2019 Điều 111 k3) names the Code.
 * Days of a weekend inside an announced break are listed too, so the break reads as announced.
 * Order: 2022 and 2026 first (the first data held), then the years added from the documents.
 */
export const OFFICIAL_YEARS: OfficialYear[] = [
  // 2022 — VPCP 245/VPCP-KGVX ngày 11/01/2022 (Phó Thủ tướng Vũ Đức Đam): Tết Nhâm Dần 31/01–04/02/2022, Quốc khánh
  // 01–02/9/2022 (with the weekends before and after Tết, 29/01–06/02). Tết Dương lịch, Giỗ Tổ, 30/4–1/5 and their
  // nghỉ bù: BLLĐ 2019 Điều 111 k3, Điều 112 (no swap that year).
  {
    year: 2022,
    source:
      'Thông báo nghỉ lễ, Tết năm 2022 của Bộ LĐTBXH (Tết Nhâm Dần 29/01–06/02, Giỗ Tổ bù 11/4, 30/4–1/5 bù 2–3/5, Quốc khánh 1–2/9); nghỉ bù Tết Dương lịch 03/01 theo BLLĐ 2019 Điều 111 k3',
    days: [
      off('2022-01-01', 'Tết Dương lịch'),
      off('2022-01-03', 'Nghỉ bù Tết Dương lịch (01/01 là thứ Bảy)'),
      ...offRange('2022-01-29', '2022-01-30', 'Nghỉ Tết Nguyên đán (cuối tuần liền kề)'),
      ...offRange('2022-01-31', '2022-02-04', 'Tết Nguyên đán Nhâm Dần'),
      ...offRange('2022-02-05', '2022-02-06', 'Nghỉ Tết Nguyên đán (cuối tuần liền kề)'),
      off('2022-04-10', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
      off('2022-04-11', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/4 là Chủ nhật)'),
      off('2022-04-30', 'Ngày Chiến thắng 30/4'),
      off('2022-05-01', 'Ngày Quốc tế Lao động 1/5'),
      off('2022-05-02', 'Nghỉ bù ngày 30/4 (thứ Bảy)'),
      off('2022-05-03', 'Nghỉ bù ngày 1/5 (Chủ nhật)'),
      off('2022-09-01', 'Quốc khánh (ngày liền kề)'),
      off('2022-09-02', 'Quốc khánh 2/9'),
    ],
  },
  // 2026 — Tết Dương lịch: VPCP 12729/VPCP-KGVX ngày 25/12/2025 (Phó Thủ tướng Phạm Thị Thanh Trà), 01–04/01/2026,
  // thứ Sáu 02/01 đổi sang thứ Bảy 10/01. Tết Bính Ngọ and Quốc khánh: VPCP letter reported 13/10/2025 (Thủ tướng Phạm
  // Minh Chính; number not found) and Bộ Nội vụ Thông báo số 9441 ngày 16/10/2025: Tết 16–20/02 with the weekends
  // 14/02–22/02; Quốc khánh 29/8–02/9, thứ Hai 31/8 đổi sang thứ Bảy 22/8. Giỗ Tổ (Sun 26/4, bù Mon 27/4) and 30/4–1/5:
  // BLLĐ 2019. The `source` below is kept as first written: it credits 12729 with Tết Nguyên đán too, but 12729 is the
  // Tết Dương lịch letter; the days themselves agree with every document found.
  {
    year: 2026,
    source:
      'VPCP 12729/VPCP-KGVX (Tết Dương lịch và Tết Nguyên đán Bính Ngọ); phương án nghỉ Giỗ Tổ, 30/4–1/5, Quốc khánh 2026 được Thủ tướng đồng ý (đưa tin 23/02/2026)',
    days: [
      off('2026-01-01', 'Tết Dương lịch'),
      off('2026-01-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)'),
      off('2026-01-03', 'Nghỉ Tết Dương lịch (cuối tuần liền kề)'),
      off('2026-01-04', 'Nghỉ Tết Dương lịch (cuối tuần liền kề)'),
      working('2026-01-10', 'Làm bù cho thứ Sáu 02/01/2026'),
      ...offRange('2026-02-14', '2026-02-15', 'Nghỉ Tết Nguyên đán (cuối tuần liền kề)'),
      ...offRange('2026-02-16', '2026-02-20', 'Tết Nguyên đán Bính Ngọ'),
      ...offRange('2026-02-21', '2026-02-22', 'Nghỉ Tết Nguyên đán (cuối tuần liền kề)'),
      off('2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
      off('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)'),
      off('2026-04-30', 'Ngày Chiến thắng 30/4'),
      off('2026-05-01', 'Ngày Quốc tế Lao động 1/5'),
      working('2026-08-22', 'Làm bù cho thứ Hai 31/08/2026'),
      off('2026-08-29', 'Nghỉ Quốc khánh (cuối tuần liền kề)'),
      off('2026-08-30', 'Nghỉ Quốc khánh (cuối tuần liền kề)'),
      off('2026-08-31', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)'),
      off('2026-09-01', 'Quốc khánh (ngày liền kề)'),
      off('2026-09-02', 'Quốc khánh 2/9'),
    ],
  },
  // 2021 — VPCP 9895/VPCP-KGVX (Thủ tướng Nguyễn Xuân Phúc đồng ý Tờ trình 111/TTr-LĐTBXH ngày 28/10/2020; reported
  // 27/11/2020) and Bộ LĐTBXH Thông báo 4875/TB-LĐTBXH (date not found; reported 09/12/2020): Tết Tân Sửu 2 ngày
  // trước Tết, 3 ngày sau Tết, mùng 2–3 (Sat 13/02, Sun 14/02) bù mùng 4–5 (15–16/02), so 10/02–16/02/2021; Quốc
  // khánh thứ Năm 02/9 – Chủ nhật 05/9/2021 (2 ngày lễ: 2/9 and 3/9, + 2 ngày nghỉ hằng tuần). The first year of BLLĐ 2019
  // (in force 01/01/2021), whose Điều 112 gave Quốc khánh its second day. Tết Dương lịch (Fri 01/01), Giỗ Tổ (Wed 21/4),
  // 30/4 (Fri) and 1/5 (Sat, bù Mon 03/5): BLLĐ 2019, as reported with the notice (SGGP 09/12/2020: 01–03/01, 21/4,
  // 30/4–03/5).
  {
    year: 2021,
    source:
      'VPCP 9895/VPCP-KGVX (Thủ tướng đồng ý, 11/2020) và Thông báo 4875/TB-LĐTBXH của Bộ LĐTBXH (12/2020): Tết Tân Sửu 10/02–16/02/2021, Quốc khánh 02/9–05/9/2021; Tết Dương lịch, Giỗ Tổ 21/4, 30/4–1/5 (bù 03/5) theo BLLĐ 2019 Điều 111 k3, Điều 112',
    days: [
      off('2021-01-01', 'Tết Dương lịch'),
      ...offRange('2021-02-10', '2021-02-12', 'Tết Nguyên đán Tân Sửu'),
      ...offRange('2021-02-13', '2021-02-14', 'Tết Nguyên đán Tân Sửu (mùng 2, mùng 3 trùng cuối tuần)'),
      off('2021-02-15', 'Nghỉ bù Tết Nguyên đán (mùng 2 là thứ Bảy)'),
      off('2021-02-16', 'Nghỉ bù Tết Nguyên đán (mùng 3 là Chủ nhật)'),
      off('2021-04-21', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
      off('2021-04-30', 'Ngày Chiến thắng 30/4'),
      off('2021-05-01', 'Ngày Quốc tế Lao động 1/5'),
      off('2021-05-03', 'Nghỉ bù ngày 1/5 (thứ Bảy)'),
      off('2021-09-02', 'Quốc khánh 2/9'),
      off('2021-09-03', 'Quốc khánh (ngày liền kề)'),
      ...offRange('2021-09-04', '2021-09-05', 'Nghỉ Quốc khánh (cuối tuần liền kề)'),
    ],
  },
  // 2023 — VPCP 8056/VPCP-KGVX ngày 01/12/2022 (Phó Thủ tướng Vũ Đức Đam; Bộ trưởng Bộ LĐTBXH được ủy quyền thông
  // báo): Tết Quý Mão thứ Sáu 20/01 (29 Chạp) – thứ Năm 26/01/2023 (mùng 5); Quốc khánh thứ Sáu 01/9 – thứ Hai
  // 04/9/2023. The document leaves the other days to the Code ("các dịp nghỉ lễ, Tết khác thực hiện theo quy định của
  // Bộ luật Lao động"): Tết Dương lịch Sun 01/01 bù Mon 02/01; Giỗ Tổ Sat 29/4 bù Tue 02/5, 30/4 Sun bù Wed 03/5,
  // 1/5 Mon (29/4–03/5), BLLĐ 2019 Điều 111 k3. No working Saturday.
  {
    year: 2023,
    source:
      'VPCP 8056/VPCP-KGVX ngày 01/12/2022 (Phó Thủ tướng Vũ Đức Đam): Tết Quý Mão 20/01–26/01/2023, Quốc khánh 01/9–04/9/2023; Tết Dương lịch (bù 02/01), Giỗ Tổ 29/4 (bù 02/5), 30/4 (bù 03/5), 1/5 theo BLLĐ 2019 Điều 111 k3, Điều 112',
    days: [
      off('2023-01-01', 'Tết Dương lịch'),
      off('2023-01-02', 'Nghỉ bù Tết Dương lịch (01/01 là Chủ nhật)'),
      ...offRange('2023-01-20', '2023-01-24', 'Tết Nguyên đán Quý Mão'),
      off('2023-01-25', 'Nghỉ bù Tết Nguyên đán (30 Tết là thứ Bảy)'),
      off('2023-01-26', 'Nghỉ bù Tết Nguyên đán (mùng 1 là Chủ nhật)'),
      off('2023-04-29', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
      off('2023-04-30', 'Ngày Chiến thắng 30/4'),
      off('2023-05-01', 'Ngày Quốc tế Lao động 1/5'),
      off('2023-05-02', 'Nghỉ bù Giỗ Tổ Hùng Vương (29/4 là thứ Bảy)'),
      off('2023-05-03', 'Nghỉ bù ngày 30/4 (Chủ nhật)'),
      off('2023-09-01', 'Quốc khánh (ngày liền kề)'),
      off('2023-09-02', 'Quốc khánh 2/9'),
      off('2023-09-03', 'Nghỉ Quốc khánh (cuối tuần liền kề)'),
      off('2023-09-04', 'Nghỉ bù Quốc khánh (2/9 là thứ Bảy)'),
    ],
  },
  // 2024 — VPCP 8662/VPCP-KGVX (Thủ tướng Phạm Minh Chính; date not found) and Bộ LĐTBXH Thông báo 5015/TB-LĐTBXH ngày
  // 22/11/2023: Tết Giáp Thìn thứ Năm 08/02 (29 Chạp) – thứ Tư 14/02/2024 (mùng 5), 5 ngày Tết + 2 ngày nghỉ bù (mùng
  // 1–2 are Sat 10/02, Sun 11/02); Quốc khánh thứ Bảy 31/8 – thứ Ba 03/9/2024 (2/9 and 3/9). 30/4–1/5: VPCP
  // 2450/VPCP-KGVX ngày 12/4/2024 (Thủ tướng đồng ý hoán đổi): 27/4–01/5, thứ Hai 29/4 đổi sang thứ Bảy 04/5. Tết
  // Dương lịch (Mon 01/01) and Giỗ Tổ (Thu 18/4): BLLĐ 2019 Điều 112.
  {
    year: 2024,
    source:
      'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 của Bộ LĐTBXH theo VPCP 8662/VPCP-KGVX: Tết Giáp Thìn 08/02–14/02/2024, Quốc khánh 31/8–03/9/2024; VPCP 2450/VPCP-KGVX ngày 12/4/2024: nghỉ 27/4–01/5, hoán đổi thứ Hai 29/4 sang thứ Bảy 04/5/2024; Tết Dương lịch, Giỗ Tổ 18/4 theo BLLĐ 2019 Điều 112',
    days: [
      off('2024-01-01', 'Tết Dương lịch'),
      ...offRange('2024-02-08', '2024-02-12', 'Tết Nguyên đán Giáp Thìn'),
      off('2024-02-13', 'Nghỉ bù Tết Nguyên đán (mùng 1 là thứ Bảy)'),
      off('2024-02-14', 'Nghỉ bù Tết Nguyên đán (mùng 2 là Chủ nhật)'),
      off('2024-04-18', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
      ...offRange('2024-04-27', '2024-04-28', 'Nghỉ lễ 30/4–1/5 (cuối tuần liền kề)'),
      off('2024-04-29', 'Nghỉ hoán đổi (làm bù thứ Bảy 04/05/2024)'),
      off('2024-04-30', 'Ngày Chiến thắng 30/4'),
      off('2024-05-01', 'Ngày Quốc tế Lao động 1/5'),
      working('2024-05-04', 'Làm bù cho thứ Hai 29/04/2024'),
      ...offRange('2024-08-31', '2024-09-01', 'Nghỉ Quốc khánh (cuối tuần liền kề)'),
      off('2024-09-02', 'Quốc khánh 2/9'),
      off('2024-09-03', 'Quốc khánh (ngày liền kề)'),
    ],
  },
  // 2025 — VPCP 8726/VPCP-KGVX ngày 26/11/2024 (Thủ tướng Phạm Minh Chính) and Bộ LĐTBXH (nay Bộ Nội vụ) Thông báo
  // 6150/TB-BLĐTBXH ngày 03/12/2024: Tết Ất Tỵ thứ Bảy 25/01 (26 Chạp) – Chủ nhật 02/02/2025 (mùng 5), 5 ngày Tết
  // (27–31/01) + 4 ngày nghỉ hằng tuần; Giỗ Tổ thứ Hai 07/4; 30/4–1/5: nghỉ 30/4–04/5, thứ Sáu 02/5 đổi sang thứ Bảy
  // 26/4; Quốc khánh thứ Bảy 30/8 – thứ Ba 02/9/2025 (1/9 and 2/9 — the two days of BLLĐ 2019 Điều 112, not a 2025
  // change). Tết Dương lịch Wed 01/01: BLLĐ 2019 Điều 112.
  {
    year: 2025,
    source:
      'VPCP 8726/VPCP-KGVX ngày 26/11/2024 và Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024 của Bộ LĐTBXH: Tết Ất Tỵ 25/01–02/02/2025, Giỗ Tổ 07/4, nghỉ 30/4–04/5 (hoán đổi thứ Sáu 02/5 sang thứ Bảy 26/4/2025), Quốc khánh 30/8–02/9/2025; Tết Dương lịch theo BLLĐ 2019 Điều 112',
    days: [
      off('2025-01-01', 'Tết Dương lịch'),
      ...offRange('2025-01-25', '2025-01-26', 'Nghỉ Tết Nguyên đán (cuối tuần liền kề)'),
      ...offRange('2025-01-27', '2025-01-31', 'Tết Nguyên đán Ất Tỵ'),
      ...offRange('2025-02-01', '2025-02-02', 'Nghỉ Tết Nguyên đán (cuối tuần liền kề)'),
      off('2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
      working('2025-04-26', 'Làm bù cho thứ Sáu 02/05/2025'),
      off('2025-04-30', 'Ngày Chiến thắng 30/4'),
      off('2025-05-01', 'Ngày Quốc tế Lao động 1/5'),
      off('2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)'),
      ...offRange('2025-05-03', '2025-05-04', 'Nghỉ lễ 30/4–1/5 (cuối tuần liền kề)'),
      ...offRange('2025-08-30', '2025-08-31', 'Nghỉ Quốc khánh (cuối tuần liền kề)'),
      off('2025-09-01', 'Quốc khánh (ngày liền kề)'),
      off('2025-09-02', 'Quốc khánh 2/9'),
    ],
  },
];

/** Source text of a computed year. */
export const COMPUTED_SOURCE = 'Chưa có văn bản phê duyệt (tính toán theo BLLĐ 2019 Điều 112)';

/** A day of the year on one of the two calendars: solar (dương lịch) or the Vietnamese lunar calendar (âm lịch). */
export interface HolidayDate {
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
}

const solar = (day: number, month: number): HolidayDate => ({ calendar: 'solar', month, day });
const lunar = (day: number, month: number): HolidayDate => ({ calendar: 'lunar', month, day });

/** A paid holiday of the law, as data: its date, the name of each of its days (their number is its day count), the law. */
export interface StatutoryHoliday {
  on: HolidayDate;
  /** The name of each day off, in date order; `days.length` is the number of paid days the law gives. */
  days: readonly string[];
  /** Index in `days` of the day that falls on `on`; the days before it are taken before the date. Default 0. */
  dateIndex?: number;
  /**
   * When the date is a Monday, the days before it are taken after its last day instead (the Prime Minister's usual
   * choice for Quốc khánh's adjacent day, so the break joins the weekend: 2024 → 2/9 + 3/9).
   */
  afterWhenMonday?: boolean;
  /** The law that sets it, e.g. `BLLĐ 2019 Điều 112 k1 điểm a`. */
  law: string;
}

/**
 * The paid holidays of BLLĐ 2019 Điều 112 k1 (11 days), the one table the computed years are built from: a new
 * holiday is one entry, e.g. once the Code is amended (24/11 Ngày Văn hóa Việt Nam is planned, NQ 30/NQ-CP, 2026):
 * `{ on: solar(24, 11), days: ['Ngày Văn hóa Việt Nam 24/11'], law: 'BLLĐ … Điều 112 k1 …' }`.
 * Where the law leaves the days to the Prime Minister, the table holds a convention:
 * - Tết: 5 days = the last day of the lunar year (30 Chạp, or 29 when Chạp is short) + mùng 1–4;
 * - Quốc khánh: 2/9 + 1/9, except 2/9 + 3/9 when 2/9 is a Monday.
 */
export const STATUTORY_HOLIDAYS: readonly StatutoryHoliday[] = [
  { on: solar(1, 1), days: ['Tết Dương lịch'], law: 'BLLĐ 2019 Điều 112 k1 điểm a' },
  {
    on: lunar(1, 1),
    days: [
      'Tết Nguyên đán (ngày cuối năm âm lịch)',
      'Tết Nguyên đán (mùng 1)',
      'Tết Nguyên đán (mùng 2)',
      'Tết Nguyên đán (mùng 3)',
      'Tết Nguyên đán (mùng 4)',
    ],
    dateIndex: 1,
    law: 'BLLĐ 2019 Điều 112 k1 điểm b, k3 (05 ngày; Thủ tướng quyết định cụ thể)',
  },
  { on: lunar(10, 3), days: ['Giỗ Tổ Hùng Vương (10/3 âm lịch)'], law: 'BLLĐ 2019 Điều 112 k1 điểm e' },
  { on: solar(30, 4), days: ['Ngày Chiến thắng 30/4'], law: 'BLLĐ 2019 Điều 112 k1 điểm c' },
  { on: solar(1, 5), days: ['Ngày Quốc tế Lao động 1/5'], law: 'BLLĐ 2019 Điều 112 k1 điểm d' },
  {
    on: solar(2, 9),
    days: ['Quốc khánh (ngày liền kề)', 'Quốc khánh 2/9'],
    dateIndex: 1,
    afterWhenMonday: true,
    law: 'BLLĐ 2019 Điều 112 k1 điểm đ, k3 (02 ngày: 2/9 và 01 ngày liền kề trước hoặc sau)',
  },
];

/** The solar dates of `on` that fall in `year` (a lunar date is looked up in the lunar years `year - 1` and `year`). */
function datesIn(on: HolidayDate, year: number): string[] {
  if (on.calendar === 'solar') return [ymd(year, on.month, on.day)];
  return [year - 1, year]
    .map((y) => lunarToSolar(on.day, on.month, y, false))
    .filter((d) => d.year === year)
    .map((d) => ymd(d.year, d.month, d.day));
}

/** The days off of `holidays` in `year`, before nghỉ bù, in date order. */
function statutoryDays(year: number, holidays: readonly StatutoryHoliday[]): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const h of holidays) {
    const at = h.dateIndex ?? 0;
    const last = h.days.length - 1 - at;
    for (const date of datesIn(h.on, year)) {
      const flip = h.afterWhenMonday === true && weekdayOf(date) === 1;
      h.days.forEach((name, i) => {
        const offset = i >= at ? i - at : flip ? last + (at - i) : i - at;
        const d = plusDays(date, offset);
        if (d.startsWith(`${year}-`)) days.push(off(d, name));
      });
    }
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The calendar of `year` computed from the statutory holidays (BLLĐ 2019 Điều 112; `holidays` replaces the table,
 * for tests and drafts) with nghỉ bù per Điều 111 k3: each holiday that falls on Saturday or Sunday (the civil
 * service's weekly rest) is compensated on the next weekday that is not itself a holiday or another holiday's nghỉ bù.
 * E.g. 2022: 1/1 (Sat) → bù Mon 3/1. Marked `provisional`: no document has approved it.
 */
export function computedYear(year: number, holidays: readonly StatutoryHoliday[] = STATUTORY_HOLIDAYS): OfficialYear {
  const statutory = statutoryDays(year, holidays);
  const taken = new Set(statutory.map((d) => d.date));
  const compensations: CalendarDay[] = [];
  for (const h of statutory) {
    if (weekdayOf(h.date) < 6) continue;
    let d = plusDays(h.date, 1);
    while (weekdayOf(d) >= 6 || taken.has(d)) d = plusDays(d, 1);
    taken.add(d);
    compensations.push(off(d, `Nghỉ bù ${h.name}`));
  }
  const days = [...statutory, ...compensations].sort((a, b) => a.date.localeCompare(b.date));
  return { year, source: COMPUTED_SOURCE, provisional: true, days };
}

/** The approved calendar of `year` if we hold it (2021–2026), else the one computed from the Labour Code (provisional). */
export function officialYear(year: number): OfficialYear {
  return OFFICIAL_YEARS.find((y) => y.year === year) ?? computedYear(year);
}
