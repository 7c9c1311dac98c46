import type { Settings } from 'meilisearch';
import { COMMON_SETTINGS, RANKING, typoTolerance } from './common-settings.js';
import { CLUSTER_LOCALES } from './locales.js';
import { MENTIONED_SEARCHABLE } from './mentioned-techniques.js';

/** The forum's questions with their answers, declared once (see experts.index.ts for drift). */
export const QUESTIONS_INDEX = 'questions';

export const QUESTIONS_SETTINGS: Settings = {
  ...COMMON_SETTINGS,
  searchableAttributes: [
    'title',
    ...MENTIONED_SEARCHABLE,
    'acceptedAnswer',
    'body',
    'answers',
    'categoryNames',
  ],
  filterableAttributes: ['visibility', 'clusters', 'kind', 'category', 'technologySlugs'],
  sortableAttributes: ['lastActivityAt'],
  // Ties: answered questions first, then the most recently active.
  rankingRules: [...RANKING, 'answerCount:desc', 'lastActivityAt:desc'],
  typoTolerance: typoTolerance(['technologies.acronyms']),
  localizedAttributes: CLUSTER_LOCALES,
};
