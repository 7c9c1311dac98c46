import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { isRunning, pidOf } from '../../src/common/process/child-process.js';
import { buildDataSourceOptions } from '../../src/database/data-source.options.js';
import { startBundledMeilisearch } from '../../src/search/engine/bundled-meilisearch.js';
import {
  launchAppProcess,
  postGraphQL,
  startAppProcess,
  waitForOutput,
} from '../support/app-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const ADMIN = 'knr_stop-and-restart-admin-key-0123456789';
const CREATE = `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateExpertInput!) { updateExpert(id: $id, input: $input) { id } }`;

/** One write of the load, and whether the server acknowledged it. */
interface Write {
  email: string;
  name: string;
  acknowledged: boolean;
}

/**
 * Stopping the real compiled app with SIGTERM, as `docker stop` or Ctrl-C does, on a fresh
 * database (SQLite, or PostgreSQL under `npm run test:postgres`) and the bundled engine it starts
 * itself under DATA_DIR: nothing acknowledged is lost, nothing refused is written, the process
 * exits 0 (the harness would SIGKILL it after 10 s, which is no exit code), and the engine goes
 * with it.
 */
describe('stopping and restarting Kenner', () => {
  const databases: TestDatabase[] = [];
  const survivors: number[] = [];
  afterAll(async () => {
    // A failed run must not leave engines behind either.
    for (const pid of survivors) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    for (const db of databases) await db.drop();
  });

  const fresh = async (extra: Record<string, string>) => {
    const database = await createTestDatabase();
    databases.push(database);
    const env: Record<string, string> = {
      ...database.env,
      // No MEILI_HOST: the app starts (and must stop) the bundled engine, as on a fresh clone.
      MEILI_HOST: '',
      MEILI_MASTER_KEY: '',
      BOOTSTRAP_ADMIN_KEY: ADMIN,
      ...extra,
    };
    // The app has no schema override: on PostgreSQL it works in the test's schema by search_path.
    if (database.kind === 'postgres') {
      const url = new URL(database.env.DATABASE_URL ?? '');
      url.searchParams.set('options', `-c search_path=${database.overrides.schema ?? ''}`);
      env.DATABASE_URL = url.toString();
    }
    return { database, env, dataDir: database.env.DATA_DIR ?? '' };
  };

  /** The engine the app started: its pid, as the app recorded it beside the engine's data. */
  const enginePid = (dataDir: string): number => {
    const [, engine] = readFileSync(join(dataDir, 'meilisearch', 'owner'), 'utf8').split(' ');
    const pid = Number(engine);
    survivors.push(pid);
    return pid;
  };

  it('under a write load, answers every request in flight, loses no acknowledged write and writes no refused one, in the database and the index', async () => {
    const { database, env, dataDir } = await fresh({ SEED_DEMO: 'false' });
    const app = await startAppProcess(env);
    const engine = enginePid(dataDir);
    const post = async (query: string, variables: object): Promise<any> => {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    };
    const cluster = await post(
      `mutation { createCluster(input: { name: "C", slug: "c" }) { id } }`,
      {},
    );
    const org = await post(
      `mutation($c: ID!) { createOrganisation(input: { name: "Lab", type: TESTING_LAB, country: "lu", city: "Esch", clusterIds: [$c] }) { id } }`,
      { c: cluster.data.createCluster.id },
    );
    const organisationId = org.data.createOrganisation.id as string;

    // Six clients, each creating an expert and then renaming it, one request after the other,
    // until one of its requests is not acknowledged (refused, reset, or nobody listening).
    const writes: Write[] = [];
    const acknowledged = () => writes.filter((w) => w.acknowledged).length;
    const attempt = async (write: Omit<Write, 'acknowledged'>, query: string, vars: object) => {
      const entry = { ...write, acknowledged: false };
      writes.push(entry);
      try {
        const body = await post(query, vars);
        const id = body.data && (Object.values(body.data)[0] as { id?: string } | null)?.id;
        entry.acknowledged = typeof id === 'string';
        return id;
      } catch {
        return undefined; // no answer: not acknowledged
      }
    };
    const loader = async (worker: number) => {
      for (let i = 0; ; i++) {
        const email = `w${worker}-${i}@lab.example`;
        const name = `Expert ${worker}-${i}`;
        const id = await attempt({ email, name }, CREATE, {
          input: { name, email, organisationId },
        });
        if (!id) return;
        const renamed = `${name} renamed`;
        if (!(await attempt({ email, name: renamed }, UPDATE, { id, input: { name: renamed } })))
          return;
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, (_, worker) => loader(worker)));
    while (acknowledged() < 60) await new Promise((resolve) => setTimeout(resolve, 5));
    const code = await app.stop();
    await load;

    expect(writes.filter((w) => !w.acknowledged).length).toBeGreaterThan(0);

    // The database, opened after the exit: per expert, the last acknowledged name, and no row
    // for a creation that was not acknowledged.
    const db = new DataSource(
      buildDataSourceOptions(
        { DATABASE_URL: database.env.DATABASE_URL ?? '', DATA_DIR: dataDir, LOG_SQL: false },
        database.overrides,
      ),
    );
    await db.initialize();
    let rows: { id: string; email: string; name: string }[];
    let outbox: { n: number | string }[];
    try {
      rows = await db.query(`SELECT id, email, name FROM experts`);
      outbox = await db.query(`SELECT COUNT(*) AS n FROM search_outbox`);
    } finally {
      await db.destroy();
    }
    const expected = new Map<string, string>();
    for (const w of writes) if (w.acknowledged) expected.set(w.email, w.name);
    expect(new Map(rows.map((r) => [r.email, r.name]))).toEqual(expected);
    // The relay sent everything before the exit: the index is complete without a restart.
    expect(Number(outbox[0]?.n)).toBe(0);

    // The index, read from the engine's files by an engine of our own (not the app's).
    const meili = await startBundledMeilisearch({ dataDir });
    try {
      const response = await fetch(
        `${meili.host}/indexes/experts/documents?limit=10000&fields=id,name`,
        { headers: { authorization: `Bearer ${meili.masterKey}` } },
      );
      const { results } = (await response.json()) as { results: { id: string; name: string }[] };
      expect(new Map(results.map((d) => [d.id, d.name]))).toEqual(
        new Map(rows.map((r) => [r.id, r.name])),
      );
    } finally {
      await meili.stop();
    }
    expect(isRunning(engine)).toBe(false);
    expect({ code, output: code === 0 ? '' : app.output() }).toEqual({ code: 0, output: '' });
  });

  it('stopped while its engine starts, stops that engine too', async () => {
    const { env, dataDir } = await fresh({ SEED_DEMO: 'false' });
    const engineData = join(dataDir, 'meilisearch', 'data.ms');
    // Signalled as soon as the engine's process exists, before it answers: the app holds no
    // handle on it yet.
    const app = launchAppProcess(env);
    let engine: number | null = null;
    while (engine === null) {
      if (app.child.exitCode !== null) throw new Error(`the app exited:\n${app.output()}`);
      engine = pidOf(engineData);
      await new Promise((resolve) => setImmediate(resolve));
    }
    survivors.push(engine);
    const code = await app.stop();
    expect(isRunning(engine)).toBe(false);
    expect({ code, output: code === 0 ? '' : app.output() }).toEqual({ code: 0, output: '' });
  });

  it('stopped during its first sync, exits 0 without its engine, and the next start sends what was left', async () => {
    const { env, dataDir } = await fresh({ DEMO_EXPERTS: '300' });
    const first = await startAppProcess(env);
    const engine = enginePid(dataDir);
    const code = await first.stop();
    expect(isRunning(engine)).toBe(false);
    expect({ code, output: code === 0 ? '' : first.output() }).toEqual({ code: 0, output: '' });

    const second = await startAppProcess(env);
    try {
      await waitForOutput(second, /Search in sync/);
      const { experts } = (
        await postGraphQL(second.url, '{ experts(first: 0) { totalCount } }', ADMIN)
      ).data as { experts: { totalCount: number } };
      const host = readFileSync(join(dataDir, 'meilisearch', 'address'), 'utf8').trim();
      const key = readFileSync(join(dataDir, 'meilisearch', 'master-key'), 'utf8').trim();
      const stats = (await (
        await fetch(`${host}/indexes/experts/stats`, {
          headers: { authorization: `Bearer ${key}` },
        })
      ).json()) as { numberOfDocuments: number };
      expect(stats.numberOfDocuments).toBe(experts.totalCount);
      expect(experts.totalCount).toBe(300);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('restarts with a BOOTSTRAP_ADMIN_KEY that was revoked, says so, and keeps refusing it', async () => {
    const { env } = await fresh({ SEED_DEMO: 'false' });
    const first = await startAppProcess(env);
    const keys = await postGraphQL(first.url, '{ apiKeys { id name } }', ADMIN);
    const id = keys.data.apiKeys[0].id as string;
    const revoked = await postGraphQL(
      first.url,
      `mutation { revokeApiKey(id: "${id}") { revokedAt } }`,
      ADMIN,
    );
    expect(revoked.errors).toBeUndefined();
    await first.stop();

    const second = await startAppProcess(env);
    try {
      expect(second.output()).toContain('BOOTSTRAP_ADMIN_KEY ignored: that key was revoked');
      const refused = await postGraphQL(second.url, '{ viewer { role } }', ADMIN);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await second.stop();
    }
  });
});
