import { fold } from './paragraphs.js';

/** Words that carry no initial in a unit's code: `Phòng Kế hoạch và Tài chính` → KHTC, not KHVTC. */
const NO_INITIAL = new Set(['và', 'của', 'các', 'thuộc', 'trực', 'với', 'cho', 'tại', 'trong']);
/** The body a unit belongs to, written after its name with a capital: `Văn phòng Sở` → VP (but `Nhà trường` → NT). */
const BODY_AFTER = new Set(['Sở', 'Trường']);

/**
 * A code from a name's initials, as offices abbreviate their units: `Văn phòng` → VP, `Phòng Kế hoạch - Tài chính` →
 * KHTC (the word "Phòng" before a name is the unit's kind, not its name), `Phòng Tổ chức cán bộ` → TCCB, `Văn phòng
 * Sở` → VP; an abbreviation already in capitals is kept whole (`Tổ GV-NV` → TGVNV).
 * @example initialsCode('Phòng Kế hoạch - Tài chính') // 'KHTC'
 */
export function initialsCode(name: string): string {
  let words = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s\-–—/,]+/u)
    .filter((w) => w !== '');
  const keep = (next: string[]) => (next.length > 0 ? next : words);
  // Compared with their diacritics: "tại" carries no initial, "Tài chính" does.
  words = keep(words.filter((w, i) => i === 0 || !NO_INITIAL.has(w.toLowerCase())));
  if (words.length > 0 && fold(words[0] ?? '') === 'cac') words = keep(words.slice(1));
  if (words.length > 1 && BODY_AFTER.has(words.at(-1) ?? '')) words = keep(words.slice(0, -1));
  if (words.length > 1 && fold(words[0] ?? '') === 'phong' && fold(words[1] ?? '') !== 'ban')
    words = keep(words.slice(1));
  const code = words
    .map((w) => {
      const ascii = fold(w)
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '');
      // Already an abbreviation (GV, CCHC, TTHC): kept whole; otherwise its first letter.
      return w === w.toUpperCase() && /\p{Lu}/u.test(w) ? ascii : ascii.slice(0, 1);
    })
    .join('')
    .slice(0, 32);
  return code === '' ? 'DV' : code;
}

/** `code`, or `code2`, `code3`… where it is already taken (codes must be unique within a plan). */
export function uniqueCode(code: string, taken: Set<string>): string {
  let candidate = code;
  for (let n = 2; taken.has(candidate); n++) candidate = `${code.slice(0, 30)}${n}`;
  taken.add(candidate);
  return candidate;
}

/** A keyword and the code the sample plans give what it names; the earliest keyword in a title wins. */
type KeywordCodes = readonly (readonly [code: string, keyword: RegExp])[];

/** Communication forms (hình thức) as the sample plans in plans/ code them. */
export const FORM_CODES: KeywordCodes = [
  ['TOBUOM', /to buom|to roi/],
  ['VIDEO', /video|clip/],
  ['HOITHI', /hoi thi/],
  ['TAPHUAN', /tap huan|boi duong/],
  ['KHAOSAT', /dieu tra xa hoi hoc|khao sat/],
  ['HOIDAP', /hoi\s*[-–]\s*dap/],
  ['DUONGDAYNONG', /duong day nong/],
  ['NIEMYET', /niem yet/],
  ['PHUHUYNH', /phu huynh|don, tra tre/],
  ['HOP', /\bhop\b|hoi nghi/],
  ['WEBSITE', /website|trang web|trang thong tin|cong thong tin|chuyen trang|trang dien tu|hom thu dien tu/],
  ['BANGTIN', /bang thong bao|bang tin|pano|ap phich/],
  ['BAIVIET', /viet bai/],
  ['DVC', /dich vu cong/],
];

/** Content themes (nội dung) as the sample plans in plans/ code them. */
export const THEME_CODES: KeywordCodes = [
  ['THECHE', /the che/],
  ['VHCV', /van hoa cong vu|van hoa cong so/],
  ['TTHC', /thu tuc hanh chinh|tthc|mot cua/],
  ['BOMAY', /bo may/],
  ['CONGVU', /cong vu/],
  ['TAICHINH', /tai chinh cong/],
  ['CQS', /chinh quyen dien tu|chinh quyen so|chuyen doi so/],
  ['DVC', /dich vu cong/],
  ['HAILONG', /hai long/],
  ['CACHLAMHAY', /cach lam hay|sang kien/],
  ['CHISO', /chi so|pci|papi|par index/],
  ['NEUGUONG', /neu guong|bieu duong/],
  ['YNGHIA', /y nghia|tam quan trong/],
  ['KIEMTRA', /kiem tra/],
];

/** The code of the earliest keyword in `title`, or the initials of its first words when none is there. */
export function keywordCode(title: string, table: KeywordCodes): string {
  const folded = fold(title);
  let best: { code: string; at: number } | undefined;
  for (const [code, keyword] of table) {
    const at = folded.search(keyword);
    if (at >= 0 && (best === undefined || at < best.at)) best = { code, at };
  }
  return (
    best?.code ??
    initialsCode(
      title
        .split(/[,;:(]/)[0]
        ?.split(/\s+/)
        .slice(0, 5)
        .join(' ') ?? title,
    )
  );
}
