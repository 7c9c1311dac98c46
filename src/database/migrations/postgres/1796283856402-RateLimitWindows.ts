import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rate limits' shared counters (RATE_LIMIT_STORE=postgres, src/rate-limits/), PostgreSQL only:
 * SQLite serves one process, which counts in memory. No entity: rows are written by one upsert.
 * UNLOGGED: a counter is not worth a WAL write per request, nor a copy on standbys; after a crash
 * the table comes back empty, so at worst each client's current window starts again.
 * fillfactor leaves room on each page so the upserts stay HOT updates (no index to touch).
 */
export class RateLimitWindows1796283856402 implements MigrationInterface {
  name = 'RateLimitWindows1796283856402';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "rate_limit_windows" ("key" text NOT NULL, "count" integer NOT NULL, "resetAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_rate_limit_windows" PRIMARY KEY ("key")) WITH (fillfactor = 50)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_windows"`);
  }
}
