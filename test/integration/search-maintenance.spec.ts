import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SearchEngine } from '../../src/search/engine/search-engine.service.js';
import { EXPERTS_INDEX } from '../../src/search/indexes/experts.index.js';
import { driftCount } from '../../src/search/maintenance/index-comparison.js';
import { SearchMaintenance } from '../../src/search/maintenance/search-maintenance.service.js';
import { must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('reconcile and reindex', () => {
  let t: TestApp;
  const live = () => {
    const engine = t.app.get(SearchEngine);
    return engine.client.index(engine.index(EXPERTS_INDEX));
  };
  const maintenance = () => t.app.get(SearchMaintenance);

  beforeAll(async () => {
    t = await startTestApp({ demoExperts: 300 });
    await t.searchSynced(60_000);
  });
  afterAll(() => t.close());

  it('finds tampered, missing and stray documents by hash and repairs them through the outbox', async () => {
    const [first, second] = (await live().getDocuments({ limit: 2 })).results;
    await live().deleteDocument(String(first?.id)).waitTask();
    await live()
      .updateDocuments([{ id: second?.id, jobTitle: 'tampered' }])
      .waitTask();
    await live()
      .addDocuments([{ id: '00000000-0000-4000-8000-00000000beef', name: 'Stray' }])
      .waitTask();

    const found = (await maintenance().reconcile())[EXPERTS_INDEX];
    expect(found).toEqual({
      missing: [first?.id],
      extra: ['00000000-0000-4000-8000-00000000beef'],
      different: [second?.id],
    });
    await t.searchSynced();
    const again = (await maintenance().reconcile())[EXPERTS_INDEX];
    expect(again && driftCount(again)).toBe(0);
  });

  it('rebuilds and swaps under concurrent writes: searches never fail or come back empty, no write is lost', async () => {
    const orgs = await t.gql(`{ organisations(first: 1) { edges { node { id } } } }`);
    const organisationId = orgs.data?.organisations.edges[0].node.id;
    let stop = false;
    const searches: number[] = [];
    const failures: string[] = [];
    const searching = (async () => {
      while (!stop) {
        const res = await t.gql(`{ searchExperts(input: { query: "microscopy" }) { totalHits } }`);
        if (res.errors) failures.push(JSON.stringify(res.errors));
        else searches.push(res.data?.searchExperts.totalHits);
      }
    })();
    let written = 0;
    const writing = (async () => {
      while (!stop) {
        await must(
          t,
          `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
          'createExpert',
          {
            input: {
              name: `During Reindex ${written}`,
              email: `during${written}@lab.example`,
              organisationId,
            },
          },
        );
        written += 1;
      }
    })();

    const [report] = await maintenance().reindex();
    stop = true;
    await Promise.all([searching, writing]);
    await t.searchSynced();

    expect(failures).toEqual([]);
    expect(searches.length).toBeGreaterThan(5);
    expect(Math.min(...searches)).toBeGreaterThan(0);
    expect(written).toBeGreaterThan(0);
    expect(report?.documents).toBeGreaterThanOrEqual(300);
    const drift = (await maintenance().reconcile())[EXPERTS_INDEX];
    expect(drift && driftCount(drift)).toBe(0);
    const during = await t.gql(
      `{ searchExperts(input: { query: "During Reindex", hitsPerPage: 100 }) { totalHits } }`,
    );
    expect(during.data?.searchExperts.totalHits).toBe(written);
  });
});
