import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { Role } from '../../src/auth/caller.js';
import { ClusterEntity } from '../../src/clusters/cluster.entity.js';
import { queryCounter } from '../../src/database/data-source.options.js';
import { DemandService } from '../../src/demand/demand.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The three requests the bench counts (tools/bench/stages/queries-per-request.stage.ts).
const EXPERT_FIELDS = `id name jobTitle organisation { name city clusters { slug } }
  skills { level technology { name acronyms parent { name } } } materials { name } sectors { name }`;

const REQUESTS: Record<string, string> = {
  'a page of 50 experts with nested fields': `{ experts(first: 50) { totalCount edges { node { ${EXPERT_FIELDS} } } } }`,
  'a node with nested fields': `query($id: ID!) { node(id: $id) { ... on Expert { ${EXPERT_FIELDS} } } }`,
  'a search page of 20 hits with 3 facets': `{ searchExperts(input: { query: "XRD", hitsPerPage: 20, facets: [COUNTRY, TECHNOLOGY, MATERIAL] }) {
    totalHits hits { expert { ${EXPERT_FIELDS} } matchedTechnologies { slug } } facets { facet values { value label count } } } }`,
};

const MAX_STATEMENTS = 5;

describe('SQL statements per request', () => {
  let t: TestApp;
  let expertId: string;
  let partnerKey: string;
  const statements: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ demoExperts: 120 });
    await t.searchSynced();
    // Kept to print on failure: which statements ran is what one needs to fix a regression.
    const counter = queryCounter(t.db.logger)!;
    const logQuery = counter.logQuery.bind(counter);
    counter.logQuery = (query: string) => {
      statements.push(query);
      logQuery(query);
    };
    const experts = await t.gql(`{ experts(first: 1) { edges { node { id } } } }`, {}, null);
    expertId = experts.data?.experts.edges[0].node.id;
    // A partner reads for clusters: resolving them is part of every request it sends.
    const clusters = await t.db.getRepository(ClusterEntity).find({ take: 2 });
    expect(clusters).toHaveLength(2);
    const partner = await t.app.get(ApiKeysService).create({
      name: 'statements partner',
      role: Role.PARTNER,
      clusters: clusters.map((c) => c.slug),
    });
    partnerKey = partner.secret;
  });
  afterAll(() => t.close());

  describe.each([
    ['anonymous', () => null],
    ['with a staff key', () => t.keys.staff],
    ['with a partner key', () => partnerKey],
  ])('%s', (_who, key) => {
    it.each(Object.entries(REQUESTS))(`%s: at most ${MAX_STATEMENTS}`, async (_name, query) => {
      // Warm: the key's lastUsedAt, the query vocabulary (5 s); deferred demand rows written.
      await t.gql(query, { id: expertId }, key());
      await t.app.get(DemandService).flush();
      statements.length = 0;
      const n = await t.countQueries(async () => {
        const res = await t.gql(query, { id: expertId }, key());
        expect(res.errors).toBeUndefined();
        expect(JSON.stringify(res.data)).toContain('"skills":[{');
      });
      if (n > MAX_STATEMENTS) console.log(statements.join('\n\n'));
      expect(n).toBeLessThanOrEqual(MAX_STATEMENTS);
    });
  });

  it("a key is read with its clusters: the partner's, none for staff", async () => {
    const clusters = await t.db.getRepository(ClusterEntity).find({ take: 2 });
    const partner = await t.gql(`{ viewer { role clusters } }`, {}, partnerKey);
    expect(partner.data?.viewer.role).toBe('PARTNER');
    expect([...(partner.data?.viewer.clusters ?? [])].sort()).toEqual(
      clusters.map((c) => c.slug).sort(),
    );
    const staff = await t.gql(`{ viewer { role clusters } }`);
    expect(staff.data?.viewer).toEqual({ role: 'STAFF', clusters: [] });
  });

  it('the list answers its total beside the page, and alone when the page is empty', async () => {
    const [row] = await t.db.query<{ n: number | string }[]>('SELECT COUNT(*) AS n FROM experts');
    const total = Number(row?.n);
    const first = await t.gql(`{ experts(first: 5) { totalCount edges { node { id } } } }`);
    expect(first.data?.experts.totalCount).toBe(total);
    expect(first.data?.experts.edges).toHaveLength(5);
    const last = await t.gql(`{ experts(last: 1) { totalCount edges { cursor } } }`);
    expect(last.data?.experts.totalCount).toBe(total);
    const empty = await t.gql(
      `query($after: String) { experts(first: 5, after: $after) { totalCount edges { cursor } } }`,
      { after: last.data?.experts.edges[0].cursor },
    );
    expect(empty.data?.experts).toEqual({ totalCount: total, edges: [] });
  });
});
