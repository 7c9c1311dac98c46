import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { stopOrphanedBundledMeilisearch } from '../search/engine/orphaned-meilisearch.js';
import type { DrillData } from './observed-state.js';

export type DatabaseKind = 'sqlite' | 'postgres';

/** A drill's own data: a temporary DATA_DIR, and on PostgreSQL a database of its own. */
export interface Scratch {
  data: DrillData;
  /** The environment of every API process of the drill. */
  env: Record<string, string>;
  adminKey: string;
  drop(): Promise<void>;
}

/** The demo dataset the drills start from: small, so each drill starts in seconds. */
const DEMO_EXPERTS = '200';

export async function createScratch(
  kind: DatabaseKind,
  drill: string,
  postgresAdminUrl: string,
): Promise<Scratch> {
  const dataDir = mkdtempSync(join(tmpdir(), `kenner-drill-${drill}-`));
  let databaseUrl = '';
  let database = '';
  if (kind === 'postgres') {
    database = `kenner_drill_${process.pid}_${drill.replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}`;
    await admin(postgresAdminUrl, `CREATE DATABASE "${database}"`).catch((error: Error) => {
      rmSync(dataDir, { recursive: true, force: true });
      const shown = new URL(postgresAdminUrl);
      shown.password = shown.password ? '***' : '';
      throw new Error(
        `cannot create a scratch database through ${shown.toString()} (${error.message}): start ` +
          'PostgreSQL, or name a server with POSTGRES_ADMIN_URL or --postgres-url, or run --sqlite only',
      );
    });
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
  }
  const adminKey = `knr_drill_${randomBytes(24).toString('hex')}`;
  return {
    data: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    adminKey,
    env: {
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      // Set explicitly: a caller's environment (a test run) may name another engine.
      MEILI_HOST: '',
      MEILI_MASTER_KEY: '',
      MEILI_INDEX_PREFIX: '',
      SEED_DEMO: 'true',
      DEMO_EXPERTS,
      BOOTSTRAP_ADMIN_KEY: adminKey,
      RATE_LIMIT_ANONYMOUS: '0',
      RATE_LIMIT_KEYED: '0',
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      // `log`: the drill waits for the "GraphQL ready" line.
      LOG_LEVEL: 'log',
      SMTP_URL: '',
    },
    drop: async () => {
      // An engine whose API was killed and never restarted would outlive the drill.
      await stopOrphanedBundledMeilisearch(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
      if (database)
        await admin(postgresAdminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
