import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../domain/format-date.js';

describe('formatDate', () => {
  it('writes the weekday and dd/MM/yyyy', () => {
    expect(formatDate('2026-03-20', 'vi')).toBe('thứ Sáu, 20/03/2026');
    expect(formatDate('2026-03-20', 'en')).toBe('Friday, 20/03/2026');
    expect(formatDate('2026-03-22', 'vi')).toBe('Chủ nhật, 22/03/2026');
    expect(formatDate('2026-01-01', 'vi')).toBe('thứ Năm, 01/01/2026');
  });

  it('rejects a date that does not exist', () => {
    expect(() => formatDate('2026-02-30', 'vi')).toThrow('2026-02-30 is not a calendar date (expected yyyy-MM-dd)');
  });
});

describe('formatDateTime', () => {
  it('shows the instant in the named zone, not the host zone', () => {
    expect(formatDateTime('2026-03-20T01:00:00Z', 'Asia/Ho_Chi_Minh', 'vi')).toBe('08:00 thứ Sáu, 20/03/2026');
    // 23:30 UTC on Thursday is already Friday morning in Vietnam
    expect(formatDateTime('2026-03-19T23:30:00Z', 'Asia/Ho_Chi_Minh', 'en')).toBe('06:30 Friday, 20/03/2026');
  });
});
