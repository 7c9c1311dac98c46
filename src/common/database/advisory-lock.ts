import type { DataSource } from 'typeorm';

/** Keys of the PostgreSQL advisory locks Kenner takes; any constants, as long as they differ. */
export const LOCKS = {
  searchRelay: 73_912_001,
  searchReindex: 73_912_002,
  notificationRelay: 73_912_003,
  inquiryReference: 73_912_004,
  profileReminders: 73_912_005,
  messageDigests: 73_912_006,
} as const;

/**
 * Runs `work` while holding a session-level PostgreSQL advisory lock, if no other session holds
 * it; returns `{ locked: false }` without running it otherwise. SQLite is one process: it always
 * runs.
 */
export async function withAdvisoryLock<T>(
  db: DataSource,
  key: number,
  work: () => Promise<T>,
): Promise<{ locked: true; value: T } | { locked: false }> {
  if (db.options.type !== 'postgres') return { locked: true, value: await work() };
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
      key,
    ])) as [{ locked: boolean }];
    if (!locked) return { locked: false };
    try {
      return { locked: true, value: await work() };
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    await runner.release();
  }
}
