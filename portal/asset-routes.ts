import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { refuse } from './refusals.js';

/** A file the portal serves as it is: the editor's script and styles, the date picker, the plan file's schema. */
interface Asset {
  file: URL;
  type: string;
}

/**
 * The only files `/tai-nguyen/<name>` serves: a fixed list, never a path from the request. The CSP allows scripts
 * and styles from the portal itself only, so these are the editor's whole client side.
 */
const ASSETS = {
  'editor.js': { file: new URL('./assets/editor.js', import.meta.url), type: 'text/javascript; charset=utf-8' },
  'editor.css': { file: new URL('./assets/editor.css', import.meta.url), type: 'text/css; charset=utf-8' },
  // The date picker's web components (MIT), one self-contained ES module as the package ships it.
  'cally.js': {
    file: new URL('../node_modules/cally/dist/cally.js', import.meta.url),
    type: 'text/javascript; charset=utf-8',
  },
  // What a downloaded plan file's `$schema` line names, so its editor completes fields and underlines mistakes.
  'plan.schema.json': {
    file: new URL('../docs/plan.schema.json', import.meta.url),
    type: 'application/schema+json; charset=utf-8',
  },
} satisfies Record<string, Asset>;

/** The names of the assets: what `assetHref` may link. */
export type AssetName = keyof typeof ASSETS;

interface Loaded {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  /** The first 12 hex digits of the content's SHA-256: the version in the pages' links. */
  version: string;
}

let loaded: Map<string, Loaded> | undefined;
/** Every asset, read once (they are small and change only with a deploy): a missing one stops the portal at start. */
function assets(): Map<string, Loaded> {
  loaded ??= new Map(
    Object.entries(ASSETS as Record<string, Asset>).map(([name, a]) => {
      const body = new Uint8Array(readFileSync(a.file));
      return [name, { body, type: a.type, version: createHash('sha256').update(body).digest('hex').slice(0, 12) }];
    }),
  );
  return loaded;
}

/** The address pages link an asset by: `/tai-nguyen/editor.js?v=<content hash>`, so a deploy is never served stale. */
export function assetHref(name: AssetName): string {
  const a = assets().get(name);
  return a ? `/tai-nguyen/${name}?v=${a.version}` : `/tai-nguyen/${name}`;
}

/**
 * `/tai-nguyen/:name`: an asset of the list with its content type. Asked for by its current version it is cached for
 * a year (the address changes with the content); otherwise (the schema's stable address) it is revalidated by ETag.
 */
export function assetRoutes(): Hono {
  const app = new Hono();
  app.get('/:name', (c) => {
    const name = c.req.param('name');
    const a = Object.hasOwn(ASSETS, name) ? assets().get(name) : undefined;
    if (!a) return refuse(c, 404, 'pageNotFound');
    const etag = `"${a.version}"`;
    const cache =
      c.req.query('v') === a.version ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, { ETag: etag, 'Cache-Control': cache });
    return c.body(a.body, 200, {
      'Content-Type': a.type,
      'Cache-Control': cache,
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}
