import { describe, expect, it } from 'vitest';
import { canonicalJson, noChange, planDiff, type PlanDiff } from '../../domain/plan-diff.js';
import { planDiffWords, type DiffSection } from '../../domain/plan-diff-words.js';
import type { Plan, PlanInput } from '../../domain/plan-schema.js';
import { plan2026 } from './fixtures/plan.js';

/** The fixture with themes, a second form, a recurring task and an ongoing duty: every kind of thing to change. */
function richInput(p: PlanInput): void {
  p.themes = [{ code: 'TTHC', title: 'Cải cách thủ tục hành chính' }];
  p.forms.push({ code: 'HOP', title: 'Lồng ghép trong hội nghị', target: { count: 1, per: 'month' } });
  p.recurringTasks = [
    {
      number: 5,
      title: 'Sinh hoạt Ngày Pháp luật',
      content: 'Sinh hoạt Ngày Pháp luật hằng tháng.',
      forms: ['HOP'],
      units: [{ unit: 'VP', role: 'lead' }],
      every: 'month',
      from: '2026-01',
      to: '2026-12',
      due: { day: 25 },
    },
  ];
  p.ongoingDuties = [
    {
      number: 9,
      title: 'Thường xuyên đăng tin cải cách hành chính',
      content: 'Cập nhật chuyên mục cải cách hành chính.',
      forms: ['WEBSITE'],
      units: [
        { unit: 'VP', role: 'lead' },
        { unit: 'TCCB', role: 'support' },
      ],
      target: { count: 2, per: 'period' },
    },
  ];
}

const rich = (change: (p: PlanInput) => void = () => {}): Plan =>
  plan2026((p) => {
    richInput(p);
    change(p);
  });

/** The diff's words, section heading → line texts and details, for asserting what the office reads. */
function read(sections: DiffSection[]): Record<string, string[]> {
  return Object.fromEntries(
    sections.map((s) => [
      s.heading,
      s.lines.flatMap((l) => [`${l.mark}: ${l.text}`, ...l.details.map((d) => `  ${d}`)]),
    ]),
  );
}

const empty: PlanDiff = {
  header: [],
  units: [],
  subordinates: [],
  themes: [],
  forms: [],
  duties: [],
  defaults: [],
  calendar: [],
  overrides: [],
  reordered: [],
};

