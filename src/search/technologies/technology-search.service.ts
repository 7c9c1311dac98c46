import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SearchResponse } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { Language, languageOr, nameIn } from '../../common/i18n/language.js';
import { parentIn, pathTo } from '../../technologies/taxonomy.js';
import { TechnologyEntity } from '../../technologies/technology.entity.js';
import { toTechnologyModel } from '../../technologies/technology.mapper.js';
import { SearchEngine } from '../engine/search-engine.service.js';
import { facetValues } from '../faceting/facet.models.js';
import {
  type FacetedSearch,
  highlightsOf,
  inHitOrder,
  pageOf,
  runFacetedSearch,
} from '../faceting/faceted-query.js';
import { TECHNOLOGIES_INDEX } from '../indexes/technologies.index.js';
import type { TechnologyDocument } from '../indexes/technology.document.js';
import type { TechnologySearchInput } from './dto/technology-search.input.js';
import type {
  TechnologySearchHit,
  TechnologySearchResult,
} from './models/technology-search.models.js';
import {
  TECHNOLOGY_FACET_ATTRIBUTE,
  TechnologyFacet,
  TechnologySort,
} from './technology-facets.js';

const SORT: Record<TechnologySort, string[] | undefined> = {
  [TechnologySort.RELEVANCE]: undefined,
  [TechnologySort.NAME]: ['nameSort:asc'],
  [TechnologySort.EXPERT_COUNT]: ['expertCount:desc'],
};

@Injectable()
export class TechnologySearchService {
  constructor(
    private readonly engine: SearchEngine,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async search(input: TechnologySearchInput): Promise<TechnologySearchResult> {
    const search: FacetedSearch<TechnologyFacet> = {
      indexUid: this.engine.index(TECHNOLOGIES_INDEX),
      query: input.query ?? '',
      filters: input.filters ?? [],
      facets: [...new Set(input.facets ?? [])],
      attributeOf: TECHNOLOGY_FACET_ATTRIBUTE,
      fixed: [],
      page: input.page,
      hitsPerPage: input.hitsPerPage,
      sort: SORT[input.sort ?? TechnologySort.RELEVANCE],
      highlight: ['names', 'name_de', 'acronyms', 'synonyms', 'description'],
      crop: ['description'],
    };
    const { main, distribution } = await runFacetedSearch<TechnologyFacet, TechnologyDocument>(
      this.engine.client,
      search,
    );
    const { hits, names } = await this.toHitsWithNames(main.hits, languageOr(input.language));
    return {
      ...pageOf(main),
      hits,
      facets: search.facets.map((facet) => ({
        facet,
        values: facetValues(
          distribution[TECHNOLOGY_FACET_ATTRIBUTE[facet]] ?? {},
          (raw) => names.get(raw) ?? raw,
        ),
      })),
    };
  }

  async toHits(hits: SearchResponse<TechnologyDocument>['hits']): Promise<TechnologySearchHit[]> {
    return (await this.toHitsWithNames(hits, Language.EN)).hits;
  }

  /**
   * The whole tree is read once: paths need every ancestor, facet labels every slug (so the labels
   * come from these rows, by the rule FacetLabels applies, rather than from a second read).
   */
  private async toHitsWithNames(
    hits: SearchResponse<TechnologyDocument>['hits'],
    language: Language,
  ) {
    const all = await this.db.getRepository(TechnologyEntity).find();
    const parentOf = parentIn(new Map(all.map((t) => [t.id, t])));
    const hitById = new Map(hits.map((h) => [h.id, h]));
    const found = inHitOrder(
      hits.map((h) => h.id),
      all,
    );
    return {
      names: new Map(all.map((t) => [t.slug, nameIn(t, language)])),
      hits: found.map((tech) => {
        const hit = hitById.get(tech.id) as (typeof hits)[number];
        return {
          technology: toTechnologyModel(tech),
          path: pathTo(tech, parentOf).map(toTechnologyModel),
          highlights: highlightsOf(hit._formatted),
          expertCount: hit.expertCount,
        };
      }),
    };
  }
}
