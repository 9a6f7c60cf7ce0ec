/**
 * The `subordinates:` block of a body's plan, written from the organisations directory for its office to paste: each
 * body directly below it with its code, name and the e-mails the directory gives, and the names it does not give left
 * empty, each marked with a comment. Pure.
 */
import { Document, type Scalar, type YAMLMap } from 'yaml';
import type { Organisation } from './directory-schema.js';

/** Behind each empty name, so the clerk finds every one (`# điền`) and the plan stays invalid until they are written. */
const FILL_OFFICE = ' điền tên Văn phòng (hoặc người phụ trách) / fill in the name of the office or person in charge';
const FILL_DIRECTOR = ' điền họ tên thủ trưởng / fill in the name of the director';
const NO_DIRECTOR =
  ' director: không bắt buộc; danh sách cơ quan không ghi thủ trưởng / optional; the directory names no director';

/**
 * The block for `body`'s plan from `below` (its children in the directory, in file order), with a header naming the
 * directory `file`; `subordinates: []` when nothing is below it.
 */
export function subordinatesYaml(body: Organisation, below: readonly Organisation[], file: string): string {
  const doc = new Document({
    subordinates: below.map((o) => ({
      code: o.code,
      name: o.name,
      office: { name: null, email: o.office },
      ...(o.director === undefined ? {} : { director: { name: null, email: o.director } }),
    })),
  });
  const who = `${body.name} (${body.code})`;
  doc.commentBefore = below.length
    ? [
        ` Cơ quan cấp dưới trực tiếp của ${who} theo ${file}: dán vào kế hoạch của ${body.code} (cần có mục reporting) rồi điền các tên còn trống ở những dòng có "# điền".`,
        ` The bodies directly below ${body.code} in ${file}: paste into its plan (which needs reporting), then fill in the names left empty on the lines marked "# điền".`,
      ].join('\n')
    : ` ${who} không có cơ quan cấp dưới nào trong ${file} / has no body below it in ${file}`;
  const items = (doc.get('subordinates', true) as { items: YAMLMap[] }).items;
  for (const item of items) {
    (nameNode(item, 'office') as Scalar).comment = FILL_OFFICE;
    const director = nameNode(item, 'director');
    if (director) director.comment = FILL_DIRECTOR;
    else item.comment = NO_DIRECTOR;
  }
  return doc.toString({ lineWidth: 0, nullStr: '' }).trimEnd();
}

/** The `name` node of the person at `key` of one subordinate, if it has that person. */
function nameNode(item: YAMLMap, key: 'office' | 'director'): Scalar | undefined {
  const person = item.get(key, true) as YAMLMap | undefined;
  return person?.get('name', true) as Scalar | undefined;
}
