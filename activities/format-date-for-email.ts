import { DateTime } from 'luxon';

const VI_WEEKDAYS = ['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'] as const;
const EN_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * `thứ Sáu, 20/03/2026` / `Friday, 20/03/2026` from a local date (`yyyy-MM-dd`) or an ISO instant, read in `zone`.
 * Private to the activities until `domain/format-date.ts` lands; written by hand because ICU's `vi` weekday names
 * ("Thứ Sáu", "Chủ Nhật") differ from the capitalisation official letters use.
 */
export function formatDateForEmail(value: string, locale: 'vi' | 'en', zone = 'Asia/Ho_Chi_Minh'): string {
  const dt = DateTime.fromISO(value, { zone });
  if (!dt.isValid)
    throw new Error(`formatDateForEmail: "${value}" is not an ISO date (expected yyyy-MM-dd or an ISO instant)`);
  const names = locale === 'vi' ? VI_WEEKDAYS : EN_WEEKDAYS;
  return `${names[dt.weekday - 1] ?? ''}, ${dt.toFormat('dd/MM/yyyy')}`;
}
