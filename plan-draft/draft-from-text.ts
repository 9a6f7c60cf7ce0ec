import type { PlanInput } from '../domain/plan-schema.js';
import { FORM_CODES, THEME_CODES, initialsCode, keywordCode, uniqueCode } from './codes.js';
import { bulletText, childrenOf, findSection, fold, paragraphsOf, sectionsOf } from './paragraphs.js';
import type { Section } from './paragraphs.js';
import { reportingOf, sentencesOf } from './reporting-sentence.js';
import type { ReportingSaid } from './reporting-sentence.js';
import { WRITTEN_DATE, ddMMyyyy, impossibleDateReason, readWrittenDate } from './vietnamese-date.js';
import type { WrittenDate } from './vietnamese-date.js';

/** A field the clerk must fill in or confirm, with why, in Vietnamese then English. */
export interface MarkedField {
  /** Path in the plan file: `plan.signedOn`, `units[2].code`, `office.email`. */
  field: string;
  reason: string;
}

type Person = PlanInput['director'];
/** A unit as far as the document names it: no head (no document names one with an e-mail). */
export type DraftUnit = Omit<PlanInput['units'][number], 'head'> & { head?: Partial<Person> };

/** A plan file's content as far as the document says it: the YAML shape before the schema's parse, partly filled. */
export interface DraftPlan {
  organisation?: Partial<PlanInput['organisation']>;
  plan?: Partial<PlanInput['plan']>;
  office?: Partial<PlanInput['office']>;
  director?: Partial<Person>;
  units?: DraftUnit[];
  themes?: NonNullable<PlanInput['themes']>;
  forms?: PlanInput['forms'];
  reporting?: Partial<NonNullable<PlanInput['reporting']>>;
}

/** The document the plan carries out: "Thực hiện Kế hoạch số 216/KH-GD&ĐT ngày 28/02/2022 của Phòng GD&ĐT …". */
export interface CarriedOut {
  /** `Kế hoạch`, `Quyết định`, `Công văn` … */
  kind: string;
  number: string;
  /** `yyyy-MM-dd`, when the date exists. */
  date?: string;
  /** The date as written, also when it does not exist (`ngày 30/02/2022`). */
  written?: WrittenDate;
  issuer?: string;
  /** The whole sentence, as written. */
  sentence: string;
}

/** What `draftFromText` read: the draft, every field left for the clerk, and the plan it carries out. */
export interface PlanDraft {
  draft: DraftPlan;
  marked: MarkedField[];
  carriesOut?: CarriedOut;
}

/** Why a made-up code is marked: `what` (Vietnamese) and `whatEn` were made from the name, the clerk confirms. */
const madeCode = (vi: string, en: string) => `${vi}; xác nhận hoặc sửa / ${en}; confirm or change`;

