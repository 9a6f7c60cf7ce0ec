/**
 * The checks the organisations directory needs beyond its schema, each at the field to change, with what would be
 * valid: codes used twice, a parent that is not in the file, a body that is its own parent or reports to itself
 * through others (a cycle), and a name written without its Vietnamese diacritics. E-mails may repeat: one person can
 * be the office of several bodies, or office and director of one.
 */
import type { Locale } from '../domain/format-date.js';
import type { At } from '../domain/plan-checks.js';
import { closestKey } from '../domain/plan-issue-messages.js';
import type { PlanProblem } from '../domain/plan-problem.js';

/** An entry of `organisations` as written, before the schema: only the fields the checks read, if they are text. */
interface RawEntry {
  index: number;
  code?: string;
  parent?: string;
  name?: string;
}

function entries(raw: Record<string, unknown>): RawEntry[] {
  const list = raw.organisations;
  if (!Array.isArray(list)) return [];
  const text = (o: unknown, key: string): string | undefined => {
    const v = typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[key] : undefined;
    return typeof v === 'string' ? v : undefined;
  };
  return list.map((o: unknown, index) => ({
    index,
    code: text(o, 'code'),
    parent: text(o, 'parent'),
    name: text(o, 'name'),
  }));
}

/** How many codes a message lists before "…": enough to see the pattern, short enough for a province's hundreds. */
const LISTED_CODES = 8;

function someCodes(codes: readonly string[]): string {
  return codes.length > LISTED_CODES ? `${codes.slice(0, LISTED_CODES).join(', ')}, …` : codes.join(', ');
}

/** Every located problem of the directory's references and names, in no particular order. */
export function directoryProblems(raw: Record<string, unknown>, at: At, lang: Locale): PlanProblem[] {
  const vi = lang === 'vi';
  const list = entries(raw);
  const problems: PlanProblem[] = [];
  const codeAt = (i: number) => ['organisations', i, 'code'];
  const parentAt = (i: number) => ['organisations', i, 'parent'];

  // The first entry of a code is the one parents resolve to; each later one is a duplicate.
  const first = new Map<string, RawEntry>();
  for (const e of list) {
    if (e.code === undefined) continue;
    const earlier = first.get(e.code);
    if (!earlier) {
      first.set(e.code, e);
      continue;
    }
    const line = at(codeAt(earlier.index), '').line;
    problems.push(
      at(
        codeAt(e.index),
        vi
          ? `mã "${e.code}" đã dùng cho organisations[${earlier.index}] (dòng ${line}); mỗi cơ quan cần một mã riêng`
          : `code "${e.code}" is already used by organisations[${earlier.index}] (line ${line}); each body needs its own code`,
      ),
    );
  }
  const codes = [...first.keys()];

  for (const e of list) {
    if (e.parent === undefined) continue;
    if (e.parent === e.code) {
      problems.push(
        at(
          parentAt(e.index),
          vi
            ? `cơ quan "${e.code}" không thể là cấp trên của chính mình; cần mã của cơ quan cấp trên, hoặc bỏ "parent" nếu là cơ quan cấp cao nhất`
            : `"${e.code}" cannot be its own parent; expected the code of the body it reports to, or no "parent" at the top`,
        ),
      );
    } else if (!first.has(e.parent)) {
      const others = codes.filter((c) => c !== e.code);
      const guess = closestKey(e.parent, others);
      problems.push(
        at(
          parentAt(e.index),
          vi
            ? `cơ quan cấp trên "${e.parent}" không có trong tệp${guess ? `; có phải ý là "${guess}"?` : ''} (${
                others.length
                  ? `cần mã của một cơ quan khác trong organisations: ${someCodes(others)}`
                  : 'tệp chưa có cơ quan nào khác: hãy thêm cơ quan cấp trên vào organisations'
              }, hoặc bỏ "parent" nếu là cơ quan cấp cao nhất)`
            : `parent "${e.parent}" is not in the file${guess ? `; did you mean "${guess}"?` : ''} (${
                others.length
                  ? `expected the code of another body in organisations: ${someCodes(others)}`
                  : 'the file has no other body: add the parent to organisations'
              }, or no "parent" at the top)`,
        ),
      );
    }
  }

  problems.push(...cycleProblems(list, first, at, lang));

  for (const e of list) {
    if (e.name === undefined || e.name.trim() === '' || hasVietnameseMarks(e.name)) continue;
    problems.push(
      at(
        ['organisations', e.index, 'name'],
        vi
          ? `tên "${e.name}" không có dấu tiếng Việt; cần tên chính thức viết đủ dấu (ví dụ "Sở Giáo dục và Đào tạo tỉnh Sóc Trăng")`
          : `name "${e.name}" has no Vietnamese diacritics; expected the official name in full, with its diacritics (e.g. "Sở Giáo dục và Đào tạo tỉnh Sóc Trăng")`,
      ),
    );
  }
  return problems;
}

/**
 * Each chain of parents that comes back to where it started (A reports to B, B to C, C to A), once, at the `parent`
 * of its member written first, the chain spelt out from there. A body that is its own parent is said above.
 */
function cycleProblems(list: readonly RawEntry[], byCode: Map<string, RawEntry>, at: At, lang: Locale): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const settled = new Set<string>();
  for (const start of list) {
    if (start.code === undefined || byCode.get(start.code) !== start) continue;
    const path: RawEntry[] = [];
    const onPath = new Map<string, number>();
    let cur: RawEntry | undefined = start;
    while (cur?.code !== undefined && !settled.has(cur.code)) {
      const seen = onPath.get(cur.code);
      if (seen !== undefined) {
        const cycle = path.slice(seen);
        if (cycle.length > 1) problems.push(cycleProblem(cycle, at, lang));
        break;
      }
      onPath.set(cur.code, path.length);
      path.push(cur);
      cur = cur.parent === undefined ? undefined : byCode.get(cur.parent);
    }
    for (const e of path) if (e.code !== undefined) settled.add(e.code);
  }
  return problems;
}

function cycleProblem(cycle: readonly RawEntry[], at: At, lang: Locale): PlanProblem {
  const firstInFile = cycle.reduce((a, b) => (b.index < a.index ? b : a));
  const from = cycle.indexOf(firstInFile);
  const chain = [...cycle.slice(from), ...cycle.slice(0, from), firstInFile].map((e) => e.code).join(' → ');
  return at(
    ['organisations', firstInFile.index, 'parent'],
    lang === 'vi'
      ? `chuỗi cơ quan cấp trên quay lại chính nó: ${chain} (mũi tên chỉ tới cơ quan cấp trên); cần sửa "parent" của một trong các cơ quan này để chuỗi cấp trên dừng ở một cơ quan không có "parent"`
      : `the chain of parents comes back to itself: ${chain} (each arrow points to the parent); change the "parent" of one of these bodies so the chain of parents ends at a body with no "parent"`,
  );
}

/** Whether a name carries Vietnamese diacritics (a tone or vowel mark, or đ), however it was composed. */
function hasVietnameseMarks(name: string): boolean {
  return /[\u0300-\u036f]|đ|Đ/u.test(name.normalize('NFD'));
}
