import type { Meilisearch, MultiSearchQuery, SearchResponse } from 'meilisearch';
import { COMMON_SETTINGS } from '../indexes/common-settings.js';
import {
  DEFAULT_HITS_PER_PAGE,
  type FacetedSearch,
  facetedQueries,
} from '../faceting/faceted-query.js';
import { type NearbyOrganisations, ofOrganisations, pageSlices } from './nearby-organisations.js';

/** A facet count lists at most this many values (`faceting.maxValuesPerFacet`). */
const VALUES_PER_FACET = COMMON_SETTINGS.faceting?.maxValuesPerFacet ?? 100;

/**
 * The page of a DISTANCE search, nearest organisation first: expert documents hold no position
 * to sort on, so the page is cut from the bands of `nearby` (organisations at one distance). It
 * counts the matching experts of every organisation within the radius (one query per 500
 * organisations, the engine's facet value limit, so no count is cut off), finds which bands the
 * page spans, and reads each band's part of the page in relevance order. The search's own
 * filters hold for every count and slice, so totals, facet counts and pages agree.
 */
export async function nearestFirstPage<F extends string, D extends object>(
  client: Meilisearch,
  search: FacetedSearch<F>,
  nearby: NearbyOrganisations,
): Promise<SearchResponse<D>['hits']> {
  const { main } = facetedQueries(search);
  const filter = main.filter as string[];
  const base = { indexUid: search.indexUid, q: search.query };
  const ids = [...nearby.positions.keys()];
  const chunks = Array.from({ length: Math.ceil(ids.length / VALUES_PER_FACET) }, (_, i) =>
    ids.slice(i * VALUES_PER_FACET, (i + 1) * VALUES_PER_FACET),
  );
  if (chunks.length === 0) return [];
  const counted = await client.multiSearch({
    queries: chunks.map((chunk): MultiSearchQuery => ({
      ...base,
      filter: [...filter, ofOrganisations(chunk)],
      facets: ['organisation.id'],
      limit: 0,
    })),
  });
  const counts = new Map<string, number>();
  for (const result of counted.results)
    for (const [id, n] of Object.entries(result.facetDistribution?.['organisation.id'] ?? {}))
      counts.set(id, n);
  const perPage = search.hitsPerPage ?? DEFAULT_HITS_PER_PAGE;
  const slices = pageSlices(
    nearby.bands,
    (id) => counts.get(id) ?? 0,
    ((search.page ?? 1) - 1) * perPage,
    perPage,
  );
  if (slices.length === 0) return [];
  // The main query's text, highlighting and attributes; its paging, facets and sort are not a
  // slice's (undefined fields are left out of the request).
  const read = {
    ...main,
    page: undefined,
    hitsPerPage: undefined,
    facets: undefined,
    sort: undefined,
  };
  const answer = await client.multiSearch<{ queries: MultiSearchQuery[] }, D>({
    queries: slices.map((slice) => ({
      ...read,
      filter: [...filter, ofOrganisations(slice.organisations)],
      offset: slice.offset,
      limit: slice.limit,
    })),
  });
  return (answer.results as unknown as SearchResponse<D>[]).flatMap((r) => r.hits);
}
