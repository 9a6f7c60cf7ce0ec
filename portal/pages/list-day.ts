import { DateTime } from 'luxon';
import { formatShortDate } from '../../domain/format-date.js';

/** Lists have no plan at hand to name a zone: Vietnam's, where every organisation of the product is. */
const LIST_ZONE = 'Asia/Ho_Chi_Minh';

/** `dd/MM/yyyy` of an instant in Vietnam, or nothing: `listDay(new Date('2026-03-19T18:00:00Z'))` → `20/03/2026`. */
export function listDay(at: Date | undefined): string {
  const day = at ? DateTime.fromJSDate(at, { zone: LIST_ZONE }).toISODate() : null;
  return day ? formatShortDate(day) : '';
}
