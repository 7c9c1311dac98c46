import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SEARCH = `query($input: ExpertSearchInput!) {
  searchExperts(input: $input) {
    totalHits
    understood { combination text technologies { technology { slug } matchedBy } materials { material { slug } matchedBy } }
    hits { matchedTechnologies { slug } expert { id name lastVerifiedAt materials { slug } skills { level years technology { slug } } } }
    facets { facet values { value count } }
  }
}`;
const LEVEL = { EXPERT: 3, ADVANCED: 2, BASIC: 1 } as Record<string, number>;
const XRD = 'x-ray-diffraction';

type Hit = {
  expert: {
    id: string;
    name: string;
    lastVerifiedAt: string | null;
    materials: { slug: string }[];
    skills: { level: string; years: number | null; technology: { slug: string } }[];
  };
  matchedTechnologies: { slug: string }[];
};

describe('searchExperts understands techniques and materials in the query', () => {
  let t: TestApp;
  const search = async (input: Record<string, unknown>) => {
    const res = await t.gql(SEARCH, { input }, null);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data?.searchExperts;
  };
  /** Every hit of a query, page after page. */
  const everyHit = async (input: Record<string, unknown>): Promise<Hit[]> => {
    const hits: Hit[] = [];
    for (let page = 1; ; page++) {
      const result = await search({ ...input, page, hitsPerPage: 100 });
      hits.push(...result.hits);
      if (result.hits.length < 100) return hits;
    }
  };
  const slugs = (hit: Hit) => hit.expert.skills.map((s) => s.technology.slug);

  beforeAll(async () => {
    t = await startTestApp({ demoExperts: 400 });
    await t.searchSynced(60_000);
  });
  afterAll(() => t.close());

  it('answers the same set for a technique however it is written, all of them XRD experts', async () => {
    const expected = await everyHit({ filters: [{ facet: 'TECHNOLOGY', values: [XRD] }] });
    expect(expected.length).toBeGreaterThan(10);
    const ids = expected.map((h) => h.expert.id).sort();
    for (const query of [
      'XRD',
      'DRX',
      'xrd',
      'X-ray diffraction',
      'Röntgenbeugung',
      'x-ray difraction',
      'diffraction des rayons X',
    ]) {
      const hits = await everyHit({ query });
      expect([query, hits.map((h) => h.expert.id).sort()]).toEqual([query, ids]);
      expect(hits.every((h) => h.matchedTechnologies.some((m) => m.slug === XRD))).toBe(true);
    }
  });

  it('says what it understood', async () => {
    const result = await search({ query: 'DRX acier' });
    expect(result.understood).toEqual({
      combination: 'ALL',
      text: '',
      technologies: [{ technology: { slug: XRD }, matchedBy: ['DRX'] }],
      materials: [{ material: { slug: 'steel' }, matchedBy: ['acier'] }],
    });
    const plain = await search({ query: 'metallurgist' });
    expect(plain.understood).toEqual({
      combination: 'ALL',
      text: 'metallurgist',
      technologies: [],
      materials: [],
    });
  });

  it('narrows "DRX acier" to XRD experts working on steel, in every language', async () => {
    const both = await everyHit({
      filters: [
        { facet: 'TECHNOLOGY', values: [XRD] },
        { facet: 'MATERIAL', values: ['steel'] },
      ],
    });
    expect(both.length).toBeGreaterThan(0);
    const ids = both.map((h) => h.expert.id).sort();
    for (const query of ['DRX acier', 'XRD steel', 'Röntgenbeugung Stahl', 'XRD staal']) {
      const hits = await everyHit({ query });
      expect([query, hits.map((h) => h.expert.id).sort()]).toEqual([query, ids]);
      for (const hit of hits) {
        expect(slugs(hit)).toContain(XRD);
        expect(hit.expert.materials.map((m) => m.slug)).toContain('steel');
      }
    }
  });

  it('counts facets over the narrowed set', async () => {
    const result = await search({ query: 'X-ray diffraction', facets: ['TECHNOLOGY', 'COUNTRY'] });
    const [technology, country] = result.facets;
    const top = technology.values[0];
    expect(top).toEqual({ value: XRD, count: result.totalHits });
    expect(country.values.reduce((sum: number, v: { count: number }) => sum + v.count, 0)).toBe(
      result.totalHits,
    );
    const lu = country.values.find((v: { value: string }) => v.value === 'LU');
    const filtered = await search({
      query: 'X-ray diffraction',
      filters: [{ facet: 'COUNTRY', values: ['LU'] }],
    });
    expect(filtered.totalHits).toBe(lu.count);
  });

  it('ranks within a technique by level, then years, then the latest verification', async () => {
    const hits = await everyHit({ query: 'XRD' });
    const keys = hits.map((h) => {
      const skill = h.expert.skills.find((s) => s.technology.slug === XRD);
      return [
        LEVEL[skill?.level ?? ''] ?? 0,
        Math.min(skill?.years ?? 0, 99),
        h.expert.lastVerifiedAt ?? '',
      ] as const;
    });
    const sorted = [...keys].sort(
      (a, b) => b[0] - a[0] || b[1] - a[1] || (b[2] > a[2] ? 1 : b[2] < a[2] ? -1 : 0),
    );
    expect(keys).toEqual(sorted);
    expect(keys[0]?.[0]).toBe(3);
  });

  it('reads "XRD or SEM" as either and "XRD SEM" as both', async () => {
    const sem = 'scanning-electron-microscopy';
    const either = await everyHit({ query: 'XRD or SEM' });
    const both = await everyHit({ query: 'XRD SEM' });
    expect(either.every((h) => slugs(h).includes(XRD) || slugs(h).includes(sem))).toBe(true);
    expect(both.every((h) => slugs(h).includes(XRD) && slugs(h).includes(sem))).toBe(true);
    expect(either.length).toBeGreaterThan(both.length);
    expect((await search({ query: 'DRX ou MEB' })).understood.combination).toBe('ANY');
  });

  it('counts a broader technique for the experts of the techniques beneath it', async () => {
    const hits = await everyHit({ query: 'diffraction and scattering' });
    expect(hits.length).toBeGreaterThan(0);
    const beneath = await everyHit({
      filters: [{ facet: 'TECHNIQUE_CATEGORY', values: ['diffraction-and-scattering'] }],
    });
    expect(hits.map((h) => h.expert.id).sort()).toEqual(beneath.map((h) => h.expert.id).sort());
  });

  it('still finds a person by name, even one named like a technique', async () => {
    const someone = (await search({ hitsPerPage: 1 })).hits[0].expert;
    const byName = await search({ query: someone.name });
    expect(byName.hits[0].expert.id).toBe(someone.id);

    const org = await must(
      t,
      `{ organisations(first: 1) { edges { node { id } } } }`,
      'organisations',
    );
    const tensile = await must(t, `{ technology(slug: "tensile-testing") { id } }`, 'technology');
    const sem = await must(
      t,
      `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
      'createExpert',
      {
        input: {
          name: 'Sem Raman',
          email: 'sem.raman@lab.example',
          organisationId: org.edges[0].node.id,
          skills: [{ technologyId: tensile.id, level: 'EXPERT' }],
        },
      },
    );
    await t.searchSynced();
    for (const query of ['Sem Raman', 'sem raman']) {
      const result = await search({ query });
      expect([query, result.hits[0]?.expert.id]).toEqual([query, sem.id]);
      expect(result.understood.technologies).toEqual([]);
    }
    // One word that exactly names a technique stays the technique.
    const technique = await everyHit({ query: 'SEM' });
    expect(technique.map((h: Hit) => h.expert.id)).not.toContain(sem.id);
    expect(technique.every((h) => slugs(h).includes('scanning-electron-microscopy'))).toBe(true);
  });

  it('narrows the experts of the search overview the same way', async () => {
    const total = (await search({ query: 'XRD' })).totalHits;
    const res = await t.gql(
      `{ search(query: "Röntgenbeugung", limit: 20) { expertTotal experts { expert { skills { technology { slug } } } } } }`,
      {},
      null,
    );
    const overview = res.data?.search;
    expect(overview.expertTotal).toBe(total);
    for (const hit of overview.experts) expect(slugs(hit)).toContain(XRD);
  });

  it('treats hostile queries as text', async () => {
    for (const query of ['XRD" OR visibility = "STAFF', 'steel) OR (id EXISTS', '*', '""']) {
      const result = await search({ query });
      expect(result.hits.length).toBeLessThanOrEqual(20);
    }
  });
});
