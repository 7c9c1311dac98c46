import type { Settings } from 'meilisearch';
import type { EntityManager } from 'typeorm';
import { type ExpertDocument, loadExpertDocuments } from './expert.document.js';
import { EXPERTS_INDEX, EXPERTS_SETTINGS } from './experts.index.js';

export interface SearchIndexDefinition<D extends { id: string }> {
  settings: Settings;
  /** Committed state → documents; ids without a row are absent (their documents get deleted). */
  load(em: EntityManager, ids: string[]): Promise<Map<string, D>>;
  /** Every id the index should hold, for reindex and reconciliation. */
  allIds(em: EntityManager): Promise<string[]>;
}

export const SEARCH_INDEXES: Record<string, SearchIndexDefinition<ExpertDocument>> = {
  [EXPERTS_INDEX]: {
    settings: EXPERTS_SETTINGS,
    load: loadExpertDocuments,
    allIds: async (em) =>
      (await em.query<{ id: string }[]>('SELECT id FROM experts ORDER BY id')).map((r) => r.id),
  },
};
