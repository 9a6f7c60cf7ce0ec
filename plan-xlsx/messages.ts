/**
 * What the import says of a workbook's cells, in Vietnamese or English, in the voice of the plan file's messages:
 * what is wrong, and what would be valid. Zod's and the plan checks' problems keep their own wording.
 */
import type { Locale } from '../domain/format-date.js';

/** A cell's content as a message quotes it. */
export function shown(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? `"${value}"` : String(value);
}

type Say = (lang: Locale) => string;
const say =
  (vi: string, en: string): Say =>
  (lang) =>
    lang === 'vi' ? vi : en;

export const xlsxMessages = {
  unreadable: (why: string) =>
    say(
      `không đọc được tệp Excel (XLSX): ${why}; hãy lưu lại dạng Sổ làm việc Excel (.xlsx)`,
      `cannot read the Excel (XLSX) file: ${why}; save it as an Excel Workbook (.xlsx)`,
    ),
  missingSheet: (sheet: string) =>
    say(
      `thiếu trang tính "${sheet}"; tệp xuất bởi "kehoach plan export-xlsx" có sẵn trang này`,
      `the sheet "${sheet}" is missing; a file made by "kehoach plan export-xlsx" has it`,
    ),
  missingColumn: (header: string) =>
    say(`thiếu cột "${header}" ở dòng tiêu đề`, `the column "${header}" is missing from the header row`),
  notDate: (value: unknown) =>
    say(
      `${shown(value)} không phải là ngày (cần một ô kiểu ngày, hoặc dd/MM/yyyy, ví dụ 16/01/2026)`,
      `${shown(value)} is not a date (expected a date cell, or dd/MM/yyyy, e.g. 16/01/2026)`,
    ),
  notMonth: (value: unknown) =>
    say(
      `${shown(value)} không phải là tháng (cần MM/yyyy, ví dụ 03/2026)`,
      `${shown(value)} is not a month (expected MM/yyyy, e.g. 03/2026)`,
    ),
  notNumber: (value: unknown) => say(`${shown(value)} không phải là số`, `${shown(value)} is not a number`),
  notNumbers: (value: unknown) =>
    say(
      `${shown(value)} không phải là danh sách số (cần các số cách nhau bởi dấu phẩy, ví dụ 3, 1)`,
      `${shown(value)} is not a list of numbers (expected numbers separated by commas, e.g. 3, 1)`,
    ),
  notText: (value: unknown) =>
    say(`${shown(value)} không phải là chữ (cần văn bản)`, `${shown(value)} is not text (expected text)`),
  notTime: (value: unknown) =>
    say(
      `${shown(value)} không phải là giờ (cần HH:mm, ví dụ 08:00)`,
      `${shown(value)} is not a time (expected HH:mm, e.g. 08:00)`,
    ),
  notInList: (value: unknown, labels: readonly string[]) =>
    say(
      `${shown(value)} không có trong danh sách (cần một trong: ${labels.join(', ')})`,
      `${shown(value)} is not in the list (expected one of: ${labels.join(', ')})`,
    ),
  errorValue: (error: string) => say(`ô có lỗi công thức ${error}`, `the cell holds the formula error ${error}`),
  missingKind: (labels: readonly string[]) =>
    say(
      `thiếu loại nhiệm vụ (cần một trong: ${labels.join(', ')})`,
      `the duty's kind is missing (expected one of: ${labels.join(', ')})`,
    ),
  notForKind: (kindLabel: string) =>
    say(
      `cột này không dùng cho nhiệm vụ ${kindLabel}; hãy để trống`,
      `this column does not apply to a duty of kind "${kindLabel}"; leave it empty`,
    ),
  notForRule: (ruleLabel: string) =>
    say(
      `cột này không dùng khi cách tính hạn là "${ruleLabel}"; hãy để trống`,
      `this column does not apply when the deadline rule is "${ruleLabel}"; leave it empty`,
    ),
  ruleOfOtherKind: (kindLabel: string, labels: readonly string[]) =>
    say(
      `cách tính hạn này không dùng cho nhiệm vụ ${kindLabel} (cần một trong: ${labels.join(', ')})`,
      `this deadline rule does not apply to a duty of kind "${kindLabel}" (expected one of: ${labels.join(', ')})`,
    ),
  ruleNeeds: (ruleLabel: string, header: string) =>
    say(
      `cách tính hạn "${ruleLabel}" cần giá trị ở cột "${header}"`,
      `the deadline rule "${ruleLabel}" needs a value in the column "${header}"`,
    ),
  targetBothKinds: say(
    'chỉ tiêu là số lượng (số lượng, tính theo) hoặc tỷ lệ (tỷ lệ, tỷ lệ của), không được cả hai',
    'a target is a count (count, per) or a share (percent, of), not both',
  ),
  unknownDuty: (value: unknown, numbers: readonly number[]) =>
    say(
      `không có nhiệm vụ số ${shown(value)} ở trang "Nhiệm vụ" (các số hiện có: ${numbers.join(', ') || 'không có'})`,
      `there is no duty number ${shown(value)} on the sheet "Nhiệm vụ" (numbers there: ${numbers.join(', ') || 'none'})`,
    ),
  missingDutyNumber: say('thiếu số nhiệm vụ', 'the duty number is missing'),
  unknownForm: (value: unknown, codes: readonly string[]) =>
    say(
      `mã hình thức ${shown(value)} không có ở trang "Hình thức" (cần một trong: ${codes.join(', ')})`,
      `the form code ${shown(value)} is not on the sheet "Hình thức" (expected one of: ${codes.join(', ')})`,
    ),
  repeatedTarget: (row: number) =>
    say(
      `hình thức này đã có chỉ tiêu ở dòng ${row}; mỗi hình thức chỉ một chỉ tiêu`,
      `this form already has a target on row ${row}; one target per form`,
    ),
  missingFormCode: say('thiếu mã hình thức', 'the form code is missing'),
  unknownKey: (key: string) =>
    say(
      `khoá "${key}" không được hỗ trợ; hãy giữ nguyên cột "Khoá" như tệp xuất`,
      `unknown key "${key}"; keep the column "Khoá" as the export wrote it`,
    ),
  repeatedKey: (row: number) => say(`khoá này đã có ở dòng ${row}`, `this key is already on row ${row}`),
} as const;
