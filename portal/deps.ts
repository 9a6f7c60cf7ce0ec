import type { Client } from '@temporalio/client';
import type { BlobStore } from '../storage/blob-store.js';
import type { ServiceConfig } from '../worker/config.js';
import type { OrganisationDirectory } from '../organisations/directory-schema.js';
import type { People } from './access/roles.js';
import type { SessionStore } from './session-store.js';
import type { PortalStore } from './store/portal-store.js';

/** What the portal needs from outside: a Temporal client, the app's configuration and a clock. */
export interface PortalDeps {
  client: Client;
  config: ServiceConfig;
  /** Checks sessions and sign-in links; tests pass plan time. Submit links are checked against their plan's own clock. */
  now?: () => Date;
  /**
   * The portal's shared state (sessions, sign-in links, throttles): `openPortalStore(PORTAL_STORE_URL)`; default: in this
   * process (correct for one portal).
   */
  store?: PortalStore;
  /** Open office sessions; default: in `store`. */
  sessions?: SessionStore;
  /** Reports and evidence, shared with the workers and the other portals; default: the store `config` names. */
  blobs?: BlobStore;
  /** Who holds which roles: who may ask for a sign-in link; default: nobody. */
  people?: People;
  /** The organisations directory (ORGANISATIONS_FILE, read once at start-up): names and the tree; default: empty. */
  directory?: OrganisationDirectory;
}

/** The deps with defaults filled in. */
export type ResolvedDeps = PortalDeps & {
  now: () => Date;
  store: PortalStore;
  sessions: SessionStore;
  blobs: BlobStore;
  people: People;
  directory: OrganisationDirectory;
  /** Office users from PORTAL_USERS: name → scrypt hash. */
  users: Map<string, string>;
};