/** Reads what a signed plan's text says into a draft plan; whatever it cannot read stays empty and is marked. */
export function draftFromText(text: string): PlanDraft {
  const paragraphs = paragraphsOf(text);
  const sections = sectionsOf(paragraphs);
  const marked: MarkedField[] = [];
  const mark = (field: string, reason: string) => marked.push({ field, reason });

  const organisation: Partial<PlanInput['organisation']> = {};
  const plan: Partial<PlanInput['plan']> = {};
  const head = paragraphs.slice(0, 12);

  // Số và ký hiệu: "Số: 588/KH-SGDĐT", "Số 206 /KH-SGDĐT"; in a news article, "ban hành Kế hoạch số 290/KH-SGDĐT".
  const numbered = head.map((p) => NUMBER_LINE.exec(p)).find((m) => m);
  const announced = numbered ? undefined : ANNOUNCED.exec(paragraphs.join('\n'));
  const numberMatch = numbered ?? announced;
  if (numberMatch?.[1] && numberMatch[2]) {
    plan.number = `${numberMatch[1]}/${numberMatch[2]}`;
    const symbol = numberMatch[2].split('-').slice(1).join('-');
    if (symbol !== '') organisation.symbol = symbol;
    else mark('organisation.symbol', `số "${plan.number}" không có ký hiệu cơ quan sau "-" / no body symbol after "-"`);
    if (announced)
      mark(
        'plan.number',
        `đọc từ câu "ban hành Kế hoạch số …", không phải từ dòng "Số:" của văn bản; đối chiếu bản gốc / read from the text, not from the document's "Số:" line; check the original`,
      );
  } else {
    mark('plan.number', 'không thấy dòng "Số: …/KH-…" / no "Số: …/KH-…" line found');
    mark(
      'organisation.symbol',
      'không có số ký hiệu để lấy ký hiệu cơ quan / no document number to take the symbol from',
    );
  }

  // Địa danh, ngày tháng năm: "Quang Vinh, ngày 29 tháng 02 năm 2022".
  const placeLine = head.map((p) => PLACE_DATE.exec(p)).find((m) => m);
  const signed = placeLine ? readWrittenDate(placeLine[0]) : announced?.[3] ? readWrittenDate(announced[3]) : undefined;
  if (placeLine?.[1]) organisation.placeName = placeLine[1].trim();
  else
    mark('organisation.placeName', 'không thấy dòng "Địa danh, ngày … tháng … năm …" / no place-and-date line found');
  if (signed?.iso) {
    plan.signedOn = signed.iso;
    if (!placeLine)
      mark(
        'plan.signedOn',
        `ngày ${ddMMyyyy(signed)} đọc từ câu "ban hành Kế hoạch số … ngày …"; đối chiếu bản gốc / read from the text; check the original`,
      );
  } else if (signed) mark('plan.signedOn', impossibleDateReason(signed));
  else mark('plan.signedOn', 'không thấy ngày ký / no signing date found');

  // Tên loại và trích yếu: "KẾ HOẠCH" then what it is about, up to the legal basis ("Căn cứ …", "Thực hiện … số …").
  const title = titleOf(paragraphs);
  if (title?.text) {
    plan.title = title.text;
    if (title.fromCapitals)
      mark(
        'plan.title',
        `chép từ dòng chữ in hoa "${title.written}"; kiểm tra chữ hoa của tên riêng / copied from capitals; check proper names`,
      );
    if (title.text.length > 200)
      mark('plan.title', `dài ${title.text.length} ký tự (tối đa 200) / ${title.text.length} characters (at most 200)`);
  } else mark('plan.title', 'không thấy tên văn bản "KẾ HOẠCH …" / no "KẾ HOẠCH …" title found');
  const yearOfTitle = [...(plan.title ?? '').matchAll(/năm\s+(\d{4})/gu)].at(-1)?.[1];
  if (yearOfTitle) plan.year = Number(yearOfTitle);
  else if (signed) plan.year = signed.year;
  else mark('plan.year', 'không thấy năm của kế hoạch / no plan year found');

  // Cơ quan ban hành: "Sở Giáo dục và Đào tạo xây dựng Kế hoạch …", "Trường Mầm non Điện Lực xây dựng kế hoạch …".
  const issuer = paragraphs
    .slice(0, 20)
    .filter((p) => !BASIS.test(p))
    .map((p) => ISSUER.exec(p))
    .find((m) => m)?.[1];
  if (issuer) {
    organisation.name = issuer.replace(/\s*\([^)]*\)/g, '').trim();
    organisation.code = initialsCode(organisation.name);
    mark(
      'organisation.code',
      madeCode(
        `mã "${organisation.code}" tự đặt từ chữ đầu của "${organisation.name}"`,
        "code made from the name's initials",
      ),
    );
  } else {
    mark(
      'organisation.name',
      'không thấy câu "… xây dựng Kế hoạch …" nêu cơ quan ban hành / no sentence naming the issuing body',
    );
    mark('organisation.code', 'chưa có tên cơ quan để đặt mã / no body name to make a code from');
  }

  const carriesOut = carriedOutOf(paragraphs);
  if (carriesOut) {
    plan.carriesOut = {
      kind: carriesOut.kind,
      number: carriesOut.number,
      ...(carriesOut.date ? { signedOn: carriesOut.date } : {}),
      ...(carriesOut.issuer ? { issuer: carriesOut.issuer } : {}),
    };
    if (carriesOut.written && !carriesOut.date)
      mark('plan.carriesOut.signedOn', impossibleDateReason(carriesOut.written));
  }
  if (carriesOut?.issuer && fold(carriesOut.issuer) !== fold(organisation.name ?? ''))
    organisation.parentBody = carriesOut.issuer;
  else
    mark(
      'organisation.parentBody',
      carriesOut
        ? `kế hoạch thực hiện văn bản của chính cơ quan ("${carriesOut.sentence.slice(0, 80)}…"); ghi cơ quan cấp trên nếu cần / it carries out the body's own document; name the body above if needed`
        : 'văn bản không nêu văn bản cấp trên mà kế hoạch thực hiện / the document names no document it carries out',
    );

  const units = unitsOf(paragraphs, sections, mark);
  const office = units.find((u) => /^(Tổ\s+)?Văn phòng/iu.test(u.name));
  const draftOffice: Partial<PlanInput['office']> = office ? { name: office.name, unit: office.code } : {};
  if (!office)
    mark('office', 'văn bản không nêu Văn phòng (đơn vị tổng hợp); ghi tên, mã đơn vị, e-mail / no office named');
  mark('office.email', 'văn bản không ghi e-mail; ghi e-mail của Văn phòng / the document has no e-mail');

  const director = signerOf(paragraphs);
  if (!director.name)
    mark('director.name', 'không thấy họ tên người ký sau "Nơi nhận" / no signer found after "Nơi nhận"');
  mark('director.email', 'văn bản không ghi e-mail; ghi e-mail của thủ trưởng / the document has no e-mail');

  const themes = themesOf(paragraphs, sections, mark);
  const forms = formsOf(paragraphs, sections, mark);
  const reporting = reportingOfDocument(paragraphs, sections, mark);

  mark(
    'ongoingDuties',
    'chia nội dung mục II–IV thành nhiệm vụ (tasks có hạn, recurringTasks định kỳ, ongoingDuties thường xuyên), mỗi nhiệm vụ có số, hình thức, đơn vị / ' +
      'split sections II–IV into duties (tasks, recurringTasks, ongoingDuties), each with its number, forms and units',
  );

  const draft: DraftPlan = {
    organisation,
    plan,
    office: draftOffice,
    director,
    ...(units.length > 0 ? { units } : {}),
    ...(themes.length > 0 ? { themes } : {}),
    ...(forms.length > 0 ? { forms } : {}),
    ...(reporting ? { reporting } : {}),
  };
  return { draft, marked, ...(carriesOut ? { carriesOut } : {}) };
}

