import type { Client } from '@temporalio/client';
import type { ServiceConfig } from '../worker/config.js';
import type { SessionStore } from './session-store.js';

/** What the portal needs from outside: a Temporal client, the app's configuration and a clock. */
export interface PortalDeps {
  client: Client;
  config: ServiceConfig;
  /** Checks sessions; tests pass plan time. Submit links are checked against their plan's own clock. */
  now?: () => Date;
  /** Open office sessions; default: in this process (correct for one portal). */
  sessions?: SessionStore;
}

/** The deps with defaults filled in. */
export type ResolvedDeps = PortalDeps & {
  now: () => Date;
  sessions: SessionStore;
  /** Office users from PORTAL_USERS: name → scrypt hash. */
  users: Map<string, string>;
};
