import { serve } from '@hono/node-server';
import { connectClient } from '../client/plan-client.js';
import { loadServiceConfig } from '../worker/config.js';
import { temporalTls } from '../worker/temporal-tls.js';
import { createPortalApp } from './app.js';
import { parseUsers } from './passwords.js';

/** config → Temporal connection → HTTP server on PORTAL_PORT; stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadServiceConfig();
  // Fail at start-up, not at the first login, when PORTAL_USERS is malformed.
  if (parseUsers(config.PORTAL_USERS).size === 0)
    console.warn('[portal] PORTAL_USERS is empty: nobody can log in to /van-phong');
  const client = await connectClient(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE, temporalTls(config));
  try {
    const app = createPortalApp({ client, config });
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
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