/** `Số: 588/KH-SGDĐT`, `Số 206 /KH-SGDĐT`, `Số: 76/KH-TrMN`. */
const NUMBER_LINE = /^Số\s*:?\s*(\d{1,6})\s*\/\s*([\p{L}\d&.]+(?:-[\p{L}\d&.]+)*)/u;
/** A news article's "vừa ban hành Kế hoạch số 290/KH-SGDĐT ngày 24/02/2022". */
const ANNOUNCED = new RegExp(
  String.raw`ban hành Kế hoạch số\s+(\d{1,6})\s*\/\s*([\p{L}\d&.]+(?:-[\p{L}\d&.]+)*)(?:\s+(` +
    WRITTEN_DATE.source +
    '))?',
  'u',
);
/** `Thành phố Hồ Chí Minh, ngày 04 tháng 03 năm 2022`: the place is what comes before the comma. */
const PLACE_DATE = /^([^,\d]{2,60}),\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/u;
/** The body that issues the plan, as its opening sentence names it. */
const ISSUER = /^(\p{Lu}[^.;:\d]{3,120}?)\s+(?:vừa\s+)?(?:xây dựng|ban hành)\s+[Kk]ế hoạch/u;
/** The legal basis that opens the text after the title. */
const BASIS =
  /^(Căn cứ|Kính gửi|Thực hiện\s+(?:Kế hoạch|Quyết định|Chỉ thị|Công văn|Nghị quyết|Nghị định|Thông tư|Hướng dẫn|Thông báo|Luật|Văn bản)\s+số)/u;
/** "Thực hiện Kế hoạch số 172/KH-SGDĐT ngày 21 tháng 01 năm 2022 của Sở … về …". */
const CARRIES_OUT = new RegExp(
  String.raw`^Thực hiện\s+(Kế hoạch|Quyết định|Chỉ thị|Công văn|Nghị quyết|Hướng dẫn|Thông báo|Văn bản)\s+số\s+([\p{L}\d&./-]+(?:\s*\/\s*[\p{L}\d&.-]+)?)\s*(` +
    WRITTEN_DATE.source +
    String.raw`)?(?:\s+của\s+(.+?))?(?:\s+(?:về|v\/v|ban hành|triển khai|thực hiện)\s|[;,.]|$)`,
  'u',
);

