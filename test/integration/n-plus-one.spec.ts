import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

const QUERY = `query($first: Int) {
  experts(first: $first) {
    totalCount
    edges { node { name organisation { name clusters { slug } } skills { level technology { name parent { name } } } materials { name } sectors { name } } }
  }
}`;

describe('no N+1', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ demoExperts: 150 })));
  afterAll(() => t.close());

  it('a page of 100 experts with nested fields costs as many statements as a page of 5', async () => {
    await t.gql(QUERY, { first: 1 }); // the key's first use records lastUsedAt: not the point here
    let statements100 = 0;
    const queries100 = await t.countQueries(async () => {
      const res = await t.gql(QUERY, { first: 100 });
      expect(res.data?.experts.edges).toHaveLength(100);
      statements100 = res.data?.experts.edges.length;
    });
    const queries5 = await t.countQueries(() => t.gql(QUERY, { first: 5 }));
    expect(statements100).toBe(100);
    expect(queries100).toBe(queries5);
    // key, page with its count, organisations with clusters, skills with techniques, vocabularies
    expect(queries100).toBeLessThanOrEqual(5);
  });
});
