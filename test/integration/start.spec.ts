import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  postGraphQL,
  runAppToExit,
  startAppProcess,
  waitForOutput,
} from '../support/app-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const ADMIN = 'knr_test-bootstrap-admin-key-of-32-characters-or-more';

/** What a new user gets from `npm start`: the compiled app on an empty database. */
describe('starting Kenner', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  it('migrates, loads the demo data once, and answers GraphQL; a restart keeps the data', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    // The app has no schema override: on PostgreSQL it works in the database's default schema,
    // so give it a database of its own through the search_path of a dedicated schema.
    const env =
      database.kind === 'postgres'
        ? {
            ...database.env,
            DATABASE_URL: withSearchPath(
              database.env.DATABASE_URL ?? '',
              database.overrides.schema ?? '',
            ),
          }
        : database.env;
    // No MEILI_HOST: the app must start the bundled Meilisearch itself, as on a fresh clone.
    Object.assign(env, { MEILI_HOST: '', MEILI_MASTER_KEY: '', BOOTSTRAP_ADMIN_KEY: ADMIN });
    const query = `{ experts(first: 5) { totalCount } technologies(first: 1) { totalCount } clusters { edges { node { slug } } } }`;

    const first = await startAppProcess(env);
    const before = await postGraphQL(first.url, query, ADMIN);
    const anonymous = await postGraphQL(first.url, query);
    const searched = await eventually(async () => {
      const result = await postGraphQL(
        first.url,
        `{ searchExperts(input: { query: "XRD" }) { totalHits } }`,
      );
      return result.data?.searchExperts.totalHits > 0 ? result : null;
    });
    // `npm start` tells when the demo data is searchable: one line, once the outbox drained.
    const [, indexed] = await waitForOutput(first, /Search in sync: (\d+) documents indexed/);
    await first.stop();
    expect(Number(indexed)).toBeGreaterThan(1200);
    expect(first.output()).toContain('registered BOOTSTRAP_ADMIN_KEY as an admin key');
    expect(searched.data.searchExperts.totalHits).toBeGreaterThan(0);
    expect(before.data.experts.totalCount).toBe(1200);
    // Anonymous callers see the public experts only.
    expect(anonymous.data.experts.totalCount).toBeLessThan(1200);
    expect(anonymous.data.experts.totalCount).toBeGreaterThan(0);
    expect(before.data.technologies.totalCount).toBeGreaterThanOrEqual(80);
    expect(before.data.clusters.edges.map((e: any) => e.node.slug)).toEqual(
      expect.arrayContaining(['lmmc', 'techland']),
    );

    const second = await startAppProcess(env);
    const after = await postGraphQL(second.url, query, ADMIN);
    await second.stop();
    expect(after.data).toEqual(before.data);
    expect(second.output()).not.toContain('Demo data loaded');
    // The bootstrap key registered by the first start is no news: nothing said about it.
    expect(second.output()).not.toMatch(/BOOTSTRAP_ADMIN_KEY|No admin API key/);
  });

  it('serves an offline GraphiQL page to browsers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenner-start-'));
    const app = await startAppProcess({
      DATA_DIR: dir,
      SEED_DEMO: 'false',
      DATABASE_URL: '',
      MEILI_INDEX_PREFIX: `start${process.pid}_`,
    });
    try {
      const page = await (await fetch(app.url, { headers: { accept: 'text/html' } })).text();
      expect(page).toContain('/graphiql/graphiql.js');
      expect(page).not.toMatch(/https?:\/\/(unpkg|cdn|embeddable)/);
      const asset = await fetch(app.url.replace('/graphql', '/graphiql/graphiql.js'));
      expect(asset.status).toBe(200);
      // Read to the end: an unread body keeps its socket open for as long as the jest worker lives.
      expect((await asset.text()).length).toBeGreaterThan(1000);
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad setting with one line naming it', async () => {
    const { code, output } = await runAppToExit({ PORT: 'abc' });
    expect(code).toBe(1);
    expect(output.trim()).toBe('Invalid configuration: PORT="abc" must be an integer number');
  });
});

async function eventually<T>(probe: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}
