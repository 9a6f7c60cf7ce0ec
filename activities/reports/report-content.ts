import type { ReportDifficulty, ReportFigures, ReportRequest, UnitItemStatus } from '../report-types.js';
import type { PeriodCode, PlanTarget } from '../../domain/plan-schema.js';
import { dutyAchieved, formAchieved, progress, targetText } from '../../domain/targets.js';
import { formatRate } from './figures.js';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURES } from '../../domain/failures.js';
import { formatShortDate } from '../../domain/format-date.js';

/** A block of the report body; DOCX and HTML render the same blocks so the two never disagree. */
export type Block =
  | { kind: 'para'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'chart'; caption: string };

/** Everything the document shows, in words, laid out per Nghị định 30/2020 by the renderers. */
export interface ReportContent {
  parentBody?: string;
  issuingBody: string;
  number: string;
  /** `Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2026`. */
  placeDate: string;
  typeName: string;
  summary: string;
  opening: string;
  sections: { heading: string; blocks: Block[] }[];
  signer: { authority?: string; position: string; name: string };
  /** `- UBND Thành phố;` … `- Lưu: VT, VP.` */
  recipients: string[];
}

const L = {
  vi: {
    s1: 'I. KẾT QUẢ ĐẠT ĐƯỢC',
    s2: 'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
    s3: 'III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI',
    s4: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
    byUnit: '1. Tiến độ thực hiện theo đơn vị',
    byItem: '2. Tiến độ theo nhiệm vụ',
    byForm: '3. Kết quả theo hình thức tuyên truyền',
    reports: '4. Kết quả cụ thể của các đơn vị',
    sent: '5. Tình hình gửi báo cáo của các đơn vị',
    duties: '6. Kết quả thực hiện nhiệm vụ thường xuyên và chỉ tiêu',
    below: 'Kết quả của các cơ quan, đơn vị cấp dưới',
    belowHead: (forms: string[]) => ['Cơ quan, đơn vị', 'Tình trạng', 'Ngày gửi', ...forms],
    dutyHead: ['Nhiệm vụ, hình thức', 'Chỉ tiêu', 'Chỉ tiêu của kỳ', 'Đạt được', 'Còn thiếu'],
    dutyNotReported: 'chưa báo cáo',
    dutyResults: (title: string) => `Nhiệm vụ thường xuyên “${title}”:`,
    overdue: '1. Nhiệm vụ quá hạn chưa hoàn thành',
    unitsSay: '2. Tồn tại, hạn chế và nguyên nhân do các đơn vị nêu',
    about: (title: string) => `Về nhiệm vụ “${title}”: `,
    sentHead: ['Đơn vị', 'Hạn gửi', 'Ngày gửi', 'Tình trạng'],
    status: {
      'done-on-time': 'Đã gửi đúng hạn',
      'done-late': 'Đã gửi, trễ hạn',
      'pending-in-time': 'Chưa gửi, còn trong hạn',
      overdue: 'Quá hạn, chưa gửi',
    },
    unitHead: ['Đơn vị', 'Được giao', 'Hoàn thành', 'Đúng hạn', 'Quá hạn', 'Tỷ lệ hoàn thành', 'Tỷ lệ đúng hạn'],
    itemHead: ['Nhiệm vụ', 'Lượt giao', 'Hoàn thành', 'Đúng hạn', 'Quá hạn', 'Tỷ lệ hoàn thành', 'Tỷ lệ đúng hạn'],
    formHead: ['Hình thức', 'Số lượng'],
    overdueHead: ['Nhiệm vụ', 'Đơn vị', 'Hạn'],
    chart: 'Biểu đồ: tỷ lệ hoàn thành theo đơn vị',
    none: 'Không có.',
    noOverdue: 'Không có nhiệm vụ quá hạn.',
    difficulties: 'Kiến nghị, vướng mắc các đơn vị phản ánh với Văn phòng trong kỳ',
    raised: (unit: string, date: string) => `- ${unit} (ngày ${date}): `,
    answered: (date: string) => `Văn phòng đã trả lời (ngày ${date}): `,
    pending: (director: string) => `Văn phòng đang xem xét, báo cáo ${director} cho ý kiến.`,
  },
  en: {
    s1: 'I. RESULTS',
    s2: 'II. SHORTCOMINGS AND CAUSES',
    s3: 'III. PRIORITIES FOR THE NEXT PERIOD',
    s4: 'IV. PROPOSALS',
    byUnit: '1. Progress by unit',
    byItem: '2. Progress by item',
    byForm: '3. Output by communication form',
    reports: '4. What the units reported',
    sent: "5. The units' reports for the period",
    duties: '6. Ongoing duties and targets',
    below: 'What the subordinate bodies reported',
    belowHead: (forms: string[]) => ['Body', 'Status', 'Sent', ...forms],
    dutyHead: ['Duty or form', 'Target', "This period's target", 'Achieved', 'Gap'],
    dutyNotReported: 'not reported',
    dutyResults: (title: string) => `Ongoing duty “${title}”:`,
    overdue: '1. Overdue items',
    unitsSay: '2. Shortcomings and causes the units reported',
    about: (title: string) => `On “${title}”: `,
    sentHead: ['Unit', 'Due', 'Sent', 'Status'],
    status: {
      'done-on-time': 'Sent on time',
      'done-late': 'Sent late',
      'pending-in-time': 'Not yet sent, within the deadline',
      overdue: 'Overdue, not sent',
    },
    unitHead: ['Unit', 'Assigned', 'Done', 'On time', 'Overdue', 'Completion', 'On-time rate'],
    itemHead: ['Item', 'Assigned', 'Done', 'On time', 'Overdue', 'Completion', 'On-time rate'],
    formHead: ['Form', 'Count'],
    overdueHead: ['Item', 'Unit', 'Due'],
    chart: 'Chart: completion by unit',
    none: 'None.',
    noOverdue: 'No overdue items.',
    difficulties: 'Difficulties and proposals the units raised with the office in the period',
    raised: (unit: string, date: string) => `- ${unit} (${date}): `,
    answered: (date: string) => `The office answered (${date}): `,
    pending: (director: string) => `The office is considering it and will ask the ${director} for guidance.`,
  },
} as const;

