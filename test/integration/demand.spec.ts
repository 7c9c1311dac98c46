import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { Role } from '../../src/auth/caller.js';
import { DemandService } from '../../src/demand/demand.service.js';
import { must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const GAPS = `query($since: DateTime!, $limit: Int) {
  demandGaps(since: $since, limit: $limit) {
    techniques { technology { slug name } asked experts zeroResultAsks }
    zeroResultQueries { query count lastAt }
  }
}`;
const EXPERTS = `query($input: ExpertSearchInput!) { searchExperts(input: $input) { totalHits } }`;
const ORGANISATIONS = `query($input: OrganisationSearchInput!) { searchOrganisations(input: $input) { totalHits } }`;
const OVERVIEW = `query($q: String!) { search(query: $q) { expertTotal } }`;

describe('demand insight', () => {
  let t: TestApp;
  /** Searches for atom probe tomography that found nothing: the filtered one surely does. */
  let aptZero = 0;
  const since = new Date(Date.now() - 60_000).toISOString();
  const run = async (query: string, variables: Record<string, unknown>) => {
    const res = await t.gql(query, variables, null);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as Record<string, any>;
  };
  const gaps = async (variables: Record<string, unknown> = { since }) => {
    const res = await t.gql(GAPS, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data?.demandGaps;
  };

  beforeAll(async () => {
    t = await startTestApp({ demoExperts: 40 });
    await must(
      t,
      `mutation { createTechnology(input: { name: "Atom probe tomography", slug: "atom-probe-tomography", acronyms: ["APT"], nameFr: "Sonde atomique tomographique" }) { id } }`,
      'createTechnology',
    );
    await t.searchSynced(60_000);
    const byText = await run(EXPERTS, { input: { query: 'Atom probe tomography' } });
    aptZero = byText.searchExperts.totalHits === 0 ? 2 : 1;
    await run(EXPERTS, {
      input: {
        filters: [{ facet: 'TECHNOLOGY', values: ['atom-probe-tomography'] }],
        near: { lat: 49.6, lng: 6.1, radiusKm: 50 },
      },
    });
    await run(OVERVIEW, { q: 'sonde atomique tomographique' });
    await run(EXPERTS, { input: { query: 'XRD' } });
    await run(EXPERTS, { input: { query: 'zzzz nothing' } });
    await run(EXPERTS, { input: { query: '  ZZZZ   Nothing ' } });
    await run(ORGANISATIONS, { input: { query: 'zzzz nothing' } });
    await run(EXPERTS, { input: { query: 'jane.doe@example.com' } });
    await run(OVERVIEW, { q: '+352 621 123 456' });
  });
  afterAll(() => t.close());

  it('lists a technique asked for that no expert offers, with zero experts first', async () => {
    const { techniques } = await gaps();
    const apt = techniques.find((x: any) => x.technology.slug === 'atom-probe-tomography');
    expect(apt).toMatchObject({ experts: 0, asked: 3, zeroResultAsks: aptZero });
    expect(techniques[0].experts).toBe(0);
    const xrd = techniques.find((x: any) => x.technology.slug === 'x-ray-diffraction');
    expect(xrd.asked).toBe(1);
    expect(xrd.experts).toBeGreaterThan(0);
    const order = techniques.map((x: any) => x.experts);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('lists the most frequent zero-result searches by their normalised text', async () => {
    const { zeroResultQueries } = await gaps();
    expect(zeroResultQueries[0]).toMatchObject({ query: 'zzzz nothing', count: 3 });
    expect(Date.parse(zeroResultQueries[0].lastAt)).toBeGreaterThan(Date.parse(since));
  });

  it('counts inquiries recorded by other features', async () => {
    t.app.get(DemandService).recordInquiry({
      technologySlugs: ['atom-probe-tomography', 'no-such-technique'],
      hasLocation: true,
    });
    const { techniques } = await gaps();
    const apt = techniques.find((x: any) => x.technology.slug === 'atom-probe-tomography');
    expect(apt).toMatchObject({ asked: 4, zeroResultAsks: aptZero, experts: 0 });
    expect(techniques.some((x: any) => x.technology.slug === 'no-such-technique')).toBe(false);
  });

  it('reads only the window asked for, and bounds the limit', async () => {
    const future = await gaps({ since: new Date(Date.now() + 60_000).toISOString() });
    expect(future).toEqual({ techniques: [], zeroResultQueries: [] });
    expect((await gaps({ since, limit: 1 })).techniques).toHaveLength(1);
    const res = await t.gql(GAPS, { since, limit: 1000 });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toBe('limit: must be between 1 and 100');
  });

  it('is for staff only', async () => {
    const [cluster] = await t.db.query<{ slug: string }[]>('SELECT slug FROM clusters');
    const partner = (
      await t.app
        .get(ApiKeysService)
        .create({ name: 'P', role: Role.PARTNER, clusters: [cluster!.slug] })
    ).secret;
    const anonymous = await t.gql(GAPS, { since }, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const asPartner = await t.gql(GAPS, { since }, partner);
    expect(asPartner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('stores nothing personal: no caller, no contact details', async () => {
    await t.app.get(DemandService).flush();
    const rows = await t.db.query<Record<string, unknown>[]>('SELECT * FROM search_demand');
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      ['at', 'id', 'near', 'query', 'source', 'totalHits'].sort(),
    );
    const queries = rows.map((r) => r.query);
    expect(queries).toContain('atom probe tomography');
    const text = JSON.stringify(queries);
    for (const personal of ['jane', 'example.com', '@', '621', '352']) {
      expect(text).not.toContain(personal);
    }
    // The searches were still counted, only without their text (the third has no text).
    expect(rows.filter((r) => r.query === null && r.source !== 'inquiry')).toHaveLength(3);
  });

  it('never fails a search because recording failed', async () => {
    const demand = t.app.get(DemandService);
    await demand.flush();
    const before = await t.db.query<{ n: number | string }[]>(
      'SELECT COUNT(*) AS n FROM search_demand',
    );
    const failing = jest
      .spyOn(t.db, 'transaction')
      .mockRejectedValueOnce(new Error('database gone'));
    try {
      const result = await run(EXPERTS, { input: { query: 'lost demand' } });
      expect(result.searchExperts.totalHits).toBeGreaterThanOrEqual(0);
      await expect(demand.flush()).resolves.toBeUndefined();
    } finally {
      failing.mockRestore();
    }
    await run(EXPERTS, { input: { query: 'kept demand' } });
    await demand.flush();
    const rows = await t.db.query<{ query: string | null }[]>(
      "SELECT query FROM search_demand WHERE query IN ('lost demand', 'kept demand')",
    );
    expect(rows.map((r) => r.query)).toEqual(['kept demand']);
    const after = await t.db.query<{ n: number | string }[]>(
      'SELECT COUNT(*) AS n FROM search_demand',
    );
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n) + 1);
  });
});
