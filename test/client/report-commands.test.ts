import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createReportActivities } from '../../activities/reports/generate-report.js';
import { reportCheckCommand } from '../../client/report-commands.js';
import { reportRequest } from '../fixtures/report-request.js';

describe('kehoach report check FILE.docx', () => {
  it('passes a report the product wrote, names each problem of a broken copy, and says what a non-DOCX is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehoach-report-check-'));
    const { files } = await createReportActivities({ reportsDir: dir }).generateReport(reportRequest());
    const good = await reportCheckCommand(files.docx);
    expect(good).toEqual({
      exitCode: 0,
      output: `${files.docx}: đúng thể thức Nghị định 30/2020 / follows the ND 30/2020 layout`,
    });

    const zip = await JSZip.loadAsync(await readFile(files.docx));
    const xml = (await zip.file('word/document.xml')!.async('string')).replaceAll('Times New Roman', 'Arial');
    zip.file('word/document.xml', xml);
    const broken = join(dir, 'sai-phong-chu.docx');
    await writeFile(broken, await zip.generateAsync({ type: 'nodebuffer' }));
    const bad = await reportCheckCommand(broken);
    expect(bad.exitCode).toBe(1);
    expect(bad.output).toMatch(/lỗi thể thức Nghị định 30\/2020 \/ layout problems:\n {2}.*Times New Roman/);

    const notDocx = join(dir, 'ghi-chu.docx');
    await writeFile(notDocx, 'không phải DOCX');
    expect((await reportCheckCommand(notDocx)).output).toContain('không đọc được tệp DOCX / cannot read the DOCX');

    // The same through the command line: its exit code is the verdict.
    const run = spawnSync('npx', ['--no-install', 'kehoach', 'report', 'check', broken], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('layout problems:');
  });
});
