import { createEmailActivities, type EmailLogger } from './email.js';
import type { MailConfig, Mailer } from './mailer.js';
import { createReportActivities } from './reports/generate-report.js';

export interface ActivityDeps {
  mailer: Mailer;
  mailConfig: MailConfig;
  /** Where generated reports and their number registers are written. */
  reportsDir: string;
  /** Only for use outside a worker (scripts, tests); inside an activity Temporal's logger is used. */
  logger?: EmailLogger;
}

/** Every activity of the worker; workflows proxy `ReturnType<typeof createActivities>` (as a type only). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createEmailActivities({ mailer: deps.mailer, config: deps.mailConfig, logger: deps.logger }),
    ...createReportActivities({ reportsDir: deps.reportsDir }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { EmailKind, EmailReceipt, EmailRequest, ItemRef, Recipient } from './email-types.js';
export type { ReportRequest, ReportResult } from './report-types.js';
export type { MailConfig, Mailer } from './mailer.js';
export { createMailer } from './mailer.js';
