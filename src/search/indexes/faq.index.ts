import type { Settings } from 'meilisearch';
import { COMMON_SETTINGS, RANKING, typoTolerance } from './common-settings.js';
import { CLUSTER_LOCALES } from './locales.js';
import { MENTIONED_SEARCHABLE } from './mentioned-techniques.js';

/** The FAQ index, declared once (see experts.index.ts for how drift is handled). */
export const FAQ_INDEX = 'faq';

export const FAQ_SETTINGS: Settings = {
  ...COMMON_SETTINGS,
  // Questions before answers; the taxonomy synonyms (search-indexes.ts) let "DRX" and
  // "Röntgenbeugung" find an entry written in English about X-ray diffraction.
  searchableAttributes: [
    'question_en',
    'question_fr',
    'question_de',
    'question_nl',
    'answer_en',
    'answer_fr',
    'answer_de',
    'answer_nl',
    // The techniques the text mentions, with every name (mentioned-techniques.ts).
    ...MENTIONED_SEARCHABLE,
    'categoryNames',
  ],
  filterableAttributes: [
    'visibility',
    'clusters',
    'status',
    'category',
    'languages',
    'technologySlugs',
  ],
  sortableAttributes: ['position'],
  rankingRules: RANKING,
  typoTolerance: typoTolerance(['technologies.acronyms']),
  localizedAttributes: CLUSTER_LOCALES,
};
