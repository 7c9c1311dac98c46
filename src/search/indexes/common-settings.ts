import type { Settings } from 'meilisearch';
import { CLUSTER_LOCALES } from './locales.js';

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

/** What every index declares alike: facet and paging limits, languages. */
export const COMMON_SETTINGS: Settings = {
  faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: 10_000 },
  localizedAttributes: CLUSTER_LOCALES,
};
