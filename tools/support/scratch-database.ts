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

/** Drops it even while connections remain (a killed process's may linger). */
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
