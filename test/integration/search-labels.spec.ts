import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

const EXPERTS = `query($input: ExpertSearchInput!) {
  searchExperts(input: $input) { totalHits facets { facet values { value label count } } }
}`;
const ORGS = `query($input: OrganisationSearchInput!) {
  searchOrganisations(input: $input) { facets { facet values { value label count } } }
}`;
const TECHS = `query($input: TechnologySearchInput!) {
  searchTechnologies(input: $input) { facets { facet values { value label count } } }
}`;
const FACET_VALUES = `query($facet: ExpertFacet!, $q: String!, $language: Language) {
  facetValues(facet: $facet, query: $q, language: $language) { value label count }
}`;
const TOWNS = `query($q: String, $limit: Int, $language: Language) {
  towns(query: $q, limit: $limit, language: $language) {
    name country countryName latitude longitude organisationCount
  }
}`;

type Facets = { facet: string; values: { value: string; label: string; count: number }[] }[];

/** `facet` → `value` → label, for the values a test looks at. */
function labels(facets: Facets): Record<string, Record<string, string>> {
  return Object.fromEntries(
    facets.map(({ facet, values }) => [
      facet,
      Object.fromEntries(values.map((v) => [v.value, v.label])),
    ]),
  );
}

/** What the demo organisations say about one town, to check the mean position against. */
function demoTown(city: string) {
  const { organisations } = JSON.parse(
    readFileSync(new URL('../../demo-data/organisations.json', import.meta.url), 'utf8'),
  ) as { organisations: { city: string; latitude: number; longitude: number }[] };
  const here = organisations.filter((o) => o.city === city);
  const mean = (pick: (o: (typeof here)[number]) => number) =>
    here.reduce((sum, o) => sum + pick(o), 0) / here.length;
  return {
    count: here.length,
    latitude: mean((o) => o.latitude),
    longitude: mean((o) => o.longitude),
  };
}

