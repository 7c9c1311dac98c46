import type { Meilisearch, MultiSearchQuery, SearchResponse } from 'meilisearch';
import { anyOf } from './filter-syntax.js';

export const DEFAULT_HITS_PER_PAGE = 20;
export const MAX_HITS_PER_PAGE = 100;

/** One faceted search, whatever the index: which facets exist and how a request maps onto them. */
export interface FacetedSearch<F extends string> {
  indexUid: string;
  query: string;
  filters: readonly { facet: F; values: string[] }[];
  /** Facets to count. */
  facets: readonly F[];
  attributeOf: Readonly<Record<F, string>>;
  /** Public filter values → what the index holds (e.g. global ids → storage ids). */
  toIndexValue?: (facet: F, value: string) => string;
  /** Clauses the caller cannot remove (visibility) or that are not facets (distance). */
  fixed: string[];
  page?: number;
  hitsPerPage?: number;
  sort?: string[];
  highlight: string[];
  crop?: string[];
  /** Attributes the caller reads from hits; the rest stays in the engine (smaller answers). */
  retrieve?: string[];
}

export interface FacetedResult<D> {
  main: SearchResponse<D>;
  /** Per requested facet attribute: value → count, each computed without its own filter. */
  distribution: Record<string, Record<string, number>>;
  /** The answers to the `beside` queries, in their order. */
  beside: SearchResponse<Record<string, unknown>>[];
}

/**
 * Runs the main query with every filter, plus one query per filtered facet that leaves that
 * facet's own filter out, so its counts show the alternatives (disjunctive faceting). All of it
 * goes in one multi-search request, with the `beside` queries a search also needs (a person
 * probe): every request to the engine costs both processes more than its queries.
 */
export async function runFacetedSearch<F extends string, D extends object>(
  client: Meilisearch,
  search: FacetedSearch<F>,
  beside: MultiSearchQuery[] = [],
): Promise<FacetedResult<D>> {
  const { main, disjunctive } = facetedQueries(search);
  const response = await client.multiSearch<{ queries: MultiSearchQuery[] }, D>({
    queries: [main, ...disjunctive.map((d) => d.query), ...beside],
  });
  const results = response.results as unknown as SearchResponse<D>[];
  const [mainResult, ...facetResults] = results.slice(0, 1 + disjunctive.length);
  if (!mainResult) throw new Error('Meilisearch returned no result for the main query');
  const distribution = { ...(mainResult.facetDistribution ?? {}) };
  disjunctive.forEach(({ attribute }, i) => {
    distribution[attribute] = facetResults[i]?.facetDistribution?.[attribute] ?? {};
  });
  return {
    main: mainResult,
    distribution,
    beside: results.slice(1 + disjunctive.length),
  };
}

export function facetedQueries<F extends string>(search: FacetedSearch<F>) {
  const filters = search.filters.filter((f) => f.values.length > 0);
  const toIndex = search.toIndexValue ?? ((_: F, value: string) => value);
  const clause = (except?: F): string[] => [
    ...search.fixed,
    ...filters
      .filter((f) => f.facet !== except)
      .map((f) =>
        anyOf(
          search.attributeOf[f.facet],
          f.values.map((v) => toIndex(f.facet, v)),
        ),
      ),
  ];
  const filtered = new Set(filters.map((f) => f.facet));
  const requested = [...new Set(search.facets)];
  const main: MultiSearchQuery = {
    indexUid: search.indexUid,
    q: search.query,
    filter: clause(),
    page: search.page ?? 1,
    hitsPerPage: search.hitsPerPage ?? DEFAULT_HITS_PER_PAGE,
    sort: search.sort,
    facets: requested.filter((f) => !filtered.has(f)).map((f) => search.attributeOf[f]),
    attributesToRetrieve: search.retrieve,
    // Only what is read: highlighting and cropping cost the engine time even where nothing matches.
    ...(search.highlight.length > 0
      ? {
          attributesToHighlight: search.highlight,
          highlightPreTag: '<mark>',
          highlightPostTag: '</mark>',
        }
      : {}),
    ...(search.crop?.length ? { attributesToCrop: search.crop, cropLength: 24 } : {}),
  };
  const disjunctive = requested
    .filter((f) => filtered.has(f))
    .map((facet) => ({
      attribute: search.attributeOf[facet],
      query: {
        indexUid: search.indexUid,
        q: search.query,
        filter: clause(facet),
        facets: [search.attributeOf[facet]],
        limit: 0,
      } satisfies MultiSearchQuery,
    }));
  return { main, disjunctive };
}

/**
 * The highlighted fields of a hit, as `{ field, snippet }`. The engine marks each piece of a word
 * it segmented ("<mark>Röntgen</mark><mark>be</mark><mark>ug</mark><mark>ung</mark>" where German
 * compounds split); touching marks are joined so a client sees the word marked once.
 */
export function highlightsOf(
  formatted: Record<string, unknown> | undefined,
): { field: string; snippet: string }[] {
  return Object.entries(formatted ?? {}).flatMap(([field, snippet]) =>
    typeof snippet === 'string' && snippet.includes('<mark>')
      ? [{ field, snippet: snippet.replaceAll('</mark><mark>', '') }]
      : [],
  );
}

/** The paging figures every search result reports. */
export function pageOf(main: SearchResponse<object>) {
  return {
    totalHits: main.totalHits ?? 0,
    page: main.page ?? 1,
    totalPages: main.totalPages ?? 0,
    hitsPerPage: main.hitsPerPage ?? DEFAULT_HITS_PER_PAGE,
    processingTimeMs: main.processingTimeMs,
  };
}

/** Keeps the engine's order while swapping hits for rows read from the database. */
export function inHitOrder<R extends { id: string }>(ids: string[], rows: R[]): R[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
