/**
 * A plan document as paragraphs and the sections its ordinals open: `I.`, `II.` (level 1), `1.`, `2.` (level 2),
 * `a)`, `* Đối với …:` (level 3). Sections are found by their words (NỘI DUNG, HÌNH THỨC, TỔ CHỨC THỰC HIỆN), not by
 * their numeral: one plan's "III. TỔ CHỨC THỰC HIỆN" is another's section IV.
 */

/** A heading: its level, its numeral or marker, its words, and the paragraphs under it up to the next heading of its level or higher. */
export interface Section {
  level: 1 | 2 | 3;
  marker: string;
  title: string;
  /** Index of the heading paragraph. */
  at: number;
  /** Index after the section's last paragraph. */
  end: number;
}

/** Paragraphs of the text (one a line, blank lines between), with Markdown emphasis left by a conversion removed. */
export function paragraphsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^#+\s+/, '')
        .replace(/\\\*/g, '*')
        .replace(/\*\*([^*]*)\*\*/g, '$1')
        .replace(/(^|\s)\*([^*\s][^*]*)\*(?=\s|$|[.,;:])/g, '$1$2')
        .replace(/[\s\u00A0]+/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '');
}

/** Lower case without diacritics (`Tổ chức thực hiện` → `to chuc thuc hien`), to compare words however they are typed. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

const ROMAN = /^([IVX]{1,5})\.\s+(\S.*)$/u;
const NUMBERED = /^(\d{1,2})\.\s+(\S.*)$/u;
const LETTERED = /^([a-zđ])\)\s+(\S.*)$/u;
const CLOSING = /^(Trên đây là|Nơi nhận|\/\.\/?$)/u;
const FOR_GROUP = /^\*\s*(Đối với\s.+?):?$/u;

/** A heading is short and ends without a full stop or semicolon: `1. Văn phòng Sở`, not `1. Tổ chức … trong năm.` */
function isHeadingText(title: string): boolean {
  return title.length <= 120 && !/[.;]$/.test(title);
}

/** Every heading of the document, each with the range of paragraphs it covers. */
export function sectionsOf(paragraphs: string[]): Section[] {
  const found: Omit<Section, 'end'>[] = [];
  paragraphs.forEach((p, at) => {
    const roman = ROMAN.exec(p);
    if (roman?.[1] && roman[2] && isHeadingText(roman[2]))
      return found.push({ level: 1, marker: roman[1], title: roman[2], at });
    const numbered = NUMBERED.exec(p);
    if (numbered?.[1] && numbered[2] && isHeadingText(numbered[2]))
      return found.push({ level: 2, marker: numbered[1], title: numbered[2], at });
    const lettered = LETTERED.exec(p);
    if (lettered?.[1] && lettered[2] && isHeadingText(lettered[2]))
      return found.push({ level: 3, marker: lettered[1], title: lettered[2], at });
    const group = FOR_GROUP.exec(p);
    if (group?.[1]) return found.push({ level: 3, marker: '*', title: group[1], at });
    return undefined;
  });
  // The closing ("Trên đây là Kế hoạch…", "Nơi nhận:", the signature) belongs to no section.
  const last = found.at(-1)?.at ?? 0;
  const closing = paragraphs.findIndex((p, i) => i > last && CLOSING.test(p));
  const docEnd = closing < 0 ? paragraphs.length : closing;
  return found.map((s, i) => {
    const next = found.slice(i + 1).find((n) => n.level <= s.level);
    return { ...s, end: Math.min(next?.at ?? docEnd, docEnd) };
  });
}

/** The first section whose folded title matches `wanted` and not `unwanted` (e.g. "nội dung" but not "hình thức"). */
export function findSection(sections: Section[], wanted: RegExp, unwanted?: RegExp): Section | undefined {
  return sections.find((s) => wanted.test(fold(s.title)) && !(unwanted && unwanted.test(fold(s.title))));
}

/** The sections directly under `parent` (one level down, or two where the level between is skipped). */
export function childrenOf(sections: Section[], parent: Section): Section[] {
  const inside = sections.filter((s) => s.at > parent.at && s.at < parent.end && s.level > parent.level);
  const top = Math.min(...inside.map((s) => s.level));
  return inside.filter((s) => s.level === top);
}

/** A bullet's text without its mark: `- Xây dựng …` → `Xây dựng …`; undefined for a paragraph that is not a bullet. */
export function bulletText(paragraph: string): string | undefined {
  const m = /^[-+•–]\s*(\S.*)$/u.exec(paragraph);
  return m?.[1];
}
