import { describe, expect, it } from 'vitest';
import { initialsCode } from '../../plan-draft/codes.js';
import { draftFromText } from '../../plan-draft/draft-from-text.js';
import { reportingOf } from '../../plan-draft/reporting-sentence.js';
import { readWrittenDate } from '../../plan-draft/vietnamese-date.js';

const header = (dateLine: string) =>
  [
    'Số 12 /KH-UBND',
    dateLine,
    'KẾ HOẠCH',
    'Tuyên truyền cải cách hành chính năm 2024',
    'Thực hiện Kế hoạch số 5/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh Mẫu về cải cách hành chính;',
    'Ủy ban nhân dân huyện Mẫu xây dựng Kế hoạch tuyên truyền như sau:',
  ].join('\n\n');

describe('the header', () => {
  it('reads number, symbol, place, date, title, year and the body above from the plan it carries out', () => {
    const { draft, marked, carriesOut } = draftFromText(header('Mẫu Sơn, ngày 05 tháng 02 năm 2024'));
    expect(draft.plan).toEqual({
      number: '12/KH-UBND',
      signedOn: '2024-02-05',
      title: 'Tuyên truyền cải cách hành chính năm 2024',
      year: 2024,
      carriesOut: { kind: 'Kế hoạch', number: '5/KH-UBND', signedOn: '2024-01-10', issuer: 'Ủy ban nhân dân tỉnh Mẫu' },
    });
    expect(draft.organisation).toEqual({
      symbol: 'UBND',
      placeName: 'Mẫu Sơn',
      name: 'Ủy ban nhân dân huyện Mẫu',
      code: 'UBNDHM',
      parentBody: 'Ủy ban nhân dân tỉnh Mẫu',
    });
    expect(carriesOut).toMatchObject({ kind: 'Kế hoạch', number: '5/KH-UBND', date: '2024-01-10' });
    expect(marked.map((m) => m.field)).not.toContain('plan.signedOn');
  });

  it('keeps an impossible date (29/02/2022) as a marked problem, never as 01/03', () => {
    const { draft, marked } = draftFromText(header('Quang Vinh, ngày 29 tháng 02 năm 2022'));
    expect(draft.plan?.signedOn).toBeUndefined();
    expect(draft.plan?.year).toBe(2024); // from the title
    const reason = marked.find((m) => m.field === 'plan.signedOn')?.reason;
    expect(reason).toContain('29/02/2022 không có thật (tháng 02/2022 có 28 ngày)');
    expect(reason).toContain('does not exist');
  });

  it('keeps the plan it carries out without a date that does not exist, and marks that date', () => {
    const text = header('Mẫu Sơn, ngày 05 tháng 02 năm 2024').replace('ngày 10/01/2024', 'ngày 30/02/2024');
    const { draft, marked } = draftFromText(text);
    expect(draft.plan?.carriesOut).toEqual({
      kind: 'Kế hoạch',
      number: '5/KH-UBND',
      issuer: 'Ủy ban nhân dân tỉnh Mẫu',
    });
    const reason = marked.find((m) => m.field === 'plan.carriesOut.signedOn')?.reason;
    expect(reason).toContain('30/02/2024 không có thật (tháng 02/2024 có 29 ngày)');
  });

  it('takes 29/02 of a leap year as the date it is', () => {
    expect(readWrittenDate('Hà Nội, ngày 29 tháng 02 năm 2024')?.iso).toBe('2024-02-29');
    expect(readWrittenDate('ngày 31/04/2024')).toMatchObject({ day: 31, month: 4, iso: undefined });
  });

  it('marks what a text without a header lacks', () => {
    const fields = draftFromText('Một đoạn văn không phải kế hoạch.').marked.map((m) => m.field);
    expect(fields).toEqual(
      expect.arrayContaining(['plan.number', 'plan.signedOn', 'plan.title', 'organisation.name', 'units', 'forms']),
    );
  });
});

describe('unit codes from initials', () => {
  it.each([
    ['Văn phòng', 'VP'],
    ['Văn phòng Sở', 'VP'],
    ['Phòng Kế hoạch - Tài chính', 'KHTC'],
    ['Phòng Kế hoạch – Tài chính', 'KHTC'],
    ['Phòng Tổ chức cán bộ', 'TCCB'],
    ['Phòng Giáo dục Trung học', 'GDTH'],
    ['Tổ chuyên môn Nhà trẻ', 'TCMNT'],
    ['Đoàn Thanh niên', 'DTN'],
  ])('%s → %s', (name, code) => expect(initialsCode(name)).toBe(code));
});

