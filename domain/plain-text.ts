/**
 * Text with every control character replaced by a space; line feeds are kept when `keepLineFeeds` (descriptions).
 * For formats where a stray CR or other control character changes the structure (iCalendar lines, RFC 5545 §3.1).
 * Example: `plainText('Họp\rgiao ban')` → `'Họp giao ban'`.
 */
export function plainText(s: string, keepLineFeeds = false): string {
  return s.replace(keepLineFeeds ? /(?!\n)\p{Cc}/gu : /\p{Cc}/gu, ' ');
}
