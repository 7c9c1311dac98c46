import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Each test file gets a database of its own: a temporary SQLite file, or — when
 * `TEST_DATABASE_URL` names a PostgreSQL server — a fresh schema there, dropped afterwards.
 * Files run in parallel without seeing each other's rows.
 */
export interface TestDatabase {
  kind: 'sqlite' | 'postgres';
  env: Record<string, string>;
  overrides: { schema?: string; sqlitePath?: string };
  drop(): Promise<void>;
}

export const postgresUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

/** Undefined when PostgreSQL answers at `url`, else why not (for a skip that says why). */
export async function postgresUnreachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return undefined;
  } catch (error) {
    return `no PostgreSQL at ${url} (${error instanceof Error ? error.message : String(error)})`;
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kenner-test-'));
  const url = postgresUrl();
  if (!url) {
    return {
      kind: 'sqlite',
      env: { DATA_DIR: dataDir },
      overrides: { sqlitePath: join(dataDir, 'kenner.sqlite') },
      drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withClient(url, (client) => client.query(`CREATE SCHEMA "${schema}"`));
  return {
    kind: 'postgres',
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    overrides: { schema },
    drop: async () => {
      await withClient(url, (client) => client.query(`DROP SCHEMA "${schema}" CASCADE`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
