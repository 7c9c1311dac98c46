import type { Settings } from 'meilisearch';
import type { EntityManager } from 'typeorm';
import { loadExpertDocuments } from './expert.document.js';
import { EXPERTS_INDEX, EXPERTS_SETTINGS } from './experts.index.js';
import { loadFaqDocuments } from './faq.document.js';
import { FAQ_INDEX, FAQ_SETTINGS } from './faq.index.js';
import { loadOrganisationDocuments } from './organisation.document.js';
import { ORGANISATIONS_INDEX, ORGANISATIONS_SETTINGS } from './organisations.index.js';
import { allQuestionDocumentIds, loadQuestionDocuments } from './question.document.js';
import { QUESTIONS_INDEX, QUESTIONS_SETTINGS } from './questions.index.js';
import { TECHNOLOGIES_INDEX, TECHNOLOGIES_SETTINGS } from './technologies.index.js';
import { loadTechnologyDocuments } from './technology.document.js';
import { taxonomySynonyms } from './taxonomy-synonyms.js';

/** Outbox rows for this index name ask the relay to re-apply an index's settings. */
export const settingsOutboxName = (index: string) => `${index}:settings`;
export const SETTINGS_DOCUMENT = '00000000-0000-0000-0000-000000000000';

export interface SearchIndexDefinition<D extends { id: string }> {
  /** The settings declared in code; synonyms are added from the taxonomy (`withSynonyms`). */
  settings: Settings;
  /** Committed state → documents; ids without a row are absent (their documents get deleted). */
  load(em: EntityManager, ids: string[]): Promise<Map<string, D>>;
  /** Every id the index should hold, for reindex and reconciliation. */
  allIds(em: EntityManager): Promise<string[]>;
  /**
   * For indexes whose documents summarise many rows (counts of public experts): how long the
   * relay holds their pending rows, so that the writes of that span cost one send. See
   * docs/search.md, "How the index stays right".
   */
  coalesceMs?: number;
  /**
   * False for an index whose documents already carry every name of their techniques, in every
   * language: the taxonomy's synonyms then find nothing more there, and expanding query words
   * into them cost the engine 40% of its throughput on the experts (docs/benchmarks.md).
   */
  taxonomySynonyms?: false;
}

/**
 * Every expert write also makes its organisation and techniques stale (their counts and
 * technique lists), and re-reading those costs queries over all their experts: at 10 writes/s on
 * 100,000 experts, doing so after each batch held up the next write's expert document.
 */
export const SUMMARY_COALESCE_MS = 1_000;

const idsOf = (table: string) => async (em: EntityManager) =>
  (await em.query<{ id: string }[]>(`SELECT id FROM ${table} ORDER BY id`)).map((r) => r.id);

/**
 * An index's full settings: an index whose documents name techniques one way (FAQ entries,
 * questions, organisations, techniques) gets the taxonomy's synonyms, so "DRX" finds text that
 * says "X-ray diffraction". Callers compute the synonyms once (`taxonomySynonyms`).
 */
export const withSynonyms = (
  definition: SearchIndexDefinition<{ id: string }>,
  synonyms: Record<string, string[]>,
): Settings => ({
  ...definition.settings,
  synonyms: definition.taxonomySynonyms === false ? {} : synonyms,
});

export { taxonomySynonyms };

/** The registry the relay, the reindex and the reconciliation iterate over. */
export const SEARCH_INDEXES: Record<string, SearchIndexDefinition<{ id: string }>> = {
  [EXPERTS_INDEX]: {
    settings: EXPERTS_SETTINGS,
    load: loadExpertDocuments,
    allIds: idsOf('experts'),
    // Each expert document holds its techniques' names, acronyms and synonyms in every language.
    taxonomySynonyms: false,
  },
  [ORGANISATIONS_INDEX]: {
    settings: ORGANISATIONS_SETTINGS,
    load: loadOrganisationDocuments,
    allIds: idsOf('organisations'),
    coalesceMs: SUMMARY_COALESCE_MS,
  },
  [TECHNOLOGIES_INDEX]: {
    settings: TECHNOLOGIES_SETTINGS,
    load: loadTechnologyDocuments,
    allIds: idsOf('technologies'),
    coalesceMs: SUMMARY_COALESCE_MS,
  },
  [FAQ_INDEX]: {
    settings: FAQ_SETTINGS,
    load: loadFaqDocuments,
    allIds: idsOf('faq_entries'),
  },
  [QUESTIONS_INDEX]: {
    settings: QUESTIONS_SETTINGS,
    load: loadQuestionDocuments,
    allIds: allQuestionDocumentIds,
  },
};
