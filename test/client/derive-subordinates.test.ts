import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deriveCommand } from '../../client/derive-command.js';

const THREE_LEVELS = 'test/fixtures/organisations/three-levels.yaml';

/** `kehoach plan derive plans/demo.yaml --org CODE --directory three-levels.yaml`, printed: the draft as YAML. */
async function derived(org: string) {
  const r = await deriveCommand('plans/demo.yaml', { org, directory: THREE_LEVELS });
  expect(r.exitCode, r.output).toBe(0);
  return { text: r.output, doc: parseDocument(r.output).toJS() as Record<string, unknown> };
}

describe('kehoach plan derive on a three-level directory', () => {
  it('fills a district office’s subordinates from the schools below it, with their e-mails, names marked', async () => {
    const { text, doc } = await derived('PGDDT-Q1');
    expect(doc.subordinates).toEqual([
      {
        code: 'TH-BEN-NGHE',
        name: 'Trường Tiểu học Bến Nghé (bản chạy thử)',
        office: { email: 'vanphong.th-ben-nghe@example.org' },
        director: { email: 'hieutruong.th-ben-nghe@example.org' },
      },
      {
        code: 'THCS-DA-KAO',
        name: 'Trường Trung học cơ sở Đa Kao (bản chạy thử)',
        office: { email: 'vanphong.thcs-da-kao@example.org' },
      },
    ]);
    const marks = text.split('\n').filter((l) => l.startsWith('#   - subordinates['));
    expect(marks.map((l) => l.slice(0, l.indexOf(': ')))).toEqual([
      '#   - subordinates[0].office.name',
      '#   - subordinates[0].director.name',
      '#   - subordinates[1].office.name',
    ]);
  });

  it('gives a district office with its own school only that school, and never the parent’s DEMO-THPT', async () => {
    const { doc } = await derived('PGDDT-Q3');
    expect((doc.subordinates as { code: string }[]).map((s) => s.code)).toEqual(['TH-LE-NGOC-HAN']);
  });
});
