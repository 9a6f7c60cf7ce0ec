import { SECTIONS, type Field } from './editor-fields.js';
import type { EditorTexts } from './editor-texts.js';

/** Groups whose fields' own labels already say what they belong to (`Trưởng đơn vị`, `Chỉ tiêu: …`). */
const SILENT_GROUPS = new Set(['head', 'target']);
/** Sections with one group: their heading names it (`organisation`, `plan`, `reporting`). */
const ALONE = new Set(SECTIONS.filter((s) => s.fields.length === 1).map((s) => s.fields[0]!.key));

/**
 * A plan path as the office reads it on the page: `units[1].head.email` → `Đơn vị 2 – E-mail trưởng đơn vị`,
 * `tasks[0].due.on` → `Nhiệm vụ có hạn 1 – Ngày hạn`; the rest of a path the form has no field for is kept as written.
 */
export function placeName(path: string, t: EditorTexts): string {
  const parts: string[] = [];
  let fields: readonly Field[] = SECTIONS.flatMap((s) => s.fields);
  const segments = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)];
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i]![1];
    const f = key === undefined ? undefined : fields.find((x) => x.key === key);
    if (!f) {
      parts.push(
        segments
          .slice(i)
          .map((m) => m[0])
          .join('')
          .replace(/^\./, ''),
      );
      break;
    }
    const last = i === segments.length - 1;
    if (f.kind === 'list') {
      const row = segments[i + 1]?.[2];
      parts.push(row === undefined ? t.labels[f.label] : t.rows[f.row](Number(row) + 1));
      if (row !== undefined) i++;
      fields = f.fields;
    } else if (f.kind === 'group') {
      if (last || (!SILENT_GROUPS.has(f.key) && !(i === 0 && ALONE.has(f.key)))) parts.push(t.labels[f.label]);
      fields = f.fields;
    } else if (f.kind === 'variant') {
      if (last) parts.push(t.labels[f.label]);
      fields = Object.values(f.variants).flatMap((v) => (v === true ? [] : v));
    } else {
      parts.push(t.labels[f.label]);
      fields = [];
    }
  }
  return parts.join(' – ');
}
