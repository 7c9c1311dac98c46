import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

const logger = new Logger('Database');

/**
 * SQLite: copies the write-ahead log into the database file and empties it, so rows just deleted
 * (overwritten with zeros there: `secure_delete`) leave no older copy in the -wal file. Readers
 * holding an old snapshot can keep it from completing: then it says so and returns false.
 * PostgreSQL manages its own files: nothing to do.
 */
export async function checkpointDatabase(db: DataSource): Promise<boolean> {
  if (db.options.type !== 'better-sqlite3') return true;
  const [result] = await db.query<{ busy: number; log: number; checkpointed: number }[]>(
    'PRAGMA wal_checkpoint(TRUNCATE)',
  );
  const complete = result?.busy === 0;
  if (!complete) logger.warn('WAL checkpoint incomplete (a reader holds an old snapshot)');
  return complete;
}
