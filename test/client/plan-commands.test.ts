import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { previewCommand, validateCommand } from '../../client/plan-commands.js';

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
    // Task 01 (Văn phòng) is due Fri 04/03/2022; overdue and escalation to the office fall on Mon 07/03/2022.
    expect(r.output).toMatch(/08:00\s+thứ Sáu, 04\/03\/2022\s+task-01\s+VP\s+due-today/);
    expect(r.output).toMatch(/08:00\s+thứ Hai, 07\/03\/2022\s+task-01\s+VP\s+escalate-office/);
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
});
