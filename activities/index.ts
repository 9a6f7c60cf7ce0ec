import type { Client } from '@temporalio/client';
import { join } from 'node:path';
import type { NexusEndpoints } from '../nexus/endpoints-config.js';
import type { BlobStore } from '../storage/blob-store.js';
import { LocalBlobStore } from '../storage/local-blob-store.js';
import type { WorkflowActivities } from '../workflows/activities-api.js';
import { createArchiveActivities } from './archive.js';
import { createEmailActivities, type EmailLogger } from './email.js';
import type { MailConfig, Mailer } from './mailer.js';
import { createReportCycleActivities } from './report-cycle.js';
import { createRollUpActivities } from './roll-up.js';
import { createReportRenderer } from './report-render.js';
import { temporalRegister } from './reports/temporal-register.js';

export interface ActivityDeps {
  mailer: Mailer;
  mailConfig: MailConfig;
  /** Reads the plan and its items (queries) when a report is compiled. */
  client: Client;
  /** Where reports are rendered before they are filed in the blob store. */
  reportsDir: string;
  /**
   * Reports (and, in the portal, evidence) shared by every worker and portal: the worker passes the configured store;
   * without one (a script, a bench) a folder store under `reportsDir` serves this process alone.
   */
  blobs?: BlobStore;
  /** Only for use outside a worker (scripts, tests); inside an activity Temporal's logger is used. */
  logger?: EmailLogger;
  /** The Nexus endpoint to each parent namespace (NEXUS_ENDPOINTS), for roll-ups to plans that run elsewhere. */
  nexusEndpoints?: NexusEndpoints;
}

/**
 * The composition root of the activities, the one place they are built: real dependencies in, the object the
 * workers register and the workflows proxy (as the type `WorkflowActivities` only) out.
 */
export function createActivities(deps: ActivityDeps): WorkflowActivities {
  const blobs = deps.blobs ?? new LocalBlobStore(join(deps.reportsDir, 'blobs'));
  const email = createEmailActivities({
    mailer: deps.mailer,
    config: deps.mailConfig,
    logger: deps.logger,
    blobs,
  });
  const reports = createReportCycleActivities({
    client: deps.client,
    render: createReportRenderer({
      reportsDir: deps.reportsDir,
      register: temporalRegister(deps.client),
      blobs,
    }),
  });
  const archive = createArchiveActivities({ client: deps.client, blobs });
  const rollUp = createRollUpActivities({
    client: deps.client,
    portalBaseUrl: deps.mailConfig.portalBaseUrl,
    nexusEndpoints: deps.nexusEndpoints,
  });
  return { ...email, ...reports, ...archive, ...rollUp } satisfies WorkflowActivities;
}

export type { MailConfig, Mailer } from './mailer.js';
export { createMailer } from './mailer.js';
