import type { MultiSearchQuery } from 'meilisearch';
import { fromGlobalId } from '../common/graphql/global-id.js';
import type { ExpertSearchInput } from './dto/expert-search.input.js';
import { anyOf, ExpertFacet, ExpertSort, FACET_ATTRIBUTE } from './expert-facets.js';

export const DEFAULT_HITS_PER_PAGE = 20;

/** `technologies` too: its highlighted entries tell which techniques the query matched. */
const HIGHLIGHTED = ['name', 'jobTitle', 'bio', 'technologies'];

/** Organisation facet values are public global ids; the index holds storage ids. */
const toIndexValue = (facet: ExpertFacet, value: string): string =>
  facet === ExpertFacet.ORGANISATION ? safeOrganisationId(value) : value;

function safeOrganisationId(value: string): string {
  try {
    return fromGlobalId(value, 'Organisation');
  } catch {
    return value; // an unknown id simply matches nothing
  }
}

/**
 * Builds the Meilisearch queries for one search: the main query with every filter, plus one
 * query per filtered facet that leaves that facet's own filter out, so its counts show the
 * alternatives (disjunctive faceting). `visibility` is a filter the caller cannot remove.
 */
export function buildExpertQueries(
  indexUid: string,
  input: ExpertSearchInput,
  visibility: string[],
) {
  const filters = (input.filters ?? []).filter((f) => f.values.length > 0);
  const clause = (except?: ExpertFacet): string[] => [
    anyOf('visibility', visibility),
    ...filters
      .filter((f) => f.facet !== except)
      .map((f) =>
        anyOf(
          FACET_ATTRIBUTE[f.facet],
          f.values.map((v) => toIndexValue(f.facet, v)),
        ),
      ),
    ...(input.near
      ? [
          `_geoRadius(${input.near.lat}, ${input.near.lng}, ${Math.round(input.near.radiusKm * 1000)})`,
        ]
      : []),
  ];
  const hitsPerPage = input.hitsPerPage ?? DEFAULT_HITS_PER_PAGE;
  const page = input.page ?? 1;
  const requested = [...new Set(input.facets ?? [])];
  const filtered = new Set(filters.map((f) => f.facet));
  const main: MultiSearchQuery = {
    indexUid,
    q: input.query ?? '',
    filter: clause(),
    page,
    hitsPerPage,
    sort: sortOf(input),
    facets: requested.filter((f) => !filtered.has(f)).map((f) => FACET_ATTRIBUTE[f]),
    attributesToHighlight: HIGHLIGHTED,
    attributesToCrop: ['bio'],
    cropLength: 24,
    highlightPreTag: '<mark>',
    highlightPostTag: '</mark>',
  };
  const disjunctive = requested
    .filter((f) => filtered.has(f))
    .map((facet) => ({
      facet,
      query: {
        indexUid,
        q: input.query ?? '',
        filter: clause(facet),
        facets: [FACET_ATTRIBUTE[facet]],
        limit: 0,
      },
    }));
  return { main, disjunctive, requested };
}

function sortOf(input: ExpertSearchInput): string[] | undefined {
  switch (input.sort ?? ExpertSort.RELEVANCE) {
    case ExpertSort.NAME:
      return ['nameSort:asc'];
    case ExpertSort.RECENTLY_VERIFIED:
      return ['lastVerifiedAt:desc'];
    case ExpertSort.DISTANCE:
      return input.near ? [`_geoPoint(${input.near.lat}, ${input.near.lng}):asc`] : undefined;
    case ExpertSort.RELEVANCE:
      return undefined;
  }
}

/** Great-circle distance in km. */
export function distanceKm(
  a: { lat: number; lng: number },
  b: { lat: number; lng: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)) * 10) / 10;
}
