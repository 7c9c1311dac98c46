import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createBasics, must } from '../support/fixtures.js';
import { signedInPerson } from '../support/people.js';
import {
  graphQLShapes,
  malformedIds,
  POISONS,
  type GraphQLShape,
  type RealIds,
} from '../support/hostile-shapes.js';
import { SignInService } from '../../src/people/sign-in.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Server = Parameters<typeof request>[0];
interface Answer {
  status: number;
  body: unknown;
}

/** An HTTP request of the corpus that is not a well-formed GraphQL operation. */
interface HttpShape {
  label: string;
  send: (server: Server) => Promise<Answer>;
}

const SOME_HASH = 'a'.repeat(64);
const post =
  (body: string | object, type = 'application/json') =>
  (server: Server) =>
    request(server).post('/graphql').set('content-type', type).send(body);
const get = (path: string) => (server: Server) =>
  request(server).get(path).set('apollo-require-preflight', '1');
const apq = (persistedQuery: unknown, query?: string) =>
  post({ query, extensions: { persistedQuery } });
const getApq = (persistedQuery: unknown) =>
  get(`/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery }))}`);

/** Malformed requests, persisted-query junk and odd routes, written out: they have no schema. */
function httpShapes(): HttpShape[] {
  const shapes: Record<string, (server: Server) => Promise<Answer>> = {
    // Routes
    ...Object.fromEntries(
      [
        'constructor',
        '__proto__',
        'prototype',
        'toString',
        'hasOwnProperty',
        'valueOf',
        '__defineGetter__',
        '%00',
        '%ZZ',
        '%2e%2e%2fpackage.json',
        '..%2f..%2fpackage.json',
        'graphiql.js%00',
        'a/b',
        '',
      ].map((file) => [`GET /graphiql/${file}`, get(`/graphiql/${file}`)]),
    ),
    'HEAD /graphiql/graphiql.js': (s) => request(s).head('/graphiql/graphiql.js'),
    'POST /graphiql/react.js': (s) => request(s).post('/graphiql/react.js'),
    'GET /__proto__': get('/__proto__'),
    'GET /constructor': get('/constructor'),
    'GET /%00': get('/%00'),
    'GET /graphql/%ZZ': get('/graphql/%ZZ'),
    'GET /graphql/schema.graphql?x=%00': get('/graphql/schema.graphql?x=%00'),
    'GET /health/constructor': get('/health/constructor'),
    'PUT /graphql': (s) => request(s).put('/graphql').send({ query: '{ __typename }' }),
    'DELETE /graphql': (s) => request(s).delete('/graphql'),
    'PATCH /graphql': (s) => request(s).patch('/graphql').send({ query: '{ __typename }' }),
    'OPTIONS /graphql': (s) => request(s).options('/graphql'),
    // Persisted queries
    'APQ as a string': apq('x'),
    'APQ as a number': apq(5),
    'APQ as an array': apq([]),
    'APQ version 2': apq({ version: 2, sha256Hash: SOME_HASH }, '{ __typename }'),
    'APQ version "1"': apq({ version: '1', sha256Hash: SOME_HASH }),
    'APQ without a version': apq({ sha256Hash: SOME_HASH }),
    'APQ without a hash': apq({ version: 1 }),
    'APQ with a short hash': apq({ version: 1, sha256Hash: 'x' }),
    'APQ with a number hash': apq({ version: 1, sha256Hash: 5 }),
    'APQ with an object hash': apq({ version: 1, sha256Hash: { toString: 1 } }),
    'APQ with a hash holding NUL': apq({ version: 1, sha256Hash: `${'a'.repeat(63)}\u0000` }),
    'APQ with a hash of 10,000 characters': apq({ version: 1, sha256Hash: 'a'.repeat(10_000) }),
    'APQ with a hash of another query': apq(
      { version: 1, sha256Hash: 'b'.repeat(64) },
      '{ __typename }',
    ),
    'APQ with an unknown hash': apq({ version: 1, sha256Hash: 'c'.repeat(64) }),
    'APQ null': apq(null, '{ __typename }'),
    'GET APQ with a short hash': getApq({ version: 1, sha256Hash: 'x' }),
    'GET APQ as a string': getApq('x'),
    'GET APQ version 3': getApq({ version: 3, sha256Hash: 'c'.repeat(64) }),
    'extensions as an array': post({ query: '{ __typename }', extensions: [] }),
    'extensions as a string': post({ query: '{ __typename }', extensions: 'x' }),
    // Bodies
    'invalid JSON': post('{"query":'),
    'a number as the body': post('5'),
    'null as the body': post('null'),
    'a string as the body': post('"x"'),
    'an empty array as the body': post('[]'),
    'a batch as the body': post('[{"query":"{ __typename }"}]'),
    'an empty object': post({}),
    'JSON nested 100,000 deep': post('['.repeat(100_000)),
    'invalid UTF-8 bytes': post(Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d])),
    'a byte-order mark': post(`\ufeff{"query":"{ __typename }"}`),
    'text/plain': post('{"query":"{ __typename }"}', 'text/plain'),
    'a form': post('query=%7B__typename%7D', 'application/x-www-form-urlencoded'),
    multipart: post('--x\r\n\r\n--x--', 'multipart/form-data; boundary=x'),
    'application/graphql': post('{ __typename }', 'application/graphql'),
    'charset latin1': post('{"query":"{ __typename }"}', 'application/json; charset=latin1'),
    'charset utf-16': post('{"query":"{ __typename }"}', 'application/json; charset=utf-16'),
    'charset junk': post('{"query":"{ __typename }"}', 'application/json; charset=%00'),
    'query as an object': post({ query: {} }),
    'query as a number': post({ query: 5 }),
    'query as an array': post({ query: ['{ __typename }'] }),
    'an empty query': post({ query: '' }),
    'a query with a NUL byte': post({ query: '{ __typename }\u0000' }),
    'a query with a lone surrogate': post({ query: '{ __typename } # \ud83d' }),
    'a lone surrogate in a literal': post({ query: '{ cluster(slug: "x\ud83d") { id } }' }),
    'a lone surrogate escape in a literal': post({ query: '{ cluster(slug: "x\\uD83D") { id } }' }),
    'a NUL escape in a literal': post({ query: '{ cluster(slug: "x\\u0000") { id } }' }),
    'a huge operationName': post({ query: '{ __typename }', operationName: 'x'.repeat(100_000) }),
    'operationName as an object': post({ query: '{ __typename }', operationName: {} }),
    'operationName with a NUL byte': post({ query: '{ __typename }', operationName: 'a\u0000' }),
    'variables as a string': post({ query: '{ __typename }', variables: 'x' }),
    'variables as an array': post({ query: '{ __typename }', variables: [] }),
    'variables as a number': post({ query: '{ __typename }', variables: 5 }),
    'variables with a __proto__ key': post(
      '{"query":"query($q: String) { search(query: $q) { __typename } }","variables":{"__proto__":{"q":"x"}}}',
    ),
    // GET
    'GET without a query': get('/graphql?foo=bar'),
    'GET with two queries': get('/graphql?query=a&query=b'),
    'GET with bracketed params': get('/graphql?query[a]=b&variables[x]=1'),
    'GET with junk variables': get('/graphql?query=%7B__typename%7D&variables=x'),
    'GET with junk extensions': get('/graphql?query=%7B__typename%7D&extensions=x'),
    'GET with a broken percent-encoding': get('/graphql?query=%E0%A4%A'),
    'GET with %00': get('/graphql?query=%00'),
    'GET with a mutation': get(
      `/graphql?query=${encodeURIComponent('mutation { deleteCluster(id: "x") { id } }')}`,
    ),
    'GET with a huge operationName': get(
      `/graphql?query=%7B__typename%7D&operationName=${'x'.repeat(5000)}`,
    ),
    'GET with a query of 20,000 characters': get(`/graphql?query=${'%7B'.repeat(20_000)}`),
    // Keys
    'a junk API key': (s) =>
      request(s)
        .post('/graphql')
        .set('authorization', 'Bearer junk')
        .send({ query: '{ __typename }' }),
    'a 10,000-character API key': (s) =>
      request(s)
        .post('/graphql')
        .set('authorization', `Bearer ${'k'.repeat(10_000)}`)
        .send({ query: '{ __typename }' }),
    'a Basic authorization': (s) =>
      request(s)
        .post('/graphql')
        .set('authorization', 'Basic eDp4')
        .send({ query: '{ __typename }' }),
  };
  return Object.entries(shapes).map(([label, send]) => ({ label, send }));
}

