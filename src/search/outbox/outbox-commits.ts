import type { DataSource, EntityManager } from 'typeorm';

/** The key in a query runner's `data` that says its transaction wrote outbox rows. */
const WROTE_OUTBOX = 'kenner:wroteSearchOutbox';

/** Notes that `em`'s transaction wrote outbox rows (`onOutboxCommitted` acts once it commits). */
export function noteOutboxWritten(em: EntityManager): void {
  const runner = em.queryRunner;
  if (runner?.isTransactionActive) runner.data[WROTE_OUTBOX] = true;
}

/** One subscriber per data source reads and clears the flag, then tells every listener. */
const listeners = new WeakMap<DataSource, Set<() => void>>();

/**
 * Calls `committed` after each commit, in this process, of a transaction that wrote outbox rows:
 * the relay then sends them at once instead of at its next poll (up to 100 ms later, a third of
 * the freshness budget). Rows written outside a transaction, or by another process, still wait
 * for the poll. Returns a function that stops the calls.
 */
export function onOutboxCommitted(db: DataSource, committed: () => void): () => void {
  let set = listeners.get(db);
  if (!set) {
    const callbacks = new Set<() => void>();
    listeners.set(db, (set = callbacks));
    db.subscribers.push({
      afterTransactionCommit: ({ queryRunner }) => {
        // A nested transaction's commit only releases a savepoint: the outer one may still fail.
        if (queryRunner.isTransactionActive || !queryRunner.data[WROTE_OUTBOX]) return;
        delete queryRunner.data[WROTE_OUTBOX];
        for (const callback of callbacks) callback();
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) delete queryRunner.data[WROTE_OUTBOX];
      },
    });
  }
  set.add(committed);
  return () => set.delete(committed);
}
