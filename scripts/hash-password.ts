// Prints a PORTAL_USERS entry for one office user: `npm run hash-password -- <user>` then type the password.
import { createInterface } from 'node:readline/promises';
import { hashPassword } from '../portal/passwords.js';

async function main(): Promise<void> {
  const user = process.argv[2];
  if (!user || !/^[A-Za-z0-9._-]+$/.test(user)) throw new Error('usage: npm run hash-password -- <user> (letters, digits, . _ -)');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write('Mật khẩu / password: ');
  const password = (await rl.question('')).trim();
  rl.close();
  if (password.length < 10) throw new Error('the password must have at least 10 characters');
  process.stdout.write(`${user}:${await hashPassword(password)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
