import { ANONYMOUS } from '../../src/auth/caller.js';
import { ExpertFacet } from '../../src/search/experts/expert-facets.js';
import type { ExpertSearchInput } from '../../src/search/experts/dto/expert-search.input.js';
import { expertSearch, personProbe } from '../../src/search/experts/expert-search.query.js';
import { facetedQueries } from '../../src/search/faceting/faceted-query.js';
import {
  type NearbyOrganisations,
  nearbyQuery,
} from '../../src/search/experts/nearby-organisations.js';
import type { UnderstoodQuery } from '../../src/search/understanding/query-understanding.service.js';

/**
 * What Kenner reads before it searches, read beforehand for the raw side: where the mix's `near`
 * searches reach (`organisationsNear`) and what each query names (`QueryUnderstanding`). See
 * mix-engine-view.ts.
 */
export interface MixEngineView {
  organisationsIndex: string;
  of(near: { lat: number; lng: number; radiusKm: number }): NearbyOrganisations;
  understood(query: string | undefined): UnderstoodQuery | null;
}

const NOWHERE: NearbyOrganisations = { positions: new Map(), bands: [] };

const TEXTS = [
  'XRD',
  'DRX',
  'Röntgenbeugung',
  'x-ray difraction',
  'diffraction des rayons X',
  'SEM',
  'MEB',
  'REM',
  'scanning electron microscopy',
  'microscopie électronique',
  'XPS',
  'DSC',
  'DDK',
  'thermogravimetry',
  'corrosion',
  'salt spray',
  'fatigue testing',
  'tensile test',
  'Zugversuch',
  'computed tomography',
  'CT',
  'ultrasonic testing',
  'Ultraschallprüfung',
  'Raman',
  'FTIR',
  'hardness',
  'Härteprüfung',
  'metallography',
  'failure analysis',
  'polymer',
  'composites',
  'battery',
  'rubber',
  'coatings',
  'tribology',
  'powder',
  'nanoparticles',
  'steel',
  'acier',
  'aluminium',
  'microscpy',
  'spectroscopie',
];

/**
 * The fixed search mix: text (names in four languages, acronyms, typos), facet filters, distance
 * and facet counts — 50+ searches, each as GraphQL and as the exact Meilisearch request Kenner
 * sends for it, so both sides do the same work; `input` too, for systems that translate it their
 * own way (the PostgreSQL full-text alternative).
 */
export function searchMix(
  expertsIndex: string,
  /** For `raw`, what Kenner reads first (see MixEngineView); without it `raw` searches words. */
  engine?: MixEngineView,
): { input: ExpertSearchInput; graphql: string; raw: string }[] {
  const inputs: ExpertSearchInput[] = [
    ...TEXTS.map((query) => ({ query })),
    { query: 'XRD', filters: [{ facet: ExpertFacet.COUNTRY, values: ['LU'] }] },
    {
      query: 'SEM',
      filters: [{ facet: ExpertFacet.COUNTRY, values: ['LU', 'BE'] }],
      facets: [ExpertFacet.COUNTRY],
    },
    {
      filters: [{ facet: ExpertFacet.TECHNOLOGY, values: ['x-ray-diffraction'] }],
      facets: [ExpertFacet.TECHNOLOGY, ExpertFacet.MATERIAL],
    },
    { query: 'corrosion', facets: [ExpertFacet.SECTOR, ExpertFacet.SERVICE, ExpertFacet.LANGUAGE] },
    { near: { lat: 49.4958, lng: 5.9806, radiusKm: 30 } },
    { query: 'microscopy', near: { lat: 49.61, lng: 6.13, radiusKm: 50 } },
    { facets: [ExpertFacet.CLUSTER, ExpertFacet.ORGANISATION_TYPE, ExpertFacet.REGION] },
    {
      query: 'fatigue',
      filters: [{ facet: ExpertFacet.MATERIAL, values: ['steel'] }],
      facets: [ExpertFacet.MATERIAL],
    },
    { query: 'Raman', hitsPerPage: 50 },
    { query: 'DSC', page: 2 },
  ];
  const query = `query($input: ExpertSearchInput!) { searchExperts(input: $input) {
    totalHits hits { expert { id name jobTitle organisation { name } } distanceKm } facets { facet values { value count } } } }`;
  return inputs.map((input) => {
    const near = input.near;
    const reach = near ? (engine?.of(near) ?? NOWHERE) : null;
    const understood = engine?.understood(input.query) ?? null;
    const { main, disjunctive } = facetedQueries(
      // The GraphQL query reads neither matchedTechnologies nor highlights: Kenner then asks the
      // engine for no highlights.
      expertSearch(expertsIndex, input, ANONYMOUS, understood, reach, {
        matchedTechnologies: false,
        highlights: false,
      }),
    );
    // Kenner reads the organisations within `near` first, then searches their experts, and looks
    // for a person named by the query beside it: the raw side does the same engine work, in one
    // request.
    const lookup = near && engine ? [nearbyQuery(engine.organisationsIndex, near)] : [];
    const probe = personProbe(expertsIndex, input.query ?? '', ANONYMOUS, understood);
    return {
      input,
      graphql: JSON.stringify({ query, variables: { input } }),
      raw: JSON.stringify({
        queries: [...lookup, main, ...disjunctive.map((d) => d.query), ...(probe ? [probe] : [])],
      }),
    };
  });
}
