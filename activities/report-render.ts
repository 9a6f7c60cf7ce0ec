import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { computeFigures } from './reports/figures.js';
import type { Difficulty } from '../domain/difficulties.js';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURES } from '../domain/failures.js';
import { permanentIfUnusable, type BlobStore } from '../storage/blob-store.js';
import { taskItemId } from '../domain/ids.js';
import { localDateOf } from '../domain/local-date.js';
import type { CompiledReport } from '../workflows/activities-api.js';
import type { ItemStatus } from '../workflows/item-types.js';
import { periodName } from '../domain/reporting-periods.js';
import type { PeriodCode } from '../domain/plan-schema.js';
import type { ReportDifficulty, ReportItem, ReportRequest } from './report-types.js';
import type { CollectedReport } from './report-cycle.js';
import { createReportActivities } from './reports/generate-report.js';
import type { NumberRegister } from './reports/temporal-register.js';

function reportItem(status: ItemStatus, formsOf: (itemId: string) => string[]): ReportItem {
  return {
    itemId: status.itemId,
    kind: status.kind,
    title: status.title,
    forms: formsOf(status.itemId),
    units: status.units.map((u) => ({
      code: u.unit,
      role: u.role,
      due: u.due,
      status: u.state,
      submittedAt: u.submittedAt,
      submission: u.lastSubmission,
      versions: u.versions,
    })),
  };
}

/** Raised and answered on the plan's calendar: an answer at 23:30 UTC is the next day in Hồ Chí Minh City. */
function reportDifficulty(d: Difficulty, zone: string): ReportDifficulty {
  return {
    unit: d.unit,
    raisedOn: localDateOf(d.raisedAt, zone),
    text: d.text,
    ...(d.answer ? { answer: { text: d.answer.text, on: localDateOf(d.answer.at, zone) } } : {}),
  };
}

/**
 * A period with its year, without saying "năm" twice: `quý I năm 2026`, but `năm 2026` (Y) and `6 tháng đầu năm 2026`
 * (H1), whose names already end in "năm"; in English `Q1 2026`, `first half-year 2026`, `year 2026`.
 */
export function periodTitle(code: PeriodCode, year: number, locale: 'vi' | 'en'): string {
  const name = periodName(code, locale);
  if (locale === 'en') return `${name} ${year}`;
  return /(^|\s)năm$/.test(name) ? `${name} ${year}` : `${name} năm ${year}`;
}

/**
 * Maps what the report cycle collected onto the document generator's request (ND 30/2020 layout, figures). The plan's
 * duties are the items counted in the figures; the report item itself (each unit's own report for the period) goes
 * apart, as `periodReport`.
 */
export function toReportRequest(collected: CollectedReport): ReportRequest {
  const { plan } = collected;
  const tasksForms = new Map(plan.tasks.map((t) => [taskItemId(t.number), t.forms]));
  const locale = plan.organisation.locale;
  const code = collected.period.code;
  return {
    key: collected.key,
    locale,
    organisation: {
      code: plan.organisation.code,
      name: plan.organisation.name,
      parentBody: plan.organisation.parentBody,
      placeName: plan.organisation.placeName,
      symbol: plan.organisation.symbol,
    },
    plan: { number: plan.plan.number, title: plan.plan.title, year: plan.plan.year },
    office: { unit: plan.office.unit, name: plan.office.name },
    director: { name: plan.director.name, title: plan.director.title ?? 'Giám đốc' },
    period: {
      code,
      title: code === 'adhoc' ? collected.report.title : periodTitle(code as PeriodCode, plan.plan.year, locale),
      from: collected.period.from,
      to: collected.period.to,
    },
    issuedOn: collected.issuedOn,
    units: plan.units.map((u) => ({ code: u.code, name: u.name })),
    ...(plan.subordinates.length
      ? { subordinates: plan.subordinates.map((s) => ({ code: s.code, name: s.name })) }
      : {}),
    forms: plan.forms.map((f) => ({ code: f.code, title: f.title, ...(f.target ? { target: f.target } : {}) })),
    ...(plan.ongoingDuties.length
      ? {
          duties: plan.ongoingDuties.map((d) => ({
            number: d.number,
            title: d.title,
            ...(d.target ? { target: d.target } : {}),
          })),
        }
      : {}),
    items: collected.tasks.map((s) => reportItem(s, (id) => tasksForms.get(id) ?? [])),
    periodReport: reportItem(collected.report, () => []),
    ...(collected.difficulties?.length
      ? { difficulties: collected.difficulties.map((d) => reportDifficulty(d, plan.organisation.timeZone)) }
      : {}),
    recipients: [`${plan.director.title ?? 'Giám đốc'} (để báo cáo)`, 'Các phòng, đơn vị thuộc cơ quan'],
  };
}

const CONTENT_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  png: 'image/png',
};

/**
 * Turns collected item states into filed documents (DOCX, HTML, XLSX, CSV, chart) with a registered number, rendered
 * in `reportsDir` and filed in the blob store under `reports/`, so any worker can attach them and any portal serve
 * them. The item keeps the blob keys.
 */
export function createReportRenderer(deps: { reportsDir: string; register?: NumberRegister; blobs: BlobStore }) {
  const { generateReport } = createReportActivities(deps);
  return async (collected: CollectedReport): Promise<CompiledReport> => {
    const request = toReportRequest(collected);
    const result = await generateReport(request);
    // Filed side by side: to an object store each put is a round trip, and the documents do not depend on each other.
    const filed = await Promise.all(
      Object.entries(result.files).flatMap(([kind, path]) => {
        if (!path) return [];
        const key = `reports/${basename(path)}`;
        const put = async () => {
          const body = await readFile(path);
          await permanentIfUnusable(
            () =>
              deps.blobs.put(key, body, {
                contentType: CONTENT_TYPES[kind] ?? 'application/octet-stream',
                fileName: basename(path),
              }),
            (message) => ApplicationFailure.nonRetryable(`report ${key}: ${message}`, FAILURES.blobStoreUnusable),
          );
          return [kind, key] as const;
        };
        return [put()];
      }),
    );
    // The output per form as the report states it: what a subordinate's report sends up when accepted.
    const totals = Object.fromEntries(computeFigures(request).perForm.map((f) => [f.code, f.total]));
    return { number: result.number, files: Object.fromEntries(filed), totals };
  };
}
