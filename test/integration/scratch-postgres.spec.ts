import { afterAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '../../tools/support/wait-for.js';
import {
  closePool,
  createScratchDatabase,
  dropScratchDatabase,
  postgresAdminUrl,
  scratchPool,
} from '../../tools/support/scratch-database.js';
import { postgresUnreachable, postgresUrl } from '../support/test-database.js';

/**
 * Scratch PostgreSQL databases are dropped WITH (FORCE), which terminates the connections still
 * open on them (57P01). A pool holding one must not turn that into an unhandled 'error' event,
 * which fails whatever test runs next. Needs PostgreSQL on both runs, like the full-text spec.
 */
const adminUrl = postgresUrl() ?? postgresAdminUrl();
const unavailable = await postgresUnreachable(adminUrl);
if (unavailable) console.warn(`Skipping the scratch PostgreSQL tests: ${unavailable}`);
const describeWithPostgres = unavailable ? describe.skip : describe;

describeWithPostgres('scratch PostgreSQL databases', () => {
  const urls: string[] = [];
  afterAll(async () => {
    for (const url of urls) await dropScratchDatabase(url, adminUrl);
  });

  it('can be dropped under a pool that still holds idle connections', async () => {
    const url = await createScratchDatabase('pooltest', adminUrl);
    urls.push(url);
    const pool = scratchPool(url, 2);
    await Promise.all([pool.query('SELECT 1'), pool.query('SELECT 1')]);
    expect(pool.idleCount).toBe(2);
    await dropScratchDatabase(url, adminUrl);
    // The server ended both connections; the pool let them go without an unhandled error.
    await waitFor(
      'the terminated connections gone',
      async () => pool.totalCount === 0 || null,
      10_000,
    );
    await closePool(pool);
  });
});
