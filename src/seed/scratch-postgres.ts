import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../database/data-source.options.js';
import { writeDemoDataset } from './demo-seeder.js';
import { generateDemoDataset } from './demo/demo-generator.js';

/** A server where databases may be created; the local trust-auth one by default (as the tests). */
export const postgresAdminUrl = (): string =>
  process.env.POSTGRES_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchPostgres {
  databaseUrl: string;
  /** Creating, migrating and seeding, in seconds. */
  seconds: number;
  drop(): Promise<void>;
}

/**
 * A fresh PostgreSQL database holding the demo dataset: Kenner's migrations, then the same
 * generator and seed as `npm run seed` (so e-mails and contents match a SQLite copy of the same
 * size and seed; ids differ). For comparing systems over the same data; the caller drops it.
 */
export async function seedPostgresCopy(
  experts: number,
  options: { seed?: number; adminUrl?: string } = {},
): Promise<ScratchPostgres> {
  const started = performance.now();
  const databaseUrl = await createScratchDatabase('scratch', options.adminUrl);
  const drop = () => dropScratchDatabase(databaseUrl, options.adminUrl);
  try {
    const db = new DataSource(
      buildDataSourceOptions({ DATABASE_URL: databaseUrl, DATA_DIR: '.', LOG_SQL: false }),
    );
    await db.initialize();
    try {
      await db.runMigrations({ transaction: 'each' });
      const dataset = generateDemoDataset({ experts, seed: options.seed ?? 42 });
      await db.transaction((em) => writeDemoDataset(em, dataset));
    } finally {
      await db.destroy();
    }
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return { databaseUrl, seconds: (performance.now() - started) / 1000, drop };
}

/** An empty PostgreSQL database with a unique name; answers its URL. */
export async function createScratchDatabase(
  purpose: string,
  adminUrl = postgresAdminUrl(),
): Promise<string> {
  const name = `kenner_${purpose}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function dropScratchDatabase(
  databaseUrl: string,
  adminUrl = postgresAdminUrl(),
): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  return admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
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
