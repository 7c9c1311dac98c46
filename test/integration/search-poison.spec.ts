import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Meilisearch } from 'meilisearch';
import request from 'supertest';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { Role } from '../../src/auth/caller.js';
import { findInvalidText } from '../../src/database/invalid-text.check.js';
import { SearchEngine } from '../../src/search/engine/search-engine.service.js';
import { SEARCH_INDEXES } from '../../src/search/indexes/search-indexes.js';
import { SearchRelay } from '../../src/search/sync/search-relay.service.js';
import { createBasics, must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CREATE_EXPERT = `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`;
const HIDE = `mutation($id: ID!) { updateExpert(id: $id, input: { visibility: STAFF }) { id } }`;
const SEARCH = `query($q: String) { searchExperts(input: { query: $q, facets: [ORGANISATION] }) {
  hits { expert { name } } facets { facet values { label count } } } }`;
const OVERVIEW = `query($q: String!) { search(query: $q) { experts { expert { name } } } }`;
const FACET_VALUES = `{ facetValues(facet: ORGANISATION, query: "Tainted") { label count } }`;
/** A lone surrogate as a JSON list stores it: the `\ud83d` escape survives in the column. */
const POISON_JSON = '["ok", "Cleanish \\ud83d"]';

const storageId = (globalId: string) =>
  Buffer.from(globalId, 'base64url').toString().split(':')[1] as string;

/**
 * Legacy rows (from before the edge refused invalid text) make Meilisearch refuse every document
 * and synonyms setting that embeds them. Search must still never show what the caller may not see.
 */
describe('a poison document never leaves search stale', () => {
  let t: TestApp;
  let refs: Awaited<ReturnType<typeof createBasics>>;
  let partner: string;

  const anonymousSees = async (name: string) => {
    const search = await t.gql(SEARCH, { q: name }, null);
    const overview = await t.gql(OVERVIEW, { q: name }, null);
    const facetValues = await t.gql(FACET_VALUES, {}, null);
    expect([search.errors, overview.errors, facetValues.errors]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    return {
      hits: (search.data?.searchExperts.hits as { expert: { name: string } }[]).map(
        (h) => h.expert.name,
      ),
      facet: JSON.stringify(search.data?.searchExperts.facets).includes('Tainted Org'),
      overview: (overview.data?.search.experts as { expert: { name: string } }[]).map(
        (h) => h.expert.name,
      ),
      facetValues: (facetValues.data?.facetValues as { label: string }[]).map((v) => v.label),
    };
  };
  /** What a browser with a partner's search token finds: hits for `name`, and `orgId`'s count. */
  const tokenSees = async (name: string, orgId: string) => {
    const res = await t.gql(
      `mutation { createSearchToken(indexes: [EXPERTS], expiresInSeconds: 600) { host token indexes } }`,
      {},
      partner,
    );
    const { host, token, indexes } = res.data?.createSearchToken ?? {};
    const experts = new Meilisearch({ host, apiKey: token }).index(
      (indexes as string[])[0] as string,
    );
    const found = await experts.search(name);
    const all = await experts.search('', { facets: ['organisation.id'], limit: 0 });
    return {
      hits: found.hits.length,
      count: all.facetDistribution?.['organisation.id']?.[storageId(orgId)] ?? 0,
    };
  };

  beforeAll(async () => {
    // Search tokens name the app's own /search as their host: it must listen.
    t = await startTestApp({ listen: true });
    refs = await createBasics(t);
    partner = (
      await t.app
        .get(ApiKeysService)
        .create({ name: 'partner', role: Role.PARTNER, clusters: ['test-cluster'] })
    ).secret;
  });
  afterAll(() => t.close());

  it('hides an expert made STAFF-only everywhere, although the engine refuses her document', async () => {
    const org = await must(
      t,
      `mutation { createOrganisation(input: { name: "Tainted Org", type: OTHER, country: "BE" }) { id } }`,
      'createOrganisation',
    );
    const expert = await must(t, CREATE_EXPERT, 'createExpert', {
      input: { name: 'Harriet Hidden', email: 'harriet@lab.example', organisationId: org.id },
    });
    await t.searchSynced();
    expect((await anonymousSees('Harriet')).hits).toEqual(['Harriet Hidden']);
    expect(await tokenSees('Harriet', org.id)).toEqual({ hits: 1, count: 1 });

    // A legacy row: the organisation's aliases hold a lone surrogate, which every document
    // embedding the organisation carries.
    await t.db.query(
      `UPDATE organisations SET aliases = '${POISON_JSON}' WHERE id = '${storageId(org.id)}'`,
    );
    await must(t, HIDE, 'updateExpert', { id: expert.id });
    await t.searchSynced();

    expect(await anonymousSees('Harriet')).toEqual({
      hits: [],
      facet: false,
      overview: [],
      facetValues: [],
    });
    expect(await tokenSees('Harriet', org.id)).toEqual({ hits: 0, count: 0 });
    // Staff still find her through the database-backed lists; the document stays parked.
    const parked = await t.db.query<{ documentId: string; lastError: string }[]>(
      `SELECT "documentId", "lastError" FROM search_outbox WHERE "parkedAt" IS NOT NULL AND "indexName" = 'experts'`,
    );
    expect(parked.map((p) => p.documentId)).toEqual([storageId(expert.id)]);
    const health = await request(t.app.getHttpServer()).get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      search: { inSync: true },
      // Her document and her organisation's.
      outbox: { pending: 0, parked: 2 },
    });

    // The row fixed by hand and the expert sent again (as npm run search:reconcile would queue
    // her missing document): it comes back, staff-only, and the parked row is settled.
    await t.db.query(
      `UPDATE organisations SET aliases = '["ok"]' WHERE id = '${storageId(org.id)}'`,
    );
    await must(t, HIDE, 'updateExpert', { id: expert.id });
    await t.searchSynced();
    expect((await request(t.app.getHttpServer()).get('/health')).body.outbox.parked).toBe(0);
    expect((await anonymousSees('Harriet')).hits).toEqual([]);
    expect((await t.gql(SEARCH, { q: 'Harriet' })).data?.searchExperts.hits).toHaveLength(1);
  });

  it('re-checks visibility when hits are read from the database, before the index catches up', async () => {
    const expert = await must(t, CREATE_EXPERT, 'createExpert', {
      input: { name: 'Quentin Quick', email: 'quentin@lab.example', organisationId: refs.org.id },
    });
    await t.searchSynced();
    const relay = t.app.get(SearchRelay);
    await relay.pause();
    try {
      await must(t, HIDE, 'updateExpert', { id: expert.id });
      const seen = await anonymousSees('Quentin');
      expect([seen.hits, seen.overview]).toEqual([[], []]);
      expect((await t.gql(SEARCH, { q: 'Quentin' })).data?.searchExperts.hits).toHaveLength(1);
    } finally {
      relay.resume();
    }
    await t.searchSynced();
  });

  it('answers a change that hides an expert once the index has it: search tokens no longer find her', async () => {
    const org = await must(
      t,
      `mutation($c: ID!) { createOrganisation(input: { name: "Leaving Lab", type: OTHER, country: "LU", clusterIds: [$c] }) { id } }`,
      'createOrganisation',
      { c: refs.cluster.id },
    );
    await must(t, CREATE_EXPERT, 'createExpert', {
      input: {
        name: 'Tamsin Token',
        email: 'tamsin@lab.example',
        organisationId: org.id,
        visibility: 'MEMBERS',
      },
    });
    const other = await must(t, CREATE_EXPERT, 'createExpert', {
      input: { name: 'Tobias Token', email: 'tobias@lab.example', organisationId: refs.org.id },
    });
    await t.searchSynced();
    expect((await tokenSees('Tamsin', org.id)).hits).toBe(1);
    expect((await tokenSees('Tobias', refs.org.id)).hits).toBe(1);

    // No wait for the relay: the browser asks the engine right after the mutation answered.
    await must(t, HIDE, 'updateExpert', { id: other.id });
    expect((await tokenSees('Tobias', refs.org.id)).hits).toBe(0);
    await must(
      t,
      `mutation($id: ID!) { updateOrganisation(id: $id, input: { clusterIds: [] }) { id } }`,
      'updateOrganisation',
      { id: org.id },
    );
    expect((await tokenSees('Tamsin', org.id)).hits).toBe(0);
  });

  it('parks synonyms the engine refuses, reports them in /health, and applies the next good ones', async () => {
    const tainted = await must(
      t,
      `mutation { createTechnology(input: { name: "Tainted technique", slug: "tainted" }) { id } }`,
      'createTechnology',
    );
    await t.searchSynced();
    await t.db.query(
      `UPDATE technologies SET synonyms = '${POISON_JSON}' WHERE id = '${storageId(tainted.id)}'`,
    );
    // Any taxonomy change asks the relay to refresh the synonyms of every index.
    await must(
      t,
      `mutation { createTechnology(input: { name: "Fresh technique", slug: "fresh", acronyms: ["FRT"] }) { id } }`,
      'createTechnology',
    );
    // Parked rather than retried forever: nothing stays pending.
    await t.searchSynced(15_000);
    const health = await request(t.app.getHttpServer()).get('/health');
    expect(health.status).toBe(200);
    expect(health.body.search.settingsError).toMatch(/technologies.*refused/);
    expect(health.body.outbox.pending).toBe(0);

    // A start on these rows applies the other settings, parks the refusal, and serves.
    const second = await startTestApp({ database: t.database });
    try {
      const started = await request(second.app.getHttpServer()).get('/health');
      expect([started.status, started.body.search.settingsError]).toEqual([
        200,
        expect.stringMatching(/technologies.*refused/),
      ]);
    } finally {
      const engine = second.app.get(SearchEngine);
      for (const name of Object.keys(SEARCH_INDEXES))
        await engine.client.deleteIndexIfExists(engine.index(name));
      await second.close();
    }

    // The technique fixed through the API: the next refresh is accepted and the error is gone.
    await must(
      t,
      `mutation($id: ID!) { updateTechnology(id: $id, input: { synonyms: ["clean alias"] }) { id } }`,
      'updateTechnology',
      { id: tainted.id },
    );
    await t.searchSynced();
    const after = await request(t.app.getHttpServer()).get('/health');
    expect(after.body.search.settingsError).toBeUndefined();
  });

  it('finds the rows holding invalid text (npm run data:check)', async () => {
    const org = await must(
      t,
      `mutation { createOrganisation(input: { name: "Check Org", type: OTHER, country: "BE" }) { id } }`,
      'createOrganisation',
    );
    await t.db.query(
      `UPDATE organisations SET aliases = '["fine", "a\\u0000b"]' WHERE id = '${storageId(org.id)}'`,
    );
    const fresh = await must(
      t,
      `mutation { createTechnology(input: { name: "Check technique", slug: "check" }) { id } }`,
      'createTechnology',
    );
    await t.db.query(
      `UPDATE technologies SET acronyms = '["\\udc00"]' WHERE id = '${storageId(fresh.id)}'`,
    );
    const found = await findInvalidText(t.db);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          table: 'organisations',
          id: storageId(org.id),
          column: 'aliases[1]',
        }),
        expect.objectContaining({
          table: 'technologies',
          id: storageId(fresh.id),
          column: 'acronyms[0]',
        }),
      ]),
    );
  });
});