describe('planDiff: what an amendment changes', () => {
  it('finds no change between a plan and itself, even read back with its keys in another order', () => {
    const before = rich();
    // What the workflow's query gives back: JSON, with keys in whatever order; undefined fields gone.
    const shuffled = JSON.parse(
      JSON.stringify(before, (_k, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      ),
    ) as Plan;
    const diff = planDiff(before, shuffled);
    expect(diff).toEqual(empty);
    expect(noChange(diff)).toBe(true);
    expect(planDiffWords(diff, before, shuffled, 'vi')).toEqual([]);
    expect(canonicalJson(before)).toBe(canonicalJson(shuffled));
  });

  it('names header fields old → new, and a document carried out set for the first time field by field', () => {
    const before = rich();
    const after = rich((p) => {
      p.plan.title = 'Tuyên truyền cải cách hành chính năm 2026 (điều chỉnh)';
      p.plan.signedOn = '2026-01-12';
      p.office.email = 'vp@example.org';
      p.plan.carriesOut = { number: '35/KH-UBND', signedOn: '2026-01-02', issuer: 'Ủy ban nhân dân tỉnh' };
    });
    const diff = planDiff(before, after);
    expect(diff).toEqual({
      ...empty,
      header: [
        { field: 'plan.title', from: 'Tuyên truyền cải cách hành chính năm 2026', to: after.plan.title },
        { field: 'plan.signedOn', from: '2026-01-05', to: '2026-01-12' },
        { field: 'plan.carriesOut.kind', from: undefined, to: 'Kế hoạch' },
        { field: 'plan.carriesOut.number', from: undefined, to: '35/KH-UBND' },
        { field: 'plan.carriesOut.signedOn', from: undefined, to: '2026-01-02' },
        { field: 'plan.carriesOut.issuer', from: undefined, to: 'Ủy ban nhân dân tỉnh' },
        { field: 'office.email', from: 'vanphong@example.org', to: 'vp@example.org' },
      ],
    });
    expect(read(planDiffWords(diff, before, after, 'vi'))).toEqual({
      'Thông tin chung': [
        'changed: Trích yếu: Tuyên truyền cải cách hành chính năm 2026 → Tuyên truyền cải cách hành chính năm 2026 (điều chỉnh)',
        'changed: Ngày ký: 05/01/2026 → 12/01/2026',
        'added: Văn bản cấp trên: loại văn bản: (trống) → Kế hoạch',
        'added: Văn bản cấp trên: số, ký hiệu: (trống) → 35/KH-UBND',
        'added: Văn bản cấp trên: ngày ký: (trống) → 02/01/2026',
        'added: Văn bản cấp trên: cơ quan ban hành: (trống) → Ủy ban nhân dân tỉnh',
        'changed: Văn phòng: e-mail: vanphong@example.org → vp@example.org',
      ],
    });
    expect(read(planDiffWords(diff, before, after, 'en'))['General information']?.[1]).toBe(
      'changed: Date signed: 05/01/2026 → 12/01/2026',
    );
  });

  it('names units added, dropped, renamed and given a new head or e-mail, with the unit and its head', () => {
    const before = rich();
    const after = rich((p) => {
      p.units[0]!.name = 'Văn phòng Sở Giáo dục';
      p.units[1]!.head = { name: 'Phạm Thị D', email: 'tccb.moi@example.org' };
      p.units.push({
        code: 'KHTC',
        name: 'Phòng Kế hoạch - Tài chính',
        head: { name: 'Trần E', email: 'khtc@example.org' },
      });
    });
    const diff = planDiff(before, after);
    expect(diff.units.map((u) => [u.change, u.change === 'changed' ? u.fields : u.entry.code])).toEqual([
      ['changed', [{ field: 'name', from: 'Văn phòng Sở', to: 'Văn phòng Sở Giáo dục' }]],
      [
        'changed',
        [
          { field: 'head.name', from: 'Lê Văn C', to: 'Phạm Thị D' },
          { field: 'head.email', from: 'tccb@example.org', to: 'tccb.moi@example.org' },
        ],
      ],
      ['added', 'KHTC'],
    ]);
    expect(read(planDiffWords(diff, before, after, 'vi'))['Đơn vị']).toEqual([
      'changed: Văn phòng Sở (VP), trưởng đơn vị Nguyễn Văn A',
      '  Tên đơn vị: Văn phòng Sở → Văn phòng Sở Giáo dục',
      'changed: Phòng Tổ chức cán bộ (TCCB), trưởng đơn vị Lê Văn C',
      '  Trưởng đơn vị: Lê Văn C → Phạm Thị D',
      '  E-mail trưởng đơn vị: tccb@example.org → tccb.moi@example.org',
      'added: Phòng Kế hoạch - Tài chính (KHTC)',
      '  Trưởng đơn vị: Trần E <khtc@example.org>',
    ]);

    // Dropping a unit (and what named it) lists it with its head, as it was.
    const fewer = rich((p) => {
      p.units = p.units.filter((u) => u.code !== 'TCCB');
      p.tasks = [];
      p.ongoingDuties![0]!.units = [{ unit: 'VP', role: 'lead' }];
    });
    const dropped = planDiffWords(planDiff(before, fewer), before, fewer, 'en');
    expect(read(dropped)['Units']).toEqual([
      'dropped: Phòng Tổ chức cán bộ (TCCB)',
      '  Head of unit: Lê Văn C <tccb@example.org>',
    ]);
  });

  it('names subordinate bodies added, dropped, renamed and given a new office or director, by code', () => {
    /** Two schools report to the fixture's department; A has a director on file, B not yet. */
    const schools = (p: PlanInput) => {
      p.subordinates = [
        {
          code: 'THPT-A',
          name: 'Trường THPT A',
          office: { name: 'Văn phòng trường', email: 'vp.a@example.org' },
          director: { name: 'Hoàng Văn H', email: 'ht.a@example.org' },
        },
        { code: 'THPT-B', name: 'Trường THPT B', office: { name: 'Văn phòng trường', email: 'vp.b@example.org' } },
      ];
    };
    const before = rich(schools);
    const after = rich((p) => {
      schools(p);
      const [a, b] = p.subordinates!;
      a!.name = 'Trường Trung học phổ thông A';
      a!.office = { name: 'Văn phòng nhà trường', email: 'vanphong.a@example.org' };
      b!.director = { name: 'Đỗ Thị K', title: 'Hiệu trưởng', email: 'ht.b@example.org' };
      p.subordinates!.push({
        code: 'THCS-C',
        name: 'Trường THCS C',
        office: { name: 'Văn phòng trường', email: 'vp.c@example.org' },
        director: { name: 'Vũ Văn M', email: 'ht.c@example.org' },
      });
    });
    const diff = planDiff(before, after);
    expect(diff).toEqual({
      ...empty,
      subordinates: [
        {
          change: 'changed',
          before: before.subordinates[0],
          after: after.subordinates[0],
          fields: [
            { field: 'name', from: 'Trường THPT A', to: 'Trường Trung học phổ thông A' },
            { field: 'office.name', from: 'Văn phòng trường', to: 'Văn phòng nhà trường' },
            { field: 'office.email', from: 'vp.a@example.org', to: 'vanphong.a@example.org' },
          ],
        },
        {
          change: 'changed',
          before: before.subordinates[1],
          after: after.subordinates[1],
          fields: [
            { field: 'director.name', from: undefined, to: 'Đỗ Thị K' },
            { field: 'director.title', from: undefined, to: 'Hiệu trưởng' },
            { field: 'director.email', from: undefined, to: 'ht.b@example.org' },
          ],
        },
        { change: 'added', entry: after.subordinates[2] },
      ],
    });
    expect(read(planDiffWords(diff, before, after, 'vi'))).toEqual({
      'Cơ quan cấp dưới': [
        'changed: Trường THPT A (THPT-A)',
        '  Tên cơ quan: Trường THPT A → Trường Trung học phổ thông A',
        '  Văn phòng: tên: Văn phòng trường → Văn phòng nhà trường',
        '  Văn phòng: e-mail: vp.a@example.org → vanphong.a@example.org',
        'changed: Trường THPT B (THPT-B)',
        '  Thủ trưởng: họ tên: (trống) → Đỗ Thị K',
        '  Thủ trưởng: chức vụ: (trống) → Hiệu trưởng',
        '  Thủ trưởng: e-mail: (trống) → ht.b@example.org',
        'added: Trường THCS C (THCS-C)',
        '  Văn phòng: Văn phòng trường <vp.c@example.org>',
        '  Thủ trưởng: Vũ Văn M <ht.c@example.org>',
      ],
    });

    // Dropped (B, with no director on file), and the two left swapped: said in English, by code.
    const fewer = rich((p) => {
      schools(p);
      p.subordinates = [p.subordinates![0]!];
    });
    const swapped = rich((p) => {
      schools(p);
      p.subordinates!.reverse();
    });
    expect(read(planDiffWords(planDiff(before, fewer), before, fewer, 'en'))).toEqual({
      'Subordinate bodies': ['dropped: Trường THPT B (THPT-B)', '  Office: Văn phòng trường <vp.b@example.org>'],
    });
    expect(planDiff(before, swapped)).toEqual({
      ...empty,
      reordered: [{ list: 'subordinates', from: ['THPT-A', 'THPT-B'], to: ['THPT-B', 'THPT-A'] }],
    });
    expect(read(planDiffWords(planDiff(before, swapped), before, swapped, 'vi'))).toEqual({
      'Thứ tự': ['changed: Thứ tự cơ quan cấp dưới: THPT-A, THPT-B → THPT-B, THPT-A'],
    });
    // A new director's e-mail alone is a change, in English too.
    const newHead = rich((p) => {
      schools(p);
      p.subordinates![0]!.director!.email = 'hieutruong.a@example.org';
    });
    expect(read(planDiffWords(planDiff(before, newHead), before, newHead, 'en'))).toEqual({
      'Subordinate bodies': [
        'changed: Trường THPT A (THPT-A)',
        '  Director: e-mail: ht.a@example.org → hieutruong.a@example.org',
      ],
    });
  });

  it('reads a running plan started before subordinates existed as one without any', () => {
    const before = rich();
    const old = structuredClone(before) as Partial<Plan>;
    delete old.subordinates;
    const after = rich((p) => {
      p.subordinates = [{ code: 'THPT-A', name: 'Trường THPT A', office: { name: 'VP', email: 'vp.a@example.org' } }];
    });
    expect(noChange(planDiff(old as Plan, before))).toBe(true);
    expect(planDiff(old as Plan, after).subordinates.map((c) => c.change)).toEqual(['added']);
  });

  it('names themes and forms added and dropped, and a form whose target changed', () => {
    const before = rich();
    const after = rich((p) => {
      p.themes = [{ code: 'THE', title: 'Cải cách thể chế' }];
      p.forms = [{ code: 'WEBSITE', title: 'Cổng thông tin điện tử', target: { count: 2, per: 'month' } }];
      p.recurringTasks![0]!.forms = ['WEBSITE'];
    });
    const diff = planDiff(before, after);
    expect(diff.themes.map((t) => [t.change, t.change === 'changed' ? '' : t.entry.code])).toEqual([
      ['dropped', 'TTHC'],
      ['added', 'THE'],
    ]);
    expect(diff.forms).toEqual([
      {
        change: 'dropped',
        entry: { code: 'HOP', title: 'Lồng ghép trong hội nghị', target: { count: 1, per: 'month' } },
      },
      {
        change: 'changed',
        before: before.forms[0],
        after: after.forms[0],
        fields: [{ field: 'target', from: undefined, to: { count: 2, per: 'month' } }],
      },
    ]);
    expect(read(planDiffWords(diff, before, after, 'vi'))['Chủ đề và hình thức tuyên truyền']).toEqual([
      'dropped: Chủ đề: Cải cách thủ tục hành chính (TTHC)',
      'added: Chủ đề: Cải cách thể chế (THE)',
      'dropped: Hình thức: Lồng ghép trong hội nghị (HOP)',
      '  Chỉ tiêu: tối thiểu 1 sản phẩm mỗi tháng',
      'changed: Hình thức: Cổng thông tin điện tử (WEBSITE)',
      '  Chỉ tiêu: không có chỉ tiêu → tối thiểu 2 sản phẩm mỗi tháng',
    ]);
  });

  it('names a duty changed: title, forms, who gains and loses the lead, deadline moved, reminders, target', () => {
    const before = rich();
    const after = rich((p) => {
      const task = p.tasks![0]!;
      task.title = 'Đăng tin cải cách thủ tục hành chính tháng 3';
      task.forms = ['WEBSITE', 'HOP'];
      task.units = [
        { unit: 'TCCB', role: 'lead' },
        { unit: 'VP', role: 'support' },
      ];
      task.due = { on: '2026-03-27' };
      task.reminders = [2];
      p.ongoingDuties![0]!.target = { percent: 100, of: 'TTHC được niêm yết công khai' };
    });
    const diff = planDiff(before, after);
    expect(diff.duties.map((d) => (d.change === 'changed' ? d.fields : d.change))).toEqual([
      [
        {
          what: 'field',
          field: 'title',
          from: 'Đăng tin CCHC tháng 3',
          to: 'Đăng tin cải cách thủ tục hành chính tháng 3',
        },
        { what: 'units', role: 'lead', gained: ['TCCB'], lost: ['VP'] },
        { what: 'units', role: 'support', gained: ['VP'], lost: ['TCCB'] },
        { what: 'codes', field: 'forms', added: ['HOP'], dropped: [] },
        { what: 'due', from: { on: '2026-03-20' }, to: { on: '2026-03-27' } },
        { what: 'field', field: 'reminders', from: undefined, to: [2] },
      ],
      [
        {
          what: 'field',
          field: 'target',
          from: { count: 2, per: 'period' },
          to: { percent: 100, of: 'TTHC được niêm yết công khai' },
        },
      ],
    ]);
    expect(read(planDiffWords(diff, before, after, 'vi'))['Nhiệm vụ']).toEqual([
      'changed: Nhiệm vụ 3 (có hạn): Đăng tin CCHC tháng 3',
      '  Tên nhiệm vụ: Đăng tin CCHC tháng 3 → Đăng tin cải cách thủ tục hành chính tháng 3',
      '  Chủ trì: Phòng Tổ chức cán bộ (TCCB) nhận chủ trì; Văn phòng Sở (VP) thôi chủ trì',
      '  Phối hợp: Văn phòng Sở (VP) nhận phối hợp; Phòng Tổ chức cán bộ (TCCB) thôi phối hợp',
      '  Hình thức: thêm Lồng ghép trong hội nghị (HOP)',
      '  Hạn nộp: 20/03/2026 → 27/03/2026',
      '  Nhắc hạn: theo giá trị chung (3, 1 ngày làm việc trước hạn) → 2 ngày làm việc trước hạn',
      'changed: Nhiệm vụ 9 (thường xuyên): Thường xuyên đăng tin cải cách hành chính',
      '  Chỉ tiêu: tối thiểu 2 sản phẩm mỗi kỳ báo cáo → 100% TTHC được niêm yết công khai',
    ]);
    expect(read(planDiffWords(diff, before, after, 'en'))['Duties']?.slice(2, 6)).toEqual([
      '  Lead: Phòng Tổ chức cán bộ (TCCB) now leads; Văn phòng Sở (VP) no longer leads',
      '  Support: Văn phòng Sở (VP) now supports; Phòng Tổ chức cán bộ (TCCB) no longer supports',
      '  Forms: added Lồng ghép trong hội nghị (HOP)',
      '  Deadline: 20/03/2026 → 27/03/2026',
    ]);
  });

  it('names duties added and dropped by number, a deadline rule changed, and a duty that changed kind', () => {
    const before = rich();
    const after = rich((p) => {
      p.tasks = [p.tasks![0]!];
      p.tasks[0]!.due = { workingDaysAfterOpening: 10 };
      p.tasks.push({
        number: 7,
        title: 'Hội nghị tập huấn',
        content: 'Tổ chức hội nghị tập huấn cải cách hành chính.',
        forms: ['HOP'],
        units: [{ unit: 'TCCB', role: 'lead' }],
        opensOn: '2026-07-01',
        due: { on: '2026-07-15' },
      });
      // Duty 5 stops recurring: one dated task now.
      const recurring = p.recurringTasks![0]!;
      p.recurringTasks = [];
      p.tasks.push({
        number: 5,
        title: recurring.title,
        content: recurring.content,
        forms: recurring.forms,
        units: recurring.units,
        opensOn: '2026-05-04',
        due: { endOfMonth: true },
      });
    });
    const diff = planDiff(before, after);
    expect(
      diff.duties.map((d) => [d.change, d.change === 'changed' ? d.after.duty.number : d.duty.duty.number]),
    ).toEqual([
      ['changed', 3],
      ['changed', 5],
      ['dropped', 6],
      ['added', 7],
    ]);
    const words = read(planDiffWords(diff, before, after, 'vi'))['Nhiệm vụ'];
    expect(words).toEqual([
      'changed: Nhiệm vụ 3 (có hạn): Đăng tin CCHC tháng 3',
      '  Hạn nộp: 20/03/2026 → 10 ngày làm việc sau ngày giao',
      'changed: Nhiệm vụ 5 (định kỳ): Sinh hoạt Ngày Pháp luật',
      '  Loại nhiệm vụ: định kỳ → có hạn',
      '  Hạn nộp: ngày 25 trong tháng cuối của mỗi kỳ → ngày cuối tháng giao nhiệm vụ',
      '  Ngày giao: (trống) → 04/05/2026',
      '  Lặp lại: hằng tháng → (trống)',
      '  Từ tháng: 01/2026 → (trống)',
      '  Đến tháng: 12/2026 → (trống)',
      'dropped: Nhiệm vụ 6 (có hạn): Tuyên truyền tháng 6',
      '  Chủ trì: Phòng Tổ chức cán bộ (TCCB)',
      '  Ngày giao: 01/06/2026',
      '  Hạn nộp: ngày cuối tháng giao nhiệm vụ',
      'added: Nhiệm vụ 7 (có hạn): Hội nghị tập huấn',
      '  Chủ trì: Phòng Tổ chức cán bộ (TCCB)',
      '  Ngày giao: 01/07/2026',
      '  Hạn nộp: 15/07/2026',
    ]);
  });

  it('names the reporting regime: periods added and dropped, deadline days; set up or removed', () => {
    const before = rich();
    const after = rich((p) => {
      p.reporting = { periods: ['Q1', 'H1', 'Q2', 'Y'], officeDeadlineDay: 25, unitWorkingDaysBeforeOffice: 3 };
    });
    const diff = planDiff(before, after);
    expect(diff.reporting).toEqual({
      change: 'changed',
      periodsAdded: ['Q2'],
      periodsDropped: ['Q3'],
      fields: [
        { field: 'officeDeadlineDay', from: 20, to: 25 },
        { field: 'unitWorkingDaysBeforeOffice', from: 2, to: 3 },
      ],
    });
    expect(read(planDiffWords(diff, before, after, 'vi'))['Chế độ báo cáo']).toEqual([
      'added: Kỳ báo cáo quý II',
      'dropped: Kỳ báo cáo quý III',
      'changed: Hạn của Văn phòng: ngày 20 của tháng cuối kỳ → ngày 25 của tháng cuối kỳ',
      'changed: Hạn của đơn vị: 2 ngày làm việc trước hạn của Văn phòng → 3 ngày làm việc trước hạn của Văn phòng',
    ]);
    const none = rich((p) => {
      p.reporting = undefined;
    });
    expect(planDiff(before, none).reporting).toEqual({ change: 'dropped', before: before.reporting });
    expect(read(planDiffWords(planDiff(none, before), none, before, 'en'))['Reporting']).toEqual([
      'added: Periodic reporting',
      '  Report periods: Q1, first half-year, Q3, year',
      "  Office's deadline: day 20 of the period's last month",
      "  Units' deadline: 2 working days before the office's deadline",
    ]);
  });

  it('names defaults, the working calendar and its own days, and lists put in another order', () => {
    const before = rich((p) => {
      p.calendar = { overrides: [{ date: '2026-04-30', kind: 'off', reason: 'Nghỉ lễ' }] };
    });
    const after = rich((p) => {
      p.defaults = { reminders: [2], escalation: { officeAfter: 2, directorAfter: 3 } };
      p.calendar = {
        saturdaysWorking: true,
        overrides: [
          { date: '2026-04-30', kind: 'off', reason: 'Nghỉ lễ 30/4' },
          { date: '2026-05-09', kind: 'working', reason: 'Làm bù' },
        ],
      };
      p.units.reverse();
    });
    const diff = planDiff(before, after);
    expect(diff.defaults).toEqual([
      { field: 'reminders', from: [3, 1], to: [2] },
      { field: 'escalation.officeAfter', from: 1, to: 2 },
    ]);
    expect(diff.reordered).toEqual([{ list: 'units', from: ['VP', 'TCCB'], to: ['TCCB', 'VP'] }]);
    const words = read(planDiffWords(diff, before, after, 'vi'));
    expect(words['Giá trị chung']).toEqual([
      'changed: Nhắc hạn: 3, 1 ngày làm việc trước hạn → 2 ngày làm việc trước hạn',
      'changed: Báo Văn phòng sau hạn: 1 ngày làm việc → 2 ngày làm việc',
    ]);
    expect(words['Lịch làm việc']).toEqual([
      'changed: Làm việc thứ Bảy: không → có',
      'changed: 30/04/2026: ngày nghỉ (Nghỉ lễ)',
      '  Lý do: Nghỉ lễ → Nghỉ lễ 30/4',
      'added: 09/05/2026: ngày làm việc (Làm bù)',
    ]);
    expect(words['Thứ tự']).toEqual(['changed: Thứ tự đơn vị: VP, TCCB → TCCB, VP']);
  });

  it('misses no field: changing any single value of a plan shows in the diff and in its words', () => {
    const before = rich((p) => {
      p.plan.carriesOut = { number: '35/KH-UBND', signedOn: '2026-01-02', issuer: 'Ủy ban nhân dân tỉnh' };
      p.calendar = { overrides: [{ date: '2026-04-30', kind: 'off', reason: 'Nghỉ lễ' }] };
      p.demo = { speed: 60 };
      p.subordinates = [
        {
          code: 'THPT-A',
          name: 'Trường THPT A',
          office: { name: 'Văn phòng trường', title: 'Chánh Văn phòng', email: 'vp.a@example.org' },
          director: { name: 'Hoàng Văn H', title: 'Hiệu trưởng', email: 'ht.a@example.org' },
        },
      ];
    });
    /** Every leaf of the plan (a list of plain values counts as one leaf), by its path of keys and indexes. */
    const leaves = (v: unknown, path: (string | number)[] = []): (string | number)[][] => {
      if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return [path];
      if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...path, i]));
      if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
      return [path];
    };
    // Another value of the same shape: dates stay dates (the words write them dd/MM/yyyy), months stay months.
    const changed = (v: unknown): unknown => {
      if (Array.isArray(v)) return [...v, v[0] ?? 'X'];
      if (typeof v === 'number') return v + 1;
      if (typeof v === 'boolean') return !v;
      const text = String(v);
      if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text.slice(0, 8)}${text.endsWith('28') ? '27' : '28'}`;
      if (/^\d{4}-\d{2}$/.test(text)) return `${text.slice(0, 5)}${text.endsWith('06') ? '07' : '06'}`;
      return `${text}X`;
    };
    const paths = leaves(before);
    expect(paths.length).toBeGreaterThan(80);
    for (const path of paths) {
      const after = structuredClone(before) as unknown as Record<string | number, unknown>;
      const parent = path.slice(0, -1).reduce((o, k) => o[k] as Record<string | number, unknown>, after);
      const key = path.at(-1)!;
      parent[key] = changed(parent[key]);
      const diff = planDiff(before, after as unknown as Plan);
      expect(noChange(diff), path.join('.')).toBe(false);
      // A changed entry always says what changed in it.
      const changedEntries = [
        ...diff.units,
        ...diff.subordinates,
        ...diff.themes,
        ...diff.forms,
        ...diff.overrides,
        ...diff.duties,
      ];
      for (const c of changedEntries) if (c.change === 'changed') expect(c.fields, path.join('.')).not.toEqual([]);
      expect(planDiffWords(diff, before, after as unknown as Plan, 'vi').length, path.join('.')).toBeGreaterThan(0);
    }
  });

  it('gives the same canonical text for the same diff, and another for another diff', () => {
    const before = rich();
    const moved = (date: string) =>
      rich((p) => {
        p.tasks![0]!.due = { on: date };
      });
    const a = canonicalJson(planDiff(before, moved('2026-03-27')));
    expect(canonicalJson(planDiff(before, moved('2026-03-27')))).toBe(a);
    expect(canonicalJson(planDiff(before, moved('2026-03-26')))).not.toBe(a);
    expect(noChange(planDiff(before, moved('2026-03-27')))).toBe(false);
  });
});
