import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Hit, MultiSearchQuery } from 'meilisearch';
import { type DataSource, In } from 'typeorm';
import type { Caller } from '../../auth/caller.js';
import { FaqEntryEntity } from '../../faq/faq-entry.entity.js';
import { maySeeFaqEntry } from '../../faq/faq-visibility.js';
import { toFaqEntryModel } from '../../faq/faq.mapper.js';
import { visibleInSearch } from '../experts/expert-visibility.filter.js';
import { highlightsOf, inHitOrder } from '../faceting/faceted-query.js';
import type { FaqDocument } from '../indexes/faq.document.js';
import { FAQ_INDEX } from '../indexes/faq.index.js';
import { SearchEngine } from '../engine/search-engine.service.js';
import type { FaqSearchHit } from './faq-search.models.js';

const TEXT = ['question_en', 'question_fr', 'question_de', 'question_nl'];
const ANSWERS = ['answer_en', 'answer_fr', 'answer_de', 'answer_nl'];

/** FAQ entries in search: the query the caller may run, and hits read back from the database. */
@Injectable()
export class FaqSearchService {
  constructor(
    private readonly engine: SearchEngine,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The entries `caller` may see (faq-visibility.ts), as the index states it. */
  query(q: string, limit: number, caller: Caller): MultiSearchQuery {
    return {
      indexUid: this.engine.index(FAQ_INDEX),
      q,
      limit,
      filter: visibleInSearch(caller),
      attributesToRetrieve: ['id'],
      attributesToHighlight: [...TEXT, ...ANSWERS],
      attributesToCrop: ANSWERS,
      highlightPreTag: '<mark>',
      highlightPostTag: '</mark>',
    };
  }

  /**
   * Hits as entries, read from the database and checked again: an entry unpublished a moment
   * ago may still be PUBLIC in the index until the relay has sent it.
   */
  async toHits(hits: Hit<FaqDocument>[], caller: Caller): Promise<FaqSearchHit[]> {
    if (hits.length === 0) return [];
    const ids = hits.map((h) => h.id);
    const rows = await this.db.manager.findBy(FaqEntryEntity, { id: In(ids) });
    const visible = inHitOrder(ids, rows).filter((e) => maySeeFaqEntry(caller, e));
    const formatted = new Map(hits.map((h) => [h.id, h._formatted]));
    return visible.map((e) => ({
      entry: toFaqEntryModel(e),
      highlights: highlightsOf(formatted.get(e.id) as Record<string, unknown> | undefined),
    }));
  }
}
