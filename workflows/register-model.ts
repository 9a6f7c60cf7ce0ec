/**
 * The register of outgoing documents of one body for one year (sổ đăng ký văn bản đi): Nghị định 30/2020 Điều 15,
 * one sequence per body per year from 01, each number issued once. Pure rules; `number-register.ts` wires them.
 */
import { refuse } from './refuse.js';

export interface RegisterEntry {
  number: number;
  /** What the number was issued for: a report's key, so a retried compile gets the same number. */
  key: string;
  symbol: string;
  issuedOn: string;
  /** Set when the office recorded a number its own register issued outside the product. */
  recordedBy?: string;
}

export interface RegisterState {
  organisation: string;
  year: number;
  entries: RegisterEntry[];
}

export interface AllocateInput {
  key: string;
  symbol: string;
  issuedOn: string;
}

export interface RecordIssuedInput {
  number: number;
  key: string;
  symbol: string;
  issuedOn: string;
  by: string;
}

export class RegisterModel {
  constructor(readonly state: RegisterState) {}

  /** The highest number issued so far (0 before the first). */
  get last(): number {
    return this.state.entries.reduce((max, e) => Math.max(max, e.number), 0);
  }

  checkAllocate(req: AllocateInput): void {
    if (typeof req.key !== 'string' || !req.key.trim()) refuse('key: say what the number is for');
    if (typeof req.symbol !== 'string' || !req.symbol.trim()) refuse('symbol: the document symbol, e.g. BC-SGDĐT');
    if (typeof req.issuedOn !== 'string' || !req.issuedOn.startsWith(String(this.state.year)))
      refuse(`issuedOn: ${String(req.issuedOn)} is not in ${this.state.year} (a register holds one year)`);
  }

  /** The number of `key`: the one it already has, else the next in sequence. */
  allocate(req: AllocateInput): { number: number } {
    const existing = this.state.entries.find((e) => e.key === req.key);
    if (existing) return { number: existing.number };
    const number = this.last + 1;
    this.state.entries.push({ number, key: req.key, symbol: req.symbol, issuedOn: req.issuedOn });
    return { number };
  }

  checkRecord(req: RecordIssuedInput): void {
    if (!Number.isInteger(req.number) || req.number < 1) refuse(`number: ${String(req.number)} is not a number ≥ 1`);
    if (this.state.entries.some((e) => e.number === req.number))
      refuse(`number: ${req.number} was already issued in ${this.state.year}`);
    if (typeof req.by !== 'string' || !req.by.trim()) refuse('by: say who records it');
    this.checkAllocate(req);
  }

  /** A number the office's own register issued: kept, and the sequence continues after the highest. */
  record(req: RecordIssuedInput): { next: number } {
    this.state.entries.push({
      number: req.number,
      key: req.key,
      symbol: req.symbol,
      issuedOn: req.issuedOn,
      recordedBy: req.by,
    });
    return { next: this.last + 1 };
  }
}
