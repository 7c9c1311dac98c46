import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Meilisearch } from 'meilisearch';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { Role } from '../../src/auth/caller.js';
import { SearchEngine } from '../../src/search/engine/search-engine.service.js';
import { EXPERTS_INDEX } from '../../src/search/indexes/experts.index.js';
import { SEARCH_INDEXES } from '../../src/search/indexes/search-indexes.js';
import { driftCount } from '../../src/search/maintenance/index-comparison.js';
import { SearchMaintenance } from '../../src/search/maintenance/search-maintenance.service.js';
import { createBasics, must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Access and erasure requests, and the audit trail of writes. */
describe('personal data', () => {
  let t: TestApp;
  let id: string;
  let partner: string;

  beforeAll(async () => {
    // Search tokens name the app's own /search as their host: it must listen.
    t = await startTestApp({ listen: true });
    const refs = await createBasics(t);
    partner = (
      await t.app
        .get(ApiKeysService)
        .create({ name: 'p', role: Role.PARTNER, clusters: ['test-cluster'] })
    ).secret;
    id = (
      await must(
        t,
        `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
        'createExpert',
        {
          input: {
            name: 'Erin Erasable',
            email: 'erin@lab.example',
            organisationId: refs.org.id,
            languages: ['rm'],
            consentAt: '2026-01-15',
            skills: [{ technologyId: refs.xrd.id, level: 'EXPERT' }],
          },
        },
      )
    ).id;
    await must(
      t,
      `mutation($id: ID!) { updateExpert(id: $id, input: { jobTitle: "Metallographer" }) { id } }`,
      'updateExpert',
      { id },
    );
    await t.searchSynced();
  });
  afterAll(() => t.close());

  it('exports everything held on a person to staff, with the writes that touched it', async () => {
    const query = `query($id: ID!) { exportExpertData(id: $id) {
      exportedAt derivedCopies auditTrail { action role at }
      expert { name email consentAt jobTitle skills { technology { slug } } } } }`;
    const res = await t.gql(query, { id });
    expect(res.errors).toBeUndefined();
    const data = res.data?.exportExpertData;
    expect(data.expert).toMatchObject({
      name: 'Erin Erasable',
      email: 'erin@lab.example',
      consentAt: '2026-01-15',
      jobTitle: 'Metallographer',
      skills: [{ technology: { slug: 'xrd' } }],
    });
    expect(data.auditTrail.map((e: { action: string }) => e.action)).toEqual([
      'createExpert',
      'updateExpert',
    ]);
    const refused = await t.gql(query, { id }, partner);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('erases a person from the database, the index, facets and the audit trail', async () => {
    const erased = await must(
      t,
      `mutation($id: ID!) { eraseExpert(id: $id) { id pseudonym auditEntries } }`,
      'eraseExpert',
      { id },
    );
    expect(erased.auditEntries).toBe(2);
    await t.searchSynced();

    const reads = await t.gql(
      `query($id: ID!) {
        node(id: $id) { id }
        experts(first: 100) { edges { node { name } } }
        searchExperts(input: { query: "Erin Erasable", facets: [LANGUAGE] }) { totalHits facets { values { value } } }
        facetValues(facet: LANGUAGE, query: "rm") { value }
        search(query: "Erasable") { experts { expert { id } } }
      }`,
      { id },
      t.keys.admin,
    );
    expect(reads.errors).toBeUndefined();
    expect(reads.data?.node).toBeNull();
    expect(JSON.stringify(reads.data)).not.toContain('Erin');
    expect(reads.data?.searchExperts.totalHits).toBe(0);
    expect(reads.data?.facetValues).toEqual([]);
    expect(reads.data?.search.experts).toEqual([]);
    const engine = t.app.get(SearchEngine);
    const dbId = Buffer.from(id, 'base64url').toString().split(':')[1] as string;
    await expect(
      engine.client.index(engine.index(EXPERTS_INDEX)).getDocument(dbId),
    ).rejects.toThrow();
    const minted = await t.gql(
      `mutation { createSearchToken(indexes: [EXPERTS, ORGANISATIONS]) { host token indexes } }`,
      {},
      t.keys.admin,
    );
    const { host, token, indexes } = minted.data?.createSearchToken ?? {};
    const viaToken = await new Meilisearch({ host, apiKey: token })
      .index(indexes[0])
      .search('Erin Erasable', { facets: ['languages'] });
    expect(viaToken.hits).toEqual([]);
    expect(viaToken.facetDistribution?.languages?.rm).toBeUndefined();
    const drift = await t.app.get(SearchMaintenance).reconcile();
    // Every index (the forum's and the FAQ's too), none drifting.
    expect(Object.keys(drift)).toEqual(Object.keys(SEARCH_INDEXES));
    expect(Object.values(drift).map(driftCount)).toEqual(Object.keys(SEARCH_INDEXES).map(() => 0));

    const log = await t.gql(`{ auditLog(limit: 500) { action subject } }`, {}, t.keys.admin);
    const entries = log.data?.auditLog as { action: string; subject: string | null }[];
    expect(entries.some((e) => e.subject === id)).toBe(false);
    expect(
      entries
        .filter((e) => e.subject === erased.pseudonym)
        .map((e) => e.action)
        .sort(),
    ).toEqual(['createExpert', 'eraseExpert', 'updateExpert']);
    expect(JSON.stringify(await t.db.query('SELECT * FROM audit_entries'))).not.toContain(dbId);
  });

  it('shows the audit log to admins only', async () => {
    const staff = await t.gql(`{ auditLog { action } }`);
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await t.gql(`{ auditLog(limit: 5) { action role keyId at } }`, {}, t.keys.admin);
    expect(admin.data?.auditLog.length).toBeGreaterThan(0);
    expect(admin.data?.auditLog[0].role).toMatch(/STAFF|ADMIN/);
  });

  it('pages the audit log back in time with `before`, within a bounded limit', async () => {
    const LOG = `query($limit: Int!, $before: DateTime) { auditLog(limit: $limit, before: $before) { id at } }`;
    const all = (await t.gql(LOG, { limit: 500 }, t.keys.admin)).data?.auditLog as {
      id: string;
      at: string;
    }[];
    const newest = all[0] as { at: string };
    const older = (await t.gql(LOG, { limit: 500, before: newest.at }, t.keys.admin)).data
      ?.auditLog as { at: string }[];
    expect(older).toEqual(all.filter((e) => e.at < newest.at));
    for (const limit of [0, 501]) {
      const res = await t.gql(LOG, { limit }, t.keys.admin);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toBe('limit: must be between 1 and 500');
    }
  });
});
