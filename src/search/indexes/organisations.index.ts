import type { Settings } from 'meilisearch';
import { COMMON_SETTINGS, RANKING, typoTolerance } from './common-settings.js';
import { WHOLE_WORD_LOCALES } from './locales.js';

/** The organisations index, declared once (see experts.index.ts for how drift is handled). */
export const ORGANISATIONS_INDEX = 'organisations';

export const ORGANISATIONS_SETTINGS: Settings = {
  ...COMMON_SETTINGS,
  searchableAttributes: [
    'name',
    'acronym',
    'aliases',
    'technologies.acronyms',
    'technologies.names',
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
  rankingRules: [...RANKING, 'expertCount:desc'],
  typoTolerance: typoTolerance(['acronym', 'technologies.acronyms']),
  localizedAttributes: WHOLE_WORD_LOCALES,
};
