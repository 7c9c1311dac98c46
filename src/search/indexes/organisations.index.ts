import type { Settings } from 'meilisearch';
import { CLUSTER_LOCALES } from './locales.js';

/** The organisations index, declared once (see experts.index.ts for how drift is handled). */
export const ORGANISATIONS_INDEX = 'organisations';

export const ORGANISATIONS_SETTINGS: Settings = {
  searchableAttributes: [
    'name',
    'acronym',
    'aliases',
    'technologies.acronyms',
    'technologies.names',
    'technologyNames_de',
    'instruments',
    'city',
    'region',
    'description',
  ],
  filterableAttributes: [
    'type',
    'country',
    'region',
    'clusters',
    'technologySlugs',
    'techniqueCategories',
    '_geo',
  ],
  sortableAttributes: ['nameSort', 'expertCount', '_geo'],
  // Ties go to organisations with more public experts: they are likelier to answer a request.
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
    disableOnAttributes: ['acronym', 'technologies.acronyms'],
  },
  faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: 10_000 },
  localizedAttributes: CLUSTER_LOCALES,
};
