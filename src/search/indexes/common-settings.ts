import type { Settings } from 'meilisearch';

/** Meilisearch's default ranking rules, in its order; an index may append a tie-breaker. */
export const RANKING = ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'];

/**
 * Typo tolerance for the region's vocabulary, with typos off on acronym attributes: acronyms are
 * short and precise, "XPS" must not match "XRD" by a typo.
 */
export const typoTolerance = (acronymAttributes: string[]): Settings['typoTolerance'] => ({
  enabled: true,
  minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
  disableOnAttributes: acronymAttributes,
});

/**
 * What every index declares alike: facet and paging limits — and no facet search.
 * Kenner never calls Meilisearch's /facet-search (facetValues counts with an ordinary search and
 * matches the values' names from the database), and keeping its data costs every indexing task
 * time that grows with the index: at 100,000 experts, turning it off took freshness from p50
 * 3.5 s / p95 4.8 s to p50 2.1 s / p95 2.7 s (npm run bench).
 */
export const COMMON_SETTINGS: Settings = {
  facetSearch: false,
  faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: 10_000 },
};