/** The title after "KẾ HOẠCH": on its line (one paragraph in many Word files) or the next ones up to the legal basis. */
function titleOf(paragraphs: string[]): { text: string; written: string; fromCapitals: boolean } | undefined {
  const at = paragraphs.findIndex((p, i) => i < 15 && /^KẾ HOẠCH(?![\p{L}])/u.test(p));
  if (at < 0) {
    // A news article's headline: "… BAN HÀNH KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2022".
    const headline = paragraphs
      .slice(0, 5)
      .map((p) => /KẾ HOẠCH\s+(\p{Lu}[\p{Lu}\d\s,-]+)$/u.exec(p)?.[1])
      .find((t) => t);
    return headline ? { text: sentenceCase(headline.trim()), written: headline.trim(), fromCapitals: true } : undefined;
  }
  const parts: string[] = [];
  const rest = (paragraphs[at] ?? '').replace(/^KẾ HOẠCH\s*/u, '').trim();
  if (rest !== '') parts.push(rest);
  else
    for (const p of paragraphs.slice(at + 1, at + 4)) {
      if (BASIS.test(p) || /^[IVX]+\.\s/u.test(p) || /[;:]$/.test(p)) break;
      parts.push(p);
    }
  const written = parts.join(' ').trim();
  if (written === '') return undefined;
  const fromCapitals = written === written.toUpperCase();
  const text = fromCapitals ? sentenceCase(written) : written;
  return { text, written, fromCapitals };
}

/** `TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2022` → `Tuyên truyền cải cách hành chính năm 2022`. */
function sentenceCase(capitals: string): string {
  const lower = capitals.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function carriedOutOf(paragraphs: string[]): CarriedOut | undefined {
  for (const p of paragraphs.slice(0, 20)) {
    const m = CARRIES_OUT.exec(p);
    if (!m?.[1] || !m[2]) continue;
    const date = m[3] ? readWrittenDate(m[3]) : undefined;
    const issuer = m.at(-1)?.trim();
    return {
      kind: m[1],
      number: m[2].replace(/\s+/g, ''),
      ...(date?.iso ? { date: date.iso } : {}),
      ...(date ? { written: date } : {}),
      ...(issuer ? { issuer } : {}),
      sentence: p,
    };
  }
  return undefined;
}

/** A bullet whose subject is a unit: "Văn phòng Sở chủ trì, …", "Các Phòng thuộc Sở có trách nhiệm …". */
const UNIT_SUBJECT =
  /^((?:Các\s+)?(?:Tổ\s+)?(?:Văn phòng|Phòng|Ban|Tổ|Trung tâm|Bộ phận|Thanh tra|Hội đồng|Công đoàn|Chi đoàn|Đoàn|Đội|Đơn vị|đơn vị|Trường|Khoa)(?:\s+[^\s,;:]+){0,8}?)\s+(?=chủ trì|có trách nhiệm|chịu trách nhiệm|phối hợp|tham mưu|thực hiện|triển khai|căn cứ|xây dựng|tổ chức|đảm bảo|bảo đảm|theo dõi|hướng dẫn)/u;

/** The units of "Tổ chức thực hiện": its sub-headings ("1. Văn phòng Sở", "* Đối với nhà trường:") or its bullets' subjects. */
function unitsOf(paragraphs: string[], sections: Section[], mark: (f: string, r: string) => void): DraftUnit[] {
  const section = findSection(sections, /to chuc thuc hien/);
  if (!section) {
    mark(
      'units',
      'không thấy mục "Tổ chức thực hiện"; ghi các đơn vị thực hiện / no "Tổ chức thực hiện" section; list the units',
    );
    return [];
  }
  const found: { name: string; duties: string[] }[] = [];
  const children = childrenOf(sections, section);
  if (children.length > 0)
    for (const child of children) {
      const name = child.title
        .replace(/^Đối với\s+/u, '')
        .replace(/:$/, '')
        .trim();
      found.push({
        name: name.charAt(0).toUpperCase() + name.slice(1),
        duties: paragraphs.slice(child.at + 1, child.end),
      });
    }
  else
    for (const p of paragraphs.slice(section.at + 1, section.end)) {
      const text = bulletText(p) ?? p;
      const subject = UNIT_SUBJECT.exec(text)?.[1];
      if (!subject) continue;
      const known = found.find((u) => fold(u.name) === fold(subject));
      if (known) known.duties.push(text);
      else found.push({ name: subject, duties: [text] });
    }
  if (found.length === 0) {
    mark('units', 'mục "Tổ chức thực hiện" không nêu đơn vị nào; ghi các đơn vị thực hiện / the section names no unit');
    return [];
  }
  const taken = new Set<string>();
  return found.map((u, i) => {
    const code = uniqueCode(initialsCode(u.name), taken);
    mark(
      `units[${i}].code`,
      madeCode(`mã "${code}" tự đặt từ chữ đầu của "${u.name}"`, "code made from the name's initials"),
    );
    mark(
      `units[${i}].head`,
      'văn bản không nêu trưởng đơn vị và e-mail; ghi họ tên, e-mail / the document names no head or e-mail',
    );
    const duties = u.duties
      .map((d) => bulletText(d) ?? d)
      .map((d) => d.replace(/[./;]+$/, ''))
      .join('; ');
    return { code, name: u.name, ...(duties !== '' ? { duties } : {}) };
  });
}

/** The index of the last item that passes `test`, or -1 (Array#findLastIndex is ES2023, past this project's lib). */
function lastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}

