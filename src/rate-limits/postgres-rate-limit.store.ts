import type { DataSource } from 'typeorm';
import { RateLimitStore, type WindowCount } from './rate-limit-store.js';

/** Ended windows are deleted at most this often per process (a hit resets them anyway). */
const SWEEP_EVERY_MS = 60_000;

/**
 * One upsert per hit, atomic under concurrent hits from any number of processes: the row is
 * created, or reset when its window has ended, or added to. Times come from the database's clock,
 * so processes whose clocks differ still agree on when a window ends; the time left is handed
 * back, not the end, for the same reason.
 */
const HIT = `
  INSERT INTO rate_limit_windows AS w ("key", "count", "resetAt")
  VALUES ($1, $2, now() + $3::float8 * interval '1 millisecond')
  ON CONFLICT ("key") DO UPDATE SET
    "count" = CASE WHEN w."resetAt" <= now() THEN EXCLUDED."count" ELSE w."count" + EXCLUDED."count" END,
    "resetAt" = CASE WHEN w."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE w."resetAt" END
  RETURNING "count", CEIL(EXTRACT(EPOCH FROM (w."resetAt" - now())) * 1000)::float8 AS "msLeft"`;

/**
 * Counters in the `rate_limit_windows` table (an UNLOGGED table, see its migration) of the
 * PostgreSQL database, shared by every process that uses it. One statement per counted request,
 * through the app's connection pool.
 */
export class PostgresRateLimitStore extends RateLimitStore {
  readonly kind = 'postgres';
  private nextSweep = 0;

  constructor(private readonly db: DataSource) {
    super();
  }

  async hit(key: string, windowMs: number, cost: number): Promise<WindowCount> {
    const rows = await this.db.query<{ count: number; msLeft: number }[]>(HIT, [
      key,
      cost,
      windowMs,
    ]);
    const row = rows[0];
    if (!row) throw new Error('rate_limit_windows: the upsert returned no row');
    this.sweep();
    return { count: Number(row.count), resetAt: Date.now() + Number(row.msLeft) };
  }

  /** Rows of ended windows would otherwise stay until their client comes back. */
  private sweep(): void {
    const now = Date.now();
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    // Bookkeeping: no request waits for it, and a failure is retried at the next sweep.
    void this.db
      .query(`DELETE FROM rate_limit_windows WHERE "resetAt" <= now()`)
      .catch(() => undefined);
  }
}
