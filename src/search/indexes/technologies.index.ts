import type { Settings } from 'meilisearch';
import { CLUSTER_LOCALES } from './locales.js';

/** The technologies index, declared once (see experts.index.ts for how drift is handled). */
export const TECHNOLOGIES_INDEX = 'technologies';

export const TECHNOLOGIES_SETTINGS: Settings = {
  searchableAttributes: ['acronyms', 'names', 'name_de', 'synonyms', 'path', 'description'],
  filterableAttributes: ['category', 'parent', 'depth'],
  sortableAttributes: ['nameSort', 'expertCount'],
  rankingRules: [
    'words',
    'typo',
    'proximity',
    'attribute',
    'sort',
    'exactness',
    'expertCount:desc',
  ],
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    disableOnAttributes: ['acronyms'],
  },
  faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: 10_000 },
  localizedAttributes: CLUSTER_LOCALES,
};
