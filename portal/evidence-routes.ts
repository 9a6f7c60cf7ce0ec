import { Hono, type Context } from 'hono';
import type { ResolvedDeps } from './deps.js';
import type { OfficeEnv } from './office-env.js';
import { officeGuard } from './office-guard.js';
import { refuse } from './refusals.js';
import type { BlobStore } from '../storage/blob-store.js';
import { evidenceKey, isStoredName, mimeOf } from './uploads.js';

/**
 * `/minh-chung/<sha256>.<ext>`: evidence files for the office, behind its session. These addresses are stored in
 * the workflows' submissions (`evidenceUrl`), so they must keep working as long as a plan runs.
 */
export function evidenceRoutes(deps: ResolvedDeps): Hono<OfficeEnv> {
  const app = new Hono<OfficeEnv>();
  app.use('*', officeGuard(deps));
  // From the blob store only, and only under the names the store gives them.
  app.get('/:name', (c) => {
    // Content-addressed names are not guessable, but only someone who holds a role may fetch one.
    if (c.get('roles').length === 0)
      return refuse(c, 403, 'forbidden', (t) => t.refusalDetails.noRole, {
        path: '/van-phong',
        label: (t) => t.access.myPlans,
      });
    const name = c.req.param('name');
    if (!isStoredName(name)) return refuse(c, 404, 'pageNotFound');
    return serveStored(c, deps.blobs, name);
  });
  return app;
}

/** Sends a stored evidence file as a download (never rendered inline, so an image or PDF cannot script the portal). */
export async function serveStored(c: Context, blobs: BlobStore, name: string): Promise<Response> {
  const blob = await blobs.get(evidenceKey(name));
  if (!blob) return refuse(c, 404, 'pageNotFound');
  return c.body(new Uint8Array(blob.body), 200, {
    'Content-Type': mimeOf(name),
    'Content-Disposition': `attachment; filename="${name}"`,
    'X-Content-Type-Options': 'nosniff',
  });
}
