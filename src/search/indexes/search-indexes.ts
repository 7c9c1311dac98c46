import type { Settings } from 'meilisearch';
import type { EntityManager } from 'typeorm';
import { type ExpertDocument, loadExpertDocuments } from './expert.document.js';
import { EXPERTS_INDEX, EXPERTS_SETTINGS } from './experts.index.js';
import { taxonomySynonyms } from './taxonomy-synonyms.js';

/** Outbox rows for this index name ask the relay to re-apply an index's settings. */
export const settingsOutboxName = (index: string) => `${index}:settings`;
export const SETTINGS_DOCUMENT = '00000000-0000-0000-0000-000000000000';

export interface SearchIndexDefinition<D extends { id: string }> {
  /** Declared settings plus what derives from data (synonyms from the taxonomy). */
  settings(em: EntityManager): Promise<Settings>;
  /** Committed state → documents; ids without a row are absent (their documents get deleted). */
  load(em: EntityManager, ids: string[]): Promise<Map<string, D>>;
  /** Every id the index should hold, for reindex and reconciliation. */
  allIds(em: EntityManager): Promise<string[]>;
}

export const SEARCH_INDEXES: Record<string, SearchIndexDefinition<ExpertDocument>> = {
  [EXPERTS_INDEX]: {
    settings: async (em) => ({ ...EXPERTS_SETTINGS, synonyms: await taxonomySynonyms(em) }),
    load: loadExpertDocuments,
    allIds: async (em) =>
      (await em.query<{ id: string }[]>('SELECT id FROM experts ORDER BY id')).map((r) => r.id),
  },
};
