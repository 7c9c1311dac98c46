import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  freePort,
  type RunningMeilisearch,
  startBundledMeilisearch,
} from '../../src/search/engine/bundled-meilisearch.js';
import { SearchEngine } from '../../src/search/engine/search-engine.service.js';
import { EXPERTS_INDEX } from '../../src/search/indexes/experts.index.js';
import { SEARCH_INDEXES } from '../../src/search/indexes/search-indexes.js';
import { driftCount } from '../../src/search/maintenance/index-comparison.js';
import { SearchMaintenance } from '../../src/search/maintenance/search-maintenance.service.js';
import { SearchRelay } from '../../src/search/sync/search-relay.service.js';
import { createBasics, must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CREATE = `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`;

/** A Meilisearch of this file's own, so it can be stopped and started again. */
describe('search sync under faults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kenner-meili-faults-'));
  let port: number;
  let server: RunningMeilisearch | undefined;
  const startServer = async () => (server = await startBundledMeilisearch({ dataDir, port }));
  const env = () => ({
    MEILI_HOST: server?.host ?? '',
    MEILI_MASTER_KEY: server?.masterKey ?? '',
    MEILI_INDEX_PREFIX: 'faults_',
  });

  beforeAll(async () => {
    port = await freePort();
    await startServer();
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const indexedIds = async (t: TestApp): Promise<string[]> => {
    const engine = t.app.get(SearchEngine);
    const page = await engine.client
      .index(engine.index(EXPERTS_INDEX))
      .getDocuments({ fields: ['id'], limit: 10_000 });
    return page.results.map((d) => String(d.id)).sort();
  };
  const databaseIds = async (t: TestApp): Promise<string[]> =>
    (await t.db.query<{ id: string }[]>('SELECT id FROM experts')).map((r) => r.id).sort();

  it('accepts every write while Meilisearch is down and converges once it is back', async () => {
    const t = await startTestApp({ env: env() });
    try {
      const refs = await createBasics(t);
      await t.searchSynced(); // the basics' own outbox rows (taxonomy synonyms) are not the point here
      await server?.stop();
      const created: string[] = [];
      for (let i = 0; i < 200; i++) {
        const expert = await must(t, CREATE, 'createExpert', {
          input: {
            name: `Offline ${i}`,
            email: `offline${i}@lab.example`,
            organisationId: refs.org.id,
          },
        });
        created.push(expert.id as string);
      }
      // A change that hides an expert asks for an immediate send: with the engine down it is
      // answered all the same (committed), and sent once the engine is back.
      await must(
        t,
        `mutation($id: ID!) { updateExpert(id: $id, input: { visibility: STAFF }) { visibility } }`,
        'updateExpert',
        { id: created[0] },
      );
      const health = await request(t.app.getHttpServer()).get('/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({
        search: { status: 'down', inSync: false },
        // 200 expert documents and their organisation's (it counts its public experts).
        outbox: { pending: 201, parked: 0 },
      });

      await startServer();
      await t.searchSynced(60_000);
      expect(await indexedIds(t)).toEqual(await databaseIds(t));
      expect((await databaseIds(t)).length).toBe(200);
      // Ids and content of every index, by hash.
      const drift = await t.app.get(SearchMaintenance).reconcile();
      expect(Object.values(drift).map(driftCount)).toEqual(
        Object.keys(SEARCH_INDEXES).map(() => 0),
      );
      const after = await request(t.app.getHttpServer()).get('/health');
      expect(after.body).toMatchObject({
        status: 'ok',
        search: { status: 'up', inSync: true },
        outbox: { pending: 0, parked: 0 },
      });
    } finally {
      await t.close();
    }
  });

  it('sends, after a restart, what a stopped relay left between commit and send — once', async () => {
    const first = await startTestApp({
      env: { ...env(), MEILI_INDEX_PREFIX: 'restart_' },
      keep: true,
    });
    const refs = await createBasics(first);
    await first.app.get(SearchRelay).pause();
    const { id } = await must(first, CREATE, 'createExpert', {
      input: {
        name: 'Committed Before Crash',
        email: 'crash@lab.example',
        organisationId: refs.org.id,
      },
    });
    await first.close();

    const second = await startTestApp({
      env: { ...env(), MEILI_INDEX_PREFIX: 'restart_' },
      database: first.database,
    });
    try {
      await second.searchSynced();
      const result = await second.gql(
        `{ searchExperts(input: { query: "Committed Before Crash" }) { totalHits hits { expert { id } } } }`,
      );
      expect(result.data?.searchExperts).toEqual({ totalHits: 1, hits: [{ expert: { id } }] });
    } finally {
      await second.close();
      await first.database.drop();
    }
  });
});
