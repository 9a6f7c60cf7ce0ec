import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import mammoth from 'mammoth';
import { launchChromium } from '../helpers/browser.js';

const run = promisify(execFile);

/** The four seed plans as text (copies of shared/seeds/, named by what they are), one signed document each. */
export const SEED_DIR = fileURLToPath(new URL('../fixtures/seed-documents/', import.meta.url));
export const SEEDS = {
  hcm588: '000-sgddt-hcm-588-2022',
  socTrang290: '001-soc-trang-290-2022',
  hcm206: '002-sgddt-hcm-206-2021',
  mamNon76: '003-mam-non-76-2022',
} as const;
export type SeedName = (typeof SEEDS)[keyof typeof SEEDS];

/**
 * One line of seed text as Word runs. The seeds keep the little Markdown their source had (`## **KẾ HOẠCH**`,
 * `*Thực hiện …*`, `[63/2010/NĐ-CP](#)`, `<https://…>`); a signed document has bold and italic runs there instead.
 */
function runsOf(line: string): TextRun[] {
  const heading = /^#+\s+/.test(line);
  const text = line
    .replace(/^#+\s+/, '')
    .replace(/\\\*/g, '*')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '$1');
  const runs: TextRun[] = [];
  // `**bold**` and `*italic*` spans; an asterisk with a space after it (`* Đối với`) is the text's own.
  for (const part of text.split(/(\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/)) {
    if (part === '') continue;
    if (part.startsWith('**') && part.endsWith('**'))
      runs.push(new TextRun({ text: part.slice(2, -2), bold: true, font: 'Times New Roman', size: 28 }));
    else if (part.length > 2 && part.startsWith('*') && part.endsWith('*'))
      runs.push(
        new TextRun({ text: part.slice(1, -1), italics: true, bold: heading, font: 'Times New Roman', size: 28 }),
      );
    else runs.push(new TextRun({ text: part, bold: heading, font: 'Times New Roman', size: 28 }));
  }
  return runs;
}

/** A DOCX of the seed text, paragraph by paragraph (each non-empty line one paragraph), as an office would type it. */
export async function seedDocx(seed: SeedName): Promise<Buffer> {
  const text = await readFile(join(SEED_DIR, `${seed}.txt`), 'utf8');
  const paragraphs = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => new Paragraph({ children: runsOf(line), spacing: { after: 120 } }));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

/** LibreOffice's `soffice`, where Debian's libreoffice-writer-nogui (scripts/setup.mjs) put it, or on PATH. */
export function findSoffice(): string | undefined {
  if (existsSync('/usr/bin/soffice')) return '/usr/bin/soffice';
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir && existsSync(join(dir, 'soffice'))) return join(dir, 'soffice');
  return undefined;
}

/**
 * Converts DOCX files to PDF in one LibreOffice run (it starts once, ~5 s, whatever the number of files), as an office
 * prints its signed document to PDF. Returns each PDF's path, beside its DOCX. A private profile folder keeps it from
 * meeting another LibreOffice running on the machine.
 */
export async function docxToPdf(soffice: string, docxFiles: string[], dir: string): Promise<string[]> {
  await run(
    soffice,
    [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...docxFiles,
    ],
    { timeout: 120_000 },
  );
  return docxFiles.map((file) => join(dir, basename(file).replace(/\.docx$/, '.pdf')));
}

/** Writes `bytes` to `dir/name` and returns the path. */
export async function writeIn(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/**
 * Where LibreOffice is missing: the DOCX as mammoth's HTML, printed to PDF by the Chromium the browser tests already
 * use (scripts/setup.mjs installs it). Still the same DOCX's paragraphs, laid out on A4 pages by a real engine.
 */
export async function docxToPdfWithChromium(docxFiles: string[]): Promise<string[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const out: string[] = [];
    for (const file of docxFiles) {
      const { value } = await mammoth.convertToHtml({ path: file });
      await page.setContent(`<html><body style="font: 14pt serif">${value}</body></html>`);
      const pdf = file.replace(/\.docx$/, '.pdf');
      await page.pdf({ path: pdf, format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '3cm', right: '2cm' } });
      out.push(pdf);
    }
    return out;
  } finally {
    await browser.close();
  }
}
