import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Binaries installed by `scripts/setup.mjs` (which `npm test` runs first). */
export function toolPaths(): { temporalCli: string; temporalTestServer: string } {
  const file = fileURLToPath(new URL('../../.tools/tools.json', import.meta.url));
  const tools = JSON.parse(readFileSync(file, 'utf8')) as { temporalCli?: string; temporalTestServer?: string };
  if (!tools.temporalCli || !tools.temporalTestServer) throw new Error(`${file} lacks a binary: run npm run setup`);
  return { temporalCli: tools.temporalCli, temporalTestServer: tools.temporalTestServer };
}