/**
 * Forum writes are a signed-in person's (an API key is refused before validation): the corpus
 * sends them with a staff person's session, so their arguments are validated and written.
 */
const PERSON_MUTATIONS = new Set([
  'askQuestion',
  'answerQuestion',
  'commentOnPost',
  'acceptAnswer',
  'followQuestion',
  'unfollowQuestion',
  'reportPost',
]);

/**
 * Acceptance 2 of issue 13: no request of a hostile corpus answers 5xx or INTERNAL_SERVER_ERROR,
 * and a refused mutation stores nothing. The GraphQL part is generated from the live schema
 * (hostile-shapes.ts): poisoned text in every string input, null for every optional one,
 * malformed ids and cursors; the HTTP part is written out above.
 */
describe('hostile corpus', () => {
  let t: TestApp;
  let server: Server;
  let real: RealIds;
  let staffToken: string;

  beforeAll(async () => {
    // The corpus posts hundreds of times as one person: the posting limit is not its subject.
    t = await startTestApp({ env: { MESSAGE_LIMIT_PERSON: '0' } });
    server = t.app.getHttpServer();
    const basics = await createBasics(t);
    const expert = await must(
      t,
      `mutation($o: ID!, $t: ID!) { createExpert(input: { name: "Hedda Hostile", email: "hedda@example.lu", organisationId: $o, skills: [{ technologyId: $t, level: EXPERT }] }) { id } }`,
      'createExpert',
      { o: basics.org.id, t: basics.xrd.id },
    );
    const instrument = await must(
      t,
      `mutation($o: ID!, $t: ID!) { createInstrument(input: { name: "Probe diffractometer", organisationId: $o, technologyId: $t, accessMode: COLLABORATION }) { id } }`,
      'createInstrument',
      { o: basics.org.id, t: basics.xrd.id },
    );
    const inquiry = await must(
      t,
      `mutation { submitInquiry(input: { requesterName: "Iris Asker", organisation: "Asker SA", email: "iris@example.lu", country: "LU", description: "Residual stress in welded steel", consentToContact: true }) { reference } }`,
      'submitInquiry',
    );
    // A conversation, read by the corpus's admin key as staff (Conversation.messages' arguments).
    const staff = await signedInPerson(t, {
      email: 'sam@staff.example',
      name: 'Sam Staff',
      staffRole: 'STAFF',
    });
    const other = await signedInPerson(t, { email: 'oona@other.example', name: 'Oona Other' });
    const started = await t.gql(
      `mutation($p: [ID!]!) { startConversation(personIds: $p, subject: "Probe", message: "Hello") { id } }`,
      { p: [other.id] },
      staff.token,
    );
    staffToken = staff.token;
    const question = await t.gql(
      `mutation($x: ID!) { askQuestion(title: "Probe question", body: "Probe", techniqueIds: [$x]) { id } }`,
      { x: basics.xrd.id },
      staff.token,
    );
    const questionId = (question.data as { askQuestion: { id: string } }).askQuestion.id;
    const answer = await t.gql(
      `mutation($q: ID!) { answerQuestion(questionId: $q, body: "Probe answer") { id } }`,
      { q: questionId },
      staff.token,
    );
    const faqEntry = await must(
      t,
      `mutation($c: ID!) { createFaqEntry(input: { categoryId: $c, translations: [{ language: EN, question: "Probe?", answer: "Probe." }] }) { id } }`,
      'createFaqEntry',
      { c: basics.root.id },
    );
    real = {
      FaqEntry: faqEntry.id,
      Question: questionId,
      Answer: (answer.data as { answerQuestion: { id: string } }).answerQuestion.id,
      Conversation: (started.data as { startConversation: { id: string } }).startConversation.id,
      Cluster: basics.cluster.id,
      Organisation: basics.org.id,
      Technology: basics.xrd.id,
      Material: basics.material.id,
      Sector: basics.sector.id,
      Expert: expert.id,
      Instrument: instrument.id,
      Inquiry: inquiry.reference,
      Nothing: Buffer.from('Expert:00000000-0000-4000-8000-000000000000').toString('base64url'),
    };
  });
  afterAll(() => t.close());

  /** Every stored row but what background work changes by itself (outboxes, demand, key use). */
  async function snapshot(): Promise<string> {
    const tables = t.db.entityMetadatas
      .map((m) => m.tableName)
      .filter((name) => !/outbox|demand/.test(name))
      .sort();
    const dump: Record<string, string[]> = {};
    for (const table of tables) {
      const rows = await t.db.query<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
      dump[table] = rows.map(withoutBookkeeping).sort();
    }
    return JSON.stringify(dump);
  }

  /**
   * A row without its use bookkeeping: `lastUsedAt` is written at most once a minute by whatever
   * request used the key (or session, or link), and on tables that have `updatedAt` that write
   * moves it too; a long corpus crosses several minutes, so the write lands in some mutation's
   * window and was blamed on it.
   */
  function withoutBookkeeping({ lastUsedAt, updatedAt, ...rest }: Record<string, unknown>): string {
    // Absent (undefined), not null: the table has no use bookkeeping, its updatedAt stays.
    const kept = lastUsedAt === undefined ? { ...rest, updatedAt } : rest;
    return JSON.stringify(kept, Object.keys(kept).sort());
  }

  /** What is wrong with an answer: a 5xx, or an internal error in the body. */
  function fault(answer: Answer): string | undefined {
    if (answer.status >= 500) return `status ${answer.status}`;
    const errors = (
      answer.body as { errors?: { message: string; extensions?: { code?: string } }[] }
    )?.errors;
    const internal = errors?.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
    return internal ? `INTERNAL_SERVER_ERROR (${internal.message})` : undefined;
  }

  it('generates shapes for every input of the schema', async () => {
    const shapes = await graphQLShapes(t, real);
    const labels = shapes.map((s) => s.label);
    expect(shapes.length + httpShapes().length).toBeGreaterThanOrEqual(100);
    // A sample of what must be there, so a broken generator cannot pass by generating nothing.
    expect(labels).toEqual(
      expect.arrayContaining([
        'query experts: after null',
        'query experts: last null',
        'query Organisation.experts: after cursor junk',
        'mutation updateExpert: input.visibility null',
        `mutation createOrganisation: input.aliases.0 with ${Object.keys(POISONS)[0]}`,
        'mutation updateExpert: input.skills.0.technologyId trailing !!',
        `query searchExperts: input.filters.0.values.0 with ${Object.keys(POISONS)[2]}`,
        `query nodes: ids.0 ${Object.keys(malformedIds('x'))[2]}`,
        `mutation answerQuestion: body with ${Object.keys(POISONS)[0]}`,
        'mutation askQuestion: techniqueIds.0 trailing !!',
        'query questions: after cursor junk',
      ]),
    );
  });

  it('answers every GraphQL shape without a 5xx or an internal error; refused mutations store nothing', async () => {
    const shapes = await graphQLShapes(t, real);
    const signIn = t.app.get(SignInService);
    const faults: string[] = [];
    let before = await snapshot();
    const send = (shape: GraphQLShape) => {
      const name = /^mutation ([A-Za-z]+):/.exec(shape.label)?.[1] ?? '';
      const bearer = PERSON_MUTATIONS.has(name) ? staffToken : t.keys.admin;
      return request(server)
        .post('/graphql')
        .set('authorization', `Bearer ${bearer}`)
        .send({ query: shape.query, variables: shape.variables });
    };
    for (const shape of shapes) {
      const answer = await send(shape);
      const problem = fault(answer);
      if (problem) faults.push(`${shape.label}: ${problem}`);
      if (!shape.mutation) continue;
      // requestSignIn answers first and writes after (so its timing tells nothing): wait for
      // that work, or its rows would be blamed on the next mutation.
      await signIn.settled();
      const after = await snapshot();
      const body = answer.body as { data?: Record<string, unknown> | null; errors?: unknown[] };
      const refused = !body.data || Object.values(body.data).every((v) => v === null);
      if (refused && body.errors?.length && after !== before) {
        faults.push(`${shape.label}: refused, but the database changed`);
      }
      before = after;
    }
    expect(faults).toEqual([]);
    // Two thousand requests, each with a database snapshot: the corpus grows with the schema, so
    // this is a safety net for a loaded machine, not a speed target.
  }, 300_000);

  it('answers every malformed HTTP request, persisted-query junk and odd route with a 4xx', async () => {
    const faults: string[] = [];
    for (const shape of httpShapes()) {
      const answer = await shape.send(server);
      const problem = fault(answer);
      if (problem) faults.push(`${shape.label}: ${problem}`);
    }
    expect(faults).toEqual([]);
  });
});
