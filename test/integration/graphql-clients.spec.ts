import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createBasics, must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Ids = Awaited<ReturnType<typeof createBasics>>;

/** The spellings Node's lenient base64 decoder reads as the same id. */
const respellings = (id: string): Record<string, string> => ({
  'a trailing =': `${id}=`,
  'trailing !!': `${id}!!`,
  'standard base64': Buffer.from(id, 'base64url').toString('base64'),
});

/**
 * What clients that follow the GraphQL spec send: Relay and Apollo pass every declared variable,
 * with null for those they do not use; ids are exchanged as the server spelled them.
 */
describe('clients that follow the GraphQL spec', () => {
  let t: TestApp;
  let ids: Ids;
  let expert: { id: string };
  let server: Parameters<typeof request>[0];

  beforeAll(async () => {
    t = await startTestApp();
    server = t.app.getHttpServer();
    ids = await createBasics(t);
    for (const name of ['Ann Archer', 'Ben Baker', 'Cleo Cole']) {
      const created = await must(
        t,
        `mutation($o: ID!, $n: String!, $e: String!) { createExpert(input: { name: $n, email: $e, organisationId: $o, phone: "+352 123 456" }) { id } }`,
        'createExpert',
        { o: ids.org.id, n: name, e: `${name.split(' ')[0]}@example.lu` },
      );
      expert ??= created;
    }
  });
  afterAll(() => t.close());

  describe('null for an optional argument means "not given"', () => {
    const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
      experts(first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { node { name } } pageInfo { hasNextPage hasPreviousPage }
      }
    }`;

    it('pages forwards with after, last and before all null', async () => {
      const res = await t.gql(PAGE, { first: 2, after: null, last: null, before: null });
      expect(res.errors).toBeUndefined();
      expect(res.data?.experts.edges.map((e: any) => e.node.name)).toEqual([
        'Ann Archer',
        'Ben Baker',
      ]);
      expect(res.data?.experts.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    });

    it('pages backwards with first and after null', async () => {
      const res = await t.gql(PAGE, { first: null, after: null, last: 1, before: null });
      expect(res.errors).toBeUndefined();
      expect(res.data?.experts.edges.map((e: any) => e.node.name)).toEqual(['Cleo Cole']);
    });

    it('also in literals and in nested connections', async () => {
      const res = await t.gql(
        `query($id: ID!) { experts(first: 1, after: null, last: null) { totalCount }
          node(id: $id) { ... on Organisation { experts(first: 1, after: null, before: null, last: null) { totalCount } } } }`,
        { id: ids.org.id },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        experts: { totalCount: 3 },
        node: { experts: { totalCount: 3 } },
      });
    });

    it('also for filters and in create inputs, where null takes the default', async () => {
      const list = await t.gql(
        `{ experts(organisationId: null, technologyId: null, country: null, clusterId: null) { totalCount }
           technologies(parentId: null, categoryId: null, rootsOnly: null) { totalCount } }`,
      );
      expect(list.errors).toBeUndefined();
      expect(list.data?.experts.totalCount).toBe(3);
      const cluster = await t.gql(
        `mutation { createCluster(input: { name: "Null cluster", slug: "null-cluster", description: null, website: null }) { description website } }`,
      );
      expect(cluster.errors).toBeUndefined();
      expect(cluster.data?.createCluster).toEqual({ description: '', website: null });
      const created = await t.gql(
        `mutation($o: ID!) { createExpert(input: { name: "Dora Null", email: "dora@example.lu", organisationId: $o,
           jobTitle: null, bio: null, languages: null, skills: null, materialIds: null, sectorIds: null,
           services: null, visibility: null, phone: null, consentAt: null, lastVerifiedAt: null }) { id jobTitle visibility languages } }`,
        { o: ids.org.id },
      );
      expect(created.errors).toBeUndefined();
      expect(created.data?.createExpert).toMatchObject({
        jobTitle: '',
        visibility: 'PUBLIC',
        languages: [],
      });
      await must(t, `mutation($id: ID!) { deleteExpert(id: $id) { id } }`, 'deleteExpert', {
        id: created.data?.createExpert.id,
      });
    });
  });

  describe('null in an update input', () => {
    const UPDATE = `mutation($id: ID!, $input: UpdateExpertInput!) { updateExpert(id: $id, input: $input) { name phone visibility jobTitle languages } }`;

    it.each([
      ['visibility'],
      ['name'],
      ['email'],
      ['organisationId'],
      ['jobTitle'],
      ['languages'],
      ['skills'],
    ])('refuses null for %s, which cannot be cleared, naming it', async (field) => {
      const before = await t.db.query('SELECT * FROM experts ORDER BY id');
      const res = await t.gql(UPDATE, { id: expert.id, input: { [field]: null } });
      expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(res.errors?.[0]?.message).toBe(
        `${field}: cannot be null: leave it out to keep the current value`,
      );
      expect(await t.db.query('SELECT * FROM experts ORDER BY id')).toEqual(before);
    });

    it('clears a field that may be empty', async () => {
      const res = await t.gql(UPDATE, { id: expert.id, input: { phone: null } });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateExpert).toMatchObject({ name: 'Ann Archer', phone: null });
      const [row] = await t.db.query<{ phone: string | null }[]>(
        `SELECT phone FROM experts WHERE name = 'Ann Archer'`,
      );
      expect(row?.phone).toBeNull();
    });

    it('moves a technique to the top with parentId: null, and refuses a null name', async () => {
      const moved = await t.gql(
        `mutation($id: ID!) { updateTechnology(id: $id, input: { parentId: null, nameFr: null }) { parent { id } names { fr } } }`,
        { id: ids.xrd.id },
      );
      expect(moved.errors).toBeUndefined();
      expect(moved.data?.updateTechnology).toEqual({ parent: null, names: { fr: null } });
      for (const [mutation, id, input] of [
        ['updateTechnology', ids.xrd.id, '{ acronyms: null }'],
        ['updateOrganisation', ids.org.id, '{ type: null }'],
        ['updateCluster', ids.cluster.id, '{ slug: null }'],
        ['updateMaterial', ids.material.id, '{ name: null }'],
      ]) {
        const res = await t.gql(
          `mutation($id: ID!) { ${mutation}(id: $id, input: ${input}) { id } }`,
          { id },
        );
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('node ids have one spelling', () => {
    it.each(Object.entries(respellings('PLACEHOLDER')).map(([name]) => [name]))(
      'refuses %s in every argument that takes an id, naming it',
      async (name) => {
        const alias = (id: string) => respellings(id)[name] as string;
        const cases: [string, string, Record<string, unknown>, string][] = [
          ['node', `query($id: ID!) { node(id: $id) { id } }`, { id: alias(expert.id) }, 'id'],
          [
            'nodes',
            `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
            { ids: [expert.id, alias(expert.id)] },
            'ids[1]',
          ],
          [
            'experts',
            `query($o: ID) { experts(organisationId: $o) { totalCount } }`,
            { o: alias(ids.org.id) },
            'organisationId',
          ],
          [
            'updateExpert',
            `mutation($id: ID!) { updateExpert(id: $id, input: { jobTitle: "x" }) { id } }`,
            { id: alias(expert.id) },
            'id',
          ],
          [
            'updateExpert skills',
            `mutation($id: ID!, $t: ID!) { updateExpert(id: $id, input: { skills: [{ technologyId: $t, level: EXPERT }] }) { id } }`,
            { id: expert.id, t: alias(ids.xrd.id) },
            'skills[0].technologyId',
          ],
        ];
        const audits = await t.db.query('SELECT COUNT(*) AS n FROM audit_entries');
        for (const [label, query, variables, field] of cases) {
          const res = await t.gql(query, variables);
          expect([label, res.errors?.[0]?.extensions]).toEqual([
            label,
            { code: 'BAD_USER_INPUT', field },
          ]);
        }
        expect(await t.db.query('SELECT COUNT(*) AS n FROM audit_entries')).toEqual(audits);
      },
    );

    it('still answers the id as given out', async () => {
      const res = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: expert.id });
      expect(res.data?.node).toEqual({ id: expert.id });
    });

    it('refuses a cursor spelled otherwise than given out', async () => {
      const page = await t.gql(`{ experts(first: 1) { pageInfo { endCursor } } }`);
      const cursor = page.data?.experts.pageInfo.endCursor as string;
      expect((await t.gql(`{ experts(first: 1, after: "${cursor}") { totalCount } }`)).errors).toBe(
        undefined,
      );
      // Well-formed, but not a key this API wrote: PostgreSQL would fail comparing it to a uuid.
      const foreign = Buffer.from(JSON.stringify(['Ann', 'not-a-uuid'])).toString('base64url');
      for (const spelled of [...Object.values(respellings(cursor)), foreign]) {
        const res = await t.gql(
          `query($c: String) { experts(first: 1, after: $c) { totalCount } }`,
          {
            c: spelled,
          },
        );
        expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    });
  });

  describe('malformed requests get a 4xx with a code', () => {
    it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'nope.js'])(
      'GET /graphiql/%s is 404',
      async (file) => {
        const res = await request(server).get(`/graphiql/${file}`);
        expect(res.status).toBe(404);
      },
    );

    it('answers a name holding a NUL byte with a 4xx', async () => {
      for (const file of ['%00', 'graphiql.js%00']) {
        const res = await request(server).get(`/graphiql/${file}`);
        expect([file, res.status >= 400 && res.status < 500]).toEqual([file, true]);
      }
    });

    it('still serves the GraphiQL assets', async () => {
      const res = await request(server).get('/graphiql/graphiql.css');
      expect(res.status).toBe(200);
    });

    const HASH = 'a'.repeat(64);
    it.each([
      ['a string', 'x', undefined, 'extensions.persistedQuery'],
      ['an array', [], undefined, 'extensions.persistedQuery'],
      ['version 2', { version: 2, sha256Hash: HASH }, '{ __typename }', 'version'],
      ['version "1"', { version: '1', sha256Hash: HASH }, undefined, 'version'],
      ['no version', { sha256Hash: HASH }, undefined, 'version'],
      ['a short hash', { version: 1, sha256Hash: 'x' }, undefined, 'sha256Hash'],
      ['a number hash', { version: 1, sha256Hash: 5 }, undefined, 'sha256Hash'],
      ['an upper-case hash', { version: 1, sha256Hash: 'A'.repeat(64) }, undefined, 'sha256Hash'],
      ['a hash of another query', { version: 1, sha256Hash: HASH }, '{ __typename }', 'sha256Hash'],
    ])(
      'refuses a persisted query with %s: 400 BAD_REQUEST',
      async (_, persistedQuery, query, field) => {
        const res = await request(server)
          .post('/graphql')
          .send({ query, extensions: { persistedQuery } });
        expect(res.status).toBe(400);
        expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
        expect(res.body.errors[0].message).toContain(field);
      },
    );

    it('refuses junk persisted queries in a GET too, and keeps the protocol for good ones', async () => {
      const get = (extensions: unknown) =>
        request(server)
          .get('/graphql')
          .query({ extensions: JSON.stringify(extensions) })
          .set('apollo-require-preflight', '1');
      const junk = await get({ persistedQuery: { version: 1, sha256Hash: 'x' } });
      expect([junk.status, junk.body.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
      const unknown = await get({ persistedQuery: { version: 1, sha256Hash: HASH } });
      expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });

    it('refuses a huge operationName without echoing it', async () => {
      const res = await request(server)
        .post('/graphql')
        .send({ query: '{ __typename }', operationName: 'x'.repeat(100_000) });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(res.text.length).toBeLessThan(1000);
    });
  });

  it('costs nodes(ids:) by the number of ids', async () => {
    const nodes = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Expert { skills { level } } } }`;
    const cost = async (n: number) => {
      const res = await t.gql(nodes, { ids: Array.from({ length: n }, () => expert.id) });
      return (res as { extensions?: { cost: { requested: number } } }).extensions?.cost.requested;
    };
    // nodes 1 + per id: id 1 + skills (1 + 20 × level 1)
    expect(await cost(1)).toBe(1 + 1 * 22);
    expect(await cost(100)).toBe(1 + 100 * 22);
  });
});
