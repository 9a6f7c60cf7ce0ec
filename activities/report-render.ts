import type { CompiledReport } from '../workflows/activities-api.js';
import type { CollectedReport } from './report-cycle.js';

/** Turns collected item states into filed documents (DOCX, HTML, XLSX, CSV) with a registered number. */
export function createReportRenderer(_deps: { reportsDir: string }) {
  return async (collected: CollectedReport): Promise<CompiledReport> => {
    throw new Error(`report renderer not wired yet for ${collected.key}`);
  };
}
