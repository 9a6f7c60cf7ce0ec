import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Resolves `requested` inside `root` and returns the real path, or `undefined` when it would leave the root
 * (`../`, an absolute path elsewhere, a symlink pointing out) or does not exist.
 */
export async function resolveInside(root: string, requested: string): Promise<string | undefined> {
  if (!requested || requested.includes('\0')) return undefined;
  try {
    const realRoot = await realpath(resolve(root));
    const real = await realpath(isAbsolute(requested) ? requested : resolve(realRoot, requested));
    const rel = relative(realRoot, real);
    if (!rel || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return undefined;
    return real;
  } catch {
    return undefined;
  }
}
