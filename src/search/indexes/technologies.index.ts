import type { Settings } from 'meilisearch';
import { COMMON_SETTINGS, RANKING, typoTolerance } from './common-settings.js';
import { CLUSTER_LOCALES } from './locales.js';

/** The technologies index, declared once (see experts.index.ts for how drift is handled). */
export const TECHNOLOGIES_INDEX = 'technologies';

export const TECHNOLOGIES_SETTINGS: Settings = {
  ...COMMON_SETTINGS,
  searchableAttributes: ['acronyms', 'names', 'name_de', 'synonyms', 'path', 'description'],
  filterableAttributes: ['category', 'parent', 'depth'],
  sortableAttributes: ['nameSort', 'expertCount'],
  rankingRules: [...RANKING, 'expertCount:desc'],
  typoTolerance: typoTolerance(['acronyms']),
  localizedAttributes: CLUSTER_LOCALES,
};
