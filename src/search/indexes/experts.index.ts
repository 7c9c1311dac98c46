import type { Settings } from 'meilisearch';
import { COMMON_SETTINGS, RANKING, typoTolerance } from './common-settings.js';
import { WHOLE_WORD_LOCALES } from './locales.js';

/**
 * The experts index, declared once. Start-up compares this with the live settings and repairs
 * drift; a change here that forces re-indexing goes through rebuild-and-swap.
 */
export const EXPERTS_INDEX = 'experts';

export const EXPERTS_SETTINGS: Settings = {
  ...COMMON_SETTINGS,
  // Priority order: who the person is, then what they master, then where, then the rest.
  searchableAttributes: [
    'name',
    'technologies.acronyms',
    'technologies.names',
    'technologies.synonyms',
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
    // verifiedWithinMonths: the freshness filter.
    'lastVerifiedAt',
  ],
  // `skillRank` holds one number per technique slug: sorting on `skillRank.<slug>` grades the
  // experts of a technique (a nested field is sortable when its parent is declared).
  // No `_geo`: positions are the organisations' (expert.document.ts), distance order is cut from
  // them (search/experts/distance-page.ts).
  sortableAttributes: ['nameSort', 'lastVerifiedAt', 'skillRank'],
  rankingRules: RANKING,
  typoTolerance: typoTolerance(['technologies.acronyms']),
  localizedAttributes: WHOLE_WORD_LOCALES,
};
