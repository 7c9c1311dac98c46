import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SearchEngine } from '../../src/search/engine/search-engine.service.js';
import { EXPERTS_INDEX } from '../../src/search/indexes/experts.index.js';
import { SEARCH_INDEXES } from '../../src/search/indexes/search-indexes.js';
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
    // A phrase query: bios of demo experts may contain either word on its own.
    const during = await t.gql(
      `query($q: String) { searchExperts(input: { query: $q, hitsPerPage: 100 }) { totalHits } }`,
      { q: '"During Reindex"' },
    );
    expect(during.data?.searchExperts.totalHits).toBe(written);
  });

  it('repairs settings drift that needs re-indexing by rebuild-and-swap at start, never in place', async () => {
    const env = { MEILI_INDEX_PREFIX: `drift${process.pid}_` };
    const first = await startTestApp({ demoExperts: 120, env, keep: true });
    await first.searchSynced(60_000);
    const engine = first.app.get(SearchEngine);
    const uid = engine.index(EXPERTS_INDEX);
    const declared = await engine.client.index(uid).getSettings();
    // Someone (or an older release) changed the live index: one re-indexing setting, one not.
    const tamper = await engine.client
      .index(uid)
      .updateSettings({
        filterableAttributes: (declared.filterableAttributes ?? []).filter(
          (a) => a !== 'languages',
        ),
        typoTolerance: { minWordSizeForTypos: { oneTypo: 6, twoTypos: 10 } },
      })
      .waitTask();
    await first.close();

    const second = await startTestApp({ env, database: first.database });
    try {
      const failures: string[] = [];
      const totals: number[] = [];
      let repaired = false;
      const rebuilt = second.app
        .get(SearchMaintenance)
        .settingsRepaired()
        .then(() => (repaired = true));
      do {
        const res = await second.gql(
          `{ searchExperts(input: { query: "microscopy" }) { totalHits } }`,
        );
        if (res.errors) failures.push(JSON.stringify(res.errors));
        else totals.push(res.data?.searchExperts.totalHits);
      } while (!repaired);
      await rebuilt;

      expect(failures).toEqual([]);
      expect(Math.min(...totals)).toBeGreaterThan(0);
      const client = second.app.get(SearchEngine).client;
      const live = await client.index(uid).getSettings();
      expect(live.filterableAttributes).toContain('languages');
      expect(live.typoTolerance?.minWordSizeForTypos).toEqual({ oneTypo: 4, twoTypos: 8 });
      // Meilisearch relabels task history on a swap, so read the story by order, not by label:
      // in-place fixes on the live index, then the shadow built with every setting, then the swap.
      const story = (await client.tasks.getTasks({ limit: 1000 })).results
        .filter(
          (x) => x.uid > tamper.uid && (x.indexUid?.startsWith(uid) || x.type === 'indexSwap'),
        )
        .sort((a, b) => a.uid - b.uid);
      const created = story.findIndex((x) => x.type === 'indexCreation');
      const swap = story.findIndex((x) => x.type === 'indexSwap' && x.status === 'succeeded');
      expect(created).toBeGreaterThan(-1);
      expect(swap).toBeGreaterThan(created);
      const settingsIn = (from: number, to: number) =>
        story
          .slice(from, to)
          .filter((x) => x.type === 'settingsUpdate')
          .map((x) => Object.keys(x.details ?? {}));
      expect(settingsIn(0, created)).toEqual([['typoTolerance']]);
      expect(settingsIn(created, swap).flat()).toContain('filterableAttributes');
      expect(settingsIn(swap, story.length)).toEqual([]);
      const byLanguage = await second.gql(
        `{ searchExperts(input: { filters: [{ facet: LANGUAGE, values: ["fr"] }] }) { totalHits } }`,
      );
      expect(byLanguage.errors).toBeUndefined();
    } finally {
      const engine2 = second.app.get(SearchEngine);
      for (const name of Object.keys(SEARCH_INDEXES)) {
        await engine2.client.deleteIndexIfExists(engine2.index(name)).catch(() => undefined);
      }
      await second.close();
      await first.database.drop();
    }
  });
});
