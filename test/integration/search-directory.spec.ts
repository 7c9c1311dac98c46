import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ORGS = `query($input: OrganisationSearchInput!) {
  searchOrganisations(input: $input) {
    totalHits page totalPages hitsPerPage processingTimeMs
    hits { expertCount distanceKm highlights { field snippet } organisation { id name type country } }
    facets { facet values { value label count } }
  }
}`;
const TECHS = `query($input: TechnologySearchInput!) {
  searchTechnologies(input: $input) {
    totalHits page totalPages hitsPerPage
    hits { expertCount technology { slug name } path { slug } highlights { field snippet } }
    facets { facet values { value label count } }
  }
}`;
const OVERVIEW = `query($q: String!, $limit: Int) {
  search(query: $q, limit: $limit) {
    expertTotal organisationTotal technologyTotal
    experts { expert { name skills { technology { slug } } } }
    organisations { organisation { name } }
    technologies { technology { slug } path { slug } }
  }
}`;
const ORG_FACETS = [
  'ORGANISATION_TYPE',
  'COUNTRY',
  'REGION',
  'CLUSTER',
  'TECHNOLOGY',
  'TECHNIQUE_CATEGORY',
];

/** searchOrganisations, searchTechnologies and the all-in-one search, on the demo data. */
describe('organisation, technique and overall search on the demo data', () => {
  let t: TestApp;
  const run = async (query: string, field: string, variables: Record<string, unknown>) => {
    const res = await t.gql(query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return (res.data as Record<string, any>)[field];
  };
  const orgs = (input: Record<string, unknown>) => run(ORGS, 'searchOrganisations', { input });
  const techs = (input: Record<string, unknown>) => run(TECHS, 'searchTechnologies', { input });

  beforeAll(async () => {
    t = await startTestApp({ demoExperts: 400 });
    await t.searchSynced(60_000);
  });
  afterAll(() => t.close());

  it.each(['XRD', 'DRX', 'x-ray difraction', 'diffraction des rayons X', 'Röntgenbeugung'])(
    'finds X-ray diffraction first for "%s", with its path from the root',
    async (query) => {
      const { hits } = await techs({ query, hitsPerPage: 3 });
      expect(hits[0].technology.slug).toBe('x-ray-diffraction');
      const path = hits[0].path.map((p: { slug: string }) => p.slug);
      expect(path.length).toBeGreaterThan(1);
      expect(path.at(-1)).toBe('x-ray-diffraction');
    },
  );

  it('splits German compounds, so "Beugung" finds Röntgenbeugung by its own name', async () => {
    const { hits } = await techs({ query: 'Beugung', hitsPerPage: 20 });
    const xrd = hits.find(
      (h: { technology: { slug: string } }) => h.technology.slug === 'x-ray-diffraction',
    );
    // Its broader technique is "Beugung und Streuung": the match must be on its own names.
    expect(xrd?.highlights.map((h: { field: string }) => h.field)).toContain('name_de');
  });

  it('marks a German compound once, though the engine matched it in pieces', async () => {
    const { hits } = await techs({ query: 'Röntgenbeugung', hitsPerPage: 20 });
    const xrd = hits.find(
      (h: { technology: { slug: string } }) => h.technology.slug === 'x-ray-diffraction',
    );
    expect(xrd?.highlights).toContainEqual({
      field: 'name_de',
      snippet: '<mark>Röntgenbeugung</mark>',
    });
  });

  it('counts techniques by category and parent, each count equal to its filter', async () => {
    const { facets, totalHits } = await techs({ facets: ['CATEGORY', 'PARENT'] });
    expect(totalHits).toBeGreaterThan(50);
    for (const { facet, values } of facets) {
      expect(values.length).toBeGreaterThan(1);
      for (const { value, count } of values.slice(0, 5)) {
        const filtered = await techs({ filters: [{ facet, values: [value] }], hitsPerPage: 1 });
        expect([facet, value, filtered.totalHits]).toEqual([facet, value, count]);
      }
    }
  });

  it('gives, for every organisation facet value, a count equal to its filter', async () => {
    const { facets } = await orgs({ facets: ORG_FACETS });
    let checked = 0;
    for (const { facet, values } of facets) {
      expect([facet, values.length > 0]).toEqual([facet, true]);
      for (const { value, count } of values.slice(0, 4)) {
        const filtered = await orgs({ filters: [{ facet, values: [value] }], hitsPerPage: 1 });
        expect([facet, value, filtered.totalHits]).toEqual([facet, value, count]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(12);
  });

  it('counts an organisation facet disjunctively and never widens through filter syntax', async () => {
    const all = await orgs({ facets: ['COUNTRY'] });
    const lu = await orgs({ filters: [{ facet: 'COUNTRY', values: ['LU'] }], facets: ['COUNTRY'] });
    expect(lu.facets[0].values).toEqual(all.facets[0].values);
    for (const value of ['LU" OR country != "XX', 'LU\\', '*', '" OR "" = "']) {
      const hostile = await orgs({ filters: [{ facet: 'COUNTRY', values: [value] }] });
      expect([value, hostile.totalHits]).toEqual([value, 0]);
    }
  });

  it('finds organisations by the techniques and instruments they offer, nearest first', async () => {
    const xrd = await orgs({ query: 'XRD', hitsPerPage: 5 });
    expect(xrd.totalHits).toBeGreaterThan(0);
    const filtered = await orgs({
      filters: [{ facet: 'TECHNOLOGY', values: ['x-ray-diffraction'] }],
      near: { lat: 49.61, lng: 6.13, radiusKm: 300 },
      sort: 'DISTANCE',
      hitsPerPage: 50,
    });
    expect(filtered.totalHits).toBeGreaterThan(0);
    const distances = filtered.hits.map((h: { distanceKm: number }) => h.distanceKm);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });

  it('returns the best experts, organisations and techniques of one query at once', async () => {
    const result = await run(OVERVIEW, 'search', { q: 'Röntgenbeugung', limit: 3 });
    expect(result.experts).toHaveLength(3);
    for (const hit of result.experts) {
      expect(hit.expert.skills.map((s: any) => s.technology.slug)).toContain('x-ray-diffraction');
    }
    expect(result.technologies[0].technology.slug).toBe('x-ray-diffraction');
    expect(result.expertTotal).toBeGreaterThan(3);
    expect(result.technologies.length).toBeLessThanOrEqual(3);
    const bad = await t.gql(OVERVIEW, { q: 'x', limit: 0 });
    expect(bad.errors?.[0]?.message).toMatch(/^limit: /);
  });
});