/** A signer's name as printed under the signature: two to five capitalised words, nothing else. */
const PERSON_NAME = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}$/u;

/** The signer after "Nơi nhận": the last name-like paragraph, and the position printed in capitals above it. */
function signerOf(paragraphs: string[]): Partial<Person> {
  const from = lastIndex(paragraphs, (p) => /^Nơi nhận/u.test(p));
  if (from < 0) return {};
  const after = paragraphs.slice(from + 1).filter((p) => !bulletText(p) && !/^Lưu\s*:/u.test(p));
  const at = lastIndex(after, (p) => PERSON_NAME.test(p) && p !== p.toUpperCase());
  const name = after[at];
  if (at < 0 || !name) return {};
  const position = after
    .slice(0, at)
    .reverse()
    .find((p) => p === p.toUpperCase() && /\p{Lu}{2}/u.test(p) && !/^(KT|TL|TM|Q)\./u.test(p));
  return { name, ...(position ? { title: sentenceCase(position) } : {}) };
}

/**
 * An enumeration "06 nội dung chính: Cải cách thể chế; cải cách TTHC; …" or "nội dung … gồm: …; …": its items, and
 * the count written before it, if any. The count is the one nearest the colon ("các nội dung khác trong 09 nội dung …").
 */
function enumeration(text: string, noun: string): { items: string[]; count?: number } | undefined {
  const re = new RegExp(String.raw`(?:(\d{1,2})\s+)?${noun}((?:(?!${noun})[^:.])*):\s*(.+?)(?:\.(?:\s|$)|$)`, 'giu');
  for (const m of text.matchAll(re)) {
    const list = m[3] ?? '';
    if (!list.includes(';')) continue;
    const items = list
      .split(';')
      .map((s) => s.trim().replace(/^(và|cùng)\s+/u, ''))
      .filter((s) => s !== '')
      .map((s) => s.charAt(0).toUpperCase() + s.slice(1));
    return { items, ...(m[1] ? { count: Number(m[1]) } : {}) };
  }
  return undefined;
}

/** A bullet as a title: its first sentence, without the trailing stop. */
function bulletTitle(paragraph: string): string {
  const text = bulletText(paragraph) ?? paragraph;
  return (sentencesOf(text)[0] ?? text).replace(/[.;:]+$/, '').trim();
}

