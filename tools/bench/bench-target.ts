import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runningBundledMeilisearch } from '../../src/search/engine/bundled-meilisearch.js';
import { createScratchDatabase, dropScratchDatabase } from '../support/scratch-database.js';
import {
  pidOf,
  rssMb,
  runNode,
  type Started,
  startNode,
} from '../../src/common/process/child-process.js';
import { waitForOutboxDrained } from '../support/health-client.js';
import { productScript } from '../support/product.js';

/** The line an API process announces its URL with. */
export const API_READY = /GraphQL ready at (\S+)/;

/** The API under test: a real compiled `main.js` process on scratch data, with its bundled engine. */
export interface BenchTarget {
  database: 'sqlite' | 'postgres';
  experts: number;
  /** PostgreSQL only: the scratch database the API runs on. */
  databaseUrl?: string;
  env: Record<string, string>;
  adminKey: string;
  url: string;
  meili: { host: string; masterKey: string; pid: number | null };
  api: Started;
  seedSeconds: number;
  syncSeconds: number;
  /** The API's peak RSS from its start until the sync was done (MB), beside the whole run's. */
  syncPeakRssMb: number | null;
  /** Stops the API and its engine, and removes every scratch file and database. */
  close(): Promise<void>;
}

/**
 * Seeds `experts` demo experts into a scratch database (SQLite, or a new PostgreSQL database),
 * then starts the compiled API on it and waits until the search index holds everything. Seeding
 * runs in its own process so the API's memory figure is that of serving, not of generating data.
 */
export async function startBenchTarget(
  experts: number,
  database: 'sqlite' | 'postgres',
  say: (line: string) => void,
  /** Settings of the API under test beside the bench's own (rate limits, their store). */
  apiEnv: Record<string, string> = {},
  /** Options for the API's Node (a CPU profile: `--cpu-prof`). */
  apiNodeArgs: string[] = [],
): Promise<BenchTarget> {
  const scratch = mkdtempSync(join(tmpdir(), 'kenner-bench-'));
  const databaseUrl = database === 'postgres' ? await createScratchDatabase('bench') : undefined;
  const adminKey = `knr_bench-${randomBytes(24).toString('base64url')}`;
  const env = {
    DATA_DIR: scratch,
    DATABASE_URL: databaseUrl ?? '',
    MEILI_HOST: '',
    SEED_DEMO: 'false',
    BOOTSTRAP_ADMIN_KEY: adminKey,
    RATE_LIMIT_ANONYMOUS: '0',
    RATE_LIMIT_KEYED: '0',
    PORT: '0',
    NODE_ENV: 'production',
    LOG_LEVEL: 'log', // the API announces its address at this level
    ...apiEnv,
  };
  let api: Started | undefined;
  const cleanup = async () => {
    try {
      await api?.stop();
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      if (databaseUrl) await dropScratchDatabase(databaseUrl);
    }
  };
  try {
    say(`seeding ${experts} demo experts on ${database}`);
    let started = Date.now();
    await runNode(productScript('seed/seed.command.js'), ['--experts', String(experts)], env);
    const seedSeconds = (Date.now() - started) / 1000;
    say('starting the API; waiting until the index holds every expert');
    started = Date.now();
    api = await startNode(productScript('main.js'), env, API_READY, 1_800_000, {
      nodeArgs: apiNodeArgs,
    });
    const url = api.match[1] as string;
    await waitForOutboxDrained(url, 1_800_000, 500);
    const syncSeconds = (Date.now() - started) / 1000;
    const syncPeakRssMb = rssMb(api.child.pid ?? 0, 'VmHWM');
    const engine = await runningBundledMeilisearch(scratch);
    if (!engine) throw new Error('the bundled Meilisearch is not running');
    // The API stops its engine when it stops; the pid is for reading the engine's memory.
    const meili = { ...engine, pid: pidOf(join(scratch, 'meilisearch', 'data.ms')) };
    return {
      database,
      experts,
      databaseUrl,
      env,
      adminKey,
      url,
      meili,
      api,
      seedSeconds,
      syncSeconds,
      syncPeakRssMb,
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** `--api-node-options="--flag …"` of the bench commands, as Node arguments for the API. */
export const apiNodeOptionsOf = (value: string | undefined): string[] =>
  (value ?? '').split(/\s+/).filter(Boolean);

export function memoryOf(target: BenchTarget): { apiMb: number | null; meiliMb: number | null } {
  return {
    apiMb: rssMb(target.api.child.pid ?? 0, 'VmHWM'),
    meiliMb: target.meili.pid ? rssMb(target.meili.pid, 'VmHWM') : null,
  };
}
