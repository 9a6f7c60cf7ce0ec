/**
 * Bench P9's plans: N schools, each carrying out department A's plan (`carriesOut.org`: its accepted Q1 report rolls
 * up there), and two departments that both list the N schools as subordinates: A receives the roll-ups, B (the
 * baseline) receives the same reports submitted by hand. Dates (2026, Asia/Ho_Chi_Minh):
 * a school's units are due Tue 17/03 and its office compiles Wed 18/03 08:00; the department's subordinates are due
 * Tue 24/03 (reminded once, Mon 23/03 08:00) and its office compiles Wed 25/03 08:00.
 */
import { planSchema, type Plan } from '../domain/plan-schema.js';

/** Plan time at every plan's start: an hour before the Q1 report item opens (Mon 02/03 08:00). */
export const P9_PLAN_START = '2026-03-02T07:00:00+07:00';
/** When a school's office compiles its Q1 report. */
export const SCHOOL_OFFICE_DUE = '2026-03-18T08:00:00+07:00';
/** The department's only reminder to its subordinates, 1 working day before their deadline. */
export const PARENT_REMINDER = '2026-03-23T08:00:00+07:00';
/** When the department's office compiles its Q1 report. */
export const PARENT_OFFICE_DUE = '2026-03-25T08:00:00+07:00';

export const SCHOOL_UNITS = ['VP', 'TO-VAN'] as const;
export const PARENT_UNITS = ['VP', 'KHTC', 'TCCB'] as const;

const office = (code: string) => `vanphong.${code.toLowerCase()}@example.org`;
const head = (code: string) => `hieutruong.${code.toLowerCase()}@example.org`;

/** Who accepts a school's consolidated report (its director's address, as the portal records `by`). */
export const directorOf = head;

const forms = [{ code: 'WEBSITE', title: 'Đăng tin trên trang thông tin điện tử' }];

/** `THPT-001` …, as long as a real school's code. */
export function schoolCodes(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `THPT-${String(i + 1).padStart(3, '0')}`);
}

/** The server's default limit on one search attribute value (`frontend.searchAttributesSizeOfValueLimit`, bytes). */
export const SEARCH_ATTRIBUTE_VALUE_LIMIT = 2048;

/** A department: three units of its own and every school as a subordinate; Q1 only, one reminder. */
export function parentPlan(code: string, schools: string[]): Plan {
  return planSchema().parse({
    organisation: {
      code,
      name: 'Sở Giáo dục và Đào tạo (bench P9)',
      placeName: 'Thành phố Hồ Chí Minh',
      symbol: 'SGDĐT',
    },
    plan: { number: '01/KH-SGDĐT', title: 'Kế hoạch tuyên truyền năm 2026', signedOn: '2026-02-25', year: 2026 },
    office: { name: 'Văn phòng Sở', email: office(code), unit: 'VP' },
    director: { name: 'Giám đốc Sở', email: head(code) },
    units: [
      { code: 'VP', name: 'Văn phòng', head: { name: 'Chánh Văn phòng', email: office(code) } },
      {
        code: 'KHTC',
        name: 'Phòng Kế hoạch - Tài chính',
        head: { name: 'Trưởng phòng', email: `khtc.${code.toLowerCase()}@example.org` },
      },
      {
        code: 'TCCB',
        name: 'Phòng Tổ chức cán bộ',
        head: { name: 'Trưởng phòng', email: `tccb.${code.toLowerCase()}@example.org` },
      },
    ],
    forms,
    tasks: [],
    subordinates: schools.map((s, i) => ({
      code: s,
      name: `Trường THPT số ${i + 1}`,
      office: { name: `Văn phòng trường số ${i + 1}`, email: office(s) },
      director: { name: `Hiệu trưởng trường số ${i + 1}`, email: head(s) },
    })),
    reporting: { periods: ['Q1'], officeDeadlineDay: 25, unitWorkingDaysBeforeOffice: 1, reminders: [1] },
  });
}

/** A school's plan: it carries out `parent`'s plan, which runs here, so its accepted report rolls up there. */
export function schoolPlan(code: string, index: number, parent: string): Plan {
  return planSchema().parse({
    organisation: {
      code,
      name: `Trường THPT số ${index + 1}`,
      placeName: 'Thành phố Hồ Chí Minh',
      symbol: `THPT${index + 1}`,
      reportsTo: parent,
    },
    plan: {
      number: `01/KH-THPT${index + 1}`,
      title: 'Kế hoạch tuyên truyền năm 2026',
      signedOn: '2026-02-26',
      year: 2026,
      carriesOut: { number: '01/KH-SGDĐT', org: parent },
    },
    office: { name: `Văn phòng trường số ${index + 1}`, email: office(code), unit: 'VP' },
    director: { name: `Hiệu trưởng trường số ${index + 1}`, email: head(code) },
    units: [
      { code: 'VP', name: 'Văn phòng', head: { name: 'Văn thư', email: office(code) } },
      {
        code: 'TO-VAN',
        name: 'Tổ Ngữ văn',
        head: { name: 'Tổ trưởng', email: `tovan.${code.toLowerCase()}@example.org` },
      },
    ],
    forms,
    tasks: [],
    reporting: { periods: ['Q1'], officeDeadlineDay: 18, unitWorkingDaysBeforeOffice: 1 },
  });
}
