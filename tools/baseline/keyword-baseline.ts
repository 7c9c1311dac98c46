import type { KennerMeilisearch } from '../../src/search/engine/meilisearch-client.js';
import type { EntityManager } from 'typeorm';
import { ExpertEntity } from '../../src/experts/expert.entity.js';
import { sendDocuments } from '../../src/search/sync/document-sender.js';
import { loadExpertDocuments } from '../../src/search/indexes/expert.document.js';

/**
 * The yardstick for matching: the same experts as plain keyword documents (English names only,
 * no synonyms, no taxonomy, Meilisearch defaults), searched with the request text as typed.
 */
export class KeywordBaseline {
  constructor(
    private readonly client: KennerMeilisearch,
    private readonly uid: string,
  ) {}

  async build(em: EntityManager): Promise<number> {
    await this.client.deleteIndexIfExists(this.uid);
    await this.client.createIndex(this.uid, { primaryKey: 'id' }).waitTask();
    const ids = (await em.find(ExpertEntity, { select: { id: true } })).map((e) => e.id);
    for (let i = 0; i < ids.length; i += 1000) {
      const docs = await loadExpertDocuments(em, ids.slice(i, i + 1000));
      await sendDocuments(
        this.client,
        this.uid,
        [...docs.values()].map((d) => ({
          id: d.id,
          name: d.name,
          jobTitle: d.jobTitle,
          bio: d.bio,
          techniques: d.technologies.map((t) => t.name),
          materials: d.materials.map((slug) => slug.replace(/-/g, ' ')),
          organisation: `${d.organisation.name} ${d.organisation.city ?? ''}`,
        })),
        [],
      );
    }
    return ids.length;
  }

  async search(text: string, limit: number): Promise<string[]> {
    // 'frequency' drops the commonest words first; the default ('last') keeps the first word,
    // and "We need…" would find nobody — a strawman, not a baseline.
    const result = await this.client
      .index(this.uid)
      .search(text, { limit, matchingStrategy: 'frequency' });
    return result.hits.map((h) => String(h.id));
  }

  drop(): Promise<unknown> {
    return this.client.deleteIndexIfExists(this.uid);
  }
}
