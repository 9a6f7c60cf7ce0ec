import type { Client } from '@temporalio/client';
import { createEmailActivities } from '../activities/email.js';
import type { MailConfig, Mailer } from '../activities/mailer.js';
import { createReportCycleActivities } from '../activities/report-cycle.js';
import { createReportRenderer } from '../activities/report-render.js';
import type { WorkflowActivities } from '../workflows/activities-api.js';

export interface ActivityDeps {
  mailer: Mailer;
  mailConfig: MailConfig;
  client: Client;
  reportsDir: string;
}

/** The composition root of the activities: real dependencies in, the object workflows proxy out. */
export function buildActivities(deps: ActivityDeps): WorkflowActivities {
  const email = createEmailActivities({ mailer: deps.mailer, config: deps.mailConfig });
  const reports = createReportCycleActivities({
    client: deps.client,
    render: createReportRenderer({ reportsDir: deps.reportsDir }),
  });
  return { ...email, ...reports } satisfies WorkflowActivities;
}
