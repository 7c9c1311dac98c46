import type { Caller } from '../../auth/caller.js';
import { fromGlobalId } from '../../common/graphql/global-id.js';
import { monthsBefore } from '../../common/time/clock.js';
import type { FacetedSearch } from '../faceting/faceted-query.js';
import { geoPointAsc, geoRadius } from '../faceting/filter-syntax.js';
import type { ExpertSearchInput } from './dto/expert-search.input.js';
import { ExpertFacet, ExpertSort, FACET_ATTRIBUTE } from './expert-facets.js';
import { visibleInSearch } from './expert-visibility.filter.js';

/** `technologies` too: its highlighted entries tell which techniques the query matched. */
const HIGHLIGHTED = ['name', 'jobTitle', 'bio', 'technologies'];

/**
 * What a hit is read for: its id (the expert itself is read from the database), its position
 * (distance) and its technique slugs (which ones the query matched, beside `_formatted`). A whole
 * document carries every technique's names in four languages: retrieving only this cuts the
 * engine's answer to about a third.
 */
export const EXPERT_HIT_ATTRIBUTES = ['id', '_geo', 'technologies.slug'];

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
 * One expert search as a faceted query, for `caller`: what the caller may see (see
 * experts/expert-visibility.ts) is a fixed filter, so no facet filter of the request can lift it.
 */
export function expertSearch(
  indexUid: string,
  input: ExpertSearchInput,
  caller: Caller,
  now = new Date(),
): FacetedSearch<ExpertFacet> {
  return {
    indexUid,
    query: input.query ?? '',
    filters: input.filters ?? [],
    facets: input.facets ?? [],
    attributeOf: FACET_ATTRIBUTE,
    toIndexValue,
    fixed: [
      ...visibleInSearch(caller),
      ...(input.near ? [geoRadius(input.near)] : []),
      ...(input.verifiedWithinMonths ? [verifiedSince(input.verifiedWithinMonths, now)] : []),
    ],
    page: input.page,
    hitsPerPage: input.hitsPerPage,
    sort: sortOf(input),
    highlight: HIGHLIGHTED,
    retrieve: EXPERT_HIT_ATTRIBUTES,
    crop: ['bio'],
  };
}

/**
 * Confirmed on or after the day `months` months before `now`; never-confirmed profiles
 * (`lastVerifiedAt` null) fail the comparison and drop out. The index holds the day as epoch
 * seconds (expert.document.ts).
 */
function verifiedSince(months: number, now: Date): string {
  return `lastVerifiedAt >= ${Date.parse(`${monthsBefore(now, months)}T00:00:00Z`) / 1000}`;
}

function sortOf(input: ExpertSearchInput): string[] | undefined {
  switch (input.sort ?? ExpertSort.RELEVANCE) {
    case ExpertSort.NAME:
      return ['nameSort:asc'];
    case ExpertSort.RECENTLY_VERIFIED:
      return ['lastVerifiedAt:desc'];
    case ExpertSort.DISTANCE:
      return input.near ? [geoPointAsc(input.near)] : undefined;
    case ExpertSort.RELEVANCE:
      return undefined;
  }
}
