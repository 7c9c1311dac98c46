import { IMPORT_KINDS, type ImportKind } from './import-file.reader.js';

export interface Rejection {
  location: string;
  problem: string;
}

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  rejected: Rejection[];
  counts: Record<ImportKind, KindCounts>;
  /** False when rows were refused without `skipInvalid`, or on a dry run. */
  written: boolean;
}

export const emptyCounts = (): Record<ImportKind, KindCounts> =>
  Object.fromEntries(
    IMPORT_KINDS.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0 }]),
  ) as Record<ImportKind, KindCounts>;

/** A row that passed validation, with where it came from. */
export interface Checked<T> {
  location: string;
  row: T;
}

/** Collects rejections; a location is rejected once, with its first problem. */
export class Rejections {
  private readonly byLocation = new Map<string, string>();

  add(location: string, problem: string): void {
    if (!this.byLocation.has(location)) this.byLocation.set(location, problem);
  }

  has(location: string): boolean {
    return this.byLocation.has(location);
  }

  /** In file order, whatever order the checks found them in. */
  list(): Rejection[] {
    return [...this.byLocation]
      .map(([location, problem]) => ({ location, problem }))
      .sort((a, b) => order(a.location).localeCompare(order(b.location)));
  }
}

/** `line 8` sorts before `line 24`: numbers are padded for comparison. */
const order = (location: string): string => location.replace(/\d+/g, (n) => n.padStart(9, '0'));

/** Same content, ignoring key order: decides "unchanged" on re-import. */
export const sameValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a) === JSON.stringify(b);
