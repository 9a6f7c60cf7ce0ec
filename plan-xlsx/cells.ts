/**
 * A cell's content as the plan value its column holds: dates from date cells or dd/MM/yyyy text, numbers from number
 * cells or digits typed as text, lists from comma-separated text, coded values from their Vietnamese labels. What a
 * cell cannot be read as is said in words; whether a value is allowed is left to the plan schema and checks.
 */
import type { CellValue } from 'exceljs';
import type { Locale } from '../domain/format-date.js';
import { codeOf } from './labels.js';
import type { CellKind } from './layout.js';
import { xlsxMessages } from './messages.js';

/** A cell as read: blank, a plan value, or what is wrong with it. */
export type ReadCell = { blank: true } | { value: unknown } | { wrong: string };

/** What a cell shows, without its formatting: the text of rich text and links, a formula's result. */
export function plainValue(value: CellValue): string | number | boolean | Date | { error: string } | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return plainValue(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return plainValue(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) return plainValue((value.result ?? null) as CellValue);
  if ('error' in value) return { error: String(value.error) };
  return undefined;
}

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

/** `yyyy-MM-dd` of an Excel date (exceljs reads a date cell as that day at 00:00 UTC). */
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** A date typed as text: `16/01/2026`, `6/1/2026` or `2026-01-16`; its existence is the schema's to check. */
function dateText(s: string): string | undefined {
  const t = s.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (vn) return `${vn[3]}-${pad(vn[2] ?? '')}-${pad(vn[1] ?? '')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : undefined;
}

function monthText(s: string): string | undefined {
  const t = s.trim();
  const vn = /^(\d{1,2})\/(\d{4})$/.exec(t);
  if (vn) return `${vn[2]}-${pad(vn[1] ?? '')}`;
  return /^\d{4}-\d{2}$/.test(t) ? t : undefined;
}

/** A number typed as text, with a decimal point or a Vietnamese decimal comma. */
function numberText(s: string): number | undefined {
  const t = s.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

/** Reads one cell as `kind`. */
export function readCell(raw: CellValue, kind: CellKind, lang: Locale): ReadCell {
  const v = plainValue(raw);
  if (v === undefined) return { blank: true };
  if (typeof v === 'object' && !(v instanceof Date)) return { wrong: xlsxMessages.errorValue(v.error)(lang) };
  const wrong = (m: (lang: Locale) => string): ReadCell => ({ wrong: m(lang) });
  switch (kind.type) {
    case 'text':
      if (typeof v === 'string') return { value: v };
      if (typeof v === 'number') return { value: String(v) };
      return wrong(xlsxMessages.notText(v));
    case 'code':
      if (typeof v === 'string') return { value: v.trim() };
      if (typeof v === 'number') return { value: String(v) };
      return wrong(xlsxMessages.notText(v));
    case 'number': {
      if (typeof v === 'number') return { value: v };
      const n = typeof v === 'string' ? numberText(v) : undefined;
      return n === undefined ? wrong(xlsxMessages.notNumber(v)) : { value: n };
    }
    case 'date': {
      if (v instanceof Date) return { value: isoDay(v) };
      const d = typeof v === 'string' ? dateText(v) : undefined;
      return d === undefined ? wrong(xlsxMessages.notDate(v)) : { value: d };
    }
    case 'month': {
      if (v instanceof Date) return { value: isoDay(v).slice(0, 7) };
      const m = typeof v === 'string' ? monthText(v) : undefined;
      return m === undefined ? wrong(xlsxMessages.notMonth(v)) : { value: m };
    }
    case 'time': {
      // Excel turns a typed 08:00 into a time: a fraction of a day, read by exceljs as a date on 30/12/1899.
      if (v instanceof Date) return { value: `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}` };
      if (typeof v === 'number' && v >= 0 && v < 1) {
        const minutes = Math.round(v * 24 * 60);
        return { value: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` };
      }
      if (typeof v === 'string') return { value: v.trim() };
      return wrong(xlsxMessages.notTime(v));
    }
    case 'numbers': {
      if (typeof v === 'number') return { value: [v] };
      if (typeof v !== 'string') return wrong(xlsxMessages.notNumbers(v));
      const items = v.split(/[,;]/).map((s) => s.trim());
      const numbers = items.map(numberText);
      if (numbers.some((n) => n === undefined)) return wrong(xlsxMessages.notNumbers(v));
      return { value: numbers };
    }
    case 'codes': {
      if (typeof v !== 'string') return typeof v === 'number' ? { value: [String(v)] } : wrong(xlsxMessages.notText(v));
      return { value: v.split(/[,;\s]+/).filter((s) => s !== '') };
    }
    case 'label': {
      if (typeof v === 'boolean') {
        const found = kind.table.find(([c]) => c === v);
        if (found) return { value: v };
      }
      const code = typeof v === 'string' ? codeOf(kind.table, v) : undefined;
      return code === undefined
        ? wrong(
            xlsxMessages.notInList(
              v,
              kind.table.map(([, l]) => l),
            ),
          )
        : { value: code };
    }
  }
}
