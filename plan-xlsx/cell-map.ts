/**
 * Where each field of a plan read from a workbook came from: a path → cell map filled while reading, so that a
 * problem the schema or the plan checks find at `tasks[2].units[0].unit` is reported at `Phân công!B7`. Problems the
 * reading itself found (a text in a date column) are kept here too, and mute what would follow from them.
 */
import type { Locale } from '../domain/format-date.js';
import type { At, Path } from '../domain/plan-checks.js';
import { formatPath } from '../domain/plan-problem.js';
import type { ReadCell } from './cells.js';
import { SHEETS } from './layout.js';
import { problemAt } from './problem.js';
import type { CellRef, XlsxProblem } from './problem.js';

/** A cell read for one plan field. */
export interface Field {
  read: ReadCell;
  ref: CellRef;
  /** Its column is missing from the sheet (already reported once, at the header row). */
  missing?: boolean;
}

export class CellMap {
  private readonly cells = new Map<string, CellRef>();
  private readonly muted: string[] = [];
  private readonly mutedPatterns: RegExp[] = [];
  readonly problems: XlsxProblem[] = [];
  /** The plan as read, before the schema: what a YAML file of the same plan would hold. */
  readonly raw: Record<string, unknown> = {};

  constructor(
    readonly file: string,
    readonly lang: Locale,
  ) {}

  /** Remembers that `path` (and, unless known already, each of its parents) came from `ref`. */
  register(path: Path, ref: CellRef): void {
    for (let i = path.length; i >= 0; i--) {
      const key = formatPath(path.slice(0, i));
      if (i < path.length && this.cells.has(key)) break;
      this.cells.set(key, ref);
    }
  }

  /** Reports `message` at `ref` for `path`, and mutes every later problem at or below `path`. */
  report(path: Path, ref: CellRef, message: string): void {
    this.problems.push(problemAt(this.file, ref, formatPath(path), message));
    this.mute(path);
  }

  /** Later problems at or below `path` follow from one already reported. */
  mute(path: Path): void {
    this.muted.push(formatPath(path));
  }

  /** Later problems at paths matching `pattern` follow from one already reported (a missing sheet they refer to). */
  muteMatching(pattern: RegExp): void {
    this.mutedPatterns.push(pattern);
  }

  /** Sets the plan field at `path` from a cell: its value, or its problem. */
  take(path: Path, field: Field): void {
    this.register(path, field.ref);
    if (field.missing) return this.mute(path);
    if ('wrong' in field.read) return this.report(path, field.ref, field.read.wrong);
    if ('value' in field.read) this.set(path, field.read.value);
  }

  /** Sets `raw` at `path`, making the objects and lists on the way. */
  set(path: Path, value: unknown): void {
    let node = this.raw as Record<PropertyKey, unknown>;
    path.forEach((seg, i) => {
      if (i === path.length - 1) {
        node[seg] = value;
        return;
      }
      const next = node[seg];
      if (typeof next !== 'object' || next === null) node[seg] = typeof path[i + 1] === 'number' ? [] : {};
      node = node[seg] as Record<PropertyKey, unknown>;
    });
  }

  /** The cell `path` came from: its own, or its nearest parent's; the first sheet's A1 for the whole plan. */
  locate(path: Path): CellRef {
    for (let i = path.length; i >= 0; i--) {
      const ref = this.cells.get(formatPath(path.slice(0, i)));
      if (ref) return ref;
    }
    return { sheet: SHEETS.general, row: 1, column: 1, header: '' };
  }

  /** Locates the schema's and the plan checks' problems, as `parsePlanText` does with a YAML file's nodes. */
  readonly at: At = (path, message) => problemAt(this.file, this.locate(path), formatPath(path), message);

  /** Whether a problem at `path` follows from one reported while reading. */
  isMuted(path: string): boolean {
    return (
      this.muted.some((m) => path === m || path.startsWith(`${m}.`) || path.startsWith(`${m}[`)) ||
      this.mutedPatterns.some((p) => p.test(path))
    );
  }
}
