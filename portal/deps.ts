import type { Client } from '@temporalio/client';
import type { PlanRef } from '../client/plan-client.js';
import type { AppConfig } from '../worker/config.js';

/** What the portal needs from outside: a Temporal client, the app's configuration and a clock. */
export interface PortalDeps {
  client: Client;
  config: AppConfig;
  /** Checks link expiry and sessions; tests pass plan time. */
  now?: () => Date;
  /** Plans to list when the server cannot search workflows (the time-skipping test server). */
  plans?: PlanRef[];
}

/** The deps with defaults filled in; `plans` also collects the plans started from this portal. */
export type ResolvedDeps = PortalDeps & { now: () => Date; plans: PlanRef[] };
