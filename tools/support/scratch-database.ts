import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A server where databases may be created; the local trust-auth one by default (as the tests). */
export const postgresAdminUrl = (): string =>
  process.env.POSTGRES_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * An empty PostgreSQL database with a unique name (`kenner_<purpose>_<pid>_<random>`) on the
 * server of `adminUrl`; answers its URL. The caller drops it with {@link dropScratchDatabase}.
 */
export async function createScratchDatabase(
  purpose: string,
  adminUrl = postgresAdminUrl(),
): Promise<string> {
  const name = `kenner_${purpose.replace(/\W/g, '_')}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A pool on a scratch database. The server may end its idle connections (the database dropped
 * WITH (FORCE), a restart), which pg reports as an 'error' event on the pool: unhandled, that
 * event throws in whatever runs next ("Unhandled error … 57P01 terminating connection"). Here it
 * only costs the pool that connection. Close it with {@link closePool}.
 */
export function scratchPool(databaseUrl: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Ends a pool and waits until its connections are closed: pg-pool's `end()` resolves once it has
 * asked them to close, before they have, so a drop WITH (FORCE) right after could still
 * terminate them.
 */
export async function closePool(pool: pg.Pool): Promise<void> {
  let open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on('remove', () => {
      if (--open === 0) resolve();
    });
  });
  await pool.end();
  await closed;
}

/**
 * Drops it even while connections remain (a killed process's may linger). Close this process's
 * pools on it first ({@link closePool}), or give them an error handler ({@link scratchPool}).
 */
export function dropScratchDatabase(
  databaseUrl: string,
  adminUrl = postgresAdminUrl(),
): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  return admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** A URL fit for a message: its password hidden. */
export function shownUrl(url: string): string {
  const shown = new URL(url);
  shown.password = shown.password ? '***' : '';
  return shown.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