/** `Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2026`: days below 10 and months 1–2 get a leading zero (NĐ 30/2020 PL I). */
export function placeDateLine(placeName: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d)
    throw ApplicationFailure.nonRetryable(`issuedOn: "${isoDate}" is not yyyy-MM-dd`, FAILURES.reportInputInvalid);
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `${placeName}, ngày ${day} tháng ${month} năm ${y}`;
}

/** `Phó Giám đốc` signs for the director: `KT. GIÁM ĐỐC` over `PHÓ GIÁM ĐỐC` (NĐ 30/2020 Điều 13). */
export function signerBlock(director: { name: string; title: string }): ReportContent['signer'] {
  const title = director.title.trim();
  const deputy = /^phó\s+/i.exec(title);
  if (deputy)
    return {
      authority: `KT. ${title.slice(deputy[0].length).toLocaleUpperCase('vi')}`,
      position: title.toLocaleUpperCase('vi'),
      name: director.name,
    };
  return { position: title.toLocaleUpperCase('vi'), name: director.name };
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');
/** `Tuyên truyền CCHC năm 2026` → `tuyên truyền CCHC năm 2026` inside a sentence; an acronym (`CCHC …`) stays. */
const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s);
const paragraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A text as paragraphs, the first one after `prefix`; nothing for a blank text. */
const prefixed = (prefix: string, text: string): Block[] =>
  paragraphs(text).map((line, i): Block => ({ kind: 'para', text: i === 0 ? `${prefix}${line}` : line }));

/**
 * Section IV's second part: what the units raised with the office during the period, each with the office's answer
 * or, still open, the office's word that it is on it (the report goes to the director, who is asked to decide).
 */
function difficultyBlocks(
  difficulties: readonly ReportDifficulty[],
  unitName: (code: string) => string,
  l: (typeof L)['vi' | 'en'],
  director: string,
): Block[] {
  if (difficulties.length === 0) return [];
  return [
    { kind: 'subheading', text: l.difficulties },
    ...difficulties.flatMap((d) => [
      ...prefixed(l.raised(unitName(d.unit), formatShortDate(d.raisedOn)), d.text),
      ...(d.answer
        ? prefixed(l.answered(formatShortDate(d.answer.on)), d.answer.text)
        : [{ kind: 'para', text: l.pending(director.trim()) } as Block]),
    ]),
  ];
}