/** Content themes: the enumeration of section II, or its sub-headings, or its bullets. */
function themesOf(paragraphs: string[], sections: Section[], mark: (f: string, r: string) => void) {
  const section =
    findSection(sections, /noi dung/, /hinh thuc/) ?? findSection(sections, /nhiem vu/, /to chuc thuc hien/);
  const body = section ? paragraphs.slice(section.at + 1, section.end) : paragraphs;
  const listed = enumeration(body.join('\n'), 'nội dung');
  let titles: string[] = [];
  if (listed) {
    titles = listed.items;
    if (listed.count !== undefined && listed.count !== titles.length)
      mark(
        'themes',
        `văn bản nói ${listed.count} nội dung nhưng liệt kê ${titles.length}; kiểm tra / the document says ${listed.count} themes but lists ${titles.length}`,
      );
  } else if (section) {
    const children = childrenOf(sections, section);
    titles =
      children.length > 0 ? children.map((c) => c.title) : body.filter((p) => /^[-•–]\s/u.test(p)).map(bulletTitle);
  }
  if (titles.length === 0) {
    mark('themes', 'không thấy nội dung tuyên truyền (mục II); ghi các chủ đề / no content themes found');
    return [];
  }
  mark('themes', madeCode('mã chủ đề tự đặt theo từ khóa hoặc chữ đầu', 'theme codes made from keywords or initials'));
  const taken = new Set<string>();
  return titles.map((title) => ({ code: uniqueCode(keywordCode(title, THEME_CODES), taken), title }));
}

/** Communication forms: the bullets of the "Hình thức tuyên truyền" section, or an enumeration "Hình thức … gồm: …". */
function formsOf(paragraphs: string[], sections: Section[], mark: (f: string, r: string) => void) {
  const section = findSection(sections, /hinh thuc/, /noi dung/);
  let titles: string[] = [];
  if (section) {
    const body = paragraphs.slice(section.at + 1, section.end);
    titles = body.filter((p) => bulletText(p) !== undefined && !/^\+/u.test(p)).map(bulletTitle);
    if (titles.length === 0) titles = enumeration(body.join('\n'), 'hình thức')?.items ?? [];
  } else titles = enumeration(paragraphs.join('\n'), 'hình thức')?.items ?? [];
  if (titles.length === 0) {
    mark(
      'forms',
      'không thấy hình thức tuyên truyền; ghi ít nhất một hình thức / no communication forms found (at least one is needed)',
    );
    return [];
  }
  mark('forms', madeCode('mã hình thức tự đặt theo từ khóa hoặc chữ đầu', 'form codes made from keywords or initials'));
  const taken = new Set<string>();
  return titles.map((title) => ({ code: uniqueCode(keywordCode(title, FORM_CODES), taken), title }));
}

/** The reporting regime: the first reporting sentence of "Tổ chức thực hiện", else of the whole document. */
function reportingOfDocument(paragraphs: string[], sections: Section[], mark: (f: string, r: string) => void) {
  const section = findSection(sections, /to chuc thuc hien/);
  const scopes = section ? [paragraphs.slice(section.at + 1, section.end), paragraphs] : [paragraphs];
  let said: ReportingSaid | undefined;
  for (const scope of scopes) {
    said = scope
      .flatMap((p) => sentencesOf(bulletText(p) ?? p))
      .map(reportingOf)
      .find((r) => r);
    if (said) break;
  }
  if (!said) {
    mark(
      'reporting',
      'văn bản không nêu chế độ báo cáo (quý, 6 tháng, năm…); ghi kỳ báo cáo và hạn / the document states no reporting periods',
    );
    return undefined;
  }
  const reporting: Partial<NonNullable<PlanInput['reporting']>> = {};
  if (said.periods.length > 0) reporting.periods = said.periods;
  else mark('reporting.periods', `câu "${said.sentence}" không nêu kỳ báo cáo định kỳ / names no periodic report`);
  if (said.adHoc) reporting.adHocAllowed = true;
  else
    mark(
      'reporting.adHocAllowed',
      `câu "${said.sentence}" không nói báo cáo đột xuất; mặc định là có / says nothing of ad hoc reports (allowed by default)`,
    );
  if (said.officeDeadlineDay !== undefined) reporting.officeDeadlineDay = said.officeDeadlineDay;
  else
    mark(
      'reporting.officeDeadlineDay',
      'văn bản không ghi hạn tổng hợp của Văn phòng (ngày của tháng cuối kỳ) / no office deadline day',
    );
  mark(
    'reporting.unitWorkingDaysBeforeOffice',
    'văn bản không ghi đơn vị gửi trước hạn của Văn phòng bao nhiêu ngày làm việc / not stated',
  );
  return reporting;
}
