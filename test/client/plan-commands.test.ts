import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { previewCommand, validateCommand } from '../../client/plan-commands.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';
import { notPlanFiles } from '../domain/fixtures/not-plan-files.js';

const SOC_TRANG = 'plans/soc-trang-2022.yaml';

describe('kehoach plan validate', () => {
  it('accepts a sample plan with a one-line summary and exit code 0', async () => {
    const r = await validateCommand(SOC_TRANG, 'vi');
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(
      /^plans\/soc-trang-2022\.yaml: hợp lệ\. Kế hoạch 290\/KH-SGDĐT \(2022\): \d+ đơn vị, 12 nhiệm vụ/,
    );
  });

  it('lists every problem at file:line:col with exit code 1', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kehoach-cli-')), 'bad.yaml');
    writeFileSync(file, 'organisation:\n  code: bad code\nplan: 3\nsurprise: true\n');
    const r = await validateCommand(file, 'en');
    expect(r.exitCode).toBe(1);
    const lines = r.output.split('\n');
    expect(lines[0]).toMatch(/^\d+ problem\(s\) in .*bad\.yaml:$/);
    expect(r.output).toContain(`${file}:2:9`);
    expect(r.output).toContain(`${file}:4:1`);
  });

  it('says which file it cannot read, with exit code 2', async () => {
    const r = await validateCommand('plans/none.yaml', 'en');
    expect(r).toMatchObject({ exitCode: 2 });
    expect(r.output).toMatch(/^Cannot read plans\/none\.yaml: /);
  });
});