describe('the units of Tổ chức thực hiện', () => {
  const text = [
    'IV. TỔ CHỨC THỰC HIỆN',
    '- Văn phòng chủ trì, tổng hợp kết quả, định kỳ hàng quý, 6 tháng, năm báo cáo Giám đốc.',
    '- Phòng Kế hoạch - Tài chính phối hợp đăng tin về tài chính công.',
    '- Phòng Tổ chức cán bộ có trách nhiệm tuyên truyền về công vụ.',
    'Nơi nhận:',
    '- Như trên;',
    'GIÁM ĐỐC',
    'Nguyễn Văn An',
  ].join('\n');

  it('names each unit with a made-up code, marked for the clerk with its head and e-mail', () => {
    const { draft, marked } = draftFromText(text);
    expect(draft.units?.map((u) => [u.code, u.name])).toEqual([
      ['VP', 'Văn phòng'],
      ['KHTC', 'Phòng Kế hoạch - Tài chính'],
      ['TCCB', 'Phòng Tổ chức cán bộ'],
    ]);
    expect(draft.office).toEqual({ name: 'Văn phòng', unit: 'VP' });
    expect(draft.director).toEqual({ name: 'Nguyễn Văn An', title: 'Giám đốc' });
    const fields = marked.map((m) => m.field);
    for (const i of [0, 1, 2]) expect(fields).toEqual(expect.arrayContaining([`units[${i}].code`, `units[${i}].head`]));
    expect(fields).toEqual(expect.arrayContaining(['office.email', 'director.email']));
    expect(marked.find((m) => m.field === 'units[1].code')?.reason).toContain('"KHTC"');
  });

  it('reads the reporting sentence: quarterly, six-month and annual reports, no ad hoc said', () => {
    const { draft, marked } = draftFromText(text);
    expect(draft.reporting).toEqual({ periods: ['Q1', 'H1', 'Q3', 'Y'] });
    expect(marked.map((m) => m.field)).toEqual(
      expect.arrayContaining(['reporting.adHocAllowed', 'reporting.officeDeadlineDay']),
    );
  });
});

describe('reporting sentences', () => {
  it.each([
    ['định kỳ hàng quý, 6 tháng, năm báo cáo kết quả về Sở', ['Q1', 'H1', 'Q3', 'Y'], false],
    ['Báo cáo cấp trên theo đúng quy định ( theo quý, 6 tháng, đột xuất)', ['Q1', 'H1', 'Q3', 'Q4'], true],
    ['Báo cáo 6 tháng đầu năm và báo cáo năm gửi Phòng Nội vụ', ['H1', 'Y'], false],
    [
      'Các đơn vị báo cáo hàng tháng',
      ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12'],
      false,
    ],
  ])('%s', (sentence, periods, adHoc) => {
    expect(reportingOf(sentence)).toMatchObject({ periods, adHoc });
  });

  it('reads the office deadline day when the sentence gives it', () => {
    expect(reportingOf('Báo cáo theo quý trước ngày 20 của tháng cuối quý')?.officeDeadlineDay).toBe(20);
  });

  it('is no reporting sentence when it names no period ("năm 2022" is a year, not a period)', () => {
    expect(reportingOf('Kế hoạch báo cáo cải cách hành chính năm 2022')).toBeUndefined();
    expect(reportingOf('tổng hợp kết quả thực hiện báo cáo Giám đốc Sở')).toBeUndefined();
  });
});

describe('themes and forms', () => {
  it('takes the enumerated themes and marks a count that does not match', () => {
    const { draft, marked } = draftFromText(
      [
        'II. NỘI DUNG TUYÊN TRUYỀN',
        '- Tập trung tuyên truyền 03 nội dung chính: Cải cách thể chế; cải cách TTHC.',
      ].join('\n'),
    );
    expect(draft.themes).toEqual([
      { code: 'THECHE', title: 'Cải cách thể chế' },
      { code: 'TTHC', title: 'Cải cách TTHC' },
    ]);
    expect(marked.find((m) => m.field === 'themes' && m.reason.includes('nói 3 nội dung'))?.reason).toContain(
      'liệt kê 2',
    );
  });

  it('takes each bullet of the forms section as a form, with a keyword code', () => {
    const { draft } = draftFromText(
      ['III. HÌNH THỨC TUYÊN TRUYỀN', '- Đăng tin trên Trang thông tin điện tử.', '- Niêm yết TTHC tại trụ sở.'].join(
        '\n',
      ),
    );
    expect(draft.forms).toEqual([
      { code: 'WEBSITE', title: 'Đăng tin trên Trang thông tin điện tử' },
      { code: 'NIEMYET', title: 'Niêm yết TTHC tại trụ sở' },
    ]);
  });
});
