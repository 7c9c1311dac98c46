import type { Settings } from 'meilisearch';
import { CLUSTER_LOCALES } from './locales.js';

/**
 * The experts index, declared once. Start-up compares this with the live settings and repairs
 * drift; a change here that forces re-indexing goes through rebuild-and-swap.
 */
export const EXPERTS_INDEX = 'experts';

export const EXPERTS_SETTINGS: Settings = {
  // Priority order: who the person is, then what they master, then where, then the rest.
  searchableAttributes: [
    'name',
    'technologies.acronyms',
    'technologies.names',
    'technologies.synonyms',
    'technologyNames_de',
    'jobTitle',
    'materialNames',
    'technologyAncestors',
    'organisation.name',
    'organisation.acronym',
    'organisation.aliases',
    'organisation.city',
    'sectorNames',
    'bio',
  ],
  filterableAttributes: [
    'id',
    'visibility',
    'technologySlugs',
    'techniqueCategories',
    'materials',
    'sectors',
    'services',
    'organisation.id',
    'organisation.type',
    'organisation.country',
    'organisation.region',
    'languages',
    'clusters',
    '_geo',
  ],
  sortableAttributes: ['nameSort', 'lastVerifiedAt', '_geo'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    // Acronyms are short and precise: "XPS" must not match "XRD" by a typo.
    disableOnAttributes: ['technologies.acronyms'],
  },
  faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: 10_000 },
  localizedAttributes: CLUSTER_LOCALES,
};
