import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftCommand } from '../../client/draft-command.js';
import { draftFromText } from '../../plan-draft/draft-from-text.js';
import type { PlanDraft } from '../../plan-draft/draft-from-text.js';
import { readDocument } from '../../plan-draft/read-document.js';
import { SEEDS, docxToPdf, docxToPdfWithChromium, findSoffice, seedDocx, writeIn } from './seed-documents.js';
import type { SeedName } from './seed-documents.js';

// The four seed plans, each typed into a DOCX paragraph by paragraph and printed to PDF from that DOCX (LibreOffice,
// once for all four), then read back as an office would give them to `kehoach plan draft`.
let dir: string;
const files = new Map<SeedName, { docx: string; pdf: string }>();
const drafts = new Map<string, PlanDraft>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kehoach-draft-'));
  const docx: string[] = [];
  for (const seed of Object.values(SEEDS)) docx.push(await writeIn(dir, `${seed}.docx`, await seedDocx(seed)));
  const soffice = findSoffice();
  const pdf = soffice ? await docxToPdf(soffice, docx, dir) : await docxToPdfWithChromium(docx);
  Object.values(SEEDS).forEach((seed, i) => files.set(seed, { docx: docx[i] ?? '', pdf: pdf[i] ?? '' }));
  for (const [seed, f] of files)
    for (const kind of ['docx', 'pdf'] as const) {
      const read = await readDocument(await readFile(f[kind]));
      expect(read.kind).toBe(kind);
      drafts.set(`${seed}.${kind}`, draftFromText(read.text));
    }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const draftOf = (seed: SeedName, kind: 'docx' | 'pdf'): PlanDraft => {
  const d = drafts.get(`${seed}.${kind}`);
  if (!d) throw new Error(`no draft of ${seed}.${kind}`);
  return d;
};
const fields = (d: PlanDraft) => d.marked.map((m) => m.field);

