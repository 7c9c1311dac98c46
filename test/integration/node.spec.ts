import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('node(id) and nodes(ids)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ demoExperts: 20 })));
  afterAll(() => t.close());

  const LISTS = {
    Expert: 'experts',
    Organisation: 'organisations',
    Technology: 'technologies',
    Instrument: 'instruments',
    Cluster: 'clusters',
    Material: 'materials',
    Sector: 'sectors',
  };

  it.each(Object.entries(LISTS))('round-trips a %s', async (type, list) => {
    const first = (await t.gql(`{ ${list}(first: 1) { edges { node { id } } } }`)).data?.[list]
      .edges[0].node;
    const res = await t.gql(
      `query($id: ID!) { node(id: $id) { __typename id ... on ${type} { name } } }`,
      { id: first.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.node).toMatchObject({ __typename: type, id: first.id });
    expect(typeof res.data?.node.name).toBe('string');
  });

  it('fetches several types at once, null for ids that name nothing', async () => {
    const expert = (
      await t.gql(`{ experts(first: 1) { edges { node { id organisation { id } } } } }`)
    ).data?.experts.edges[0].node;
    const gone = Buffer.from('Expert:00000000-0000-4000-8000-000000000000').toString('base64url');
    const res = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, {
      ids: [expert.id, expert.organisation.id, gone],
    });
    expect(res.data?.nodes).toEqual([
      { __typename: 'Expert', id: expert.id },
      { __typename: 'Organisation', id: expert.organisation.id },
      null,
    ]);
  });

  it('refuses more than 100 ids, naming the argument', async () => {
    const res = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: Array.from({ length: 101 }, () => 'hello'),
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toBe('ids: must hold at most 100 ids');
  });

  it('answers BAD_USER_INPUT for an id that is not a Kenner id', async () => {
    const res = await t.gql(`{ node(id: "hello") { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
