import type { DataSource } from 'typeorm';

/**
 * TypeORM gives better-sqlite3 one connection for everything. Two transactions started at once
 * would nest as savepoints of one another on it, and the first COMMIT would end both: the second
 * then fails with "Transaction is not started yet", or commits half of its work with the first.
 * On SQLite, transactions started from the data source therefore take turns (the database allows
 * one writer at a time anyway). Transactions nested inside one (on its own EntityManager) are
 * unaffected. PostgreSQL has a pool: nothing to do.
 */
export function oneSqliteTransactionAtATime(db: DataSource): DataSource {
  if (db.options.type !== 'better-sqlite3') return db;
  const manager = db.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let turn: Promise<unknown> = Promise.resolve();
  manager.transaction = (...args: unknown[]) => {
    const mine = turn.then(() => transaction(...args));
    turn = mine.catch(() => undefined);
    return mine;
  };
  return db;
}
