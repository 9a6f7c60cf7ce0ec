import { serve } from '@hono/node-server';
import { connectClient } from '../client/plan-client.js';
import { loadServiceConfig } from '../worker/config.js';
import { temporalTls } from '../worker/temporal-tls.js';
import { loadDirectoryFile } from '../organisations/directory-file.js';
import { temporalPeople } from './access/temporal-people.js';
import { createPortalApp } from './app.js';
import { parseUsers } from './passwords.js';
import { openPortalStore } from './store/open-store.js';
import { redactedUrl } from './store/redis-store.js';

/** config → Temporal connection → HTTP server on PORTAL_PORT; stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadServiceConfig();
  // Fail at start-up, not at the first sign-in, when PORTAL_USERS or the organisations directory is malformed.
  if (parseUsers(config.PORTAL_USERS).size === 0)
    console.warn('[portal] PORTAL_USERS is empty: no administrator can sign in with a password');
  const directory = await loadDirectoryFile(config.ORGANISATIONS_FILE);
  // Sessions and the login throttle: Redis shared by every portal when PORTAL_STORE_URL is set (its address and
  // password are checked here, before anything listens), else this process's memory.
  const store = await openPortalStore(config.PORTAL_STORE_URL);
  console.log(
    `[portal] sessions and login throttle in ${config.PORTAL_STORE_URL ? redactedUrl(config.PORTAL_STORE_URL) : 'this process (PORTAL_STORE_URL unset: one portal only)'}`,
  );
  const client = await connectClient(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE, temporalTls(config));
  try {
    // Who holds which role: the directory, and the running plans that name each address (portal/access/).
    const people = temporalPeople({ client, directory });
    const app = createPortalApp({ client, config, store, people, directory });
    // Loopback unless PORTAL_HOST opens another interface (a container behind its reverse proxy).
    const server = serve({ fetch: app.fetch, port: config.PORTAL_PORT, hostname: config.PORTAL_HOST }, (info) =>
      console.log(
        `[portal] listening on http://${info.address}:${info.port} (public address ${config.PORTAL_BASE_URL})`,
      ),
    );
    await new Promise<void>((resolve) => {
      const stop = () => server.close(() => resolve());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  } finally {
    await client.connection.close();
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