describe('facet labels in the caller’s language, and towns', () => {
  let t: TestApp;
  /** Anonymously, as a partner page would. */
  const run = async (query: string, variables: Record<string, unknown>) => {
    const res = await t.gql(query, variables, null);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as Record<string, any>;
  };
  const expertFacets = async (input: Record<string, unknown>) =>
    (await run(EXPERTS, { input })).searchExperts.facets as Facets;
  const towns = async (variables: Record<string, unknown>) =>
    (await run(TOWNS, variables)).towns as Record<string, any>[];

  beforeAll(async () => {
    t = await startTestApp({ demoExperts: 300 });
    await t.searchSynced(60_000);
  });
  afterAll(() => t.close());

  const FACETS = ['TECHNOLOGY', 'MATERIAL', 'COUNTRY', 'LANGUAGE', 'ORGANISATION_TYPE', 'SERVICE'];
  it.each([
    [
      'FR',
      'Diffraction des rayons X',
      'Acier',
      'Allemagne',
      'Luxembourg',
      'allemand',
      'Université',
      'Formation',
    ],
    [
      'DE',
      'Röntgenbeugung',
      'Stahl',
      'Deutschland',
      'Luxemburg',
      'Deutsch',
      'Universität',
      'Schulung',
    ],
    [
      'NL',
      'Röntgendiffractie',
      'Staal',
      'Duitsland',
      'Luxemburg',
      'Duits',
      'Universiteit',
      'Opleiding',
    ],
    [
      'EN',
      'X-ray diffraction',
      'Steel',
      'Germany',
      'Luxembourg',
      'German',
      'University',
      'Training',
    ],
  ])(
    'labels searchExperts facets in %s, with the same values and counts',
    async (language, xrd, steel, de, lu, german, university, training) => {
      const english = await expertFacets({ facets: FACETS });
      const facets = await expertFacets({ facets: FACETS, language });
      expect(labels(facets)).toMatchObject({
        TECHNOLOGY: { 'x-ray-diffraction': xrd },
        MATERIAL: { steel },
        COUNTRY: { DE: de, LU: lu },
        LANGUAGE: { de: german },
        ORGANISATION_TYPE: { UNIVERSITY: university },
        SERVICE: { TRAINING: training },
      });
      const counts = (f: Facets) =>
        f.map(({ facet, values }) => [facet, values.map((v) => [v.value, v.count]).sort()]);
      expect(counts(facets)).toEqual(counts(english));
    },
  );

  it('labels in English when the language is left out or null', async () => {
    const facets = { facets: ['TECHNOLOGY', 'COUNTRY', 'ORGANISATION_TYPE'] };
    const none = await expertFacets(facets);
    expect(await expertFacets({ ...facets, language: null })).toEqual(none);
    expect(labels(none)).toMatchObject({
      TECHNOLOGY: { 'x-ray-diffraction': 'X-ray diffraction' },
      COUNTRY: { BE: 'Belgium' },
      ORGANISATION_TYPE: { COMPANY: 'Company' },
    });
    const literal = await t.gql(
      `{ searchExperts(input: { language: null, facets: [COUNTRY] }) { facets { values { value label } } } }`,
      undefined,
      null,
    );
    expect(literal.data?.searchExperts.facets[0].values).toContainEqual({
      value: 'FR',
      label: 'France',
    });
  });

  it('refuses a language it does not know, naming the field', async () => {
    for (const language of ['XX', 'fr', 'FRENCH', '', 3]) {
      const res = await t.gql(EXPERTS, { input: { language } }, null);
      expect([language, res.errors?.[0]?.extensions?.code]).toEqual([language, 'BAD_USER_INPUT']);
      expect(res.errors?.[0]?.message).toMatch(/language/);
    }
    const literal = await t.gql(`{ towns(language: XX) { name } }`, undefined, null);
    expect(literal.errors?.[0]?.message).toMatch(/"XX".*Language|Language.*"XX"/);
    const values = await t.gql(FACET_VALUES, { facet: 'COUNTRY', q: '', language: 'de' }, null);
    expect(values.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(values.errors?.[0]?.message).toMatch(/language/);
  });

  it('labels organisation and technique facets in the language too', async () => {
    const orgs = await run(ORGS, {
      input: { facets: ['COUNTRY', 'ORGANISATION_TYPE', 'TECHNOLOGY'], language: 'DE' },
    });
    expect(labels(orgs.searchOrganisations.facets)).toMatchObject({
      COUNTRY: { LU: 'Luxemburg', BE: 'Belgien' },
      ORGANISATION_TYPE: { UNIVERSITY: 'Universität' },
      TECHNOLOGY: { 'x-ray-diffraction': 'Röntgenbeugung' },
    });
    const techs = await run(TECHS, { input: { facets: ['CATEGORY'], language: 'FR' } });
    expect(labels(techs.searchTechnologies.facets)).toMatchObject({
      CATEGORY: {
        microscopy: 'Microscopie',
        'diffraction-and-scattering': 'Diffraction et diffusion',
      },
    });
  });

  it('completes facet values from labels in any language, labelled in the one asked for', async () => {
    const values = async (facet: string, q: string, language?: string | null) =>
      (await run(FACET_VALUES, { facet, q, language })).facetValues as Record<string, unknown>[];
    for (const q of ['Allemagne', 'duitsland', 'Deutschland', 'germ']) {
      expect((await values('COUNTRY', q, 'NL')).map((v) => [v.value, v.label])).toEqual([
        ['DE', 'Duitsland'],
      ]);
    }
    for (const q of ['Röntgen', 'DRX', 'x-ray diff', 'diffraction des']) {
      const found = await values('TECHNOLOGY', q, 'FR');
      expect(found.map((v) => [v.value, v.label])).toContainEqual([
        'x-ray-diffraction',
        'Diffraction des rayons X',
      ]);
    }
    expect((await values('LANGUAGE', 'allemand', null)).map((v) => v.label)).toEqual(['German']);
    expect((await values('ORGANISATION_TYPE', 'universit', 'DE')).map((v) => v.label)).toEqual([
      'Universität',
    ]);
  });

  describe('towns', () => {
    it('finds a town by the start of its name, in any case and without its accents', async () => {
      const esch = demoTown('Esch-sur-Alzette');
      for (const q of ['esch', 'ESCH', 'Esch-sur', 'ésch']) {
        const [first] = await towns({ q, language: 'FR' });
        expect(first).toEqual({
          name: 'Esch-sur-Alzette',
          country: 'LU',
          countryName: 'Luxembourg',
          latitude: expect.closeTo(esch.latitude, 2),
          longitude: expect.closeTo(esch.longitude, 2),
          organisationCount: esch.count,
        });
      }
      const liege = await towns({ q: 'liege' });
      expect(liege.map((x) => [x.name, x.countryName])).toEqual([['Liège', 'Belgium']]);
      expect((await towns({ q: 'saarbrucken', language: 'NL' }))[0]).toMatchObject({
        name: 'Saarbrücken',
        countryName: 'Duitsland',
      });
    });

    it('puts names that start with the query before names that only hold it', async () => {
      const saar = (await towns({ q: 'saar' })).map((x) => x.name);
      expect(saar).toEqual(['Saarbrücken', 'Dillingen/Saar']);
      expect((await towns({ q: 'alzette' })).map((x) => x.name)).toEqual(['Esch-sur-Alzette']);
      expect((await towns({ q: 'rbrück' })).map((x) => x.name)).toEqual(['Saarbrücken']);
      expect(await towns({ q: 'Atlantis' })).toEqual([]);
    });

    it('lists the towns with most organisations first, and leaves out organisations without a position', async () => {
      const created = await t.gql(
        `mutation { createOrganisation(input: { name: "Nowhere Lab", type: OTHER, country: "LU", city: "Eschweiler" }) { id } }`,
      );
      expect(created.errors).toBeUndefined();
      const all = await towns({ limit: 50, q: null, language: null });
      expect(all.map((x) => x.name)).not.toContain('Eschweiler');
      const counts = all.map((x) => x.organisationCount);
      expect([...counts].sort((a, b) => b - a)).toEqual(counts);
      expect(all.length).toBeGreaterThan(20);
      expect(all[0]?.countryName).toMatch(/^[A-Z][a-z]/);
    });

    it('bounds the limit, 10 by default', async () => {
      expect(await towns({})).toHaveLength(10);
      expect(await towns({ limit: null })).toHaveLength(10);
      expect(await towns({ limit: 1 })).toHaveLength(1);
      expect((await towns({ limit: 50 })).length).toBeGreaterThan(10);
      for (const limit of [0, -1, 51, 100_000]) {
        const res = await t.gql(TOWNS, { limit }, null);
        expect([limit, res.errors?.[0]?.extensions?.code]).toEqual([limit, 'BAD_USER_INPUT']);
        expect(res.errors?.[0]?.message).toBe('limit: must be between 1 and 50');
      }
    });

    it('refuses a query that is too long or not valid Unicode, naming it', async () => {
      const cases: [unknown, RegExp][] = [
        ['x'.repeat(101), /^query: must be at most 100 characters$/],
        ['x'.repeat(100_000), /^query: must be at most 100 characters$/],
        ['Esch \ud83d', /^query: must be valid Unicode/],
        ['nul\u0000', /^query: must not contain NUL/],
        [42, /"\$q"/], // graphql-js names the variable
      ];
      for (const [q, message] of cases) {
        const res = await t.gql(TOWNS, { q }, null);
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.message).toMatch(message);
      }
      // Characters that mean something elsewhere are only text here.
      for (const q of ['%', '_', "'; DROP TABLE organisations; --", '.*', '\\']) {
        expect(await towns({ q })).toEqual([]);
      }
    });
  });
});