/** The report's words: opening, the four sections of the usual outline, signer and recipients. */
export function buildReportContent(
  req: ReportRequest,
  figures: ReportFigures,
  number: string,
  withChart: boolean,
): ReportContent {
  const l = L[req.locale];
  const unitName = new Map([...req.units, ...(req.subordinates ?? [])].map((u) => [u.code, u.name]));
  const rate = (r: number | null) => formatRate(r, req.locale);
  const rateRows = (rows: ReportFigures['perUnit']) =>
    rows.map((r) => [
      r.name,
      String(r.assigned),
      String(r.done),
      String(r.doneOnTime),
      String(r.overdue),
      rate(r.completionRate),
      rate(r.onTimeRate),
    ]);

  // By unit, in the plan's order (then any unit no longer in it): the unit's own report for the period first, then
  // what it wrote on each duty, each text once; a unit that wrote nothing is not listed.
  const codes = [
    ...new Set([
      ...req.units.map((u) => u.code),
      ...[...(req.periodReport ? [req.periodReport] : []), ...req.items].flatMap((i) => i.units.map((u) => u.code)),
    ]),
  ];
  const byUnit = (field: 'results' | 'shortcomings' | 'nextTasks' | 'proposals'): Block[] =>
    codes.flatMap((code) => {
      const texts: string[] = [];
      const seen = new Set<string>();
      const add = (text: string | undefined, about?: string) => {
        const lines = paragraphs(text ?? '');
        const key = lines.join('\n');
        if (lines.length === 0 || seen.has(key)) return;
        seen.add(key);
        texts.push(`${about ? l.about(about) : ''}${lines[0]}`, ...lines.slice(1));
      };
      add(req.periodReport?.units.find((u) => u.code === code)?.submission?.[field]);
      for (const item of req.items) add(item.units.find((u) => u.code === code)?.submission?.[field], item.title);
      if (texts.length === 0) return [];
      return [
        { kind: 'para', text: `- ${unitName.get(code) ?? code}: ${texts[0]}` } as Block,
        ...texts.slice(1).map((text): Block => ({ kind: 'para', text })),
      ];
    });
  const orNone = (blocks: Block[]): Block[] => (blocks.length ? blocks : [{ kind: 'para', text: l.none }]);

  const t = figures.totals;
  const summary =
    req.locale === 'vi'
      ? `Trong kỳ, ${t.assigned} lượt nhiệm vụ được giao cho ${req.units.length} đơn vị; đã hoàn thành ${t.done} lượt (${rate(t.completionRate)}), trong đó ${t.doneOnTime} lượt đúng hạn (${rate(t.onTimeRate)} số đã hoàn thành); ${t.overdue} lượt quá hạn chưa hoàn thành; ${t.pendingInTime} lượt đang thực hiện trong hạn.`
      : `In the period, ${t.assigned} assignments went to ${req.units.length} units; ${t.done} were done (${rate(t.completionRate)}), ${t.doneOnTime} of them on time (${rate(t.onTimeRate)} of those done); ${t.overdue} are overdue; ${t.pendingInTime} are in progress within their deadline.`;

  const overdueBlocks: Block[] = [
    { kind: 'subheading', text: l.overdue },
    figures.overdue.length
      ? {
          kind: 'table',
          head: [...l.overdueHead],
          rows: figures.overdue.map((o) => [o.title, o.unitName, dmy(o.due)]),
        }
      : { kind: 'para', text: l.noOverdue },
  ];

  // The report item apart: who sent their report for the period, and when.
  const status = l.status as Record<UnitItemStatus, string>;
  const sentBlocks: Block[] = req.periodReport
    ? [
        { kind: 'subheading', text: l.sent },
        {
          kind: 'table',
          head: [...l.sentHead],
          rows: req.periodReport.units.map((u) => [
            unitName.get(u.code) ?? u.code,
            dmy(u.due),
            u.submittedAt ? dmy(u.submittedAt.slice(0, 10)) : '—',
            status[u.status],
          ]),
        },
      ]
    : [];

  // The bodies below, one row each: whether and when their report came, and its figures per form (issue #18).
  const belowBlocks: Block[] =
    req.subordinates?.length && req.periodReport
      ? [
          { kind: 'subheading', text: l.below },
          {
            kind: 'table',
            head: l.belowHead(req.forms.map((f) => f.title)),
            rows: req.subordinates.map((s) => {
              const u = req.periodReport!.units.find((e) => e.code === s.code);
              return [
                s.name,
                u ? status[u.status] : '—',
                u?.submittedAt ? dmy(u.submittedAt.slice(0, 10)) : '—',
                ...req.forms.map((f) => (u?.submission ? String(u.submission.figures[f.code] ?? 0) : '—')),
              ];
            }),
          },
        ]
      : [];

  // Ongoing duties and targets: what the units reported in their reports for the period, against each target.
  const reported = (req.periodReport?.units ?? []).flatMap((u) => (u.submission ? [u.submission] : []));
  const targetRow = (name: string, target: PlanTarget | undefined, achieved: number | undefined): string[] => {
    if (!target) return [name, '—', '—', achieved === undefined ? l.dutyNotReported : String(achieved), '—'];
    const p = progress(target, req.period.code as PeriodCode | 'adhoc', achieved ?? 0);
    const pct = p.unit === 'percent' ? '%' : '';
    return [
      name,
      targetText(target, req.locale),
      `${p.target}${pct}`,
      achieved === undefined ? l.dutyNotReported : `${achieved}${pct}`,
      p.met ? '0' : `${p.gap}${pct}`,
    ];
  };
  const duties = req.duties ?? [];
  const dutyResults: Block[] = duties.flatMap((d) => {
    const lines = (req.periodReport?.units ?? []).flatMap((u) => {
      const text = paragraphs(u.submission?.duties?.[String(d.number)]?.results ?? '');
      return text.length ? [`- ${unitName.get(u.code) ?? u.code}: ${text.join(' ')}`] : [];
    });
    return lines.length
      ? [
          { kind: 'para', text: l.dutyResults(d.title) } as Block,
          ...lines.map((text): Block => ({ kind: 'para', text })),
        ]
      : [];
  });
  const targetForms = req.forms.filter((f) => f.target);
  const dutyBlocks: Block[] =
    duties.length || targetForms.length
      ? [
          { kind: 'subheading', text: l.duties },
          {
            kind: 'table',
            head: [...l.dutyHead],
            rows: [
              ...duties.map((d) => targetRow(d.title, d.target, dutyAchieved(d, reported))),
              ...targetForms.map((f) => targetRow(f.title, f.target, formAchieved(f.code, reported))),
            ],
          },
          ...dutyResults,
        ]
      : [];

  const opening =
    req.locale === 'vi'
      ? `Thực hiện Kế hoạch số ${req.plan.number} về ${lowerFirst(req.plan.title)}, ${req.organisation.name} báo cáo kết quả thực hiện ${req.period.title} (từ ngày ${dmy(req.period.from)} đến ngày ${dmy(req.period.to)}) như sau:`
      : `Under plan No. ${req.plan.number} (${req.plan.title}), ${req.organisation.name} reports on ${req.period.title} (${dmy(req.period.from)} to ${dmy(req.period.to)}) as follows:`;

  return {
    parentBody: req.organisation.parentBody?.toLocaleUpperCase('vi'),
    issuingBody: req.organisation.name.toLocaleUpperCase('vi'),
    number,
    placeDate: placeDateLine(req.organisation.placeName, req.issuedOn),
    typeName: 'BÁO CÁO',
    summary: `Kết quả thực hiện Kế hoạch số ${req.plan.number} ${req.period.title}`,
    opening,
    sections: [
      {
        heading: l.s1,
        blocks: [
          { kind: 'para', text: summary },
          { kind: 'subheading', text: l.byUnit },
          { kind: 'table', head: [...l.unitHead], rows: rateRows(figures.perUnit) },
          ...(withChart ? [{ kind: 'chart', caption: l.chart } as Block] : []),
          { kind: 'subheading', text: l.byItem },
          { kind: 'table', head: [...l.itemHead], rows: rateRows(figures.perItem) },
          { kind: 'subheading', text: l.byForm },
          { kind: 'table', head: [...l.formHead], rows: figures.perForm.map((f) => [f.title, String(f.total)]) },
          { kind: 'subheading', text: l.reports },
          ...orNone(byUnit('results')),
          ...sentBlocks,
          ...belowBlocks,
          ...dutyBlocks,
        ],
      },
      {
        heading: l.s2,
        blocks: [...overdueBlocks, { kind: 'subheading', text: l.unitsSay }, ...orNone(byUnit('shortcomings'))],
      },
      { heading: l.s3, blocks: orNone(byUnit('nextTasks')) },
      {
        heading: l.s4,
        blocks: orNone([
          ...byUnit('proposals'),
          ...difficultyBlocks(req.difficulties ?? [], (c) => unitName.get(c) ?? c, l, req.director.title),
        ]),
      },
    ],
    signer: signerBlock(req.director),
    recipients: [...req.recipients.map((r) => `- ${r};`), `- Lưu: VT, ${req.office.unit}.`],
  };
}