describe.each(['docx', 'pdf'] as const)('from the %s', (kind) => {
  it('588/KH-SGDĐT (HCMC 2022): header, the two units of section IV, six themes, four forms, no reporting', () => {
    const { draft, marked } = draftOf(SEEDS.hcm588, kind);
    expect(draft.plan).toEqual({
      number: '588/KH-SGDĐT',
      signedOn: '2022-03-04',
      title: 'Tuyên truyền cải cách hành chính năm 2022',
      year: 2022,
      carriesOut: {
        kind: 'Kế hoạch',
        number: '172/KH-SGDĐT',
        signedOn: '2022-01-21',
        issuer: 'Sở Giáo dục và Đào tạo',
      },
    });
    expect(draft.organisation).toMatchObject({
      name: 'Sở Giáo dục và Đào tạo',
      symbol: 'SGDĐT',
      placeName: 'Thành phố Hồ Chí Minh',
    });
    expect(draft.units?.map((u) => [u.code, u.name])).toEqual([
      ['P', 'Các Phòng thuộc Sở'],
      ['VP', 'Văn phòng Sở'],
    ]);
    expect(draft.office).toEqual({ name: 'Văn phòng Sở', unit: 'VP' });
    expect(draft.director).toEqual({ name: 'Nguyễn Văn Hiếu' });
    expect(draft.themes?.map((t) => t.code)).toEqual(['THECHE', 'TTHC', 'BOMAY', 'CONGVU', 'TAICHINH', 'CQS']);
    expect(draft.forms?.map((f) => f.code)).toEqual(['WEBSITE', 'NIEMYET', 'HOP', 'TOBUOM']);
    expect(draft.reporting).toBeUndefined();
    // It carries out the Department's own CCHC plan (172/KH-SGDĐT): the body above is not in the text.
    expect(fields({ draft, marked })).toEqual(
      expect.arrayContaining([
        'organisation.code',
        'organisation.parentBody',
        'units[0].code',
        'units[0].head',
        'units[1].code',
        'units[1].head',
        'office.email',
        'director.email',
        'reporting',
        'ongoingDuties',
      ]),
    );
    expect(fields({ draft, marked })).not.toContain('plan.signedOn');
  });

  it('290/KH-SGDĐT (Sóc Trăng, a news article): number and date from the text, marked; no place, units or reporting', () => {
    const d = draftOf(SEEDS.socTrang290, kind);
    expect(d.draft.plan).toEqual({
      number: '290/KH-SGDĐT',
      signedOn: '2022-02-24',
      title: 'Tuyên truyền cải cách hành chính năm 2022',
      year: 2022,
    });
    expect(d.draft.organisation).toMatchObject({ name: 'Sở Giáo dục và Đào tạo tỉnh Sóc Trăng', symbol: 'SGDĐT' });
    expect(d.draft.organisation?.placeName).toBeUndefined();
    expect(d.draft.units).toBeUndefined();
    expect(d.draft.themes).toHaveLength(10);
    expect(d.draft.forms?.map((f) => f.code)).toEqual([
      'WEBSITE',
      'VIDEO',
      'HOITHI',
      'TAPHUAN',
      'HOP',
      'HOITHI2',
      'NIEMYET',
      'KHAOSAT',
      'HOIDAP',
      'DUONGDAYNONG',
    ]);
    expect(fields(d)).toEqual(
      expect.arrayContaining([
        'plan.number',
        'plan.signedOn',
        'plan.title',
        'organisation.placeName',
        'units',
        'office',
        'director.name',
        'reporting',
      ]),
    );
  });

  it('206/KH-SGDĐT (HCMC CCHC 2021): "Số 206 /KH…", six numbered units of section IV, the UBND as the body above', () => {
    const { draft, marked } = draftOf(SEEDS.hcm206, kind);
    expect(draft.plan).toEqual({
      number: '206/KH-SGDĐT',
      signedOn: '2021-01-22',
      title: 'Thực hiện công tác cải cách hành chính trong lĩnh vực giáo dục và đào tạo năm 2021',
      year: 2021,
      carriesOut: {
        kind: 'Quyết định',
        number: '4832/QĐ-UBND',
        signedOn: '2020-12-31',
        issuer: 'Ủy ban nhân dân Thành phố',
      },
    });
    expect(draft.organisation).toMatchObject({
      placeName: 'Thành phố Hồ Chí Minh',
      symbol: 'SGDĐT',
      parentBody: 'Ủy ban nhân dân Thành phố',
    });
    expect(draft.units?.map((u) => [u.code, u.name])).toEqual([
      ['VP', 'Văn phòng Sở'],
      ['TCCB', 'Phòng Tổ chức cán bộ'],
      ['KHTC', 'Phòng Kế hoạch tài chính'],
      ['TTTTCTGD', 'Trung tâm thông tin và Chương trình giáo dục'],
      ['PBCM', 'Các phòng ban chuyên môn'],
      ['DV', 'Các đơn vị trực thuộc'],
    ]);
    expect(draft.units?.[2]?.duties).toContain('Chủ trì triển khai thực hiện cải cách tài chính công');
    expect(draft.director).toEqual({ name: 'Lê Hồng Sơn' });
    // Section II has nine numbered headings, each a theme; there is no section of forms.
    expect(draft.themes).toHaveLength(9);
    expect(draft.forms).toBeUndefined();
    expect(marked.filter((m) => /^units\[\d\]\.(code|head)$/.test(m.field))).toHaveLength(12);
    expect(fields({ draft, marked })).toEqual(expect.arrayContaining(['forms', 'reporting']));
  });

  it('76/KH-TrMN (kindergarten): the impossible 29/02/2022 kept as a problem; "theo quý, 6 tháng, đột xuất"', () => {
    const d = draftOf(SEEDS.mamNon76, kind);
    expect(d.draft.plan).toEqual({
      number: '76/KH-TrMN',
      title: 'Tuyên truyền cải cách hành chính năm 2022',
      year: 2022,
      carriesOut: {
        kind: 'Kế hoạch',
        number: '216/KH-GD&ĐT',
        signedOn: '2022-02-28',
        issuer: 'Phòng GD&ĐT thành phố Thái Nguyên',
      },
    });
    const signedOn = d.marked.find((m) => m.field === 'plan.signedOn');
    expect(signedOn?.reason).toContain('29/02/2022 không có thật');
    expect(d.draft.organisation).toMatchObject({
      name: 'Trường Mầm non Điện Lực',
      symbol: 'TrMN',
      placeName: 'Quang Vinh',
      parentBody: 'Phòng GD&ĐT thành phố Thái Nguyên',
    });
    expect(d.carriesOut).toMatchObject({ kind: 'Kế hoạch', number: '216/KH-GD&ĐT', date: '2022-02-28' });
    expect(d.draft.units?.map((u) => [u.code, u.name])).toEqual([
      ['NT', 'Nhà trường'],
      ['GVNV', 'GV-NV'],
    ]);
    // The closing ("Trên đây là…", "Nơi nhận") is nobody's duty.
    expect(d.draft.units?.[1]?.duties).not.toContain('Nơi nhận');
    expect(d.draft.director).toEqual({ name: 'Trần Thị Hòa', title: 'Hiệu trưởng' });
    expect(d.draft.themes).toHaveLength(9);
    expect(d.draft.forms).toHaveLength(12);
    expect(d.draft.reporting).toEqual({ periods: ['Q1', 'H1', 'Q3', 'Q4'], adHocAllowed: true });
    expect(fields(d)).toEqual(
      expect.arrayContaining(['office', 'reporting.officeDeadlineDay', 'reporting.unitWorkingDaysBeforeOffice']),
    );
    expect(fields(d)).not.toContain('reporting.adHocAllowed');
  });
});

describe('kehoach plan draft', () => {
  it('writes the PDF’s draft as YAML with the marked fields listed at the top, and never over a file', async () => {
    const out = join(dir, 'nhap-76.yaml');
    const pdf = files.get(SEEDS.mamNon76)?.pdf ?? '';
    const written = await draftCommand(pdf, { output: out });
    expect(written.exitCode).toBe(0);
    const yaml = await readFile(out, 'utf8');
    expect(yaml.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*docs\/plan\.schema\.json$/);
    expect(yaml).toContain('#   - plan.signedOn: văn bản ghi "ngày 29 tháng 02 năm 2022"');
    expect(yaml).toContain('#   - units[1].head:');
    // The plan it carries out, with its date quoted as the sample plans write dates.
    expect(yaml).toMatch(
      / {2}carriesOut:\n {4}kind: Kế hoạch\n {4}number: 216\/KH-GD&ĐT\n {4}signedOn: '2022-02-28'\n/,
    );
    const parsed = parse(yaml) as { plan: unknown; reporting: unknown };
    expect(parsed.plan).toEqual(draftOf(SEEDS.mamNon76, 'pdf').draft.plan);
    expect(parsed.reporting).toEqual({ periods: ['Q1', 'H1', 'Q3', 'Q4'], adHocAllowed: true });
    const again = await draftCommand(pdf, { output: out });
    expect(again.exitCode).toBe(1);
    expect(again.output).toContain('không ghi đè');
  });

  it('refuses a file that is not a DOCX or PDF by its content, whatever its name', async () => {
    const fake = await writeIn(dir, 'ke-hoach.docx', new TextEncoder().encode('Số: 1/KH-X\n'));
    const r = await draftCommand(fake);
    expect(r.exitCode).toBe(2);
    expect(r.output).toContain('không phải văn bản DOCX hay PDF');
  });
});
