import type { Meilisearch } from 'meilisearch';
import type { EntityManager } from 'typeorm';
import type { SearchIndexDefinition } from '../indexes/search-indexes.js';
import { documentHash } from './document-hash.js';

const PAGE = 1000;

export interface Drift {
  /** In the database, not in the index. */
  missing: string[];
  /** In the index, no longer in the database. */
  extra: string[];
  /** In both, with different content. */
  different: string[];
}

export const driftCount = (d: Drift): number =>
  d.missing.length + d.extra.length + d.different.length;

/**
 * Compares ids and content hashes on both sides: counts alone would miss a changed document.
 * Both sides are read in pages, so memory holds hashes, not documents.
 */
export async function compareIndex(
  em: EntityManager,
  client: Meilisearch,
  uid: string,
  definition: SearchIndexDefinition<{ id: string }>,
  onProgress?: (done: number, total: number) => void,
): Promise<Drift> {
  const ids = await definition.allIds(em);
  const wanted = new Map<string, string>();
  for (let i = 0; i < ids.length; i += PAGE) {
    const documents = await definition.load(em, ids.slice(i, i + PAGE));
    for (const [id, document] of documents) wanted.set(id, documentHash(document));
    onProgress?.(Math.min(i + PAGE, ids.length), ids.length);
  }
  const indexed = new Map<string, string>();
  const index = client.index(uid);
  for (let offset = 0; ; offset += PAGE) {
    const page = await index.getDocuments({ offset, limit: PAGE });
    for (const document of page.results) indexed.set(String(document.id), documentHash(document));
    if (page.results.length < PAGE) break;
  }
  const drift: Drift = { missing: [], extra: [], different: [] };
  for (const [id, hash] of wanted) {
    const live = indexed.get(id);
    if (live === undefined) drift.missing.push(id);
    else if (live !== hash) drift.different.push(id);
  }
  for (const id of indexed.keys()) if (!wanted.has(id)) drift.extra.push(id);
  return drift;
}
