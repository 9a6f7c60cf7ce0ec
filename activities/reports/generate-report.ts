import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ReportRequest, ReportResult } from '../report-types.js';
import { completionChartSvg, renderChartPng } from './chart.js';
import { renderReportDocx, type DocxChart } from './docx-report.js';
import { renderFiguresCsv, renderFiguresXlsx } from './figure-tables.js';
import { computeFigures } from './figures.js';
import { renderReportHtml } from './html-report.js';
import { documentNumber, fileRegister } from './number-register.js';
import type { NumberRegister } from './temporal-register.js';
import { buildReportContent } from './report-content.js';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURES } from '../../domain/failures.js';
import { ISO_DATE } from '../../domain/local-date.js';

export interface ReportDeps {
  /** Where the files and, by default, the number registers live. */
  reportsDir: string;
  /**
   * Where numbers come from: workers pass the Temporal register, shared by all of them; by default (a script, a
   * test rendering alone) a file per organisation and year, `<reportsDir>/so-van-ban-<org>-<year>.json`.
   */
  register?: NumberRegister;
}

/** `plan-X-2026/report-Q1` → `plan-X-2026.report-Q1`: safe as a file name on every system. */
export function reportFileStem(key: string): string {
  const stem = key
    .replace(/\//g, '.')
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .replace(/^\.+/, '');
  if (!stem)
    throw ApplicationFailure.nonRetryable(
      `report key "${key}" has no usable characters for a file name`,
      FAILURES.reportInputInvalid,
    );
  return stem;
}

/** Write-then-rename, so a reader (or the e-mail activity) never sees half a file after a crash. */
async function writeAtomic(path: string, data: Buffer | string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/** Activities that produce the consolidated report of a period. */
export function createReportActivities({ reportsDir, register }: ReportDeps) {
  const dir = resolve(reportsDir);
  const numbers = register ?? fileRegister((org, year) => join(dir, `so-van-ban-${reportFileStem(org)}-${year}.json`));

  /** Numbers the report (same number on retry), then writes DOCX, HTML, XLSX, CSV and the chart PNG. */
  async function generateReport(req: ReportRequest): Promise<ReportResult> {
    const year = Number(req.issuedOn.slice(0, 4));
    if (!ISO_DATE.test(req.issuedOn))
      throw ApplicationFailure.nonRetryable(
        `report ${req.key}: issuedOn "${req.issuedOn}" is not yyyy-MM-dd`,
        FAILURES.reportInputInvalid,
      );
    await mkdir(dir, { recursive: true });
    const n = await numbers.allocate({
      organisation: req.organisation.code,
      year,
      key: req.key,
      symbol: `BC-${req.organisation.symbol}`,
      issuedOn: req.issuedOn,
    });
    const number = documentNumber(n, 'BC', req.organisation.symbol);
    const figures = computeFigures(req);
    const stem = join(dir, reportFileStem(req.key));

    const chartTitle = req.locale === 'en' ? 'Completion by unit' : 'Tỷ lệ hoàn thành theo đơn vị';
    const chart: DocxChart = renderChartPng(completionChartSvg(figures.perUnit, chartTitle));
    const content = buildReportContent(req, figures, number, true);

    const files = {
      docx: `${stem}.docx`,
      html: `${stem}.html`,
      xlsx: `${stem}.xlsx`,
      csv: `${stem}.csv`,
      png: `${stem}.png`,
    };
    await writeAtomic(files.png, chart.png);
    await writeAtomic(files.docx, await renderReportDocx(content, chart));
    await writeAtomic(files.html, renderReportHtml(content, chart.png));
    await writeAtomic(files.xlsx, await renderFiguresXlsx(req, figures, number));
    await writeAtomic(files.csv, renderFiguresCsv(req));
    return { number, files, figures };
  }

  return { generateReport };
}
