import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { SCHEMA_FILE } from '../../src/graphql/print-schema.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Hostile and broken requests against the real app over HTTP: each is answered with a 4xx and a
 * GraphQL-shaped error before anything runs. (How fast lives in the benchmark, not here.)
 */
describe('the GraphQL edge refuses what it should', () => {
  let t: TestApp;
  let server: Parameters<typeof request>[0];
  beforeAll(async () => {
    t = await startTestApp();
    server = t.app.getHttpServer();
  });
  afterAll(() => t.close());

  const post = (body: unknown) =>
    request(server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  const codeOf = (res: request.Response): unknown => res.body?.errors?.[0]?.extensions?.code;

  it('refuses a query 20 levels deep', async () => {
    let query = 'experts { edges { node { name } } }';
    for (let i = 0; i < 4; i++) query = `experts { edges { node { organisation { ${query} } } } }`;
    const res = await post({ query: `{ ${query} }` });
    expect([res.status, codeOf(res)]).toEqual([400, 'QUERY_TOO_DEEP']);
    expect(res.body.errors[0].message).toBe('Query is 20 levels deep; at most 12 are allowed.');
  });

  it('refuses 100 aliases', async () => {
    const fields = Array.from({ length: 100 }, (_, i) => `a${i}: __typename`).join(' ');
    const res = await post({ query: `{ ${fields} }` });
    expect([res.status, codeOf(res)]).toEqual([400, 'TOO_MANY_ALIASES']);
  });

  it('refuses a query over the cost budget without running it', async () => {
    const query = `{ experts(first: 100) { edges { node {
      organisation { experts(first: 100) { edges { node { name } } } } } } } }`;
    let res: request.Response | undefined;
    const statements = await t.countQueries(async () => (res = await post({ query })));
    expect([res?.status, codeOf(res!)]).toEqual([400, 'QUERY_TOO_COSTLY']);
    expect(res?.body.errors[0].extensions.cost).toEqual({ requested: 20_402, budget: 20_000 });
    expect(statements).toBe(0);
  });

  it('reports the cost of every answered query in extensions', async () => {
    const res = await post({
      query: '{ experts(first: 10) { totalCount edges { node { name } } } }',
    });
    expect(res.status).toBe(200);
    expect(res.body.extensions).toEqual({ cost: { requested: 23, budget: 20_000 } });
  });

  it('refuses hitsPerPage: 10000, naming the argument', async () => {
    const res = await post({
      query: '{ searchExperts(input: { hitsPerPage: 10000 }) { hits { expert { name } } } }',
    });
    expect([res.status, codeOf(res)]).toEqual([400, 'BAD_USER_INPUT']);
    expect(res.body.errors[0].message).toBe('hitsPerPage: must not be greater than 100');
    expect(res.body.data).toBeNull();
  });

  it('answers a 1 MB body with 413', async () => {
    const res = await post({ query: '{ __typename }', padding: 'x'.repeat(1024 * 1024) });
    expect([res.status, codeOf(res)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('answers malformed JSON with 400 and says so', async () => {
    const res = await post('{"query": "{ __typename }"');
    expect([res.status, codeOf(res)]).toEqual([400, 'BAD_REQUEST']);
    expect(res.body.errors[0].message).toMatch(/^Request body is not valid JSON: /);
  });

  it('answers a wrong-typed variable with 400 BAD_USER_INPUT', async () => {
    const res = await post({
      query: 'query($n: Int) { experts(first: $n) { totalCount } }',
      variables: { n: 'ten' },
    });
    expect([res.status, codeOf(res)]).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('refuses a 100,000-character query before parsing it', async () => {
    const res = await post({ query: `{ ${'__typename '.repeat(9_091)}}` });
    expect(res.body.errors[0].extensions.length).toBeGreaterThanOrEqual(100_000);
    expect([res.status, codeOf(res)]).toEqual([413, 'QUERY_TOO_LARGE']);
  });

  it('stops parsing at the token limit', async () => {
    const res = await post({ query: `{ ${'x '.repeat(2_100)}}` });
    expect([res.status, codeOf(res)]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
    expect(res.body.errors[0].message).toMatch(/more tha. 2000 tokens/);
  });

  it('blocks GETs that could be cross-site forgeries, and serves those that cannot be', async () => {
    const query = { query: '{ __typename }' };
    const forged = await request(server).get('/graphql').query(query);
    expect([forged.status, codeOf(forged)]).toEqual([400, 'BAD_REQUEST']);
    const form = await request(server)
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send(JSON.stringify(query));
    expect(form.status).toBe(400);
    const preflighted = await request(server)
      .get('/graphql')
      .query(query)
      .set('apollo-require-preflight', 'true');
    expect([preflighted.status, preflighted.body.data]).toEqual([200, { __typename: 'Query' }]);
  });

  it('lets any page read anonymous answers while CORS_ORIGINS is unset (public data)', async () => {
    const res = await post({ query: '{ __typename }' }).set('origin', 'https://elsewhere.example');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('https://elsewhere.example');
  });

  it('publishes the SDL at /graphql/schema.graphql', async () => {
    const res = await request(server).get('/graphql/schema.graphql');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
