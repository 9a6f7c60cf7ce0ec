/**
 * P7: the S3 driver against the local folder, per report. The product's report renderer (DOCX, HTML, XLSX, CSV and
 * chart, filed in the blob store under `reports/`) renders N consolidated reports per run with a file register (no
 * Temporal in the loop: what differs is only where the files go), runs alternating A = S3 (a SeaweedFS of its own on
 * loopback) and B = the local folder driver. Per report: wall ms and this process's CPU ms; SeaweedFS's CPU apart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReportRenderer } from '../activities/report-render.js';
import { fileRegister } from '../activities/reports/number-register.js';
import type { BlobStore } from '../storage/blob-store.js';
import { LocalBlobStore } from '../storage/local-blob-store.js';
import { S3BlobStore } from '../storage/s3-blob-store.js';
import { collectedReport } from '../test/fixtures/report-request.js';
import { startSeaweed } from '../test/helpers/seaweed.js';
import { procCpuSeconds, selfCpuSeconds } from './proc-cpu.js';

export type P7Driver = 'A' | 'B';

export interface P7Run {
  driver: P7Driver;
  n: number;
  wallMsPerReport: number;
  cpuMsPerReport: number;
  /** SeaweedFS's CPU per report (A only). */
  storeCpuMsPerReport?: number;
  /** Bytes filed per report (both drivers file the same documents). */
  bytesPerReport: number;
}

async function renderAll(
  blobs: BlobStore,
  n: number,
  label: string,
): Promise<{ wallMs: number; cpuMs: number; bytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), `kehoach-p7-${label}-`));
  try {
    const render = createReportRenderer({
      reportsDir: join(dir, 'reports'),
      register: fileRegister((org, year) => join(dir, `register-${org}-${year}.json`)),
      blobs,
    });
    const base = collectedReport('Q1');
    // One warm-up report (module loading, fonts, the S3 client's first connection), not counted.
    await render({ ...base, key: `p7-${label}-warm` });
    const cpu0 = selfCpuSeconds();
    const t0 = performance.now();
    let last: Record<string, string> = {};
    for (let i = 0; i < n; i++) last = (await render({ ...base, key: `p7-${label}-${i}` })).files;
    const wallMs = performance.now() - t0;
    const cpuMs = (selfCpuSeconds() - cpu0) * 1000;
    // What one report filed, read back after the clock stopped (every report files the same documents).
    let bytes = 0;
    for (const key of Object.values(last)) bytes += (await blobs.head(key))?.size ?? 0;
    return { wallMs, cpuMs, bytes: bytes * n };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runP7(opts: { n: number; order: P7Driver[]; log: (m: string) => void }): Promise<P7Run[]> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const weed = await startSeaweed();
  const runs: P7Run[] = [];
  try {
    for (const [i, driver] of opts.order.entries()) {
      const label = `${driver}${i + 1}`;
      if (driver === 'A') {
        const s3 = new S3BlobStore({
          endpoint: weed.endpoint,
          region: weed.region,
          bucket: `p7-${i}`,
          accessKeyId: weed.accessKeyId,
          secretAccessKey: weed.secretAccessKey,
        });
        await s3.ensureReady();
        const store0 = procCpuSeconds(weed.pid);
        const r = await renderAll(s3, opts.n, label);
        const storeCpuMs = (procCpuSeconds(weed.pid) - store0) * 1000;
        await s3.close();
        runs.push(perReport(driver, opts.n, r, storeCpuMs));
      } else {
        const dir = mkdtempSync(join(tmpdir(), 'kehoach-p7-local-'));
        try {
          runs.push(perReport(driver, opts.n, await renderAll(new LocalBlobStore(dir), opts.n, label)));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      const last = runs.at(-1)!;
      opts.log(
        `p7 ${label}: ${last.wallMsPerReport.toFixed(0)} ms, ${last.cpuMsPerReport.toFixed(0)} CPU-ms per report`,
      );
    }
  } finally {
    await weed.stop();
  }
  return runs;
}

const perReport = (
  driver: P7Driver,
  n: number,
  r: { wallMs: number; cpuMs: number; bytes: number },
  storeCpuMs?: number,
): P7Run => ({
  driver,
  n,
  wallMsPerReport: r.wallMs / n,
  cpuMsPerReport: r.cpuMs / n,
  ...(storeCpuMs !== undefined ? { storeCpuMsPerReport: storeCpuMs / n } : {}),
  bytesPerReport: r.bytes / n,
});
