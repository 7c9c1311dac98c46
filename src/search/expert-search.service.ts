import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SearchResponse } from 'meilisearch';
import { DataSource, In } from 'typeorm';
import { badInput } from '../common/errors/domain-error.js';
import { toGlobalId } from '../common/graphql/global-id.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { toExpertModel } from '../experts/expert.mapper.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { toTechnologyModel } from '../technologies/technology.mapper.js';
import { MaterialEntity, SectorEntity } from '../vocabularies/vocabulary-entry.entity.js';
import type { ExpertSearchInput } from './dto/expert-search.input.js';
import { SearchEngine } from './engine/search-engine.service.js';
import { buildExpertQueries, distanceKm } from './expert-search.query.js';
import { ExpertFacet, ExpertSort, FACET_ATTRIBUTE, PUBLIC_ONLY } from './expert-facets.js';
import type { ExpertDocument } from './indexes/expert.document.js';
import { EXPERTS_INDEX } from './indexes/experts.index.js';
import type {
  ExpertSearchHit,
  ExpertSearchResult,
  FacetCounts,
} from './models/expert-search.models.js';

@Injectable()
export class ExpertSearchService {
  constructor(
    private readonly engine: SearchEngine,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async search(input: ExpertSearchInput): Promise<ExpertSearchResult> {
    if (input.sort === ExpertSort.DISTANCE && !input.near)
      throw badInput('sort', 'DISTANCE needs `near`');
    const { main, disjunctive, requested } = buildExpertQueries(
      this.engine.index(EXPERTS_INDEX),
      input,
      PUBLIC_ONLY,
    );
    const response = await this.engine.client.multiSearch<
      { queries: (typeof main)[] },
      ExpertDocument
    >({ queries: [main, ...disjunctive.map((d) => d.query)] });
    const [mainResult, ...facetResults] =
      response.results as unknown as SearchResponse<ExpertDocument>[];
    if (!mainResult) throw new Error('Meilisearch returned no result for the main query');
    const distribution = { ...(mainResult.facetDistribution ?? {}) };
    disjunctive.forEach(({ facet }, i) => {
      const attribute = FACET_ATTRIBUTE[facet];
      distribution[attribute] = facetResults[i]?.facetDistribution?.[attribute] ?? {};
    });
    return {
      hits: await this.toHits(mainResult.hits, input),
      totalHits: mainResult.totalHits ?? 0,
      page: mainResult.page ?? 1,
      totalPages: mainResult.totalPages ?? 0,
      hitsPerPage: mainResult.hitsPerPage ?? main.hitsPerPage ?? 20,
      facets: await this.labelFacets(requested, distribution),
      processingTimeMs: mainResult.processingTimeMs,
    };
  }

  /** Hits become full experts read from the database, in the engine's order. */
  private async toHits(
    hits: SearchResponse<ExpertDocument>['hits'],
    input: ExpertSearchInput,
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
          highlights: Object.entries(hit._formatted ?? {}).flatMap(([field, snippet]) =>
            typeof snippet === 'string' && snippet.includes('<mark>') ? [{ field, snippet }] : [],
          ),
          distanceKm: input.near && hit._geo ? distanceKm(input.near, hit._geo) : null,
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
      values: Object.entries(distribution[FACET_ATTRIBUTE[facet]] ?? {})
        .map(([raw, count]) => {
          const value = facet === ExpertFacet.ORGANISATION ? toGlobalId('Organisation', raw) : raw;
          return { value, label: labels[facet]?.get(raw) ?? raw, count };
        })
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    }));
  }

  /** Human-readable names for facet values that are slugs or ids. */
  private async labels(): Promise<Partial<Record<ExpertFacet, Map<string, string>>>> {
    const [techs, materials, sectors, orgs] = [
      await this.db.getRepository(TechnologyEntity).find({ select: { slug: true, name: true } }),
      await this.db.getRepository(MaterialEntity).find({ select: { slug: true, name: true } }),
      await this.db.getRepository(SectorEntity).find({ select: { slug: true, name: true } }),
      await this.db.getRepository(OrganisationEntity).find({ select: { id: true, name: true } }),
    ];
    const bySlug = (rows: { slug: string; name: string }[]) =>
      new Map(rows.map((r) => [r.slug, r.name]));
    return {
      [ExpertFacet.TECHNOLOGY]: bySlug(techs),
      [ExpertFacet.TECHNIQUE_CATEGORY]: bySlug(techs),
      [ExpertFacet.MATERIAL]: bySlug(materials),
      [ExpertFacet.SECTOR]: bySlug(sectors),
      [ExpertFacet.ORGANISATION]: new Map(orgs.map((o) => [o.id, o.name])),
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
