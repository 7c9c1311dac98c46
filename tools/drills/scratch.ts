import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createScratchDatabase,
  dropScratchDatabase,
  shownUrl,
} from '../support/scratch-database.js';
import { stopOrphanedBundledMeilisearch } from '../../src/search/engine/orphaned-meilisearch.js';
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
  if (kind === 'postgres') {
    databaseUrl = await createScratchDatabase(`drill_${drill}`, postgresAdminUrl).catch(
      (error: Error) => {
        rmSync(dataDir, { recursive: true, force: true });
        throw new Error(
          `cannot create a scratch database through ${shownUrl(postgresAdminUrl)} (${error.message}): start ` +
            'PostgreSQL, or name a server with POSTGRES_ADMIN_URL or --postgres-url, or run --sqlite only',
        );
      },
    );
  }
  const adminKey = `knr_drill_${randomBytes(24).toString('hex')}`;
  // No prefix: the engine is the drill's own (bundled, under its DATA_DIR); the checks read the
  // uids through the same prefix all the same.
  const data: DrillData = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, MEILI_INDEX_PREFIX: '' };
  return {
    data,
    adminKey,
    env: {
      ...data,
      // Set explicitly: a caller's environment (a test run) may name another engine.
      MEILI_HOST: '',
      MEILI_MASTER_KEY: '',
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
      try {
        // An engine whose API was killed and never restarted would outlive the drill.
        await stopOrphanedBundledMeilisearch(dataDir);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
        if (databaseUrl) await dropScratchDatabase(databaseUrl, postgresAdminUrl);
      }
    },
  };
}
