import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Client } from '@temporalio/client';
import { createPortalApp } from '../../portal/app.js';
import type { OrganisationDirectory } from '../../organisations/directory-schema.js';
import type { People } from '../../portal/access/roles.js';
import type { PortalStore } from '../../portal/store/portal-store.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { loadServiceConfig, type ServiceConfig } from '../../worker/config.js';
import { TASK_QUEUE } from './temporal-env.js';

import { TEST_LINK_SECRET } from './test-secret.js';

export { TEST_LINK_SECRET };

/** The portal's configuration for tests: temp folders, the test task queue and the test link secret. */
export function portalTestConfig(env: NodeJS.ProcessEnv = {}): ServiceConfig {
  return loadServiceConfig({
    LINK_SECRET: TEST_LINK_SECRET,
    TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    UPLOADS_DIR: mkdtempSync(join(tmpdir(), 'kehoach-uploads-')),
    REPORTS_DIR: mkdtempSync(join(tmpdir(), 'kehoach-reports-')),
    BLOB_DIR: mkdtempSync(join(tmpdir(), 'kehoach-blobs-')),
    ...env,
  });
}

/**
 * Serves the portal on a random loopback port. The app is built after the port is known, so PORTAL_BASE_URL (used in
 * e-mails and evidence links) is the real address. `store` is the portal store (default: one in this process);
 * `blobs` its blob store (default: the one its configuration names); `people` who holds which roles (default: nobody);
 * `directory` the organisations directory (default: empty).
 */
export async function startPortal(
  client: Client,
  opts: {
    env?: NodeJS.ProcessEnv;
    now?: () => Date;
    store?: PortalStore;
    blobs?: BlobStore;
    people?: People;
    directory?: OrganisationDirectory;
  } = {},
): Promise<{ url: string; config: ServiceConfig; stop(): Promise<void> }> {
  // The node server's bindings (`incoming`) go through too, so the portal sees each request's client address.
  const late: { fetch?: (req: Request, bindings: unknown) => Response | Promise<Response> } = {};
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: (req, bindings) => late.fetch!(req, bindings), port: 0, hostname: '127.0.0.1' }, () =>
      resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const config = portalTestConfig({ PORTAL_BASE_URL: url, ...opts.env });
  const app = createPortalApp({
    client,
    config,
    now: opts.now,
    store: opts.store,
    blobs: opts.blobs,
    people: opts.people,
    directory: opts.directory,
  });
  late.fetch = (req, bindings) => app.fetch(req, bindings);
  return {
    url,
    config,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
