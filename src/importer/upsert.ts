import type { EntityManager } from 'typeorm';
import { type KindCounts, sameValue } from './import-report.js';

/** Where one kind's rows go: the import's transaction, that kind's counts and its progress. */
export interface WriteTarget {
  em: EntityManager;
  counts: KindCounts;
  progress: (done: number) => void;
}

/** One row meeting the database: the stored entity it names, and how to write it. */
export interface Upsert<E> {
  /** The stored entity the row names; none when the row is new. */
  match: E | null | undefined;
  /** Whether the row says something that `match` does not. */
  differs: (match: E) => boolean;
  create: () => Promise<unknown>;
  update: (match: E) => Promise<unknown>;
}

/**
 * Upserts rows one after the other (inside a transaction they share one connection): creates what
 * is new, updates only what differs, leaves the rest alone, and counts each. `plan` tells, for one
 * row, what it names and how to write it.
 */
export async function upsertRows<R, E>(
  rows: Iterable<R>,
  { counts, progress }: WriteTarget,
  plan: (row: R) => Upsert<E> | Promise<Upsert<E>>,
): Promise<void> {
  let done = 0;
  for (const row of rows) {
    const { match, differs, create, update } = await plan(row);
    if (!match) {
      await create();
      counts.created += 1;
    } else if (differs(match)) {
      await update(match);
      counts.updated += 1;
    } else counts.unchanged += 1;
    progress(++done);
  }
}

/** Whether a stored entity differs from a row's `values` in any of `fields`. */
export const differsIn = <E, V>(fields: readonly (keyof E & keyof V)[], stored: E, values: V) =>
  fields.some((f) => !sameValue(stored[f], values[f]));
