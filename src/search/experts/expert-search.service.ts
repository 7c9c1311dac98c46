import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SearchResponse } from 'meilisearch';
import { DataSource } from 'typeorm';
import type { Caller } from '../../auth/caller.js';
import { createLoaders, type Loaders } from '../../graphql/loaders.js';
import { badInput } from '../../common/errors/domain-error.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { languageOr } from '../../common/i18n/language.js';
import { toExpertModel } from '../../experts/expert.mapper.js';
import type { ExpertSearchInput } from './dto/expert-search.input.js';
import { SearchEngine } from '../engine/search-engine.service.js';
import { FacetLabels } from '../faceting/facet-labels.service.js';
import { highlightsOf, pageOf, runFacetedSearch } from '../faceting/faceted-query.js';
import { distanceKm, type Position } from '../faceting/geo.js';
import {
  ALL_HIT_NEEDS,
  type ExpertHitNeeds,
  expertSearch,
  personProbe,
  withPersonProbe,
} from './expert-search.query.js';
import { unique } from '../indexes/projection.js';
import {
  QueryUnderstanding,
  type UnderstoodQuery,
} from '../understanding/query-understanding.service.js';
import { understoodModel } from '../understanding/query-understanding.mapper.js';
import { ExpertFacet, ExpertSort, FACET_ATTRIBUTE, FACET_LABELS } from './expert-facets.js';
import type { ExpertDocument } from '../indexes/expert.document.js';
import { EXPERTS_INDEX } from '../indexes/experts.index.js';
import { ORGANISATIONS_INDEX } from '../indexes/organisations.index.js';
import { nearestFirstPage } from './distance-page.js';
import { organisationsNear } from './nearby-organisations.js';
import type { ExpertSearchHit, ExpertSearchResult } from './models/expert-search.models.js';

@Injectable()
export class ExpertSearchService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly facetLabels: FacetLabels,
    private readonly understanding: QueryUnderstanding,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * Searches the experts `caller` may see. Techniques and materials the query names narrow the
   * result (see understanding/); a query that is a visible expert's name is searched as today.
   */
  async search(
    input: ExpertSearchInput,
    caller: Caller,
    loaders?: Pick<Loaders, 'expert'>,
    needs: ExpertHitNeeds = ALL_HIT_NEEDS,
  ): Promise<ExpertSearchResult> {
    if (input.sort === ExpertSort.DISTANCE && !input.near)
      throw badInput('sort', 'DISTANCE needs `near`');
    const { understood, nearby, search, answer } = await this.narrowedOrPlain(input, caller, needs);
    const { main, distribution } = answer;
    const hits =
      nearby && input.sort === ExpertSort.DISTANCE
        ? await nearestFirstPage<ExpertFacet, ExpertDocument>(this.engine.client, search, nearby)
        : main.hits;
    return {
      ...pageOf(main),
      understood: understoodModel(understood, input.query ?? ''),
      hits: await this.toHits(
        hits,
        caller,
        loaders,
        input.near && nearby ? { from: input.near, positions: nearby.positions } : undefined,
        understood,
      ),
      facets: await this.facetLabels.label({
        facets: [...new Set(search.facets)],
        sourceOf: FACET_LABELS,
        countsOf: (facet) => distribution[FACET_ATTRIBUTE[facet]] ?? {},
        language: languageOr(input.language),
        publicValue: (facet, raw) =>
          facet === ExpertFacet.ORGANISATION ? toGlobalId('Organisation', raw) : raw,
      }),
    };
  }

  /**
   * The search narrowed to what the query names, or the plain one when it names a person; with
   * `near`, the organisations within it are read meanwhile.
   */
  private async narrowedOrPlain(input: ExpertSearchInput, caller: Caller, needs: ExpertHitNeeds) {
    const index = this.engine.index(EXPERTS_INDEX);
    const query = input.query ?? '';
    const [read, nearby] = await Promise.all([
      this.understanding.understand(query),
      input.near
        ? organisationsNear(this.engine.client, this.engine.index(ORGANISATIONS_INDEX), input.near)
        : null,
    ]);
    const narrowed = expertSearch(index, input, caller, read, nearby, needs);
    const { result: answer, person } = await withPersonProbe(
      personProbe(index, query, caller, read),
      read,
      async (beside) => {
        const result = await runFacetedSearch<ExpertFacet, ExpertDocument>(
          this.engine.client,
          narrowed,
          beside,
        );
        return { result, probed: result.beside[0] };
      },
    );
    if (!person) return { understood: read, nearby, search: narrowed, answer };
    const plain = expertSearch(index, input, caller, null, nearby, needs);
    return {
      understood: null,
      nearby,
      search: plain,
      answer: await runFacetedSearch<ExpertFacet, ExpertDocument>(this.engine.client, plain),
    };
  }

  /**
   * Hits become full experts read from the database, in the engine's order. The read applies the
   * caller's visibility again: the index can lag behind a visibility change (the relay's delay, or
   * a document the engine refused), and a stale document must not show a hidden expert. Such a
   * hit is dropped from the page; the engine's totals and facet counts are not corrected (they are
   * off by the stale documents only, until the relay has caught up). A hit's distance is its
   * organisation's, from `distance.positions` (the organisations within the radius).
   */
  async toHits(
    hits: SearchResponse<ExpertDocument>['hits'],
    caller: Caller,
    /** The request's loaders (GraphQL), which keep the organisations read here for later fields. */
    loaders: Pick<Loaders, 'expert'> = createLoaders(this.db, caller),
    distance?: { from: Position; positions: Map<string, Position> },
    understood: UnderstoodQuery | null = null,
  ): Promise<ExpertSearchHit[]> {
    // One statement for the page, which also reads the experts' organisations for later fields.
    const experts = await loaders.expert.loadMany(hits.map((h) => h.id));
    const byId = new Map(
      experts.flatMap((e) => {
        if (e instanceof Error) throw e;
        return e ? [[e.id, e] as const] : [];
      }),
    );
    // A narrowed search matched no words of a technique: its hits matched the named techniques.
    const named = new Set(understood?.techniqueRequirements.flatMap((r) => r.slugs));
    const matched = (hit: (typeof hits)[number]) =>
      unique([
        ...matchedSlugs(hit),
        ...(hit.technologies ?? []).map((t) => t.slug).filter((s) => named.has(s)),
      ]);
    return hits.flatMap((hit) => {
      const expert = byId.get(hit.id);
      if (!expert) return []; // deleted or hidden since it was indexed
      return [
        {
          expert: toExpertModel(expert),
          matchedSlugs: matched(hit),
          highlights: highlightsOf(hit._formatted),
          distanceKm: distanceOf(hit, distance),
        },
      ];
    });
  }
}

function distanceOf(
  hit: Pick<ExpertDocument, 'organisation'>,
  distance?: { from: Position; positions: Map<string, Position> },
): number | null {
  const position = distance && hit.organisation && distance.positions.get(hit.organisation.id);
  return distance && position ? distanceKm(distance.from, position) : null;
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
