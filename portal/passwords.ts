import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt's interactive-login cost (N = 2^15, r = 8): ~50 ms per check, with 64 MB of memory allowed for it.
const PARAMS: ScryptOptions = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, PARAMS, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$<salt>$<hash>` (base64url): the form PORTAL_USERS stores after `user:`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${(await derive(password, salt)).toString('base64url')}`;
}

/** Constant-time check of a password against a `scrypt$salt$hash` string; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Reads `PORTAL_USERS` (`user:scrypt$salt$hash,user2:…`) into a map; names the first bad entry. */
export function parseUsers(spec: string): Map<string, string> {
  const users = new Map<string, string>();
  for (const entry of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const at = entry.indexOf(':');
    const user = entry.slice(0, at);
    const hash = entry.slice(at + 1);
    if (at < 1 || !hash.startsWith('scrypt$') || hash.split('$').length !== 3)
      throw new Error(`PORTAL_USERS: "${entry.slice(0, 40)}" is not user:scrypt$salt$hash (see npm run hash-password)`);
    users.set(user, hash);
  }
  return users;
}
