import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Client } from '@temporalio/client';
import { createActivities, createMailer } from '../../activities/index.js';
import { createReportActivities } from '../../activities/reports/generate-report.js';
import { emailRequest } from '../fixtures/email-request.js';
import { reportRequest } from '../fixtures/report-request.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';

describe('createActivities', () => {
  it('sends the consolidated report as an attachment, as the reporting workflow will', async () => {
    const sink = await startSmtpSink();
    const reportsDir = await mkdtemp(join(tmpdir(), 'kehoach-activities-'));
    const mailConfig = {
      host: sink.host,
      port: sink.port,
      secure: false,
      ignoreTLS: true,
      from: { name: 'VP', email: 'noreply@example.vn' },
      pool: true,
      maxConnections: 1,
      portalBaseUrl: 'https://kehoach.example.vn',
      linkSecret: 's',
      linkTtlDays: 30,
    };
    const mailer = createMailer(mailConfig);
    try {
      const activities = createActivities({
        mailer,
        mailConfig,
        // Connects lazily, on first use: sending an e-mail never reads a workflow.
        client: new Client(),
        reportsDir,
        logger: { info: () => undefined, warn: () => undefined },
      });
      const report = await createReportActivities({ reportsDir }).generateReport(reportRequest());
      await activities.sendEmail(
        emailRequest('report-delivered', {
          key: 'plan-SGDDT-HCM-2026-report-Q1/ALL/delivered',
          submitLink: undefined,
          files: [{ name: 'bao-cao-quy-I.docx', path: report.files.docx }],
        }),
      );
      const [mail] = await sink.waitFor(1);
      expect(mail?.attachments.map((a) => a.filename).sort()).toEqual(['bao-cao-quy-I.docx', 'han-nop.ics']);
    } finally {
      mailer.close();
      await sink.stop();
      await rm(reportsDir, { recursive: true, force: true });
    }
  });
});
