import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems, parsePlanText } from '../../domain/plan-file.js';
import type { Plan } from '../../domain/plan-schema.js';
import { previewRows } from '../../domain/preview.js';
import { scheduleItems } from '../../domain/schedule.js';
import type { PeriodicReportSpec } from '../../domain/schedule-types.js';
import { buildWorkCalendar } from '../../domain/work-calendar.js';

// Tests may read files; domain/ may not. The plans are the samples written from the seed documents.
const dir = join(import.meta.dirname, '../../plans');
const files = readdirSync(dir)
  // organisations.yaml is the organisations directory beside the plans, not a plan.
  .filter((f) => f.endsWith('.yaml') && f !== 'organisations.yaml')
  .sort();

function load(name: string): Plan {
  const r = parsePlanText(readFileSync(join(dir, name), 'utf8'), `plans/${name}`);
  if (!r.ok) throw new Error(formatProblems(r.problems));
  return r.plan;
}

/** The date of one preview row, found by item, unit and kind. */
function rowDate(plan: Plan, itemId: string, kind: string, unit?: string): string | undefined {
  return previewRows(plan, buildWorkCalendar(plan)).find(
    (r) => r.itemId === itemId && r.kind === kind && r.unit === unit,
  )?.date;
}

describe('sample plans', () => {
  it('there are the four seed samples and the npm start demo (a department and its school)', () => {
    expect(files).toEqual([
      'cchc-2021.yaml',
      'demo-truong.yaml',
      'demo.yaml',
      'mam-non-2026.yaml',
      'sgddt-hcm-2022.yaml',
      'soc-trang-2022.yaml',
    ]);
  });

  it.each(files)('%s validates', (name) => {
    const r = parsePlanText(readFileSync(join(dir, name), 'utf8'), name);
    expect(r.ok ? [] : formatProblems(r.problems)).toEqual([]);
  });

  it('soc-trang-2022: twelve monthly tasks; dates by hand', () => {
    const plan = load('soc-trang-2022.yaml');
    expect(plan.tasks.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // task-03 ends with March: Thu 31/03/2022, a working day
    expect(rowDate(plan, 'task-03', 'due-today', 'TCCB')).toBe('2022-03-31');
    // task-04 ends with April: Sat 30/04/2022 is a holiday (Giải phóng miền Nam); an end-of-month deadline stays in
    // its month, so the last working day of April, Fri 29/04/2022 (not Wed 04/05 after the holidays and bù days)
    expect(rowDate(plan, 'task-04', 'due-today', 'KTKD')).toBe('2022-04-29');
    // task-07 ends with July: Sun 31/07/2022, Sat 30/07 → Fri 29/07/2022 (not Mon 01/08)
    expect(rowDate(plan, 'task-07', 'due-today', 'DVSN')).toBe('2022-07-29');
  });

  it('sgddt-hcm-2022: 588/KH-SGDĐT has no date, no recurrence and no figure: twelve ongoing duties and the reports', () => {
    const plan = load('sgddt-hcm-2022.yaml');
    expect(plan.tasks).toEqual([]);
    expect(plan.recurringTasks).toEqual([]);
    // Mục II (nội dung: chỉ số CCHC, công vụ, văn hóa công sở, một cửa, phản ánh kiến nghị, kết quả, tuyển sinh,
    // chủ đề năm) and mục III (hình thức: "Thường xuyên đăng tải bản tin CCHC", cập nhật văn bản, lồng ghép trong họp
    // giao ban, tờ bướm), each carried on all year.
    expect(plan.ongoingDuties.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expectNoItemOfTheirOwn(plan);
    expect(itemIds(plan)).toEqual(['report-Q1', 'report-H1', 'report-Q3', 'report-Y']);
    // The document states no chỉ tiêu at all (mục I–IV): no target on a duty or a form.
    expect(targets(plan)).toEqual({});
    // No reporting regime in the document (mục IV: Văn phòng "tổng hợp kết quả thực hiện báo cáo Giám đốc Sở"): the
    // sample keeps its regime. Q3 2022: office day 18 = Sun 18/09 → Mon 19/09; units 1 wd earlier → Fri 16/09
    expect(plan.reporting?.periods).toEqual(['Q1', 'H1', 'Q3', 'Y']);
    expect(rowDate(plan, 'report-Q3', 'office-due')).toBe('2022-09-19');
    expect(rowDate(plan, 'report-Q3', 'due-today', 'TTTT')).toBe('2022-09-16');
  });

  it('cchc-2021: "trước ngày 26/02/2021" is due Thu 25/02; reminder 3 working days earlier is Mon 22/02', () => {
    const plan = load('cchc-2021.yaml');
    // The one dated duty of 206/KH-SGDĐT (mục IV.6).
    expect(plan.tasks.map((t) => t.number)).toEqual([1]);
    expect(rowDate(plan, 'task-01', 'due-today', 'DVTT')).toBe('2021-02-25');
    expect(rowDate(plan, 'task-01', 'reminder', 'DVTT')).toBe('2021-02-22');
  });

  it('cchc-2021: "đánh giá, phân loại hàng quý" (mục II.5) is four quarterly items, each due on the last working day', () => {
    const plan = load('cchc-2021.yaml');
    expect(plan.recurringTasks.map((t) => [t.number, t.every, t.from, t.to])).toEqual([
      [8, 'quarter', '2021-01', '2021-12'],
    ]);
    const occurrences = scheduleItems(plan, buildWorkCalendar(plan)).filter((i) => i.itemId.startsWith('task-08-'));
    expect(occurrences.map((i) => [i.itemId, i.opens.date, i.units[0]!.due.date])).toEqual([
      ['task-08-q1', '2021-03-17', '2021-03-31'], // opens 10 working days before: after the signing on 22/01
      ['task-08-q2', '2021-06-16', '2021-06-30'],
      ['task-08-q3', '2021-09-16', '2021-09-30'],
      ['task-08-q4', '2021-12-17', '2021-12-31'], // Fri 31/12/2021
    ]);
    // The preview shows each occurrence, for both units.
    expect(rowDate(plan, 'task-08-q2', 'due-today', 'TCCB')).toBe('2021-06-30');
    expect(rowDate(plan, 'task-08-q4', 'due-today', 'DVTT')).toBe('2021-12-31');
  });

  it('cchc-2021: the objectives of mục I are ongoing duties with the document’s targets, reported every period', () => {
    const plan = load('cchc-2021.yaml');
    expect(plan.ongoingDuties.map((d) => d.number)).toEqual([2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expectNoItemOfTheirOwn(plan);
    expect(targets(plan)).toEqual({
      // "Phần đầu 98% hồ sơ giải quyết đúng thời gian quy định" (mục I)
      2: { percent: 98, of: 'hồ sơ giải quyết đúng thời gian quy định' },
      // "100% các văn bản chính thức trao đổi … được trao đổi hoàn toàn dưới dạng điện tử kết hợp với chữ ký số" (mục I)
      3: { percent: 100, of: 'văn bản chính thức (trừ văn bản mật) trao đổi dưới dạng điện tử kết hợp chữ ký số' },
      // "Tối thiểu 30% đơn vị trực thuộc được kiểm tra định kỳ hàng năm" (mục I)
      4: { percent: 30, of: 'đơn vị trực thuộc được kiểm tra định kỳ trong năm' },
      // "Trên 95% đơn vị sự nghiệp công lập ứng dụng thanh toán điện tử trong cung ứng dịch vụ công" (mục I)
      5: { percent: 95, of: 'đơn vị sự nghiệp công lập ứng dụng thanh toán điện tử trong cung ứng dịch vụ công' },
      // "Đảm bảo 100% phản ánh kiến nghị … được xử lý và phản hồi đầy đủ. Công khai kịp thời 100% kết quả …" (mục I)
      6: {
        percent: 100,
        of: 'phản ánh kiến nghị được xử lý, phản hồi đầy đủ và công khai kết quả trên Cổng DVC quốc gia, cổng 1022',
      },
      // "Tối thiểu 91% khách hàng hài lòng về chất lượng dịch vụ hành chính công" (mục I)
      9: { percent: 91, of: 'khách hàng hài lòng về chất lượng dịch vụ hành chính công' },
      // "100% cán bộ, công chức lãnh đạo, quản lý sử dụng thường xuyên hệ thống thư điện tử công vụ" (mục I)
      10: { percent: 100, of: 'cán bộ, công chức lãnh đạo, quản lý sử dụng thường xuyên thư điện tử công vụ' },
      // "Xây dựng thêm ít nhất 03 thủ tục trực tuyến mức độ 3, mức độ 4" (mục II.3)
      11: { count: 3, per: 'year' },
      // "Phần đầu trên 10% hồ sơ được tiếp nhận và trả kết quả … qua dịch vụ bưu chính công ích" (mục I)
      12: { percent: 10, of: 'hồ sơ tiếp nhận và trả kết quả giải quyết TTHC qua dịch vụ bưu chính công ích' },
      // "Đảm bảo 100% người đứng đầu các cơ sở giáo dục trực tiếp phụ trách, chỉ đạo … CCHC" (mục I)
      13: { percent: 100, of: 'người đứng đầu cơ sở giáo dục trực tiếp phụ trách, chỉ đạo CCHC' },
      // "Đảm bảo 100% cán bộ, công chức, viên chức giao tiếp với người dân hòa nhã, lịch sự" (mục I)
      14: { percent: 100, of: 'cán bộ, công chức, viên chức giao tiếp với người dân hòa nhã, lịch sự' },
      // "đảm bảo 100% đơn vị sự nghiệp công lập có cơ cấu … theo Đề án vị trí việc làm được phê duyệt" (mục II.5)
      15: {
        percent: 100,
        of: 'đơn vị sự nghiệp công lập có cơ cấu CB-CC-VC theo Đề án vị trí việc làm được phê duyệt',
      },
      // "Tất cả các văn bản quy phạm …, các quy trình, biểu mẫu TTHC … đều đã được thông tin công khai" (mục II.9)
      16: { percent: 100, of: 'văn bản quy phạm, quy trình, biểu mẫu TTHC thuộc thẩm quyền của Sở được công khai' },
    });
    // "điểm chỉ số năm 2021 cao hơn so với năm 2020" (mục I) is no count or share: duty 7 has no target.
    expect(plan.ongoingDuties.find((d) => d.number === 7)?.target).toBeUndefined();
    // No reporting regime in the document (mục II.3 names NĐ 09/2019 only): the sample keeps its regime.
    expect(plan.reporting?.periods).toEqual(['Q1', 'H1', 'Q3', 'Y']);
  });

  it('mam-non-2026: 76/KH-TrMN has no date, no recurrence and no figure; reports "theo quý, 6 tháng, đột xuất"', () => {
    const plan = load('mam-non-2026.yaml');
    expect(plan.tasks).toEqual([]);
    expect(plan.recurringTasks).toEqual([]);
    expect(plan.ongoingDuties.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expectNoItemOfTheirOwn(plan);
    // The document states no chỉ tiêu (mục II–III: "Huy động … tích cực tham gia viết bài", no number).
    expect(targets(plan)).toEqual({});
    // Mục III: "Báo cáo cấp trên theo đúng quy định (theo quý, 6 tháng, đột xuất)": quý I, 6 tháng (with quý II), quý
    // III, quý IV; no annual report replaces Q4, the document does not say so.
    expect(plan.reporting?.periods).toEqual(['Q1', 'H1', 'Q3', 'Q4']);
    expect(plan.reporting?.adHocAllowed).toBe(true);
    expect(itemIds(plan)).toEqual(['report-Q1', 'report-H1', 'report-Q3', 'report-Q4']);
    // H1: Thu 18/06/2026, units Wed 17/06; cut-off Sun 14/06
    expect(rowDate(plan, 'report-H1', 'office-due')).toBe('2026-06-18');
    expect(rowDate(plan, 'report-H1', 'cut-off')).toBe('2026-06-14');
    // Q3 opens on Thu 03/09/2026: 1–2/9 are Quốc khánh
    expect(rowDate(plan, 'report-Q3', 'open')).toBe('2026-09-03');
    // Q4: cut-off Mon 14/12/2026, office Fri 18/12, units Thu 17/12
    expect(rowDate(plan, 'report-Q4', 'cut-off')).toBe('2026-12-14');
    expect(rowDate(plan, 'report-Q4', 'office-due')).toBe('2026-12-18');
    expect(rowDate(plan, 'report-Q4', 'due-today', 'MG')).toBe('2026-12-17');
  });
});

/** Item ids of the plan's year, in schedule order. */
function itemIds(plan: Plan): string[] {
  return scheduleItems(plan, buildWorkCalendar(plan)).map((i) => i.itemId);
}

/** Targets of the plan's ongoing duties (by number) and forms (by code), as written. */
function targets(plan: Plan): Record<string, unknown> {
  return Object.fromEntries([
    ...plan.ongoingDuties.filter((d) => d.target).map((d) => [String(d.number), d.target]),
    ...plan.forms.filter((f) => f.target).map((f) => [f.code, f.target]),
  ]);
}

/**
 * Ongoing duties have no item of their own (so no assignment, reminder or escalation comes from them: scheduleItems
 * has no item for their numbers), and every periodic report asks each unit carrying one for its results.
 */
function expectNoItemOfTheirOwn(plan: Plan): void {
  const items = scheduleItems(plan, buildWorkCalendar(plan));
  const numbered = items
    .map((i) => /^task-(\d\d)/.exec(i.itemId)?.[1])
    .filter((n) => n !== undefined)
    .map(Number);
  const duties = plan.ongoingDuties.map((d) => d.number);
  expect(duties.length).toBeGreaterThan(0);
  expect(numbered.filter((n) => duties.includes(n))).toEqual([]);
  const previewed = previewRows(plan, buildWorkCalendar(plan)).map((r) => r.itemId);
  expect(previewed.filter((id) => duties.some((n) => id.startsWith(`task-${String(n).padStart(2, '0')}`)))).toEqual([]);
  const reports = items.filter((i): i is PeriodicReportSpec => i.kind === 'report' && i.period.code !== 'adhoc');
  expect(reports.length).toBeGreaterThan(0);
  for (const r of reports) {
    expect(r.duties?.map((d) => d.number)).toEqual(duties);
    for (const d of plan.ongoingDuties)
      expect(r.duties?.find((x) => x.number === d.number)?.units).toEqual(d.units.map((u) => u.unit));
  }
}
