import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exactDistanceKm } from '../../src/search/faceting/geo.js';
import { must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Searches near a place, now that expert documents carry no position: the radius goes through the
 * organisations index, the DISTANCE order is cut from the organisations' distance bands. Far from
 * any demo place (10° N, 10° E), so only this file's organisations are near.
 */
const CENTRE = { lat: 10, lng: 10 };
const PLACES = {
  here: { lat: 10, lng: 10 }, // 0 km
  twinA: { lat: 10.03, lng: 10.02 }, // ~4 km, one building for two organisations
  twinB: { lat: 10.03, lng: 10.02 },
  further: { lat: 10.05, lng: 10.05 }, // ~7.8 km
  edge: { lat: 10.09, lng: 10 }, // ~10.01 km north: the boundary of a 10 km radius
  unplaced: null,
};
const EXPERTS: Record<keyof typeof PLACES, number> = {
  here: 3,
  twinA: 2,
  twinB: 3,
  further: 3,
  edge: 2,
  unplaced: 2,
};

const SEARCH = `query($input: ExpertSearchInput!) {
  searchExperts(input: $input) {
    totalHits totalPages
    hits { distanceKm expert { id name organisation { id } } }
    facets { facet values { value count } }
  }
}`;
const ORGS = `query($input: OrganisationSearchInput!) {
  searchOrganisations(input: $input) { totalHits hits { organisation { id } } }
}`;

describe('searching experts near a place', () => {
  let t: TestApp;
  const orgIds = {} as Record<keyof typeof PLACES, string>;
  const orgOf = new Map<string, keyof typeof PLACES>();
  const search = async (input: Record<string, unknown>) => {
    const res = await t.gql(SEARCH, { input });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data?.searchExperts;
  };
  const organisationsWithin = async (radiusKm: number) => {
    const res = await t.gql(ORGS, { input: { near: { ...CENTRE, radiusKm }, hitsPerPage: 100 } });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return new Set<string>(res.data?.searchOrganisations.hits.map((h: any) => h.organisation.id));
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const [key, place] of Object.entries(PLACES) as [keyof typeof PLACES, any][]) {
      const org = await must(
        t,
        `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
        'createOrganisation',
        {
          input: {
            name: `Near ${key}`,
            type: 'UNIVERSITY',
            country: 'LU',
            latitude: place?.lat ?? null,
            longitude: place?.lng ?? null,
          },
        },
      );
      orgIds[key] = org.id;
      orgOf.set(org.id, key);
      for (let i = 0; i < EXPERTS[key]; i++) {
        await must(
          t,
          `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
          'createExpert',
          {
            input: {
              name: `Expert ${key} ${i}`,
              email: `${key}${i}@near.example`,
              organisationId: org.id,
              jobTitle: i === 0 ? 'corrosion engineer' : 'chemist',
            },
          },
        );
      }
    }
    await t.searchSynced(60_000);
  });
  afterAll(() => t.close());

  it('keeps exactly the experts of the organisations the same radius keeps, at the boundary too', async () => {
    const edgeKm = exactDistanceKm(CENTRE, PLACES.edge);
    for (const radiusKm of [edgeKm - 0.01, edgeKm, edgeKm + 0.01]) {
      const orgs = await organisationsWithin(radiusKm);
      const { hits, totalHits } = await search({ near: { ...CENTRE, radiusKm }, hitsPerPage: 100 });
      expect(new Set(hits.map((h: any) => h.expert.organisation.id))).toEqual(orgs);
      const expected = [...orgs].reduce((n, id) => n + EXPERTS[orgOf.get(id)!], 0);
      expect([radiusKm, totalHits]).toEqual([radiusKm, expected]);
    }
    expect((await organisationsWithin(edgeKm - 0.01)).has(orgIds.edge)).toBe(false);
    expect((await organisationsWithin(edgeKm + 0.01)).has(orgIds.edge)).toBe(true);
  });

  it('never places the experts of an organisation without a position', async () => {
    const { hits } = await search({ near: { ...CENTRE, radiusKm: 2000 }, hitsPerPage: 100 });
    expect(hits.some((h: any) => h.expert.organisation.id === orgIds.unplaced)).toBe(false);
    const anywhere = await search({ query: 'Expert unplaced', hitsPerPage: 100 });
    expect(anywhere.hits.every((h: any) => h.distanceKm === null)).toBe(true);
  });

  it('reports each hit at its organisation’s distance', async () => {
    const { hits } = await search({ near: { ...CENTRE, radiusKm: 50 }, hitsPerPage: 100 });
    for (const hit of hits) {
      const place = PLACES[orgOf.get(hit.expert.organisation.id)!]!;
      expect(hit.distanceKm).toBe(Math.round(exactDistanceKm(CENTRE, place) * 10) / 10);
    }
  });

  it('pages through a DISTANCE order without gaps or repeats, nearest first', async () => {
    const near = { ...CENTRE, radiusKm: 50 };
    const whole = await search({ near, sort: 'DISTANCE', hitsPerPage: 100 });
    expect(whole.totalHits).toBe(13);
    const distances = whole.hits.map((h: any) => h.distanceKm);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    // The twins share one distance: their experts form one run, the farther ones after them.
    const order = whole.hits.map((h: any) => orgOf.get(h.expert.organisation.id));
    expect(order.slice(0, 3)).toEqual(['here', 'here', 'here']);
    expect(new Set(order.slice(3, 8))).toEqual(new Set(['twinA', 'twinB']));
    expect(order.slice(8)).toEqual(['further', 'further', 'further', 'edge', 'edge']);
    for (const perPage of [1, 2, 4, 5]) {
      const paged: string[] = [];
      for (let page = 1; page <= Math.ceil(13 / perPage) + 1; page++) {
        const result = await search({ near, sort: 'DISTANCE', hitsPerPage: perPage, page });
        expect(result.totalPages).toBe(Math.ceil(13 / perPage));
        paged.push(...result.hits.map((h: any) => h.expert.id));
      }
      expect([perPage, paged]).toEqual([perPage, whole.hits.map((h: any) => h.expert.id)]);
    }
  });

  it('puts distance before relevance when sorting by DISTANCE with words', async () => {
    const near = { ...CENTRE, radiusKm: 50 };
    const { hits, totalHits } = await search({ query: 'corrosion', near, sort: 'DISTANCE' });
    expect(totalHits).toBe(5);
    const distances = hits.map((h: any) => h.distanceKm);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });

  it('counts facets within the radius, disjunctively, equal to the hits of each value', async () => {
    const near = { ...CENTRE, radiusKm: 8 };
    const result = await search({ near, facets: ['ORGANISATION', 'COUNTRY'] });
    expect(result.totalHits).toBe(11);
    const byOrg = result.facets.find((f: any) => f.facet === 'ORGANISATION').values;
    expect(Object.fromEntries(byOrg.map((v: any) => [orgOf.get(v.value), v.count]))).toEqual({
      here: 3,
      twinA: 2,
      twinB: 3,
      further: 3,
    });
    expect(result.facets.find((f: any) => f.facet === 'COUNTRY').values).toEqual([
      { value: 'LU', count: 11 },
    ]);
    const filtered = await search({
      near,
      sort: 'DISTANCE',
      filters: [{ facet: 'ORGANISATION', values: [orgIds.twinB, orgIds.further] }],
      facets: ['ORGANISATION'],
      hitsPerPage: 4,
      page: 2,
    });
    expect(filtered.totalHits).toBe(6);
    expect(filtered.facets[0].values).toEqual(byOrg); // its own filter left out
    expect(filtered.hits.map((h: any) => orgOf.get(h.expert.organisation.id))).toEqual([
      'further',
      'further',
    ]);
  });

  it('follows an organisation that moves', async () => {
    await must(
      t,
      `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id } }`,
      'updateOrganisation',
      { id: orgIds.further, input: { latitude: 10.2, longitude: 10 } },
    );
    await t.searchSynced();
    const { hits } = await search({ near: { ...CENTRE, radiusKm: 8 }, hitsPerPage: 100 });
    expect(hits.some((h: any) => h.expert.organisation.id === orgIds.further)).toBe(false);
    const wide = await search({ near: { ...CENTRE, radiusKm: 50 }, sort: 'DISTANCE' });
    expect(wide.hits.at(-1).distanceKm).toBe(22.2);
  });
});
