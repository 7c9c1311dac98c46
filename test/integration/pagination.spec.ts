import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
  experts(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { id name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('connections', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ demoExperts: 230 })));
  afterAll(() => t.close());

  it('defaults to 20 items and reports the total', async () => {
    const res = await t.gql(PAGE);
    expect(res.data?.experts.edges).toHaveLength(20);
    expect(res.data?.experts.totalCount).toBe(230);
  });

  it.each([
    [{ first: 101 }, 'first'],
    [{ first: -1 }, 'first'],
    [{ last: 500 }, 'last'],
    [{ after: 'bm90LWEtY3Vyc29y' }, 'after'],
    [{ after: 'WyJvbmx5LW9uZSJd' }, 'after'],
    [{ before: '%%%' }, 'before'],
  ])('refuses %j with BAD_USER_INPUT naming %s', async (args, field) => {
    const res = await t.gql(PAGE, args);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(new RegExp(`^${field}: `));
    expect(res.data?.experts ?? null).toBeNull();
  });

  it('walks forward with after: endCursor and returns every id exactly once', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 50; pages++) {
      const res = await t.gql(PAGE, { first: 37, after });
      const conn = res.data?.experts;
      seen.push(...conn.edges.map((e: any) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(230);
    expect(new Set(seen).size).toBe(230);
  });

  it('walks backward with last/before and finds the same set in the same order', async () => {
    const forward = (await t.gql(PAGE, { first: 100 })).data?.experts.edges.map(
      (e: any) => e.node.id,
    );
    const backward: string[] = [];
    let before: string | undefined;
    for (let pages = 0; pages < 50; pages++) {
      const conn = (await t.gql(PAGE, { last: 41, before })).data?.experts;
      backward.unshift(...conn.edges.map((e: any) => e.node.id));
      if (!conn.pageInfo.hasPreviousPage) break;
      before = conn.pageInfo.startCursor;
    }
    expect(backward).toHaveLength(230);
    expect(backward.slice(0, 100)).toEqual(forward);
  });

  it('filters by organisation, technology, country and cluster', async () => {
    const some = (
      await t.gql(
        `{ experts(first: 1) { edges { node { organisation { id country clusters { id } } skills { technology { id } } } } } }`,
      )
    ).data?.experts.edges[0].node;
    const filters = {
      organisationId: some.organisation.id,
      technologyId: some.skills[0].technology.id,
      country: some.organisation.country,
      clusterId: some.organisation.clusters[0]?.id,
    };
    for (const [name, value] of Object.entries(filters)) {
      if (!value) continue;
      const res = await t.gql(
        `query($v: ${name === 'country' ? 'String' : 'ID'}) { experts(${name}: $v, first: 100) { totalCount edges { node { organisation { id country clusters { id } } skills { technology { id } } } } } }`,
        { v: value },
      );
      const conn = res.data?.experts;
      expect(conn.totalCount).toBeGreaterThan(0);
      expect(conn.totalCount).toBeLessThanOrEqual(230);
      for (const { node } of conn.edges) {
        if (name === 'organisationId') expect(node.organisation.id).toBe(value);
        if (name === 'country') expect(node.organisation.country).toBe(value);
        if (name === 'clusterId')
          expect(node.organisation.clusters.map((c: any) => c.id)).toContain(value);
        if (name === 'technologyId')
          expect(node.skills.map((s: any) => s.technology.id)).toContain(value);
      }
    }
  });
});
