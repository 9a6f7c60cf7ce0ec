// Prints a PORTAL_USERS entry for one office user: `npm run hash-password -- <user>` then type the password.
import { createInterface } from 'node:readline/promises';
import { hashPassword } from '../portal/passwords.js';

/** From a prompt on a terminal; otherwise the first line of stdin (`echo pw | npm run hash-password -- user`). */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    const answer = await rl.question('Mật khẩu / password: ');
    rl.close();
    return answer;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<void> {
  const user = process.argv[2];
  if (!user || !/^[A-Za-z0-9._-]+$/.test(user))
    throw new Error('usage: npm run hash-password -- <user> (letters, digits, . _ -)');
  const password = (await readPassword()).trim();
  if (password.length < 10) throw new Error('the password must have at least 10 characters');
  process.stdout.write(`${user}:${await hashPassword(password)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
