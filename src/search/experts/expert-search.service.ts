import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SearchResponse } from 'meilisearch';
import { DataSource, In } from 'typeorm';
import { badInput } from '../../common/errors/domain-error.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { ExpertEntity } from '../../experts/expert.entity.js';
import { toExpertModel } from '../../experts/expert.mapper.js';
import { TechnologyEntity } from '../../technologies/technology.entity.js';
import { toTechnologyModel } from '../../technologies/technology.mapper.js';
import type { ExpertSearchInput } from './dto/expert-search.input.js';
import { SearchEngine } from '../engine/search-engine.service.js';
import { FacetLabels, type Labels } from '../faceting/facet-labels.service.js';
import {
  DEFAULT_HITS_PER_PAGE,
  highlightsOf,
  runFacetedSearch,
} from '../faceting/faceted-query.js';
import { facetValues } from '../faceting/facet.models.js';
import { distanceKm } from '../faceting/geo.js';
import { expertSearch } from './expert-search.query.js';
import { ExpertFacet, ExpertSort, FACET_ATTRIBUTE } from './expert-facets.js';
import type { ExpertDocument } from '../indexes/expert.document.js';
import { EXPERTS_INDEX } from '../indexes/experts.index.js';
import type {
  ExpertSearchHit,
  ExpertSearchResult,
  FacetCounts,
} from './models/expert-search.models.js';

@Injectable()
export class ExpertSearchService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly facetLabels: FacetLabels,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** `visibility`: the caller's clauses from `visibleInSearch`. */
  async search(input: ExpertSearchInput, visibility: string[]): Promise<ExpertSearchResult> {
    if (input.sort === ExpertSort.DISTANCE && !input.near)
      throw badInput('sort', 'DISTANCE needs `near`');
    const search = expertSearch(this.engine.index(EXPERTS_INDEX), input, visibility);
    const { main, distribution } = await runFacetedSearch<ExpertFacet, ExpertDocument>(
      this.engine.client,
      search,
    );
    return {
      hits: await this.toHits(main.hits, input.near),
      totalHits: main.totalHits ?? 0,
      page: main.page ?? 1,
      totalPages: main.totalPages ?? 0,
      hitsPerPage: main.hitsPerPage ?? DEFAULT_HITS_PER_PAGE,
      facets: await this.labelFacets([...new Set(search.facets)], distribution),
      processingTimeMs: main.processingTimeMs,
    };
  }

  /** Hits become full experts read from the database, in the engine's order. */
  async toHits(
    hits: SearchResponse<ExpertDocument>['hits'],
    near?: { lat: number; lng: number },
  ): Promise<ExpertSearchHit[]> {
    const ids = hits.map((h) => h.id);
    const experts = ids.length
      ? await this.db.getRepository(ExpertEntity).findBy({ id: In(ids) })
      : [];
    const byId = new Map(experts.map((e) => [e.id, e]));
    const slugs = [...new Set(hits.flatMap((h) => matchedSlugs(h)))];
    const techs = slugs.length
      ? await this.db.getRepository(TechnologyEntity).findBy({ slug: In(slugs) })
      : [];
    const techBySlug = new Map(techs.map((t) => [t.slug, t]));
    return hits.flatMap((hit) => {
      const expert = byId.get(hit.id);
      if (!expert) return []; // deleted since it was indexed: the outbox is about to remove it
      return [
        {
          expert: toExpertModel(expert),
          matchedTechnologies: matchedSlugs(hit).flatMap((s) => {
            const tech = techBySlug.get(s);
            return tech ? [toTechnologyModel(tech)] : [];
          }),
          highlights: highlightsOf(hit._formatted),
          distanceKm: near && hit._geo ? distanceKm(near, hit._geo) : null,
        },
      ];
    });
  }

  private async labelFacets(
    requested: ExpertFacet[],
    distribution: Record<string, Record<string, number>>,
  ): Promise<FacetCounts[]> {
    const labels = await this.labels();
    return requested.map((facet) => ({
      facet,
      values: facetValues(
        distribution[FACET_ATTRIBUTE[facet]] ?? {},
        (raw) => labels[facet]?.get(raw) ?? raw,
        facet === ExpertFacet.ORGANISATION ? (raw) => toGlobalId('Organisation', raw) : undefined,
      ),
    }));
  }

  /** Human-readable names for facet values that are slugs or ids. */
  private async labels(): Promise<Partial<Record<ExpertFacet, Labels>>> {
    const technologies = await this.facetLabels.technologies();
    return {
      [ExpertFacet.TECHNOLOGY]: technologies,
      [ExpertFacet.TECHNIQUE_CATEGORY]: technologies,
      [ExpertFacet.MATERIAL]: await this.facetLabels.materials(),
      [ExpertFacet.SECTOR]: await this.facetLabels.sectors(),
      [ExpertFacet.ORGANISATION]: await this.facetLabels.organisations(),
      [ExpertFacet.CLUSTER]: await this.facetLabels.clusters(),
    };
  }
}

/** Techniques of the expert whose names, acronyms or synonyms the query matched. */
function matchedSlugs(hit: SearchResponse<ExpertDocument>['hits'][number]): string[] {
  const formatted = (hit._formatted?.technologies ?? []) as unknown[];
  return formatted.flatMap((entry, i) =>
    JSON.stringify(entry).includes('<mark>') && hit.technologies[i]
      ? [hit.technologies[i].slug]
      : [],
  );
}
