import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SearchResponse } from 'meilisearch';
import { DataSource, In } from 'typeorm';
import { badInput } from '../../common/errors/domain-error.js';
import { languageOr } from '../../common/i18n/language.js';
import { OrganisationEntity } from '../../organisations/organisation.entity.js';
import { toOrganisationModel } from '../../organisations/organisation.mapper.js';
import { SearchEngine } from '../engine/search-engine.service.js';
import { FacetLabels } from '../faceting/facet-labels.service.js';
import {
  type FacetedSearch,
  highlightsOf,
  inHitOrder,
  pageOf,
  runFacetedSearch,
} from '../faceting/faceted-query.js';
import { geoPointAsc, geoRadius } from '../faceting/filter-syntax.js';
import { distanceKm } from '../faceting/geo.js';
import type { OrganisationDocument } from '../indexes/organisation.document.js';
import { ORGANISATIONS_INDEX } from '../indexes/organisations.index.js';
import type { OrganisationSearchInput } from './dto/organisation-search.input.js';
import type {
  OrganisationSearchHit,
  OrganisationSearchResult,
} from './models/organisation-search.models.js';
import {
  ORGANISATION_FACET_ATTRIBUTE,
  ORGANISATION_FACET_LABELS,
  OrganisationFacet,
  OrganisationSort,
} from './organisation-facets.js';

const SORT: Record<OrganisationSort, ((near?: { lat: number; lng: number }) => string[]) | null> = {
  [OrganisationSort.RELEVANCE]: null,
  [OrganisationSort.NAME]: () => ['nameSort:asc'],
  [OrganisationSort.EXPERT_COUNT]: () => ['expertCount:desc'],
  [OrganisationSort.DISTANCE]: (near) => (near ? [geoPointAsc(near)] : []),
};

@Injectable()
export class OrganisationSearchService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly labels: FacetLabels,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async search(input: OrganisationSearchInput): Promise<OrganisationSearchResult> {
    if (input.sort === OrganisationSort.DISTANCE && !input.near)
      throw badInput('sort', 'DISTANCE needs `near`');
    const search: FacetedSearch<OrganisationFacet> = {
      indexUid: this.engine.index(ORGANISATIONS_INDEX),
      query: input.query ?? '',
      filters: input.filters ?? [],
      facets: [...new Set(input.facets ?? [])],
      attributeOf: ORGANISATION_FACET_ATTRIBUTE,
      fixed: input.near ? [geoRadius(input.near)] : [],
      page: input.page,
      hitsPerPage: input.hitsPerPage,
      sort: SORT[input.sort ?? OrganisationSort.RELEVANCE]?.(input.near),
      highlight: ['name', 'acronym', 'description', 'city'],
      crop: ['description'],
    };
    const { main, distribution } = await runFacetedSearch<OrganisationFacet, OrganisationDocument>(
      this.engine.client,
      search,
    );
    return {
      ...pageOf(main),
      hits: await this.toHits(main.hits, input.near),
      facets: await this.labels.label({
        facets: search.facets,
        sourceOf: ORGANISATION_FACET_LABELS,
        countsOf: (facet) => distribution[ORGANISATION_FACET_ATTRIBUTE[facet]] ?? {},
        language: languageOr(input.language),
      }),
    };
  }

  async toHits(
    hits: SearchResponse<OrganisationDocument>['hits'],
    near?: { lat: number; lng: number },
  ): Promise<OrganisationSearchHit[]> {
    const ids = hits.map((h) => h.id);
    const rows = ids.length
      ? await this.db.getRepository(OrganisationEntity).findBy({ id: In(ids) })
      : [];
    const hitById = new Map(hits.map((h) => [h.id, h]));
    return inHitOrder(ids, rows).map((org) => {
      const hit = hitById.get(org.id) as (typeof hits)[number];
      return {
        organisation: toOrganisationModel(org),
        highlights: highlightsOf(hit._formatted),
        distanceKm: near && hit._geo ? distanceKm(near, hit._geo) : null,
        expertCount: hit.expertCount,
      };
    });
  }
}
