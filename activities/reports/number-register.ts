import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURES } from '../../domain/failures.js';
import type { NumberRegister } from './temporal-register.js';

/** One numbered document. */
interface RegisterEntry {
  number: number;
  key: string;
  symbol: string;
  issuedOn: string;
}

interface RegisterFile {
  organisation: string;
  year: number;
  entries: RegisterEntry[];
}

// Serialises allocations within this process only: a file register serves one process (a script, a single
// renderer); workers use the Temporal register (temporal-register.ts), the single writer they all share.
const queues = new Map<string, Promise<unknown>>();

async function load(path: string, organisation: string, year: number): Promise<RegisterFile> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as RegisterFile;
    if (data.organisation !== organisation || data.year !== year || !Array.isArray(data.entries)) {
      throw ApplicationFailure.nonRetryable(
        `number register ${path} belongs to ${data.organisation} ${data.year}, expected ${organisation} ${year}`,
        FAILURES.numberRegisterInvalid,
      );
    }
    return data;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { organisation, year, entries: [] };
    // A register that is not JSON will not become JSON on a retry.
    if (e instanceof SyntaxError)
      throw ApplicationFailure.nonRetryable(`number register ${path}: ${e.message}`, FAILURES.numberRegisterInvalid);
    throw e;
  }
}

/**
 * The document number of `key` in the organisation's register for `year` (Nghị định 30/2020 Điều 15: one sequence
 * per body per year, from 01). Idempotent: a retried activity gets the number it was given the first time.
 * The file is replaced atomically (temp file + rename), so a crash never leaves half a register.
 */
export function allocateNumber(
  path: string,
  args: { organisation: string; year: number; key: string; symbol: string; issuedOn: string },
): Promise<number> {
  const run = async (): Promise<number> => {
    const register = await load(path, args.organisation, args.year);
    const existing = register.entries.find((e) => e.key === args.key);
    if (existing) return existing.number;
    const number = register.entries.reduce((max, e) => Math.max(max, e.number), 0) + 1;
    register.entries.push({ number, key: args.key, symbol: args.symbol, issuedOn: args.issuedOn });
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, JSON.stringify(register, null, 2) + '\n', 'utf8');
    await rename(tmp, path);
    return number;
  };
  const previous = queues.get(path) ?? Promise.resolve();
  const next = previous.then(run, run);
  queues.set(
    path,
    next.catch(() => undefined),
  );
  return next;
}

/** `05/BC-SGDĐT`: two digits at least, as Nghị định 30/2020 Phụ lục I requires for numbers below 10. */
export function documentNumber(n: number, typeCode: string, symbol: string): string {
  return `${String(n).padStart(2, '0')}/${typeCode}-${symbol}`;
}

/** The register as a JSON file per organisation and year under `pathOf` (one process only; see above). */
export function fileRegister(pathOf: (organisation: string, year: number) => string): NumberRegister {
  return { allocate: (args) => allocateNumber(pathOf(args.organisation, args.year), args) };
}