describe('kehoach plan preview', () => {
  it('prints a table in local time with weekday, date and the rule applied', async () => {
    const r = await previewCommand(SOC_TRANG, 'table', 'vi');
    expect(r.exitCode).toBe(0);
    // Task 01 (Văn phòng) is due Fri 04/03/2022 and overdue on Mon 07/03/2022 (the office is not alerted about its own
    // unit); task 03 (Phòng Tổ chức cán bộ) is due Thu 31/03/2022, overdue and escalated to the office on Fri 01/04/2022.
    const task01 = 'Tháng 01: Tuyên truyền Kế hoạch thực hiện CCHC năm 2022';
    expect(r.output).toMatch(
      new RegExp(
        `08:00\\s+thứ Sáu, 04/03/2022\\s+Đến hạn hôm nay\\s+${task01}\\s+Văn phòng Sở\\s+task-01/VP\\s+Hôm nay là hạn nộp`,
      ),
    );
    expect(r.output).toMatch(
      new RegExp(`08:00\\s+thứ Hai, 07/03/2022\\s+Quá hạn\\s+${task01}\\s+Văn phòng Sở\\s+task-01/VP\\s`),
    );
    expect(r.output).toMatch(
      /08:00\s+thứ Sáu, 01\/04\/2022\s+Báo Văn phòng\s+Tháng 03: Tuyên truyền văn hóa công vụ\s+Phòng Tổ chức cán bộ\s+task-03\/TCCB\s+Báo Văn phòng sau hạn 31\/03\/2022/,
    );
  });

  it('exports the same rows as JSON and as an iCalendar file with one stable UID per row', async () => {
    type Row = { itemId: string; unit?: string; kind: string; at: string; date: string };
    const json = JSON.parse((await previewCommand(SOC_TRANG, 'json', 'vi')).output) as Row[];
    const ics = (await previewCommand(SOC_TRANG, 'ics', 'vi')).output;
    const events = (text: string) =>
      text
        .replace(/\r\n[ \t]/g, '')
        .split('BEGIN:VEVENT')
        .slice(1)
        .map((e) => ({ uid: /^UID:(.*)$/m.exec(e)?.[1], start: /^DTSTART:(.*)$/m.exec(e)?.[1] }));
    // Event n is row n: its instant in UTC, and a UID naming the row's item, unit (or the office), kind and date.
    expect(events(ics)).toEqual(
      json.map((r) => ({
        uid: `SGDDT-ST-2022-${r.itemId}-${r.unit ?? 'office'}-${r.kind}-${r.date}@kehoach`,
        start: DateTime.fromISO(r.at).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'"),
      })),
    );
    expect(new Set(events(ics).map((e) => e.uid)).size).toBe(json.length);
    expect(events((await previewCommand(SOC_TRANG, 'ics', 'vi')).output)).toEqual(events(ics));
    expect(ics).toContain('DTSTART:20220304T010000Z');
  });

  it('says when dates come from a provisional calendar: a first line in the table, `provisional` in JSON', async () => {
    // A 2027 plan (the 2026 kindergarten sample moved on a year): 2027 has no approved calendar yet.
    const file = join(mkdtempSync(join(tmpdir(), 'kehoach-cli-')), 'mam-non-2027.yaml');
    writeFileSync(file, readFileSync('plans/mam-non-2026.yaml', 'utf8').replaceAll('2026', '2027'));
    const table = (await previewCommand(file, 'table', 'vi')).output.split('\n');
    expect(table[0]).toBe(
      'Lịch năm 2027 là lịch tính toán tạm thời (chưa có văn bản phê duyệt; tính theo BLLĐ 2019 Điều 112): các ngày đánh dấu * có thể thay đổi.',
    );
    expect(table[1]).toMatch(/^Giờ\s+Ngày\s/);
    // Every row's day cell (`thứ Hai, 15/03/2027 *`) is marked exactly when its year is provisional.
    const day = (line: string) => /^\d\d:\d\d\s+[^,]+, \d\d\/\d\d\/(\d{4})( \*)?\s/.exec(line);
    const rows = table.slice(2).map(day);
    expect(rows.every((m) => m !== null && (m[1] === '2027') === (m[2] === ' *'))).toBe(true);
    expect(rows.some((m) => m?.[1] === '2027')).toBe(true);
    expect((await previewCommand(file, 'table', 'en')).output.split('\n')[0]).toMatch(
      /^The calendar for 2027 is provisional .*: dates marked \* may change\.$/,
    );
    const json = JSON.parse((await previewCommand(file, 'json', 'vi')).output) as {
      date: string;
      provisional?: boolean;
    }[];
    expect(json.filter((r) => r.date.startsWith('2027-')).every((r) => r.provisional === true)).toBe(true);
    // On approved years (2022 and its neighbours) there is no note and no field.
    const approved = await previewCommand(SOC_TRANG, 'table', 'vi');
    const approvedLines = approved.output.split('\n');
    expect(approvedLines[0]).toMatch(/^Giờ\s+Ngày\s/);
    expect(approvedLines.slice(1).every((l) => day(l)?.[2] === undefined)).toBe(true);
    expect((await previewCommand(SOC_TRANG, 'json', 'vi')).output).not.toContain('provisional');
  });

  it('shows the step, the duty and the unit in words in the table, Vietnamese by default and English with --lang en', async () => {
    const vi = (await previewCommand(SOC_TRANG, 'table', 'vi')).output;
    expect(vi.split('\n')[0]).toMatch(/^Giờ\s+Ngày\s+Bước\s+Nội dung\s+Đơn vị\s+Mã\s+Căn cứ$/);
    // Task 03 (văn hóa công vụ, Phòng Tổ chức cán bộ) is due Thu 31/03/2022; reminded 3 working days before.
    expect(vi).toMatch(
      /08:00\s+thứ Hai, 28\/03\/2022\s+Nhắc hạn\s+Tháng 03: Tuyên truyền văn hóa công vụ\s+Phòng Tổ chức cán bộ\s+task-03\/TCCB\s+Nhắc trước hạn 3 ngày/,
    );
    for (const label of [
      'Giao nhiệm vụ',
      'Đề nghị báo cáo',
      'Nhắc hạn',
      'Đến hạn hôm nay',
      'Quá hạn',
      'Báo Văn phòng',
      'Báo Giám đốc',
      'Chốt số liệu',
      'Hạn Văn phòng tổng hợp',
    ])
      expect(vi).toContain(`  ${label}  `);
    // No step id is left for people to decode (the ids stay in the Mã column: task-03/TCCB).
    expect(vi).not.toMatch(
      /\s(open|reminder|due-today|overdue|escalate-office|escalate-director|cut-off|office-due)\s/,
    );
    const en = (await previewCommand(SOC_TRANG, 'table', 'en')).output;
    expect(en.split('\n')[0]).toMatch(/^Time\s+Day\s+Step\s+Item\s+Unit\s+Id\s+Rule$/);
    expect(en).toMatch(
      /08:00\s+Monday, 28\/03\/2022\s+Reminder\s+Tháng 03: Tuyên truyền văn hóa công vụ\s+Phòng Tổ chức cán bộ\s+task-03\/TCCB\s/,
    );
    for (const label of ['Assignment', 'Report request', 'Due today', 'Office alerted', 'Data cut-off'])
      expect(en).toContain(`  ${label}  `);
  });

  it('keeps the stable ids in JSON and adds the title, the unit name and the step in words', async () => {
    type Row = Record<string, unknown> & { unit?: string; kind: string };
    const rows = JSON.parse((await previewCommand(SOC_TRANG, 'json', 'vi')).output) as Row[];
    const reminder = rows.find((r) => r.itemId === 'task-03' && r.unit === 'TCCB' && r.kind === 'reminder');
    expect(reminder).toEqual({
      itemId: 'task-03',
      title: 'Tháng 03: Tuyên truyền văn hóa công vụ',
      at: '2022-03-28T08:00:00.000+07:00',
      date: '2022-03-28',
      day: 'thứ Hai, 28/03/2022',
      unit: 'TCCB',
      unitName: 'Phòng Tổ chức cán bộ',
      kind: 'reminder',
      stepLabel: 'Nhắc hạn',
      rule: 'Nhắc trước hạn 3 ngày làm việc (hạn 31/03/2022)',
    });
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining(['at', 'date', 'day', 'itemId', 'title', 'kind', 'rule', 'stepLabel']),
      );
      expect(r.unitName === undefined).toBe(r.unit === undefined);
    }
    const label = (itemId: string, kind: string) => rows.find((r) => r.itemId === itemId && r.kind === kind)?.stepLabel;
    expect(
      ['task-01 open', 'report-Q1 open', 'report-Q1 cut-off', 'report-Q1 office-due'].map((k) =>
        label(...(k.split(' ') as [string, string])),
      ),
    ).toEqual(['Giao nhiệm vụ', 'Đề nghị báo cáo', 'Chốt số liệu', 'Hạn Văn phòng tổng hợp']);
    const en = JSON.parse((await previewCommand(SOC_TRANG, 'json', 'en')).output) as Row[];
    expect(en.find((r) => r.itemId === 'task-03' && r.unit === 'TCCB' && r.kind === 'reminder')?.stepLabel).toBe(
      'Reminder',
    );
  });

  /** Every VEVENT's SUMMARY, unfolded. */
  const summaries = (ics: string) => [...ics.replace(/\r\n[ \t]/g, '').matchAll(/^SUMMARY:(.*)$/gm)].map((m) => m[1]);
  /** A text value as iCalendar writes it (RFC 5545 §3.3.11): `,` and `;` escaped. */
  const icsText = (s: string) => s.replace(/[,;]/g, '\\$&');

  it('titles each calendar event with the step, the duty and the unit, in the chosen language', async () => {
    type Row = { title: string; unitName?: string; stepLabel: string };
    for (const lang of ['vi', 'en'] as const) {
      const rows = JSON.parse((await previewCommand(SOC_TRANG, 'json', lang)).output) as Row[];
      const ics = (await previewCommand(SOC_TRANG, 'ics', lang)).output;
      expect(summaries(ics)).toEqual(
        rows.map((r) => icsText(`${r.stepLabel}: ${r.title}${r.unitName ? ` – ${r.unitName}` : ''}`)),
      );
    }
    const vi = summaries((await previewCommand(SOC_TRANG, 'ics', 'vi')).output);
    expect(vi).toContain('Nhắc hạn: Tháng 03: Tuyên truyền văn hóa công vụ – Phòng Tổ chức cán bộ');
    expect(vi).not.toContain('task-03 TCCB: reminder');
  });

  it('folds iCalendar lines at 75 octets, never inside a UTF-8 character, and unfolds to the original text', async () => {
    const plan = structuredClone(skeletonPlan);
    const title =
      'Tuyên truyền, phổ biến sâu rộng Nghị quyết về đẩy mạnh cải cách hành chính, xây dựng chính quyền điện tử, ' +
      'chính quyền số và nâng cao sự hài lòng của người dân 📢';
    plan.tasks[0]!.title = title;
    plan.units[2]!.name = 'Phòng Tổ chức cán bộ – Bộ phận Thi đua, khen thưởng và Truyền thông';
    const file = join(mkdtempSync(join(tmpdir(), 'kehoach-ics-')), 'ke-hoach.yaml');
    writeFileSync(file, stringify(plan));
    const r = await previewCommand(file, 'ics', 'vi');
    expect(r.exitCode, r.output).toBe(0);
    const ics = r.output;
    const lines = ics.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
      // half of a 4-octet character (a lone surrogate) would not survive the round trip through UTF-8
      expect(Buffer.from(line, 'utf8').toString('utf8'), line).toBe(line);
    }
    // Folding only ever adds CRLF + one space: taking them out gives back each long line exactly.
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    const unfolded = ics.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded).toContain(`SUMMARY:${icsText(`Giao nhiệm vụ: ${title}`)}`);
    expect(unfolded).toContain(`SUMMARY:${icsText(`Nhắc hạn: ${title} – ${plan.units[2]!.name}`)}`);
    expect(unfolded.filter((l) => Buffer.byteLength(l) > 75).length).toBeGreaterThan(4);
  });

  it('names a Word file or an empty file instead of reading it as a plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-cli-'));
    const [name, docx] = (await notPlanFiles())[0]!;
    writeFileSync(join(dir, name), docx);
    writeFileSync(join(dir, 'trong.yaml'), '');
    const word = await validateCommand(join(dir, name), 'vi');
    expect(word.exitCode).toBe(1);
    expect(word.output).toContain(`${join(dir, name)}:1:1  -  đây là tệp Word (DOCX), không phải tệp kế hoạch`);
    const empty = await previewCommand(join(dir, 'trong.yaml'), 'table', 'en');
    expect(empty.exitCode).toBe(1);
    expect(empty.output).toContain(`${join(dir, 'trong.yaml')}:1:1  -  the plan file is empty`);
  });
});
