import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { deadlineCalendar } from '../../activities/email-calendar.js';
import { renderFiguresCsv } from '../../activities/reports/figure-tables.js';
import { previewCommand } from '../../client/plan-commands.js';
import { skeletonPlan } from '../fixtures/skeleton-plan.js';
import { emailRequest } from '../fixtures/email-request.js';
import { reportRequest } from '../fixtures/report-request.js';

describe('files the office opens elsewhere carry no formula and no stray control character', () => {
  it('CSV: a title starting with = + - @ is neutralised with a leading quote (OWASP CSV injection)', () => {
    const req = reportRequest();
    const titles = ['=HYPERLINK("http://evil.example","Bấm")', '+1+cmd|calc', '-2+3', '@SUM(A1:A9)'];
    req.items = titles.map((title, i) => ({ ...req.items[0]!, itemId: `task-0${i + 1}`, title }));
    const lines = renderFiguresCsv(req).split('\r\n');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""Bấm"")"`);
    expect(lines.some((l) => l.includes(`"'+1+cmd|calc"`))).toBe(true);
    expect(lines.some((l) => l.includes(`"'-2+3"`))).toBe(true);
    expect(lines.some((l) => l.includes(`"'@SUM(A1:A9)"`))).toBe(true);
    // Figures stay numbers (the 4 websites of VP), not quoted text.
    expect(lines[1]).toMatch(/,1,4,0$/);
  });

  it('ICS: a bare CR (or any control character) in a title never reaches the calendar file', async () => {
    const req = emailRequest('assignment');
    req.item = { ...req.item, title: 'Báo cáo\rBEGIN:VEVENT\u0007quý I' };
    const attached = deadlineCalendar(req, 'Hạn nộp\r: Báo cáo');
    const plan = structuredClone(skeletonPlan);
    plan.tasks[0]!.title = 'Tuyên truyền\rSUMMARY:giả mạo';
    const file = join(mkdtempSync(join(tmpdir(), 'kehoach-ics-')), 'ke-hoach.yaml');
    writeFileSync(file, stringify(plan));
    const preview = await previewCommand(file, 'ics', 'vi');
    expect(preview.exitCode).toBe(0);
    for (const ics of [attached, preview.output]) {
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\u0007]/);
      expect(ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT' || l.startsWith('SUMMARY:giả')).length).toBe(
        ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT').length,
      );
    }
  });
});
